package org.geoassure.geodb.query.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
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
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.query.sql.internal.TimeClauses;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code FOR VALID_TIME AS OF} and {@code FOR SYSTEM_TIME AS OF} in SQL text, on a workspace with history on both
 * axes: hole H logged as sandstone 0..40 m, valid from 2025-01-01; later re-logged as coal 0..40 m valid from
 * 2025-06-01 (a new valid period; the sandstone stays valid before it). The expected rows follow the documented
 * bitemporal rules (docs/data-model.md).
 */
class SqlTimeClausesTest {
    @TempDir
    static Path dir;

    static WorkspaceStore store;
    static Connection sql;
    static Instant betweenIngests;

    static DrillholeBatch batch(String lith, double to, Instant validFrom) {
        HoleData h = new HoleData(Collar.of("H", 500_000, 6_800_000, 300), List.of(new SurveyStation(0, 0, -90)),
                Map.of("lithology", List.of(new IntervalRow(0, to, List.of(lith)))), null);
        return new DrillholeBatch(List.of(h), Map.of("lithology", List.of(new Column("lith", ColumnType.TEXT))),
                DesurveyMethod.MINIMUM_CURVATURE, validFrom, new Provenance(List.of(), "t", Map.of(), List.of()));
    }

    @BeforeAll
    static void workspace() throws InterruptedException {
        store = Workspaces.create(dir.resolve("time.gpkg"), WorkspaceInfo.of("time", "EPSG:28350", "AHD"));
        store.ingest(batch("sandstone", 40, Instant.parse("2025-01-01T00:00:00Z")));
        Thread.sleep(5);
        betweenIngests = Instant.now();
        Thread.sleep(5);
        store.ingest(batch("coal", 40, Instant.parse("2025-06-01T00:00:00Z")));
        sql = SqlQueries.connect(store, TimeSlice.current());
    }

    @AfterAll
    static void close() throws SQLException {
        sql.close();
        store.close();
    }

    static List<String> rows(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getDouble(2));
            }
        }
        return out;
    }

    static String stamp(Instant t) {
        return t.toString().replace('T', ' ').replace("Z", "");
    }

    @Test
    void validTimeClause() throws SQLException {
        assertEquals(List.of("coal|40.0"), rows("SELECT lith, depth_to FROM lithology"));
        assertEquals(List.of("sandstone|40.0"), rows(
                "SELECT lith, depth_to FROM lithology FOR VALID_TIME AS OF TIMESTAMP '2025-03-01 00:00:00'"));
        assertEquals(List.of("coal|40.0"), rows(
                "SELECT lith, depth_to FROM lithology FOR VALID_TIME AS OF DATE '2025-06-01'"));
        assertEquals(List.of(), rows(
                "SELECT lith, depth_to FROM lithology FOR VALID_TIME AS OF '2024-12-31T23:59:59Z'"), "nothing valid yet");
    }

    @Test
    void systemTimeClause() throws SQLException {
        assertEquals(List.of("sandstone|40.0"), rows("SELECT lith, depth_to FROM lithology FOR SYSTEM_TIME AS OF "
                + "TIMESTAMP '" + stamp(betweenIngests) + "'"), "before the second ingest the store knew only sandstone");
        assertEquals(List.of(), rows("SELECT lith, depth_to FROM lithology FOR SYSTEM_TIME AS OF TIMESTAMP "
                + "'2020-01-01 00:00:00'"), "nothing was recorded in 2020");
    }

    @Test
    void bothAxesAndJoinsOfTwoSlices() throws SQLException {
        assertEquals(List.of("sandstone|40.0"), rows("SELECT lith, depth_to FROM lithology "
                + "FOR VALID_TIME AS OF DATE '2025-07-01' FOR SYSTEM_TIME AS OF TIMESTAMP '" + stamp(betweenIngests)
                + "'"), "in July, as the store knew it between the ingests");
        assertEquals(List.of("coal|40.0"), rows("SELECT lith, depth_to FROM lithology "
                + "FOR SYSTEM_TIME AS OF TIMESTAMP '" + stamp(Instant.now()) + "' FOR VALID_TIME AS OF DATE '2025-07-01'"));
        // the same table at two valid times, side by side: what changed between March and July
        assertEquals(List.of("sandstone>coal|40.0"), rows("SELECT a.lith || '>' || b.lith, b.depth_to FROM lithology "
                + "FOR VALID_TIME AS OF DATE '2025-03-01' AS a JOIN ws.lithology FOR VALID_TIME AS OF DATE '2025-07-01' b "
                + "ON a.hole_id = b.hole_id"));
        // boreholes too, and the clause inside a subquery
        assertEquals(List.of("H|0.0"), rows("SELECT hole_id, (SELECT count(*) FROM surveys "
                + "FOR SYSTEM_TIME AS OF TIMESTAMP '2020-01-01 00:00:00') FROM boreholes"));
    }

    @Test
    void clausesInsideStringsAndCommentsAreText() throws SQLException {
        assertEquals(List.of("FOR VALID_TIME AS OF DATE '2025-03-01'|40.0"), rows(
                "SELECT 'FOR VALID_TIME AS OF DATE ''2025-03-01''', depth_to /* FOR SYSTEM_TIME AS OF 'x' */ FROM lithology"));
    }

    @Test
    void rewriteKeepsLinesAndColumns() {
        String text = "SELECT lith\nFROM lithology FOR VALID_TIME AS OF DATE '2025-06-01'\nWHERE nope = 1";
        TimeClauses.Result r = TimeClauses.rewrite(text);
        List<String> lines = r.sql().lines().toList();
        assertEquals(3, lines.size(), r.sql());
        assertEquals("FROM `valid 2025-06-01T00:00:00Z`.lithology", lines.get(1).stripTrailing());
        assertEquals(text.lines().toList().get(1).length(), lines.get(1).length(), "padded to the same length");
        assertEquals("WHERE nope = 1", lines.get(2));
        // so a later error still points at the user's text
        SQLException e = assertThrows(SQLException.class, () -> rows(text));
        assertTrue(e.getMessage().contains("line 3, column 7"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "SELECT * FROM lithology FOR VALID_TIME AS OF now; line 1, column 46: FOR VALID_TIME AS OF needs a literal time",
        "SELECT * FROM lithology FOR SYSTEM_TIME AS OF TIMESTAMP 'yesterday'; line 1, column 57: FOR SYSTEM_TIME AS OF: 'yesterday' is not a time",
        "SELECT * FROM lithology FOR VALID_TIME AS OF DATE '2025-02-30'; line 1, column 51",
        "SELECT * FROM lithology FOR VALID_TIME AS OF DATE '2025-01-01' FOR VALID_TIME AS OF DATE '2025-02-01'; line 1, column 64: FOR VALID_TIME AS OF given twice",
        "SELECT * FROM (SELECT 1) FOR VALID_TIME AS OF DATE '2025-01-01'; line 1, column 26: FOR VALID_TIME AS OF must follow a table name",
        "SELECT * FROM lithology FOR VALID_TIME AS OF; line 1, column 45: FOR VALID_TIME AS OF needs a literal time"})
    void badClausesNameLineAndColumn(String query, String fragment) {
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> TimeClauses.rewrite(query));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        SQLException viaJdbc = assertThrows(SQLException.class, () -> rows(query));
        assertTrue(viaJdbc.getMessage().contains(fragment), viaJdbc.getMessage());
    }

    @Test
    void explainAnalyzeCountsTheScan() throws SQLException {
        String report = SqlQueries.explainAnalyze(sql, "SELECT lith FROM lithology FOR VALID_TIME AS OF DATE '2025-03-01' "
                + "WHERE ST_3DDWithin(geom, ST_MakePoint(500000, 6800000, 280), 5)");
        assertTrue(report.contains("BindableTableScan(table=[[valid 2025-03-01T00:00:00Z, lithology]]"), report);
        assertTrue(report.contains("valid 2025-03-01T00:00:00Z.lithology: R*Tree ga_rtree_chunks_lithology"), report);
        assertTrue(report.contains("1 index candidates, 1 rows examined, 1 returned"), report);
        assertTrue(report.contains("pushed down: 3D distance <= 5.0 m from POINT Z (500000.0 6800000.0 280.0); "
                + "valid at 2025-03-01T00:00:00Z, recorded now"), report);
        assertTrue(report.endsWith("rows returned: 1\n"), report);
        // the same through plain JDBC, as PostgreSQL spells it: one row per line of the report
        List<String> lines = new ArrayList<>();
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery("explain analyze SELECT lith FROM "
                + "lithology FOR VALID_TIME AS OF DATE '2025-03-01' WHERE ST_3DDWithin(geom, ST_MakePoint(500000, 6800000, "
                + "280), 5)")) {
            while (rs.next()) {
                lines.add(rs.getString("plan"));
            }
        }
        assertEquals(report.lines().toList(), lines);
    }
}
