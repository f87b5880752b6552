package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.LogCurve;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.model.LogRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace written by an earlier build (schema version 1: commit 9eb6f79, the pygslib Demo1 drillholes ingested
 * with `geoassure ingest ... --dip-convention positive-down --beyond-total-depth warn`) opens in this build: it is
 * upgraded to the current schema, passes the integrity check, keeps every row, and takes the newer data (logs, series).
 */
class SqliteStoreUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void schemaOneWorkspaceIsUpgradedAndKeepsItsData() throws IOException, SQLException {
        Path ws = dir.resolve("old.gpkg");
        try (InputStream in = getClass().getResourceAsStream("/workspaces/demo1-schema-1.gpkg")) {
            Files.copy(in, ws);
        }
        assertEquals("1", schemaVersion(ws), "the fixture is a schema-1 file");
        try (WorkspaceStore store = Workspaces.open(ws)) {
            assertEquals(List.of(), store.check(), "sound after the upgrade");
            assertEquals(29, store.holeIds().size());
            try (var rows = store.intervals("assays", Selection.all())) {
                assertEquals(1882, rows.count(), "every assay row of pygslib_demo1_assay.csv");
            }
            double[] depth = {1.0, 2.0};
            store.ingestLogs(List.of(new LogData("0", "gr", "M", List.of(new LogCurve("GR", "GAPI", "")), depth,
                    List.of(new double[] {50.5, Double.NaN}), new SourceFile("las", "gr.las", "ab".repeat(32), 2))),
                    new Provenance(List.of(new SourceFile("las", "gr.las", "ab".repeat(32), 2)), "tester", Map.of(),
                            List.of()));
            try (var logs = store.logs(Selection.all())) {
                List<LogRecord> all = logs.toList();
                assertEquals(1, all.size());
                assertArrayEquals(depth, all.get(0).log().depths());
                assertEquals(50.5, all.get(0).log().value(0, 0));
                assertEquals(Double.NaN, all.get(0).log().value(0, 1));
            }
            var series = (org.geoassure.geodb.store.SeriesStore) store;
            series.ingestStations(List.of(new org.geoassure.geodb.series.Station("PZ1", "",
                    org.geoassure.geodb.series.StationKind.PIEZOMETER, 1, 2, 3, "m", "")), new Provenance(List.of(),
                    "tester", Map.of(), List.of()));
            series.ingestReadings(List.of(org.geoassure.geodb.series.Readings.of("PZ1",
                    java.time.Instant.parse("2024-01-01T00:00:00Z"), 4.5)), new Provenance(List.of(), "tester",
                    Map.of(), List.of()));
            assertEquals(new org.geoassure.geodb.store.SeriesStore.SeriesCounts(1, 1, 1), series.seriesCounts(),
                    "the schema-4 series tables were added");
            assertEquals(List.of(), store.check(), "sound with the new data");
        }
        assertEquals(Integer.toString(Schema.VERSION), schemaVersion(ws));
    }

    /**
     * A schema-3 file written by commit 1ef1395 (the last build before the series tables): {@code SqliteStore.create}
     * then {@code writeBlockModel} of model "pit" (origin 10,20,30, rotation 15, cells 5 m, 4 x 3 x 2, attributes au
     * float32 and rock category ox/fresh; cell 0,0,0 = au 1.5, rock fresh; cell 3,2,1 = au null, rock ox), comment
     * "schema-3 fixture", user "fixture"; then VACUUM in journal mode DELETE.
     */
    @Test
    void schemaThreeWorkspaceGetsTheSeriesTablesAndKeepsItsBlockModel() throws IOException, SQLException {
        Path ws = dir.resolve("v3.gpkg");
        try (InputStream in = getClass().getResourceAsStream("/workspaces/blocks-schema-3.gpkg")) {
            Files.copy(in, ws);
        }
        assertEquals("3", schemaVersion(ws), "the fixture is a schema-3 file");
        try (SqliteStore store = SqliteStore.open(ws)) {
            assertEquals(List.of(), store.check(), "sound after the upgrade");
            var v = store.blockModels();
            assertEquals(1, v.size());
            assertEquals("schema-3 fixture", v.get(0).comment());
            assertEquals(2, v.get(0).cells(), "the two cells written");
            store.ingestStations(List.of(new org.geoassure.geodb.series.Station("PZ1", "",
                    org.geoassure.geodb.series.StationKind.PIEZOMETER, 1, 2, 3, "MPa", "")), new Provenance(List.of(),
                    "tester", Map.of(), List.of()));
            store.ingestReadings(List.of(org.geoassure.geodb.series.Readings.of("PZ1",
                    java.time.Instant.parse("2024-01-01T00:00:00Z"), 2.25)), new Provenance(List.of(), "tester",
                    Map.of(), List.of()));
            assertEquals(2.25, store.lastValues(List.of("PZ1"), java.time.Instant.parse("2024-06-01T00:00:00Z"), null)
                    .get(0).value());
            assertEquals(List.of("blockmodel", "stations", "readings"), store.ingests().stream()
                    .map(org.geoassure.geodb.model.IngestRecord::kind).toList());
            assertEquals(List.of(), store.check(), "sound with the new data");
        }
        assertEquals("4", schemaVersion(ws));
    }

    private static String schemaVersion(Path ws) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT value FROM ga_workspace WHERE key = 'schema_version'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
