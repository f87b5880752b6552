package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geoassure.geodb.grid.AggregateResult;
import org.geoassure.geodb.grid.Aggregation;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.BlockQuery;
import org.geoassure.geodb.grid.BlockScan;
import org.geoassure.geodb.grid.Brick;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.grid.BrickStats;
import org.geoassure.geodb.grid.Morton;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;

/**
 * {@code geoassure bench --only blocks}: the block-model targets of issue 4, against the raw-scan floor measured in the
 * same run (a plain loop over a {@code float[]} summing the values above a threshold).
 *
 * <p>A seeded model of about {@code --cells} cells (dimensions multiples of 32, so every brick is full; 512 x 512 x 384
 * for 10^8) of 5 m cells at Gauss-Krüger coordinates, float32 attributes {@code a0, a1, ...} uniform in [0, 10), is
 * written into a temporary embedded workspace through {@link BlockModelStore#writeBlockModel}, a brick at a time, and
 * queried through the store's {@link BrickSource} (its brick cache), as {@code geoassure query blocks} does:
 * <ul>
 *   <li>full scan {@code aN > 5} with count and mean/min/max of {@code aN}, for each attribute (first pass reads from
 *       the database, then warm);</li>
 *   <li>boxes of about 10^6 cells at random places, the selected cells' {@code a0} summed (p50, p99);</li>
 *   <li>grade-tonnage of {@code a0} at 100 cut-offs 0.1 .. 10 with a constant density;</li>
 *   <li>heap held by the cached attributes after a full GC.</li>
 * </ul>
 * When the model's bytes exceed the store's cache bound (e.g. 10^9 cells with {@code -Xmx2g}) only a full scan and
 * box queries are run: they stream the bricks through the cache, and its peak is printed beside its bound.
 */
final class BlockBench {
    private static final long SEED = 20261130L;
    private static final double CELL = 5;
    private static final int WARM = 7;
    private static final int BOXES = 200;

    private BlockBench() {
    }

    static void run(PrintWriter out, Path dir, long cells, int attributes) throws IOException {
        int[] n = dims(cells);
        int na = attributes > 0 ? attributes : (long) n[0] * n[1] * n[2] > 250_000_000L ? 1 : 8;
        List<BlockAttribute> attrs = new ArrayList<>();
        for (int a = 0; a < na; a++) {
            attrs.add(BlockAttribute.of("a" + a, AttributeType.FLOAT32));
        }
        BlockModel model = new BlockModel("bench", 39_500_000, 4_400_000, -1000, 0, CELL, CELL, CELL, n[0], n[1], n[2],
                attrs);
        long gridCells = model.gridCells();
        out.printf("blocks    model %d x %d x %d = %,d cells, %d float32 attribute(s) (%,d MB of values), seed %d%n",
                n[0], n[1], n[2], gridCells, na, gridCells * 4 * na >> 20, SEED);
        out.printf("          load %s%n", loadAverage());
        out.flush();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("geoassure-blocks");
        Path file = work.resolve("blocks.gpkg");
        try {
            double floor = floor(out, (int) Math.min(gridCells, 100_000_000L));
            double floorPerCell = floor / Math.min(gridCells, 100_000_000L);
            try (WorkspaceStore ws = Workspaces.create(file, WorkspaceInfo.of("bench", "EPSG:4527", "unspecified"))) {
                BlockModelStore store = (BlockModelStore) ws;
                long t0 = System.nanoTime();
                store.writeBlockModel(new Generated(model), "bench", new Provenance(List.of(), "bench", Map.of(),
                        List.of()));
                out.printf("          write through the store: %.1f s, file %,d MB%n", (System.nanoTime() - t0) / 1e9,
                        Files.size(file) >> 20);
                out.flush();
                BlockModelStore.CacheUse use = store.brickCacheUse();
                long modelBytes = gridCells * 4 * na;
                if (modelBytes + (modelBytes >> 5) > use.bound()) {
                    outOfCore(out, store, model, floorPerCell);
                } else {
                    inMemory(out, store, model, floorPerCell);
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(work.resolve("blocks.gpkg-wal"));
            Files.deleteIfExists(work.resolve("blocks.gpkg-shm"));
            if (dir == null) {
                Files.deleteIfExists(work);
            }
        }
    }

    /** Dimensions, multiples of 32, of about {@code cells} cells: 512 x 512 x 384 for 10^8. */
    static int[] dims(long cells) {
        int nz = 32 * (int) Math.max(1, Math.round(Math.cbrt(cells) * 0.8 / 32));
        int nxy = 32 * (int) Math.max(1, Math.round(Math.sqrt((double) cells / nz) / 32));
        return new int[] {nxy, nxy, nz};
    }

    /** Median seconds of the raw floor over {@code n} values, printed with p99. */
    private static double floor(PrintWriter out, int n) {
        float[] v = new float[n];
        SplittableRandom r = new SplittableRandom(SEED);
        for (int x = 0; x < n; x++) {
            v[x] = (float) (r.nextDouble() * 10);
        }
        double[] s = new double[15];
        double[] b = new double[15];
        double sink = 0;
        for (int rep = -3; rep < s.length; rep++) {
            long t0 = System.nanoTime();
            sink += sumAbove(v, 5f);
            long t1 = System.nanoTime();
            sink -= sumAboveBranchFree(v, 5f);
            if (rep >= 0) {
                s[rep] = (t1 - t0) / 1e9;
                b[rep] = (System.nanoTime() - t1) / 1e9;
            }
        }
        Arrays.sort(s);
        Arrays.sort(b);
        out.printf("          floor: sum of float[%,d] above a threshold (half of them), warm: median %.1f ms, p99 %.1f "
                + "ms; the same without a branch (sum += v > t ? v : 0): median %.1f ms, p99 %.1f ms (%s)%n", n,
                s[s.length / 2] * 1e3, p99(s) * 1e3, b[b.length / 2] * 1e3, p99(b) * 1e3, sink == 0 ? "ok" : "?");
        out.flush();
        return s[s.length / 2];
    }

    /** The floor: the sum of the values above {@code t}, a plain loop (a method of its own, so it is compiled). */
    static double sumAbove(float[] v, float t) {
        double sum = 0;
        for (float f : v) {
            if (f > t) {
                sum += f;
            }
        }
        return sum;
    }

    /** The floor without a data-dependent branch. */
    static double sumAboveBranchFree(float[] v, float t) {
        double sum = 0;
        for (float f : v) {
            sum += f > t ? f : 0.0;
        }
        return sum;
    }

    private static void inMemory(PrintWriter out, BlockModelStore store, BlockModel model, double floorPerCell) {
        long cells = model.gridCells();
        double floor = floorPerCell * cells;
        System.gc();
        long heap0 = usedHeap();
        int na = model.attributes().size();
        // full scans, one attribute at a time: the first pass reads from the database into the cache
        double[] medians = new double[na];
        double[] p99s = new double[na];
        double cold = 0;
        for (int a = 0; a < na; a++) {
            String name = "a" + a;
            BlockQuery q = BlockQuery.all().where(AttributePredicate.of(name, AttributePredicate.Op.GT, 5.0));
            Aggregation agg = Aggregation.basic().summarise(name);
            double[] s = new double[WARM];
            AggregateResult res = null;
            for (int rep = -1; rep < WARM; rep++) {
                long t0 = System.nanoTime();
                res = BlockScan.aggregate(store.blockModel(model.name()), q, agg);
                double t = (System.nanoTime() - t0) / 1e9;
                if (rep < 0) {
                    cold += t;
                } else {
                    s[rep] = t;
                }
            }
            Arrays.sort(s);
            medians[a] = s[WARM / 2];
            p99s[a] = p99(s);
            out.printf("          full scan %s > 5, count + mean/min/max: median %.1f ms, p99 %.1f ms, %.2f x floor "
                    + "(%,d cells, mean %.4f)%n", name, medians[a] * 1e3, p99s[a] * 1e3, medians[a] / floor, res.count(),
                    res.summaries().get(0).mean());
            out.flush();
        }
        Arrays.sort(medians);
        out.printf("          full scan, %d attributes: median of medians %.1f ms (%.2f x floor), worst %.1f ms; first "
                + "pass from the database %.1f s in all%n", na, medians[na / 2] * 1e3, medians[na / 2] / floor,
                medians[na - 1] * 1e3, cold);
        System.gc();
        long heap1 = usedHeap();
        BlockModelStore.CacheUse use = store.brickCacheUse();
        out.printf("          resident: heap %,d MB after GC with %d attributes loaded (%,d MB before; %.2f bytes per "
                + "cell-attribute), cache %,d MB of a %,d MB bound, RSS %s%n", heap1 >> 20, na, heap0 >> 20,
                (double) (heap1 - heap0) / cells / na, use.bytes() >> 20, use.bound() >> 20, rss());
        out.flush();
        boxes(out, store, model, floor, cells);
        gradeTonnage(out, store, model, floor);
    }

    private static void boxes(PrintWriter out, BlockModelStore store, BlockModel model, double floor, long cells) {
        int side = (int) Math.round(Math.cbrt(Math.min(1e6, cells / 100.0)));
        SplittableRandom r = new SplittableRandom(SEED + 1);
        double[] s = new double[BOXES];
        long selected = 0;
        double sink = 0;
        for (int q = -20; q < BOXES; q++) {
            int i = r.nextInt(model.nx() - side + 1);
            int j = r.nextInt(model.ny() - side + 1);
            int k = r.nextInt(model.nz() - side + 1);
            // a box whose faces lie between cell centroids, so it holds side^3 centroids
            Box3 box = new Box3(model.originX() + (i + 0.25) * CELL, model.originY() + (j + 0.25) * CELL,
                    model.originZ() + (k + 0.25) * CELL, model.originX() + (i + side - 0.25) * CELL,
                    model.originY() + (j + side - 0.25) * CELL, model.originZ() + (k + side - 0.25) * CELL);
            double[] sum = new double[1];
            long t0 = System.nanoTime();
            BrickSource src = store.blockModel(model.name());
            var rep = BlockScan.select(src, BlockQuery.all().within(box), List.of("a0"),
                    (ci, cj, ck, b, local) -> sum[0] += b.value(0, local));
            double t = (System.nanoTime() - t0) / 1e9;
            if (q >= 0) {
                s[q] = t;
                selected += rep.cellsSelected();
                sink += sum[0];
            }
        }
        Arrays.sort(s);
        out.printf("          box of %d^3 cells at %d random places, a0 of each cell summed: p50 %.2f ms, p99 %.2f ms "
                + "(%,d cells per box on average; p50 %.3f x floor; %s)%n", side, BOXES, s[BOXES / 2] * 1e3,
                p99(s) * 1e3, selected / BOXES, s[BOXES / 2] / floor, sink > 0 ? "ok" : "?");
        out.flush();
    }

    private static void gradeTonnage(PrintWriter out, BlockModelStore store, BlockModel model, double floor) {
        double[] cuts = new double[100];
        for (int c = 0; c < cuts.length; c++) {
            cuts[c] = (c + 1) / 10.0;
        }
        Aggregation agg = Aggregation.basic().density(2.7).gradeTonnage("a0", cuts);
        double[] s = new double[5];
        AggregateResult res = null;
        for (int rep = -1; rep < s.length; rep++) {
            long t0 = System.nanoTime();
            res = BlockScan.aggregate(store.blockModel(model.name()), BlockQuery.all(), agg);
            if (rep >= 0) {
                s[rep] = (System.nanoTime() - t0) / 1e9;
            }
        }
        Arrays.sort(s);
        AggregateResult.GradeTonnageRow half = res.gradeTonnage().get(49);
        out.printf("          grade-tonnage, 100 cut-offs over %,d cells: median %.3f s, p99 %.3f s, %.2f x floor "
                + "(at cut-off %.1f: %,d cells, mean grade %.4f)%n", res.count(), s[s.length / 2], p99(s),
                s[s.length / 2] / floor, half.cutoff(), half.cells(), half.meanGrade());
        out.flush();
    }

    private static void outOfCore(PrintWriter out, BlockModelStore store, BlockModel model, double floorPerCell) {
        long cells = model.gridCells();
        double floor = floorPerCell * cells;
        out.printf("          out of core: %,d MB of values, max heap %,d MB, cache bound %,d MB; floor scaled to %,d "
                + "cells: %.1f ms%n", cells * 4 * model.attributes().size() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                store.brickCacheUse().bound() >> 20, cells, floor * 1e3);
        BlockQuery q = BlockQuery.all().where(AttributePredicate.of("a0", AttributePredicate.Op.GT, 5.0));
        Aggregation agg = Aggregation.basic().summarise("a0");
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            AggregateResult res = BlockScan.aggregate(store.blockModel(model.name()), q, agg);
            double t = (System.nanoTime() - t0) / 1e9;
            BlockModelStore.CacheUse use = store.brickCacheUse();
            out.printf("          full scan a0 > 5, pass %d: %.1f s (%.1f x floor), %,d cells selected, mean %.4f; "
                    + "cache now %,d MB, peak %,d MB of %,d MB bound, %,d misses, %,d evictions; heap used %,d MB%n",
                    rep + 1, t, t / floor, res.count(), res.summaries().get(0).mean(), use.bytes() >> 20,
                    use.peak() >> 20, use.bound() >> 20, use.misses(), use.evictions(), usedHeap() >> 20);
            out.flush();
        }
        boxes(out, store, model, floor, cells);
        out.printf("          load %s, RSS %s%n", loadAverage(), rss());
    }

    private static double p99(double[] sorted) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)];
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The bench model made on demand, a brick at a time from a seed per brick, so it is written without being held in
     * memory. Headers carry the exact statistics (each brick is made once for them, and again when written).
     */
    private static final class Generated implements BrickSource {
        private final BlockModel model;
        private List<Header> headers;

        Generated(BlockModel model) {
            this.model = model;
        }

        @Override
        public BlockModel model() {
            return model;
        }

        @Override
        public List<Header> headers() {
            if (headers == null) {
                List<Long> codes = new ArrayList<>();
                for (int bk = 0; bk < model.bricks(2); bk++) {
                    for (int bj = 0; bj < model.bricks(1); bj++) {
                        for (int bi = 0; bi < model.bricks(0); bi++) {
                            codes.add(Morton.encode(bi, bj, bk));
                        }
                    }
                }
                codes.sort(null);
                boolean[] all = new boolean[model.attributes().size()];
                Arrays.fill(all, true);
                List<Header> h = new ArrayList<>(codes.size());
                for (long code : codes) {
                    Brick b = brick(code, all);
                    List<BrickStats> stats = new ArrayList<>();
                    for (int a = 0; a < all.length; a++) {
                        stats.add(b.stats(a));
                    }
                    h.add(new Header(code, b.cells(), stats));
                }
                headers = h;
            }
            return headers;
        }

        @Override
        public Brick brick(long index, boolean[] attributes) {
            int i0 = Morton.decode(index, 0) * Brick.SIZE;
            int j0 = Morton.decode(index, 1) * Brick.SIZE;
            int k0 = Morton.decode(index, 2) * Brick.SIZE;
            long[] mask = new long[Brick.CELLS / 64];
            for (int l = 0; l < Brick.CELLS; l++) {
                int i = i0 + (l & 31);
                int j = j0 + (l >> 5 & 31);
                int k = k0 + (l >> 10);
                if (i < model.nx() && j < model.ny() && k < model.nz()) {
                    mask[l >>> 6] |= 1L << l;
                }
            }
            Object[] cols = new Object[model.attributes().size()];
            for (int a = 0; a < cols.length; a++) {
                float[] f = (float[]) Brick.nullColumn(AttributeType.FLOAT32);
                SplittableRandom r = new SplittableRandom(SEED ^ index * 0x9E3779B97F4A7C15L ^ a * 0xBF58476D1CE4E5B9L);
                for (int l = 0; l < Brick.CELLS; l++) {
                    if ((mask[l >>> 6] & 1L << l) != 0) {
                        f[l] = (float) (r.nextDouble() * 10);
                    }
                }
                cols[a] = f;
            }
            return new Brick(index, mask, model.attributes(), cols);
        }
    }
}
