package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded engine promises: a valid GeoPackage file, WAL mode, byte-level atomicity. */
class SqliteStoreFileTest {
    @TempDir
    Path dir;

    private static DrillholeBatch oneHole(String id, double z, List<SurveyStation> survey) {
        HoleData h = new HoleData(Collar.of(id, 39_500_000, 4_000_000, z), survey,
                Map.of("lithology", List.of(new IntervalRow(0, 10, List.of("coal")))), null);
        return new DrillholeBatch(List.of(h), Map.of("lithology", List.of(new Column("lith", ColumnType.TEXT))),
                DesurveyMethod.MINIMUM_CURVATURE, null, new Provenance(List.of(), "t", Map.of(), List.of()));
    }

    /** Every row of every table, as text: the whole file's content. */
    private static List<String> dump(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master ORDER BY name")) {
                while (rs.next()) {
                    out.add("schema " + rs.getString(1) + ": " + rs.getString(2));
                    String sql = rs.getString(2);
                    if (sql != null && sql.startsWith("CREATE TABLE")) {
                        // a WITHOUT ROWID table (series_readings) is ordered by its primary key, the first columns
                        tables.add(rs.getString(1) + (sql.contains("WITHOUT ROWID") ? "\u0000" : ""));
                    }
                }
            }
            for (String name : tables) {
                boolean noRowid = name.endsWith("\u0000");
                String t = noRowid ? name.substring(0, name.length() - 1) : name;
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY "
                        + (noRowid ? "1, 2, 3" : "rowid"))) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder(t).append(':');
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object o = rs.getObject(i);
                            sb.append(' ').append(o instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : o);
                        }
                        out.add(sb.toString());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void isAGeoPackage() throws Exception {
        Path f = dir.resolve("ws.gpkg");
        try (WorkspaceStore s = Workspaces.create(f, WorkspaceInfo.of("t", "EPSG:4527", "Yellow Sea 1985"))) {
            s.ingest(oneHole("H1", 100, List.of()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                assertEquals(0x47504B47, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
            List<String> layers = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name")) {
                while (rs.next()) {
                    layers.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getObject(3));
                }
            }
            assertEquals(List.of("boreholes/features/4527", "features/features/4527", "intervals_lithology/features/4527",
                    "logs/attributes/null", "series_stations/attributes/null", "surveys/attributes/null",
                    "traces/features/4527"), layers);
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertEquals(10300, rs.getInt(1), "GeoPackage 1.3");
            }
            try (ResultSet rs = s.executeQuery("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'boreholes'")) {
                assertEquals(39_500_000, rs.getDouble(1));
                assertEquals(4_000_000, rs.getDouble(2));
                assertEquals(39_500_000, rs.getDouble(3));
                assertEquals(4_000_000, rs.getDouble(4));
            }
            try (ResultSet rs = s.executeQuery("SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys "
                    + "WHERE srs_id = 4527")) {
                assertEquals("EPSG", rs.getString(1));
                assertEquals(4527, rs.getInt(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT geom FROM boreholes")) {
                byte[] g = rs.getBytes(1);
                // 'GP', version 0, flags 1 (little endian, no envelope), srs 4527, then ISO WKB POINT Z (1001)
                assertArrayEquals(new byte[] {'G', 'P', 0, 1, (byte) 0xAF, 0x11, 0, 0, 1, (byte) 0xE9, 0x03, 0, 0},
                        java.util.Arrays.copyOf(g, 13));
                assertEquals(8 + 5 + 24, g.length);
            }
        }
    }

    @Test
    void failedIngestLeavesEveryByteOfContentAsItWas() throws Exception {
        Path f = dir.resolve("ws.gpkg");
        try (WorkspaceStore s = Workspaces.create(f, WorkspaceInfo.of("t", "EPSG:4527", "unspecified"))) {
            s.ingest(oneHole("H1", 100, List.of()));
        }
        List<String> before = dump(f);
        try (WorkspaceStore s = Workspaces.open(f)) {
            // a new table would be created and then the desurvey fails: the DDL must roll back too
            HoleData ok = new HoleData(Collar.of("H2", 39_500_100, 4_000_000, 100), List.of(),
                    Map.of("assays", List.of(new IntervalRow(0, 1, List.of(1.0)))), null);
            HoleData bad = new HoleData(Collar.of("H3", 39_500_200, 4_000_000, 100),
                    List.of(new SurveyStation(0, 0, -90), new SurveyStation(5, 0, 90)), Map.of(), null);
            DrillholeBatch b = new DrillholeBatch(List.of(ok, bad), Map.of("assays", List.of(new Column("cu", ColumnType.NUMBER))),
                    DesurveyMethod.MINIMUM_CURVATURE, null, new Provenance(List.of(), "t", Map.of(), List.of()));
            assertThrows(InvalidContentException.class, () -> s.ingest(b));
        }
        assertEquals(before, dump(f));
    }

    @Test
    void failedReadingsIngestLeavesEveryByteOfContentAsItWas() throws Exception {
        Path f = dir.resolve("ws.gpkg");
        Provenance p = new Provenance(List.of(), "t", Map.of(), List.of());
        java.time.Instant t0 = java.time.Instant.parse("2024-01-01T00:00:00Z");
        try (SqliteStore s = SqliteStore.create(f, WorkspaceInfo.of("t", "EPSG:4527", "unspecified"))) {
            s.ingestStations(List.of(new org.geoassure.geodb.series.Station("PZ1", "",
                    org.geoassure.geodb.series.StationKind.PIEZOMETER, 1, 2, 3, "MPa", "")), p);
            s.ingestReadings(List.of(org.geoassure.geodb.series.Readings.of("PZ1", t0, 1.0)), p);
        }
        List<String> before = dump(f);
        try (SqliteStore s = SqliteStore.open(f)) {
            // a correction and a new reading are written, then the repeated time of the second batch fails
            var ok = new org.geoassure.geodb.series.Readings("PZ1", new long[] {
                org.geoassure.geodb.series.Readings.micros(t0), org.geoassure.geodb.series.Readings.micros(t0) + 1},
                new double[] {1.5, 2.0}, null);
            var again = org.geoassure.geodb.series.Readings.of("PZ1", t0, 3.0);
            assertThrows(InvalidContentException.class, () -> s.ingestReadings(List.of(ok, again), p));
            assertThrows(InvalidContentException.class, () -> s.ingestStations(List.of(
                    new org.geoassure.geodb.series.Station("PZ2", "", org.geoassure.geodb.series.StationKind.RAINFALL,
                            1, 2, 3, "mm", ""), new org.geoassure.geodb.series.Station("PZ2", "",
                            org.geoassure.geodb.series.StationKind.RAINFALL, 1, 2, 3, "mm", "")), p));
        }
        assertEquals(before, dump(f));
    }

    @Test
    void refusesExistingFileAndNonWorkspace() throws Exception {
        Path f = dir.resolve("x.gpkg");
        Files.writeString(f, "not sqlite");
        InvalidContentException exists = assertThrows(InvalidContentException.class,
                () -> Workspaces.create(f, WorkspaceInfo.of("t", "EPSG:4527", "u")));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
        InvalidContentException notWs = assertThrows(InvalidContentException.class, () -> Workspaces.open(f));
        assertTrue(notWs.getMessage().contains("x.gpkg"), notWs.getMessage());
        InvalidContentException missing = assertThrows(InvalidContentException.class,
                () -> Workspaces.open(dir.resolve("none.gpkg")));
        assertTrue(missing.getMessage().contains("geoassure init"), missing.getMessage());
        InvalidContentException badCrs = assertThrows(InvalidContentException.class,
                () -> Workspaces.create(dir.resolve("y.gpkg"), WorkspaceInfo.of("t", "EPSG:999999", "u")));
        assertTrue(badCrs.getMessage().contains("EPSG:999999"), badCrs.getMessage());
        assertTrue(Files.notExists(dir.resolve("y.gpkg")));
    }

    @Test
    void reopenedWorkspaceKeepsInfo() {
        Path f = dir.resolve("ws.gpkg");
        Workspaces.create(f, WorkspaceInfo.of("mine", "epsg:4529", "Yellow Sea 1985")).close();
        try (WorkspaceStore s = Workspaces.open(f)) {
            assertEquals("EPSG:4529", s.info().crs());
            assertEquals("mine", s.info().name());
            assertEquals("Yellow Sea 1985", s.info().verticalDatum());
        }
    }
}
