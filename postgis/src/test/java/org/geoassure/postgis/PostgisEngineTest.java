package org.geoassure.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What only the PostGIS engine has to show: several clients at once, names PostgreSQL would truncate, reopening. */
@ExtendWith(RequiresPostgis.class)
class PostgisEngineTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private String url;
    private String schema;

    @BeforeEach
    void cluster() {
        url = RequiresPostgis.url();
        schema = "eng_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        PostgisWorkspaces.create(url, new Properties(), schema, WorkspaceInfo.of("engine", "EPSG:4527", "Yellow Sea 1985"))
                .close();
    }

    @AfterEach
    void drop() {
        if (url != null && schema != null) {
            PostgisWorkspaces.drop(url, new Properties(), schema);
        }
    }

    private WorkspaceStore open() {
        return PostgisWorkspaces.open(url, new Properties(), schema);
    }

    private static final List<Column> LITHO = List.of(new Column("lith", ColumnType.TEXT), new Column("cu", ColumnType.NUMBER));

    /** Holes {@code prefix}0..n-1 and the shared hole S, all with collar elevation z and two interval rows. */
    private static DrillholeBatch batch(String prefix, int n, double z) {
        List<HoleData> holes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            holes.add(hole(prefix + i, 39_500_000.0 + 10 * i, z));
        }
        holes.add(hole("S", 39_499_000.0, z));
        return new DrillholeBatch(holes, Map.of("lithology", LITHO), DesurveyMethod.MINIMUM_CURVATURE, null,
                new Provenance(List.of(), prefix, Map.of(), List.of()));
    }

    private static HoleData hole(String id, double x, double z) {
        return new HoleData(Collar.of(id, x, 4_000_000.0, z), List.of(new SurveyStation(0, 0, -90)), Map.of("lithology",
                List.of(new IntervalRow(0, 10, List.of("sand", z)), new IntervalRow(10, 30, List.of("coal", z)))), null);
    }

    @Test
    void parallelIngestsAreAtomicAndLoseNoUpdate() throws Exception {
        int holes = 20;
        int rounds = 6;
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (String prefix : List.of("A", "B")) {
                double base = prefix.equals("A") ? 1000 : 2000;
                writers.add(pool.submit(() -> {
                    try (WorkspaceStore ws = open()) {
                        start.await();
                        for (int r = 1; r <= rounds; r++) {
                            ws.ingest(batch(prefix, holes, base + r));
                        }
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                try (WorkspaceStore ws = open()) {
                    start.await();
                    while (writing.get()) {
                        // one statement, one snapshot: a batch is there entirely or not at all
                        List<HoleVersion> now;
                        try (Stream<HoleVersion> s = ws.boreholes(Selection.all())) {
                            now = s.toList();
                        }
                        for (String prefix : List.of("A", "B")) {
                            Set<Double> z = new HashSet<>();
                            long n = now.stream().filter(h -> h.holeId().startsWith(prefix)).peek(h -> z.add(h.collar().z()))
                                    .count();
                            if (!(n == 0 || n == holes) || z.size() > 1) {
                                problems.add(prefix + ": " + n + " holes with elevations " + z);
                            }
                        }
                        List<IntervalRecord> rows;
                        try (Stream<IntervalRecord> s = ws.intervals("lithology", Selection.all())) {
                            rows = s.toList();
                        } catch (org.geoassure.geodb.InvalidContentException noTableYet) {
                            rows = List.of();
                        }
                        for (String prefix : List.of("A", "B")) {
                            Set<Object> cu = new HashSet<>();
                            long n = rows.stream().filter(r -> r.holeId().startsWith(prefix))
                                    .peek(r -> cu.add(r.values().get("cu"))).count();
                            if (!(n == 0 || n == 2L * holes) || cu.size() > 1) {
                                problems.add(prefix + " intervals: " + n + " rows with cu " + cu);
                            }
                        }
                        reads.incrementAndGet();
                    }
                }
                return null;
            });
            start.countDown();
            for (Future<?> w : writers) {
                w.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(reads.get() > 0);
        try (WorkspaceStore ws = open()) {
            assertEquals(2 * rounds, ws.ingests().size());
            List<Instant> recorded = ws.ingests().stream().map(r -> r.recordedAt()).toList();
            for (int i = 1; i < recorded.size(); i++) {
                assertTrue(recorded.get(i).isAfter(recorded.get(i - 1)), "record times increase: " + recorded);
            }
            // the shared hole changed in every ingest: one version each, chained on record time (no lost update)
            List<HoleVersion> s = ws.history("S");
            assertEquals(2 * rounds, s.size());
            for (int i = 0; i < s.size(); i++) {
                assertEquals(recorded.get(i), s.get(i).recorded().from());
                if (i + 1 < s.size()) {
                    assertEquals(s.get(i + 1).recorded().from(), s.get(i).recorded().to());
                } else {
                    assertTrue(s.get(i).recorded().isOpen());
                }
            }
            assertEquals(2 * holes + 1, ws.stats().holes());
        }
    }

    /** check() on PostGIS: silent after a correction, one finding per broken bitemporal or ingest-log invariant. */
    @Test
    void checkFindsBrokenBitemporalInvariants() throws Exception {
        try (WorkspaceStore ws = open()) {
            ws.ingest(batch("A", 3, 100));
            ws.ingest(batch("A", 3, 110)); // a correction
            assertEquals(List.of(), ws.check());
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement s = c.createStatement()) {
            s.execute("SET search_path TO \"" + schema + "\", public");
            s.execute("UPDATE boreholes SET superseded_at = " + Long.MAX_VALUE + " WHERE hole_id = 'A1'");
            s.execute("UPDATE ga_interval_set SET valid_to = valid_from WHERE hole_id = 'S'");
        }
        try (WorkspaceStore ws = open()) {
            String findings = String.join("\n", ws.check());
            assertTrue(findings.contains("boreholes: two versions of one hole overlap in both valid and record time: A1"),
                    findings);
            assertTrue(findings.contains("boreholes: hole without exactly one current version: A1"), findings);
            assertTrue(findings.contains("ga_interval_set: empty or reversed valid period (valid_from >= valid_to): S"),
                    findings);
        }
    }

    @Test
    void unicodeAndOverlongNamesRoundTripAndReopen() {
        String table = "岩性";
        String longName = "铜".repeat(30); // 90 bytes in UTF-8: longer than a PostgreSQL identifier
        List<Column> cols = List.of(new Column("岩石名称", ColumnType.TEXT), new Column(longName, ColumnType.NUMBER),
                new Column("Cu_ppm", ColumnType.NUMBER));
        HoleData h = new HoleData(Collar.of("孔1", 39_500_000.0, 4_000_000.0, 100), List.of(), Map.of(table,
                List.of(new IntervalRow(0, 5, List.of("砂岩", 1.5, 10.0)), new IntervalRow(5, 9, List.of("煤", 2.5, 20.0)))),
                null);
        try (WorkspaceStore ws = open()) {
            ws.ingest(new DrillholeBatch(List.of(h), Map.of(table, cols), DesurveyMethod.MINIMUM_CURVATURE, null,
                    new Provenance(List.of(), "测试", Map.of(), List.of())));
        }
        try (WorkspaceStore ws = open()) {
            assertEquals(List.of(table), ws.intervalTables());
            assertEquals(cols, ws.intervalColumns(table));
            List<IntervalRecord> rows;
            try (Stream<IntervalRecord> s = ws.intervals(table, Selection.all()
                    .where(AttributePredicate.parse(longName + " > 2")))) {
                rows = s.toList();
            }
            assertEquals(1, rows.size());
            assertEquals("煤", rows.get(0).values().get("岩石名称"));
            assertEquals(2.5, rows.get(0).values().get(longName));
            assertEquals(20.0, rows.get(0).values().get("Cu_ppm"));
            assertEquals(List.of("孔1"), ws.holeIds());
            assertNull(ws.history("nope").stream().findFirst().orElse(null));
        }
    }
}
