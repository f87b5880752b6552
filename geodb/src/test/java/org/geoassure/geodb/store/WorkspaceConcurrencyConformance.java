package org.geoassure.geodb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
import org.geoassure.geodb.query.Selection;
import org.junit.jupiter.api.Test;

/**
 * The concurrency stress of the storage SPI (issue 12), shipped in geodb's test jar so every engine runs it: for a
 * bounded time, {@value #WRITERS} writers each re-ingest their own {@value #HOLES} holes over and over (generation g:
 * collar z = g, every interval value = g; each ingest one transaction) while {@value #READERS} readers, each with
 * its own connection, read the boreholes and the intervals again and again.
 *
 * <p>Checked: a reader never sees a half batch (in one read, every hole of a writer has the same generation and all
 * of its {@value #HOLES} x {@value #INTERVALS} interval rows are there, of that one generation); generations and the
 * ingest count a reader sees never go back; nobody fails (no "database is locked", no deadlock error); every thread
 * ends in time after the deadline (a deadlock or stall fails the test with the stuck threads' stacks); at the end each
 * writer's last generation is what is stored, the ingest log holds every write, and {@link WorkspaceStore#check()}
 * finds nothing. {@code -Dgeoassure.stress.seconds=N} sets the time (default 5 s).
 */
public abstract class WorkspaceConcurrencyConformance {
    static final int WRITERS = 2;
    static final int READERS = 4;
    static final int HOLES = 25;
    static final int INTERVALS = 8;
    static final Map<String, List<Column>> SCHEMA = Map.of("gen", List.of(new Column("g", ColumnType.NUMBER)));

    /**
     * Creates an empty workspace and returns what opens a new handle (its own connection) on it, once per thread.
     */
    protected abstract Supplier<WorkspaceStore> workspace(WorkspaceInfo info);

    /** Holes {@code W<w>-0 ..} of writer {@code w} at generation {@code g}: collar z = g, every interval value g. */
    static DrillholeBatch generation(int w, int g) {
        List<HoleData> holes = new ArrayList<>(HOLES);
        for (int h = 0; h < HOLES; h++) {
            List<IntervalRow> rows = new ArrayList<>(INTERVALS);
            for (int k = 0; k < INTERVALS; k++) {
                rows.add(new IntervalRow(k * 10, k * 10 + 10, List.of((double) g)));
            }
            holes.add(new HoleData(Collar.of("W" + w + "-" + h, 39_500_000 + h * 30, 4_000_000 + w * 500, g),
                    List.of(new SurveyStation(0, 10 * w, -80), new SurveyStation(80, 10 * w + 5, -75)),
                    Map.of("gen", rows), null));
        }
        return new DrillholeBatch(holes, SCHEMA, DesurveyMethod.MINIMUM_CURVATURE, null,
                new Provenance(List.of(), "stress-writer-" + w, Map.of(), List.of()));
    }

    @Test
    void readersNeverSeeAHalfBatchAndNobodyDeadlocks() throws Exception {
        long seconds = Long.getLong("geoassure.stress.seconds", 5);
        Supplier<WorkspaceStore> open = workspace(WorkspaceInfo.of("stress", "EPSG:4527", "unspecified"));
        try (WorkspaceStore first = open.get()) {
            for (int w = 0; w < WRITERS; w++) {
                first.ingest(generation(w, 1));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        int[] lastGeneration = new int[WRITERS];
        AtomicLong writes = new AtomicLong(WRITERS);
        AtomicLong reads = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads.add(new Thread(() -> {
                try (WorkspaceStore ws = open.get()) {
                    int g = 1;
                    while (System.nanoTime() < deadline) {
                        ws.ingest(generation(writer, ++g));
                        lastGeneration[writer] = g;
                        writes.incrementAndGet();
                    }
                } catch (RuntimeException | Error e) {
                    problems.add("writer " + writer + ": " + e);
                }
            }, "stress-writer-" + w));
        }
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            threads.add(new Thread(() -> {
                int[] seen = new int[WRITERS];
                int ingests = 0;
                try (WorkspaceStore ws = open.get()) {
                    while (System.nanoTime() < deadline) {
                        int n = ws.ingests().size();
                        if (n < ingests) {
                            problems.add("reader " + reader + ": the ingest log went back from " + ingests + " to " + n);
                        }
                        ingests = n;
                        Map<Integer, List<Integer>> collars = new TreeMap<>();
                        try (Stream<HoleVersion> s = ws.boreholes(Selection.all())) {
                            s.forEach(v -> collars.computeIfAbsent(writer(v.collar().holeId()), k -> new ArrayList<>())
                                    .add((int) v.collar().z()));
                        }
                        check("reader " + reader + " boreholes", collars, HOLES, seen, problems);
                        Map<Integer, List<Integer>> values = new TreeMap<>();
                        try (Stream<IntervalRecord> s = ws.intervals("gen", Selection.all())) {
                            s.forEach(i -> values.computeIfAbsent(writer(i.holeId()), k -> new ArrayList<>())
                                    .add(((Number) i.values().get("g")).intValue()));
                        }
                        check("reader " + reader + " intervals", values, HOLES * INTERVALS, seen, problems);
                        reads.incrementAndGet();
                    }
                } catch (RuntimeException | Error e) {
                    problems.add("reader " + reader + ": " + e);
                }
            }, "stress-reader-" + r));
        }
        threads.forEach(Thread::start);
        long grace = deadline + TimeUnit.SECONDS.toNanos(60);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(grace - System.nanoTime())));
        }
        StringBuilder stuck = new StringBuilder();
        for (Thread t : threads) {
            if (t.isAlive()) {
                stuck.append(t.getName()).append(" still running 60 s after the deadline:\n");
                for (StackTraceElement e : t.getStackTrace()) {
                    stuck.append("    at ").append(e).append('\n');
                }
            }
        }
        if (stuck.length() > 0) {
            fail("a deadlock or stall:\n" + stuck);
        }
        System.out.printf("concurrency stress (%s): %d s, %d writers made %d ingests, %d readers made %d reads%n",
                getClass().getSimpleName(), seconds, WRITERS, writes.get(), READERS, reads.get());
        assertEquals(List.of(), List.copyOf(problems));
        assertTrue(writes.get() > WRITERS && reads.get() > READERS, "the stress ran: " + writes + " ingests, " + reads
                + " reads");
        try (WorkspaceStore ws = open.get()) {
            assertEquals(writes.get(), ws.ingests().size(), "every write is in the ingest log");
            Map<String, Double> z = new HashMap<>();
            try (Stream<HoleVersion> s = ws.boreholes(Selection.all())) {
                s.forEach(v -> z.put(v.collar().holeId(), v.collar().z()));
            }
            for (int w = 0; w < WRITERS; w++) {
                assertEquals((double) lastGeneration[w], z.get("W" + w + "-0"), "writer " + w + "'s last generation");
            }
            assertEquals(List.of(), ws.check());
        }
    }

    private static int writer(String holeId) {
        return holeId.charAt(1) - '0';
    }

    /**
     * One read's values per writer: exactly {@code expected} of them, all of one generation, not older than the last
     * one this reader saw.
     */
    private static void check(String what, Map<Integer, List<Integer>> byWriter, int expected, int[] seen,
            Queue<String> problems) {
        for (int w = 0; w < WRITERS; w++) {
            List<Integer> v = byWriter.getOrDefault(w, List.of());
            if (v.size() != expected || v.stream().distinct().count() != 1) {
                problems.add(what + ": writer " + w + " in a half state: " + v.size() + " rows (expected " + expected
                        + "), generations " + v.stream().distinct().sorted().toList());
                continue;
            }
            int g = v.get(0);
            if (g < seen[w]) {
                problems.add(what + ": writer " + w + " went back from generation " + seen[w] + " to " + g);
            }
            seen[w] = Math.max(seen[w], g);
        }
    }
}
