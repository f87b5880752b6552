package org.geoassure.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.SeriesStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.postgis.internal.PgStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostGIS engine against the series conformance suite, each test in a fresh schema ({@link TestSchemas}), plus
 * what only PostGIS has: readings in yearly partitions, and {@code check()} over the series tables.
 */
@ExtendWith(RequiresPostgis.class)
class PostgisSeriesConformanceTest extends SeriesStoreConformance {
    private final TestSchemas schemas = new TestSchemas("series");

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return schemas.create(info);
    }

    /** Drops the schema of the test (the test closed its store). */
    @AfterEach
    void dropSchema() throws Exception {
        schemas.drop(null);
    }

    private static Connection sql(Both s) throws SQLException {
        Connection c = DriverManager.getConnection(RequiresPostgis.url());
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + ((PgStore) s.ws).schema() + ", public");
        }
        return c;
    }

    /** Partition name and row count of each partition holding rows, by name. */
    private static List<String> partitions(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT tableoid::regclass::text, count(*) "
                + "FROM series_readings GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getLong(2));
            }
        }
        return out;
    }

    @Test
    void readingsGoToYearlyPartitionsAndARefusedIngestLeavesNone() throws Exception {
        try (Both s = store(); Connection c = sql(s)) {
            s.ingestReadings(List.of(readings("PZ1", new String[] {"2023-12-31T23:59:59Z", "2024-01-01T00:00:00Z",
                "2024-06-01T00:00:00Z"}, 1, 2, 3)), P);
            assertEquals(List.of("series_readings_y2023 1", "series_readings_y2024 2"), partitions(c));
            assertThrows(InvalidContentException.class, () -> s.ingestReadings(List.of(
                    readings("PZ1", new String[] {"2026-01-01T00:00:00Z"}, 4),
                    readings("PZ9", new String[] {"2026-01-01T00:00:00Z"}, 4)), P));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_class WHERE relname = 'series_readings_y2026'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the refused ingest's partition was rolled back with it");
            }
            assertEquals(3, s.readings("PZ1", null, null, null).size());
            assertEquals(List.of(), s.check());
        }
    }

    @Test
    void checkFindsAReadingSupersededAtNoIngestsTime() throws Exception {
        try (Both s = store(); Connection c = sql(s)) {
            s.ingestReadings(List.of(readings("PZ1", new String[] {"2024-01-01T00:00:00Z"}, 1)), P);
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE series_readings SET superseded_at = recorded_at + 1");
            }
            List<String> findings = s.check();
            assertEquals(1, findings.size(), findings.toString());
            assertTrue(findings.get(0).startsWith("series_readings: superseded at a time that is no ingest's"),
                    findings.get(0));
        }
    }
}
