package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.SeriesStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series in the embedded engine: the conformance suite ({@link SeriesStoreConformance}) plus what only the GeoPackage
 * file has (a record period broken in the file, the upgrade of a schema version 3 file).
 */
class SeriesStoreTest extends SeriesStoreConformance {
    @TempDir
    Path dir;

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return SqliteStore.create(dir.resolve("ws.gpkg"), info);
    }

    @Test
    void checkFindsAReversedRecordPeriod() throws SQLException {
        Path f = dir.resolve("ws.gpkg");
        try (Both s = store()) {
            s.ingestReadings(List.of(readings("PZ1", new String[] {"2024-01-01T00:00:00Z"}, 1)), P);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("UPDATE series_readings SET superseded_at = recorded_at");
        }
        try (SqliteStore s = SqliteStore.open(f)) {
            assertTrue(s.check().stream().anyMatch(x -> x.startsWith("series_readings: empty or reversed record period")),
                    s.check().toString());
        }
    }

    @Test
    void versionThreeFileIsUpgradedOnOpen() throws SQLException {
        Path f = dir.resolve("old.gpkg");
        SqliteStore.create(f, INFO).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            dropSeriesTables(s);
            s.execute("UPDATE ga_workspace SET value = '3' WHERE key = 'schema_version'");
        }
        try (SqliteStore ws = SqliteStore.open(f)) {
            ws.ingestStations(List.of(PZ1), P);
            ws.ingestReadings(List.of(readings("PZ1", new String[] {"2024-01-01T00:00:00Z"}, 1.25)), P);
            assertEquals(1.25, ws.lastValues(List.of("PZ1"), t("2025-01-01T00:00:00Z"), null).get(0).value());
            assertEquals(List.of(), ws.check());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT value FROM ga_workspace WHERE key = 'schema_version'")) {
            rs.next();
            assertEquals("4", rs.getString(1));
        }
    }

    /**
     * Turns a new file back into one without the version 4 tables (series, features, warnings; version 3 and
     * before).
     */
    static void dropSeriesTables(Statement s) throws SQLException {
        for (String t : List.of("ga_warning_ack", "ga_warning_rules", "series_readings", "series_stations", "series_station_key", "features",
                "ga_rtree_features")) {
            s.execute("DROP TABLE " + t);
        }
        s.execute("DELETE FROM gpkg_contents WHERE table_name LIKE 'series_%'");
        s.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = 'features'");
        s.execute("DELETE FROM gpkg_contents WHERE table_name = 'features'");
    }
}
