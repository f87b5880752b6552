package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.series.LastValue;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.series.StationKind;
import org.geoassure.geodb.store.SeriesStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;

/**
 * Monitoring benchmark (issue 7): batched readings ingest into the embedded store, one thread, one transaction per
 * ingest ({@link #STATIONS} stations x {@link #PER_STATION} readings every 15 min, fixed seed), twice: into empty
 * tables, then the next period appended behind the first; then the last value at or before a random t for all
 * {@link #STATIONS} stations at once, {@link #QUERIES} times after a warm-up, p50 and p99.
 */
final class ReadingsBench {
    static final int STATIONS = 1000;
    static final int PER_STATION = 1000;
    static final int QUERIES = 200;
    private static final long STEP = 15 * 60 * 1_000_000L;
    private static final long START = Readings.micros(Instant.parse("2025-01-01T00:00:00Z"));

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();

    private ReadingsBench() {
    }

    static void run(PrintWriter out, Path dir) throws IOException {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("geoassure-readings-bench");
        Path file = work.resolve("readings-bench.gpkg");
        Files.deleteIfExists(file);
        SplittableRandom rnd = new SplittableRandom(7);
        Provenance p = new Provenance(List.of(), "bench", Map.of(), List.of());
        try (WorkspaceStore ws = Workspaces.create(file, new WorkspaceInfo("bench", "EPSG:4527", "", "m",
                Instant.now()))) {
            SeriesStore s = (SeriesStore) ws;
            List<Station> stations = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < STATIONS; i++) {
                String id = String.format("PZ%04d", i);
                ids.add(id);
                stations.add(new Station(id, "", StationKind.PIEZOMETER, 39_500_000 + rnd.nextDouble(5000),
                        4_000_000 + rnd.nextDouble(5000), -200 - rnd.nextDouble(300), "MPa", "Ordovician limestone"));
            }
            s.ingestStations(stations, p);
            for (int period = 0; period < 2; period++) {
                List<Readings> batches = batches(ids, period, rnd);
                long n = (long) STATIONS * PER_STATION;
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                IngestRecord rec = s.ingestReadings(batches, p);
                double sec = (System.nanoTime() - t0) / 1e9;
                double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
                if (rec.holesNew() != n) {
                    throw new IllegalStateException("wrote " + rec.holesNew() + " readings, expected " + n);
                }
                out.printf("readings  ingest %s: %,d readings (%d stations x %d, 15 min) in %.2f s wall = %,.0f "
                        + "readings/s; thread CPU %.2f s = %,.0f readings/s per core (one thread, one transaction)%n",
                        period == 0 ? "into empty tables" : "appended behind " + n + " readings", n, STATIONS,
                        PER_STATION, sec, n / sec, cpu, n / cpu);
            }
            long span = 2L * PER_STATION * STEP;
            double[] ms = new double[QUERIES];
            double[] cpuMs = new double[QUERIES];
            for (int q = -20; q < QUERIES; q++) {
                Instant at = Readings.toInstant(START + rnd.nextLong(span));
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                List<LastValue> last = s.lastValues(ids, at, null);
                double t = (System.nanoTime() - t0) / 1e6;
                double c = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
                if (last.size() != STATIONS) {
                    throw new IllegalStateException("last values for " + last.size() + " stations");
                }
                if (q >= 0) {
                    ms[q] = t;
                    cpuMs[q] = c;
                }
            }
            Arrays.sort(ms);
            Arrays.sort(cpuMs);
            int p99 = (int) Math.ceil(QUERIES * 0.99) - 1;
            out.printf("readings  last value at a random t for %d stations (of %,d readings): wall p50 %.1f ms, p99 %.1f "
                    + "ms; thread CPU p50 %.1f ms, p99 %.1f ms (%d queries after 20 warm-up)%n", STATIONS,
                    2L * STATIONS * PER_STATION, ms[QUERIES / 2], ms[p99], cpuMs[QUERIES / 2], cpuMs[p99], QUERIES);
            out.printf("readings  workspace file %.0f MB%n", Files.size(file) / 1e6);
        } finally {
            if (dir == null) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(work.resolve("readings-bench.gpkg-wal"));
                Files.deleteIfExists(work.resolve("readings-bench.gpkg-shm"));
                Files.deleteIfExists(work);
            }
        }
    }

    /** One batch per station for period {@code period}: a random walk around 2 MPa. */
    private static List<Readings> batches(List<String> ids, int period, SplittableRandom rnd) {
        List<Readings> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            long[] t = new long[PER_STATION];
            double[] v = new double[PER_STATION];
            double level = 2 + rnd.nextDouble();
            for (int i = 0; i < PER_STATION; i++) {
                t[i] = START + ((long) period * PER_STATION + i) * STEP;
                level += rnd.nextDouble(-0.01, 0.01);
                v[i] = level;
            }
            out.add(new Readings(id, t, v, null));
        }
        return out;
    }
}
