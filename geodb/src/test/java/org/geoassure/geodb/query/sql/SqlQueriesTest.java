package org.geoassure.geodb.query.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQL through Calcite on a real workspace. Expected distances are analytic and match PostGIS {@code ST_3DDistance}
 * semantics (minimum 3D Euclidean distance between the geometries).
 */
class SqlQueriesTest {
    @TempDir
    static Path dir;

    static WorkspaceStore store;
    static Connection sql;

    @BeforeAll
    static void workspace() {
        store = Workspaces.create(dir.resolve("sql.gpkg"), WorkspaceInfo.of("sql", "EPSG:4527", "unspecified"));
        List<HoleData> holes = new ArrayList<>();
        holes.add(new HoleData(Collar.of("V1", 39_500_000, 4_000_000, 300), List.of(new SurveyStation(0, 0, -90)),
                Map.of("lithology", List.of(new IntervalRow(0, 40, List.of("sandstone", 0.1)),
                        new IntervalRow(40, 100, List.of("coal", 2.5)))), null));
        holes.add(new HoleData(Collar.of("V2", 39_500_100, 4_000_000, 300), List.of(new SurveyStation(0, 0, -90)),
                Map.of("lithology", List.of(new IntervalRow(0, 100, List.of("mudstone", 0.3)))), null));
        store.ingest(new DrillholeBatch(holes, Map.of("lithology", List.of(new Column("lith", ColumnType.TEXT),
                new Column("cu", ColumnType.NUMBER))), DesurveyMethod.MINIMUM_CURVATURE, null,
                new Provenance(List.of(), "t", Map.of(), List.of())));
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
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    sb.append(i > 1 ? "|" : "").append(o instanceof Double d
                            ? java.math.BigDecimal.valueOf(d).toPlainString() : o);
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // expression; expected (analytic; PostGIS gives the same for these 3D inputs)
        "ST_3DDistance(ST_MakePoint(0, 0, 0), ST_MakePoint(1, 2, 2)); 3.0",
        "ST_3DDistance(ST_GeomFromText('POINT Z (0 0 10)'), ST_GeomFromText('LINESTRING Z (-5 0 0, 5 0 0)')); 10.0",
        "ST_3DDistance(ST_GeomFromText('LINESTRING Z (0 0 0, 1 0 0)'), ST_GeomFromText('LINESTRING Z (0 1 1, 0 2 1)')); 1.4142135623730951",
        "ST_3DDWithin(ST_MakePoint(0, 0, 0), ST_MakePoint(1, 2, 2), 3); true",
        "ST_3DDWithin(ST_MakePoint(0, 0, 0), ST_MakePoint(1, 2, 2), 2.999); false",
        "ST_3DIntersects(ST_GeomFromText('LINESTRING Z (0 0 0, 2 2 2)'), ST_MakePoint(1, 1, 1)); true",
        "ST_Z(ST_MakePoint(1.5, 2.5, 3.5)); 3.5",
        "ST_AsText(ST_MakePoint(39500000.5, 4000000.25, -120)); POINT Z(39500000.5 4000000.25 -120)",
        // boxes: expected values from PostGIS 3.3.2 (GEOS 3.11.1), run 2026-11-29 on this machine; PostGIS treats
        // box3d::geometry (a closed POLYHEDRALSURFACE Z) as solid in ST_3DDistance and ST_3DIntersects
        // PostGIS: POLYHEDRALSURFACE Z (((0 0 0,0 10 0,10 10 0,10 0 0,0 0 0)),((0 0 10,10 0 10,10 10 10,0 10 10,0 0 10)),
        // ((0 0 0,0 0 10,0 10 10,0 10 0,0 0 0)),((10 0 0,10 10 0,10 10 10,10 0 10,10 0 0)),((0 0 0,10 0 0,10 0 10,0 0 10,0 0 0)),
        // ((0 10 0,0 10 10,10 10 10,10 10 0,0 10 0))); the same faces here, as a MULTIPOLYGON Z (JTS has no polyhedral surface)
        "ST_AsText(ST_3DMakeBox(ST_MakePoint(10, 10, 10), ST_MakePoint(0, 0, 0))); MULTIPOLYGON Z(((0 0 0, 0 10 0, 10 10 0, 10 0 0, 0 0 0)), ((0 0 10, 10 0 10, 10 10 10, 0 10 10, 0 0 10)), ((0 0 0, 0 0 10, 0 10 10, 0 10 0, 0 0 0)), ((10 0 0, 10 10 0, 10 10 10, 10 0 10, 10 0 0)), ((0 0 0, 10 0 0, 10 0 10, 0 0 10, 0 0 0)), ((0 10 0, 0 10 10, 10 10 10, 10 10 0, 0 10 0)))",
        "ST_3DDistance(ST_MakePoint(13, 14, 10), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10))); 5.0",
        "ST_3DDistance(ST_GeomFromText('LINESTRING Z (12 -5 20, 12 15 20)'), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10))); 10.198039027185569",
        "ST_3DDistance(ST_GeomFromText('LINESTRING Z (-3 -4 5, -3 20 5)'), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10))); 3.0",
        "ST_3DDistance(ST_GeomFromText('LINESTRING Z (11 11 11, 20 20 20)'), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10))); 1.7320508075688772",
        "ST_3DDistance(ST_MakePoint(5, 5, 5), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10))); 0.0",
        "ST_3DIntersects(ST_GeomFromText('LINESTRING Z (1 1 1, 2 2 2)'), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10))); true",
        "ST_3DIntersects(ST_GeomFromText('LINESTRING Z (-5 5 5, 15 5 5)'), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10))); true",
        "ST_3DIntersects(ST_GeomFromText('LINESTRING Z (-5 5 11, 15 5 11)'), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10))); false",
        "ST_3DIntersects(ST_MakePoint(10, 10, 10), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10))); true",
        "ST_3DDWithin(ST_MakePoint(5, 5, 5), ST_3DMakeBox(ST_MakePoint(0, 0, 0), ST_MakePoint(10, 10, 10)), 0); true"})
    void functionsHavePostgisSemantics(String expression, String expected) throws SQLException {
        assertEquals(List.of(expected), rows("VALUES " + expression));
    }

    @Test
    void tablesAndAttributes() throws SQLException {
        assertEquals(List.of("V1|39500000|300.0", "V2|39500100|300.0"),
                rows("SELECT hole_id, x, z FROM boreholes ORDER BY hole_id"));
        assertEquals(List.of("V1|40.0|coal"), rows("SELECT hole_id, depth_from, lith FROM lithology WHERE cu > 1"));
        assertEquals(List.of("coal|1", "mudstone|1", "sandstone|1"),
                rows("SELECT lith, count(*) FROM LITHOLOGY GROUP BY lith ORDER BY lith"));
    }

    @Test
    void geometriesReachJdbcClientsWithZ() throws SQLException {
        // Calcite hands GEOMETRY values to JDBC clients as text; z must survive (JTS's own toString drops it)
        assertEquals(List.of("LINESTRING Z(39500100 4000000 300, 39500100 4000000 250, 39500100 4000000 200)"),
                rows("SELECT geom FROM lithology WHERE hole_id = 'V2'"));
        assertEquals(List.of("POINT Z(39500100 4000000 300)"), rows("SELECT geom FROM boreholes WHERE hole_id = 'V2'"));
        assertEquals(List.of("POINT Z(1 2 3)"), rows("VALUES ST_MakePoint(1, 2, 3)"));
        assertEquals(List.of("POINT Z(1 2 3)"), rows("SELECT ST_MakePoint(1, 2, 3) FROM boreholes WHERE hole_id = 'V1'"));
        assertEquals(List.of("POINT (1 2)"), rows("VALUES ST_GeomFromText('POINT (1 2)')"));
    }

    @Test
    void distanceQueryMatchesTheJavaApi() throws SQLException {
        // 30 m east of V1 at elevation 250: V1's coal (260..200) is 30 m away, V2 (70 m east) is 70 m away
        assertEquals(List.of("V1|40.0"), rows("SELECT hole_id, depth_from FROM lithology "
                + "WHERE ST_3DDWithin(geom, ST_MakePoint(39500030, 4000000, 250), 30.0)"));
        var java = org.geoassure.geodb.query.Selection.all().within(
                new org.geoassure.geodb.query.SpatialFilter.NearPoint(39_500_030, 4_000_000, 250, 30.0));
        try (var s = store.intervals("lithology", java)) {
            assertEquals(List.of("V1|40.0"), s.map(r -> r.holeId() + "|" + r.from()).toList());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "DELETE FROM boreholes; only queries are allowed",
        "INSERT INTO boreholes (hole_id) VALUES ('X'); only queries are allowed",
        "DROP TABLE boreholes; line 1, column 1",
        "SELECT hole_id FROM boreholes WHERE; line 1, column 35"})
    void onlyQueriesPass(String statement, String fragment) {
        org.geoassure.geodb.InvalidContentException e = assertThrows(org.geoassure.geodb.InvalidContentException.class,
                () -> SqlQueries.requireQuery(statement));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void queriesAndExplainPassTheCheck() {
        SqlQueries.requireQuery("SELECT * FROM lithology ORDER BY hole_id");
        SqlQueries.requireQuery("WITH t AS (SELECT 1 AS a) SELECT a FROM t");
        SqlQueries.requireQuery("EXPLAIN PLAN FOR SELECT * FROM boreholes");
    }

    @Test
    void distanceConditionIsPushedToTheIndex() throws SQLException {
        List<org.geoassure.geodb.query.Selection> seen = new ArrayList<>();
        WorkspaceStore watching = (WorkspaceStore) java.lang.reflect.Proxy.newProxyInstance(
                WorkspaceStore.class.getClassLoader(), new Class<?>[] {WorkspaceStore.class}, (proxy, m, args) -> {
                    if (m.getName().equals("intervals")) {
                        seen.add((org.geoassure.geodb.query.Selection) args[1]);
                    }
                    try {
                        return m.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (Connection c = SqlQueries.connect(watching, TimeSlice.current()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT hole_id FROM lithology "
                        + "WHERE ST_3DDWithin(geom, ST_MakePoint(39500030, 4000000, 250), 30.0) AND cu > 0")) {
            assertTrue(rs.next());
            assertEquals("V1", rs.getString(1));
        }
        assertEquals(1, seen.size());
        assertEquals(java.util.Optional.of(new org.geoassure.geodb.query.SpatialFilter.NearPoint(
                39_500_030, 4_000_000, 250, 30.0)), seen.get(0).spatial());
        // the same with PreparedStatement parameters, read at scan time
        seen.clear();
        try (Connection c = SqlQueries.connect(watching, TimeSlice.current()); java.sql.PreparedStatement ps =
                c.prepareStatement("SELECT hole_id FROM lithology WHERE ST_3DDWithin(geom, ST_MakePoint(?, ?, ?), ?)")) {
            ps.setDouble(1, 39_500_030);
            ps.setDouble(2, 4_000_000);
            ps.setDouble(3, 250);
            ps.setDouble(4, 30.0);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("V1", rs.getString(1));
                assertTrue(!rs.next());
            }
        }
        assertEquals(java.util.Optional.of(new org.geoassure.geodb.query.SpatialFilter.NearPoint(
                39_500_030, 4_000_000, 250, 30.0)), seen.get(0).spatial());
        // a condition that depends on the row cannot be pushed: the scan is unfiltered and the answer the same
        seen.clear();
        try (Connection c = SqlQueries.connect(watching, TimeSlice.current()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM lithology "
                        + "WHERE ST_3DDWithin(geom, ST_MakePoint(x_from + 30, y_from, z_from), 30.0)")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getLong(1));
        }
        assertEquals(java.util.Optional.empty(), seen.get(0).spatial());
    }

    /** Runs {@code query} on a store that records the selections it is asked for. */
    static List<org.geoassure.geodb.query.Selection> selectionsFor(String query, List<String> rows) throws SQLException {
        List<org.geoassure.geodb.query.Selection> seen = new ArrayList<>();
        WorkspaceStore watching = (WorkspaceStore) java.lang.reflect.Proxy.newProxyInstance(
                WorkspaceStore.class.getClassLoader(), new Class<?>[] {WorkspaceStore.class}, (proxy, m, args) -> {
                    if (m.getName().equals("intervals") && args.length == 3) {
                        seen.add((org.geoassure.geodb.query.Selection) args[1]);
                    }
                    try {
                        return m.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (Connection c = SqlQueries.connect(watching, TimeSlice.current()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getDouble(2));
            }
        }
        return seen;
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // WHERE clause; what the store is asked to test; the rows (hole_id|depth_from)
        "cu > 1; [cu > 1.0]; V1|40.0",
        "1 < cu; [cu > 1.0]; V1|40.0",
        "cu BETWEEN 0.2 AND 3; [cu >= 0.2, cu <= 3.0]; V1|40.0 V2|0.0",
        "lith IN ('coal', 'mudstone') AND cu >= 0.3; [lith IN [coal, mudstone], cu >= 0.3]; V1|40.0 V2|0.0",
        "lith = 'coal'; [lith = coal]; V1|40.0",
        "lith <> 'coal' AND lith IS NOT NULL; [lith <> coal]; V1|0.0 V2|0.0",
        "lith IS NULL; [lith IS NULL]; ",
        "lith > 'n'; []; V1|0.0",
        "cu * 2 > 2; []; V1|40.0",
        "cu > 1 OR lith = 'mudstone'; []; V1|40.0 V2|0.0"})
    void attributeConditionsArePushedToTheStore(String where, String pushed, String expected) throws SQLException {
        List<String> rows = new ArrayList<>();
        var seen = selectionsFor("SELECT hole_id, depth_from FROM lithology WHERE " + where
                + " ORDER BY hole_id, depth_from", rows);
        assertEquals(expected == null ? List.of() : List.of(expected.split(" ")), rows);
        assertEquals(1, seen.size());
        assertEquals(pushed, seen.get(0).predicates().toString());
    }

    @Test
    void boxConditionIsPushedToTheIndex() throws SQLException {
        // V1's coal (elevations 260..200) reaches into the box z 150..210 under V1; V2 is 100 m east
        List<String> rows = new ArrayList<>();
        var seen = selectionsFor("SELECT hole_id, depth_from FROM lithology WHERE ST_3DIntersects(geom, "
                + "ST_3DMakeBox(ST_MakePoint(39499990, 3999990, 150), ST_MakePoint(39500010, 4000010, 210)))", rows);
        assertEquals(List.of("V1|40.0"), rows);
        assertEquals(java.util.Optional.of(new org.geoassure.geodb.query.SpatialFilter.InBox(
                new org.geoassure.geodb.query.Box3(39_499_990, 3_999_990, 150, 39_500_010, 4_000_010, 210))),
                seen.get(0).spatial());
        rows.clear();
        seen = selectionsFor("SELECT hole_id, depth_from FROM lithology WHERE ST_3DIntersects("
                + "ST_GeomFromText('POINT Z (39500100 4000000 250)'), geom)", rows);
        assertEquals(List.of("V2|0.0"), rows);
        assertEquals(java.util.Optional.of(new org.geoassure.geodb.query.SpatialFilter.NearPoint(
                39_500_100, 4_000_000, 250, 0)), seen.get(0).spatial());
    }

    @Test
    void holeConditionsArePushedToTheStore() throws SQLException {
        List<String> rows = new ArrayList<>();
        var seen = selectionsFor("SELECT hole_id, depth_from FROM lithology WHERE hole_id IN ('V2', 'V9')", rows);
        assertEquals(List.of("V2|0.0"), rows);
        assertEquals(java.util.Set.of("V2", "V9"), seen.get(0).holeIds());
    }

    @Test
    void jdbcDriverThroughDriverManager() throws SQLException {
        String url = "jdbc:geoassure:" + dir.resolve("sql.gpkg");
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM lithology")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getLong(1));
        }
        java.util.Properties past = new java.util.Properties();
        past.setProperty("asOf", "2000-01-01T00:00:00Z");
        try (Connection c = java.sql.DriverManager.getConnection(url, past); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM boreholes")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getLong(1), "nothing was valid in 2000");
        }
        SQLException missing = assertThrows(SQLException.class,
                () -> java.sql.DriverManager.getConnection("jdbc:geoassure:" + dir.resolve("none.gpkg")));
        assertTrue(missing.getMessage().contains("none.gpkg"), missing.getMessage());
        java.util.Properties bad = new java.util.Properties();
        bad.setProperty("recordedAsOf", "yesterday");
        SQLException time = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(url, bad));
        assertTrue(time.getMessage().contains("recordedAsOf"), time.getMessage());
    }

    @Test
    void badSqlIsAnErrorWithAPosition() {
        SQLException syntax = assertThrows(SQLException.class, () -> rows("SELECT hole_id FROM boreholes WHERE"));
        assertTrue(syntax.getMessage().contains("line 1, column 35"), syntax.getMessage());
        SQLException table = assertThrows(SQLException.class, () -> rows("SELECT * FROM faults"));
        assertTrue(table.getMessage().contains("Object 'faults' not found"), table.getMessage());
        SQLException write = assertThrows(SQLException.class, () -> rows("DELETE FROM boreholes"));
        assertTrue(write.getMessage().length() > 0);
    }
}
