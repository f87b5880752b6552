package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.geoassure.geodb.analysis.Desurvey;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.ingest.Progress;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.ingest.drillhole.ReadResult;
import org.geoassure.samples.SyntheticDrillholes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks of the foundation: desurvey of 10^6 stations, CSV ingest of 10^5 holes / 10^6 "
            + "intervals, 1%% 3D box queries over 10^6 intervals. Prints figures to record in docs/benchmarks.md."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--holes", defaultValue = "100000", description = "holes (default ${DEFAULT-VALUE}); 10 stations "
            + "and 10 intervals each")
    int holes;

    @Option(names = "--queries", defaultValue = "200", description = "box queries to time (default ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--repeat", defaultValue = "7", description = "desurvey repetitions (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--dir", description = "working directory for generated files (default: a temporary directory, "
            + "deleted afterwards)")
    Path dir;

    @Option(names = "--only", description = "run one part: desurvey, ingest, query (query includes the ingest), las "
            + "(LAS parse against a naive baseline), segy (SEG-Y read against segyio), warnings (10 monitoring rules over "
            + "10^6 readings), hazard (water-inrush coefficient over 10^6 cells), readings (monitoring readings ingest and "
            + "last value for 10^3 stations), krige (kriging, IDW, variogram; with --dir also writes CSV for "
            + "tools/gstat-bench), regions (block cells inside a closed mesh, above a surface, near a line), isosurface "
            + "(256^3 grids), blocks (block-model scans, boxes, grade-tonnage and residency against the raw-scan "
            + "floor; see --cells), tiles (a 3D Tiles tileset of a 10^8-cell block model) or postgis "
            + "(embedded vs PostGIS, needs GEODB_PG_URL); all but desurvey, ingest and "
            + "query run only when named")
    String only;

    /** The parts {@code --only} names. */
    static final List<String> ONLY = List.of("desurvey", "ingest", "query", "las", "segy", "warnings", "hazard",
            "readings", "krige", "regions", "isosurface", "blocks", "tiles", "postgis");

    @Option(names = "--cells", defaultValue = "100000000", description = "blocks: cells of the model (default "
            + "${DEFAULT-VALUE}; dimensions rounded to multiples of 32); a model larger than the brick cache "
            + "(geoassure.brickcache, default 40%% of the heap) is run out of core: a full scan and box queries only")
    long cells;

    @Option(names = "--attributes", defaultValue = "0", description = "blocks: float32 attributes (default 8, or 1 "
            + "above 2.5 x 10^8 cells)")
    int attributes;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %d cores, java %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        if (only != null && !ONLY.contains(only)) {
            throw new InvalidContentException("--only: '" + only + "' is not one of " + String.join(", ", ONLY));
        }
        if ("krige".equals(only)) {
            KrigeBench.run(out, dir);
            return 0;
        }
        if ("readings".equals(only)) {
            ReadingsBench.run(out, dir);
            return 0;
        }
        if ("warnings".equals(only)) {
            WarningsBench.run(out);
            return 0;
        }
        if ("isosurface".equals(only)) {
            IsosurfaceBench.run(out);
            return 0;
        }
        if ("tiles".equals(only)) {
            TilesBench.run(out, dir);
            return 0;
        }
        if ("blocks".equals(only)) {
            BlockBench.run(out, dir, cells, attributes);
            return 0;
        }
        if ("regions".equals(only)) {
            RegionBench.run(out);
            return 0;
        }
        if ("hazard".equals(only)) {
            HazardBench.run(out);
            return 0;
        }
        if ("postgis".equals(only)) {
            PostgisBench.run(out, dir, holes, queries);
            return 0;
        }
        if ("las".equals(only)) {
            LasBench.run(out, dir);
        }
        if (only == null || only.equals("desurvey")) {
            desurvey(out);
        }
        if (only == null || only.equals("ingest") || only.equals("query")) {
            Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("geoassure-bench");
            try {
                ingestAndQuery(out, work);
            } finally {
                if (dir == null) {
                    deleteTree(work);
                }
            }
        }
        if ("segy".equals(only)) {
            SegyBench.run(out, dir);
        }
        return 0;
    }

    private void desurvey(PrintWriter out) {
        int n = holes;
        int stations = 10;
        SplittableRandom rnd = new SplittableRandom(42);
        double[][] depth = new double[n][];
        double[][] az = new double[n][];
        double[][] dip = new double[n][];
        for (int h = 0; h < n; h++) {
            depth[h] = new double[stations];
            az[h] = new double[stations];
            dip[h] = new double[stations];
            double a = rnd.nextDouble() * 360;
            double d = -90 + rnd.nextDouble() * 30;
            for (int k = 0; k < stations; k++) {
                depth[h][k] = k * 30.0;
                az[h][k] = (a + k * 0.7) % 360;
                dip[h][k] = Math.min(-1, d + k * 0.3);
            }
        }
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            double[] seconds = new double[repeat];
            double[] sink = new double[n];
            for (int r = 0; r < repeat; r++) {
                long t0 = System.nanoTime();
                IntStream range = IntStream.range(0, n);
                (threads > 1 ? range.parallel() : range).forEach(h -> {
                    var trace = Desurvey.compute(0, 0, 0, depth[h], az[h], dip[h], DesurveyMethod.MINIMUM_CURVATURE);
                    sink[h] = trace.stationZ(stations - 1);
                });
                seconds[r] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(seconds);
            out.printf("desurvey  %,d stations (%,d holes x %d), minimum curvature, %d thread(s): median %.3f s, best "
                    + "%.3f s over %d runs (first run %s)%n", (long) n * stations, n, stations, threads,
                    seconds[repeat / 2], seconds[0], repeat, "included");
        }
    }

    private void ingestAndQuery(PrintWriter out, Path work) throws IOException {
        long t0 = System.nanoTime();
        SyntheticDrillholes.Files3 f = SyntheticDrillholes.write(work.resolve("csv"), holes, 10, 10, 10.0, 7);
        out.printf("generate  %,d holes, %,d stations, %,d intervals in %.1f s (%,d MB of CSV)%n", f.holes(), f.stations(),
                f.intervals(), (System.nanoTime() - t0) / 1e9,
                (Files.size(f.collar()) + Files.size(f.survey()) + Files.size(f.assays())) >> 20);
        Path wsFile = work.resolve("bench.gpkg");
        Files.deleteIfExists(wsFile);
        try (WorkspaceStore ws = Workspaces.create(wsFile, WorkspaceInfo.of("bench", "EPSG:4527", "unspecified"))) {
            ingest(out, ws, f, wsFile);
            if (only == null || only.equals("query")) {
                query(out, ws, f);
                indexOnly(out, wsFile);
                sqlVersusApi(out, ws);
            }
        }
    }

    /** Reads and ingests the files; the batch is unreachable once this returns, so the queries run on a clean heap. */
    private static void ingest(PrintWriter out, WorkspaceStore ws, SyntheticDrillholes.Files3 f, Path wsFile)
            throws IOException {
        Map<String, Path> intervals = new LinkedHashMap<>();
        intervals.put("assays", f.assays());
        long r0 = System.nanoTime();
        ReadResult read = DrillholeReader.read(f.collar(), f.survey(), intervals,
                DrillholeOptions.defaults(Crs.forCode("EPSG:4527")), Progress.NONE);
        double readS = (System.nanoTime() - r0) / 1e9;
        long w0 = System.nanoTime();
        IngestRecord rec = ws.ingest(read.batch());
        double writeS = (System.nanoTime() - w0) / 1e9;
        long rows = f.holes() + f.stations() + f.intervals();
        out.printf("ingest    read+validate %.1f s, desurvey+store %.1f s, total %.1f s: %,.0f rows/s "
                + "(%,d collar + survey + interval rows), %,.0f intervals/s; %,d interval rows written; file %,d MB%n",
                readS, writeS, readS + writeS, rows / (readS + writeS), rows, f.intervals() / (readS + writeS),
                rec.intervalRows(), Files.size(wsFile) >> 20);
    }

    /** Side of the query boxes: 10% x 10% of the area over the full depth range is about 1% of the intervals. */
    private static final double BOX_SIDE = SyntheticDrillholes.AREA * 0.1;

    /** Untimed queries before the timed ones. */
    private int warmups() {
        return Math.max(20, queries / 4);
    }

    /** South-west corners (x, y pairs) of {@code n} query boxes, the same in every phase (fixed seed). */
    private static double[] boxOrigins(int n) {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = SyntheticDrillholes.X0 + rnd.nextDouble() * (SyntheticDrillholes.AREA - BOX_SIDE);
            xy[2 * i + 1] = SyntheticDrillholes.Y0 + rnd.nextDouble() * (SyntheticDrillholes.AREA - BOX_SIDE);
        }
        return xy;
    }

    /** Boxes of 10% x 10% of the area over the full depth range: about 1% of the intervals each. */
    private void query(PrintWriter out, WorkspaceStore ws, SyntheticDrillholes.Files3 f) {
        double side = BOX_SIDE;
        int warm = warmups();
        double[] origins = boxOrigins(warm + queries);
        double[] ms = new double[queries];
        long total = 0;
        System.gc(); // leave the ingest's garbage out of the query timings
        for (int q = -warm; q < queries; q++) {
            double x = origins[2 * (q + warm)];
            double y = origins[2 * (q + warm) + 1];
            Box3 box = new Box3(x, y, -1000, x + side, y + side, 1000);
            long t0 = System.nanoTime();
            long count;
            try (Stream<IntervalRecord> s = ws.intervals("assays", Selection.all().within(new SpatialFilter.InBox(box)))) {
                count = s.count();
            }
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (q >= 0) {
                ms[q] = elapsed;
                total += count;
            }
        }
        Arrays.sort(ms);
        out.printf("query     %d boxes of 1%% (mean %,d rows of %,d = %.2f%%), rows streamed and counted: p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", queries, total / queries, f.intervals(),
                100.0 * total / queries / f.intervals(), ms[queries / 2], ms[(int) Math.ceil(queries * 0.99) - 1],
                ms[queries - 1]);
    }

    /**
     * The same boxes against the R*Tree alone, over plain JDBC: the floor of the index step, for comparison with the
     * full query (which also reads and refines every row).
     */
    private void indexOnly(PrintWriter out, Path wsFile) {
        double side = BOX_SIDE;
        int warm = warmups();
        double[] origins = boxOrigins(warm + queries);
        double[] ms = new double[queries];
        String sql = "SELECT count(*) FROM ga_rtree_chunks_assays WHERE minx <= ? AND maxx >= ? AND miny <= ? "
                + "AND maxy >= ? AND minz <= 1000 AND maxz >= -1000";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + wsFile);
                java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int q = -warm; q < queries; q++) {
                double x = origins[2 * (q + warm)];
                double y = origins[2 * (q + warm) + 1];
                long t0 = System.nanoTime();
                ps.setDouble(1, x + side);
                ps.setDouble(2, x);
                ps.setDouble(3, y + side);
                ps.setDouble(4, y);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                if (q >= 0) {
                    ms[q] = (System.nanoTime() - t0) / 1e6;
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("index-only benchmark failed: " + e.getMessage(), e);
        }
        Arrays.sort(ms);
        out.printf("index     the same %d boxes, R*Tree candidate chunks counted in SQLite only: p50 %.1f ms, p99 %.1f ms%n",
                queries, ms[queries / 2], ms[(int) Math.ceil(queries * 0.99) - 1]);
    }

    /**
     * The same 3D distance query (radius 564 m around random points: about 1% of the intervals) through the typed
     * API and through SQL (a PreparedStatement whose ST_3DDWithin is pushed down to the R*Tree), alternating, in one
     * run: the planning and row overhead of SQL as a ratio.
     */
    private void sqlVersusApi(PrintWriter out, WorkspaceStore ws) {
        double radius = 564;
        SplittableRandom rnd = new SplittableRandom(13);
        int warm = warmups();
        double[] api = new double[queries];
        double[] sql = new double[queries];
        long apiRows = 0;
        long sqlRows = 0;
        System.gc();
        try (java.sql.Connection c = org.geoassure.geodb.query.sql.SqlQueries.connect(ws,
                org.geoassure.geodb.query.TimeSlice.current());
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT hole_id, depth_from, depth_to, CU, LITH FROM "
                        + "assays WHERE ST_3DDWithin(geom, ST_MakePoint(?, ?, ?), ?)")) {
            for (int q = -warm; q < queries; q++) {
                double x = SyntheticDrillholes.X0 + radius + rnd.nextDouble() * (SyntheticDrillholes.AREA - 2 * radius);
                double y = SyntheticDrillholes.Y0 + radius + rnd.nextDouble() * (SyntheticDrillholes.AREA - 2 * radius);
                double z = SyntheticDrillholes.Z0 - 25;
                long t0 = System.nanoTime();
                long n;
                try (Stream<IntervalRecord> s = ws.intervals("assays",
                        Selection.all().within(new SpatialFilter.NearPoint(x, y, z, radius)))) {
                    n = s.count();
                }
                long t1 = System.nanoTime();
                ps.setDouble(1, x);
                ps.setDouble(2, y);
                ps.setDouble(3, z);
                ps.setDouble(4, radius);
                long m = 0;
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m++;
                    }
                }
                long t2 = System.nanoTime();
                if (q >= 0) {
                    api[q] = (t1 - t0) / 1e6;
                    sql[q] = (t2 - t1) / 1e6;
                    apiRows += n;
                    sqlRows += m;
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("SQL benchmark failed: " + e.getMessage(), e);
        }
        if (apiRows != sqlRows) {
            throw new IllegalStateException("SQL returned " + sqlRows + " rows, the API " + apiRows);
        }
        Arrays.sort(api);
        Arrays.sort(sql);
        int p99 = (int) Math.ceil(queries * 0.99) - 1;
        out.printf("distance  %d queries within %.0f m (mean %,d rows): typed API p50 %.1f ms, p99 %.1f ms; SQL (prepared, "
                + "pushed down) p50 %.1f ms, p99 %.1f ms; SQL/API p50 ratio %.2f%n", queries, radius, apiRows / queries,
                api[queries / 2], api[p99], sql[queries / 2], sql[p99], sql[queries / 2] / api[queries / 2]);
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
