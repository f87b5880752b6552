package org.geoassure.server.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.query.sql.SqlQueries;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.ingest.drillhole.DipConvention;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.ingest.drillhole.LengthUnit;
import org.geoassure.samples.DemoLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared query corpus: one case per predicate kind, each asked three ways (the typed Java API, the JSON form,
 * SQL through Calcite) on real drillhole sets, which must give the same rows. The sets (sources and licences in
 * samples/data/SOURCES.md): WAMEX Yalgoo (GDA94 / MGA 50, lithology), Babbitt (feet, CU/NI/S/FE assays with gaps),
 * pygslib Demo1 (Au assays), the last ingested twice: as delivered, valid from 2024-01-01, then with hole 16
 * re-assayed (Au + 10 g/t), valid from 2025-01-01, so both time axes have history.
 *
 * <p>Each case must select something and not everything, so an empty or unfiltered answer cannot pass.
 */
class QueryFormsAgreeTest {
    static final Path DATA = Path.of("..", "samples", "data", "drillholes");

    @TempDir
    static Path dir;

    static WorkspaceStore wamex;
    static WorkspaceStore babbitt;
    static WorkspaceStore demo1;
    static Instant betweenIngests;

    @BeforeAll
    static void workspaces() throws IOException, InterruptedException {
        wamex = Workspaces.create(dir.resolve("wamex.gpkg"), WorkspaceInfo.of("wamex", DemoLoader.WAMEX_CRS, "AHD"));
        DemoLoader.loadWamex(wamex, DemoLoader.extractWamex(dir.resolve("wamex")), null);

        Crs babbittCrs = Crs.forCode("EPSG:3857"); // not stated by the source; x, y stored as given (SOURCES.md)
        babbitt = Workspaces.create(dir.resolve("babbitt.gpkg"), WorkspaceInfo.of("babbitt", babbittCrs.code(), "unknown"));
        babbitt.ingest(DrillholeReader.read(DATA.resolve("babbitt_collar.csv"), DATA.resolve("babbitt_survey.csv"),
                Map.of("assays", DATA.resolve("babbitt_assay.csv")), DrillholeOptions.builder(babbittCrs)
                        .units(LengthUnit.FOOT).dipConvention(DipConvention.POSITIVE_DOWN).build()).batch());

        Crs local = Crs.forCode("EPSG:3857");
        demo1 = Workspaces.create(dir.resolve("demo1.gpkg"), WorkspaceInfo.of("demo1", local.code(), "unknown"));
        DrillholeOptions options = DrillholeOptions.builder(local).validFrom(Instant.parse("2024-01-01T00:00:00Z"))
                .dipConvention(DipConvention.POSITIVE_DOWN)
                .beyondTotalDepth(DrillholeOptions.DepthPolicy.WARN).build(); // Demo1 logs a few cm past LENGTH
        demo1.ingest(DrillholeReader.read(DATA.resolve("pygslib_demo1_collar.csv"), DATA.resolve("pygslib_demo1_survey.csv"),
                Map.of("assays", DATA.resolve("pygslib_demo1_assay.csv")), options).batch());
        Thread.sleep(5);
        betweenIngests = Instant.now();
        Thread.sleep(5);
        Path reassayed = dir.resolve("assay_2025.csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve("pygslib_demo1_assay.csv"), StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            lines.add(f[0].equals("16") ? f[0] + "," + f[1] + "," + f[2] + "," + (Double.parseDouble(f[3]) + 10) : line);
        }
        Files.write(reassayed, lines, StandardCharsets.UTF_8);
        demo1.ingest(DrillholeReader.read(DATA.resolve("pygslib_demo1_collar.csv"), DATA.resolve("pygslib_demo1_survey.csv"),
                Map.of("assays", reassayed), options.toBuilder().validFrom(Instant.parse("2025-01-01T00:00:00Z")).build())
                .batch());
    }

    @AfterAll
    static void close() {
        wamex.close();
        babbitt.close();
        demo1.close();
    }

    /**
     * One question three ways. {@code column}: an attribute whose value joins the row key (intervals), so a
     * difference in values, not only in rows, shows.
     */
    record Case(String name, String set, String target, String table, String column, Selection java, String json,
            String sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    static WorkspaceStore store(String set) {
        return switch (set) {
            case "wamex" -> wamex;
            case "babbitt" -> babbitt;
            default -> demo1;
        };
    }

    static Stream<Arguments> corpus() {
        String between = betweenIngests.toString();
        String betweenSql = between.replace('T', ' ').replace("Z", "");
        return Stream.of(
            new Case("3D distance to a point", "wamex", "intervals", "lithology", "CET_Litho",
                Selection.all().within(new SpatialFilter.NearPoint(494930.3, 6803192.0, 256.3, 150)),
                "{\"from\": \"intervals\", \"table\": \"lithology\", "
                    + "\"near\": {\"point\": [494930.3, 6803192.0, 256.3], \"within\": 150}}",
                "SELECT hole_id, depth_from, depth_to, CET_Litho FROM lithology "
                    + "WHERE ST_3DDWithin(geom, ST_MakePoint(494930.3, 6803192.0, 256.3), 150)"),
            new Case("3D distance to a polyline", "wamex", "intervals", "lithology", "CET_Litho",
                Selection.all().within(new SpatialFilter.NearPolyline(
                    new double[] {494800, 6803100, 250, 495100, 6803300, 250}, 100)),
                "{\"from\": \"intervals\", \"table\": \"lithology\", "
                    + "\"line\": {\"points\": [[494800, 6803100, 250], [495100, 6803300, 250]], \"within\": 100}}",
                "SELECT hole_id, depth_from, depth_to, CET_Litho FROM lithology WHERE ST_3DDWithin(geom, "
                    + "ST_GeomFromText('LINESTRING Z (494800 6803100 250, 495100 6803300 250)'), 100)"),
            new Case("3D box", "wamex", "intervals", "lithology", "CET_Litho",
                Selection.all().within(new SpatialFilter.InBox(new Box3(494800, 6803000, 200, 495000, 6803300, 300))),
                "{\"from\": \"intervals\", \"table\": \"lithology\", "
                    + "\"box\": {\"min\": [494800, 6803000, 200], \"max\": [495000, 6803300, 300]}}",
                "SELECT hole_id, depth_from, depth_to, CET_Litho FROM lithology WHERE ST_3DIntersects(geom, "
                    + "ST_3DMakeBox(ST_MakePoint(494800, 6803000, 200), ST_MakePoint(495000, 6803300, 300)))"),
            new Case("text in a set", "wamex", "intervals", "lithology", "CET_Litho",
                Selection.all().where(AttributePredicate.of("CET_Litho", AttributePredicate.Op.IN, "massive_sulphide",
                    "vein")),
                "{\"from\": \"intervals\", \"table\": \"lithology\", "
                    + "\"where\": [{\"column\": \"CET_Litho\", \"op\": \"in\", \"values\": [\"massive_sulphide\", \"vein\"]}]}",
                "SELECT hole_id, depth_from, depth_to, CET_Litho FROM lithology "
                    + "WHERE CET_Litho IN ('massive_sulphide', 'vein')"),
            new Case("numeric range", "babbitt", "intervals", "assays", "CU",
                Selection.all().where(AttributePredicate.parse("CU >= 0.5")).where(AttributePredicate.parse("CU < 1")),
                "{\"from\": \"intervals\", \"table\": \"assays\", \"where\": [\"CU >= 0.5\", "
                    + "{\"column\": \"CU\", \"op\": \"<\", \"value\": 1}]}",
                "SELECT hole_id, depth_from, depth_to, CU FROM assays WHERE CU >= 0.5 AND CU < 1"),
            new Case("null tests", "babbitt", "intervals", "assays", "S",
                Selection.all().where(AttributePredicate.parse("NI is null")).where(AttributePredicate.parse("S is not null")),
                "{\"from\": \"intervals\", \"table\": \"assays\", \"where\": [{\"column\": \"NI\", \"op\": \"is null\"}, "
                    + "\"S is not null\"]}",
                "SELECT hole_id, depth_from, depth_to, S FROM assays WHERE NI IS NULL AND S IS NOT NULL"),
            new Case("holes", "demo1", "intervals", "assays", "Au",
                Selection.all().holes(Set.of("16", "17")),
                "{\"from\": \"intervals\", \"table\": \"assays\", \"holes\": [\"16\", \"17\"]}",
                "SELECT hole_id, depth_from, depth_to, Au FROM assays WHERE hole_id IN ('16', '17')"),
            new Case("valid time", "demo1", "intervals", "assays", "Au",
                Selection.all().where(AttributePredicate.parse("Au >= 5")).asOf(Instant.parse("2024-06-01T00:00:00Z")),
                "{\"from\": \"intervals\", \"table\": \"assays\", \"where\": [\"Au >= 5\"], \"asOf\": \"2024-06-01\"}",
                "SELECT hole_id, depth_from, depth_to, Au FROM assays FOR VALID_TIME AS OF DATE '2024-06-01' "
                    + "WHERE Au >= 5"),
            new Case("record time", "demo1", "intervals", "assays", "Au",
                Selection.all().where(AttributePredicate.parse("Au >= 5")).recordedAsOf(betweenIngests),
                "{\"from\": \"intervals\", \"table\": \"assays\", \"where\": [\"Au >= 5\"], \"recordedAsOf\": \""
                    + between + "\"}",
                "SELECT hole_id, depth_from, depth_to, Au FROM assays FOR SYSTEM_TIME AS OF TIMESTAMP '" + betweenSql
                    + "' WHERE Au >= 5"),
            new Case("distance, attribute and time together", "demo1", "intervals", "assays", "Au",
                Selection.all().within(new SpatialFilter.NearPoint(169, 100, 72, 6))
                    .where(AttributePredicate.parse("Au > 1")).asOf(Instant.parse("2024-06-01T00:00:00Z")),
                "{\"from\": \"intervals\", \"table\": \"assays\", \"near\": {\"point\": [169, 100, 72], \"within\": 6}, "
                    + "\"where\": [\"Au > 1\"], \"asOf\": \"2024-06-01T00:00:00Z\"}",
                "SELECT hole_id, depth_from, depth_to, Au FROM assays FOR VALID_TIME AS OF TIMESTAMP '2024-06-01 00:00:00' "
                    + "WHERE ST_3DDWithin(geom, ST_MakePoint(169, 100, 72), 6) AND Au > 1"),
            new Case("holes whose trace passes a polyline", "wamex", "boreholes", null, null,
                Selection.all().within(new SpatialFilter.NearPolyline(
                    new double[] {494800, 6803100, 250, 495100, 6803300, 250}, 100)),
                "{\"from\": \"boreholes\", "
                    + "\"line\": {\"points\": [[494800, 6803100, 250], [495100, 6803300, 250]], \"within\": 100}}",
                "SELECT hole_id FROM traces WHERE ST_3DDWithin(geom, "
                    + "ST_GeomFromText('LINESTRING Z (494800 6803100 250, 495100 6803300 250)'), 100)"),
            new Case("survey stations in a box", "wamex", "stations", null, null,
                Selection.all().within(new SpatialFilter.InBox(new Box3(494000, 6802000, 0, 496000, 6804000, 300))),
                "{\"from\": \"stations\", \"box\": {\"min\": [494000, 6802000, 0], \"max\": [496000, 6804000, 300]}}",
                "SELECT hole_id, depth FROM surveys WHERE ST_3DIntersects(geom, "
                    + "ST_3DMakeBox(ST_MakePoint(494000, 6802000, 0), ST_MakePoint(496000, 6804000, 300)))"))
            .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void javaJsonAndSqlAgree(Case c) throws SQLException {
        WorkspaceStore store = store(c.set());
        List<String> java = viaApi(store, c.target(), c.table(), c.column(), c.java());
        JsonQuery q = JsonQuery.parse(c.json(), c.name() + ".json");
        assertEquals(c.target(), q.target());
        List<String> json = viaApi(store, q.target(), q.table().orElse(null), c.column(), q.selection());
        List<String> sql = viaSql(store, c.sql());
        List<String> all = viaApi(store, c.target(), c.table(), c.column(), Selection.all());
        assertTrue(!java.isEmpty() && java.size() < all.size(), c.name() + ": selects " + java.size() + " of "
                + all.size() + " rows; a case must select something and not everything");
        if (!c.java().time().equals(TimeSlice.current())) {
            List<String> now = viaApi(store, c.target(), c.table(), c.column(), c.java().asOf(null).recordedAsOf(null));
            assertTrue(!now.equals(java), c.name() + ": the time slice must make a difference in this case");
        }
        assertEquals(java, json, c.name() + ": JSON");
        assertEquals(java, sql, c.name() + ": SQL");
    }

    /** Row keys through the store API, sorted. */
    static List<String> viaApi(WorkspaceStore store, String target, String table, String column, Selection s) {
        List<String> out = new ArrayList<>();
        switch (target) {
            case "boreholes" -> {
                try (var rows = store.boreholes(s)) {
                    rows.forEach(h -> out.add(h.holeId()));
                }
            }
            case "stations" -> {
                try (var rows = store.stations(s)) {
                    rows.forEach(v -> out.add(v.holeId() + "|" + v.depth()));
                }
            }
            default -> {
                try (var rows = store.intervals(table, s)) {
                    rows.forEach(r -> out.add(r.holeId() + "|" + r.from() + "|" + r.to() + "|"
                            + r.values().get(column)));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Row keys through SQL, sorted: the selected columns joined with '|'. */
    static List<String> viaSql(WorkspaceStore store, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = SqlQueries.connect(store, TimeSlice.current()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getObject(i));
                }
                out.add(sb.toString());
            }
        }
        out.sort(null);
        return out;
    }
}
