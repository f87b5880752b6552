package org.geoassure.geodb.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;

/**
 * Runs block queries over a {@link BrickSource}: bricks outside the box's cell index range and bricks whose
 * statistics rule a predicate out are skipped without being read; the others are read with the attributes needed and
 * scanned a brick at a time. Each scanned brick gets a selection of one bit per cell (as its presence mask): the
 * cells of the box's index range and layers first, then the centroid test against the world box (only for bricks not
 * wholly inside it), the region, and each predicate as a loop over the attribute's primitive array. Aggregates and
 * histograms then run over the selected bits, in parts of a fixed number of bricks on the common fork-join pool
 * (reading the source one brick at a time under its lock), the parts' sums added in brick order: the answer is the
 * same whatever the threads. {@link #select} visits cells on the calling thread, in order. Stateless.
 */
public final class BlockScan {
    /** Words of a brick's selection bits. */
    private static final int WORDS = Brick.CELLS / 64;

    private BlockScan() {
    }

    /** Receives the selected cells, brick by brick in Morton order, cells in local-index order inside a brick. */
    @FunctionalInterface
    public interface CellVisitor {
        /** Cell (i, j, k), at local index {@code local} of {@code brick}. */
        void cell(int i, int j, int k, Brick brick, int local);
    }

    /** Receives the selected cells of one brick as bits ({@code sel}, reused: read it before returning). */
    @FunctionalInterface
    private interface BrickVisitor {
        void brick(Brick brick, long[] sel, int selected);
    }

    /**
     * Visits the selected cells.
     *
     * @param needed attribute names the visitor reads (loaded besides those of the predicates)
     * @throws InvalidContentException if a predicate names an unknown attribute or has an operand of the wrong kind
     */
    public static ScanReport select(BrickSource source, BlockQuery query, List<String> needed, CellVisitor visitor) {
        return scan(source, query, needed, (b, sel, n) -> {
            int bi = b.coordinate(0) << Brick.SHIFT;
            int bj = b.coordinate(1) << Brick.SHIFT;
            int bk = b.coordinate(2) << Brick.SHIFT;
            for (int w = 0; w < WORDS; w++) {
                long bits = sel[w];
                while (bits != 0) {
                    int local = w << 6 | Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    visitor.cell(bi + (local & Brick.SIZE - 1), bj + (local >>> Brick.SHIFT & Brick.SIZE - 1),
                            bk + (local >>> 2 * Brick.SHIFT), b, local);
                }
            }
        });
    }

    /** Bricks per part of a parallel scan: a fixed number, so that partial results merge the same way every run. */
    private static final int PART = 32;

    /** A query bound to a model: compiled predicates, attributes to load, index range, box, region, rotation. */
    private record Plan(BlockModel m, List<Condition> conds, boolean[] load, int[] lo, int[] hi, Box3 box,
            CellRegion region, double cos, double sin, List<BrickSource.Header> headers) {
    }

    /** Counters of a scan (or of a part of it). */
    private static final class Counts {
        long total;
        long byBox;
        long byStats;
        long scanned;
        long tested;
        long selected;

        void add(Counts o) {
            total += o.total;
            byBox += o.byBox;
            byStats += o.byStats;
            scanned += o.scanned;
            tested += o.tested;
            selected += o.selected;
        }

        ScanReport report() {
            return new ScanReport(total, byBox, byStats, scanned, tested, selected);
        }
    }

    private static Plan plan(BrickSource source, BlockQuery query, List<String> needed) {
        BlockModel m = source.model();
        List<Condition> conds = compile(m, query.where());
        boolean[] load = new boolean[m.attributes().size()];
        for (Condition c : conds) {
            load[c.attr] = true;
        }
        for (String n : needed) {
            load[index(m, n)] = true;
        }
        int[] lo = {0, 0, 0};
        int[] hi = {m.nx() - 1, m.ny() - 1, m.nz() - 1};
        Box3 box = query.box();
        if (box != null) {
            indexRange(m, box, lo, hi);
        }
        CellRegion region = query.region();
        if (region != null && (region.model().nx() != m.nx() || region.model().ny() != m.ny()
                || region.model().nz() != m.nz())) {
            throw new InvalidContentException("the region was made for a " + region.model().nx() + " x "
                    + region.model().ny() + " x " + region.model().nz() + " grid, not this model's " + m.nx() + " x "
                    + m.ny() + " x " + m.nz());
        }
        double r = Math.toRadians(m.rotation());
        return new Plan(m, conds, load, lo, hi, box, region, Math.cos(r), Math.sin(r), source.headers());
    }

    private static ScanReport scan(BrickSource source, BlockQuery query, List<String> needed, BrickVisitor visitor) {
        Plan p = plan(source, query, needed);
        Counts c = new Counts();
        scan(p, source, 0, p.headers.size(), new long[WORDS], c, visitor);
        return c.report();
    }

    /**
     * Scans the bricks of a plan in parts of {@link #PART} bricks, in parallel, each part into its own accumulator;
     * returns the accumulators in brick order for the caller to merge in that order, so the result does not depend on
     * the threads. The source is read by one thread at a time (under its lock), so any source will do.
     */
    private static <A extends BrickVisitor> List<A> scanParts(BrickSource source, Plan p, java.util.function.Supplier<A> make,
            Counts counts) {
        int n = p.headers.size();
        int parts = (n + PART - 1) / PART;
        record Part<A>(A acc, Counts counts) {
        }
        List<Part<A>> done = java.util.stream.IntStream.range(0, parts).parallel().mapToObj(x -> {
            A acc = make.get();
            Counts c = new Counts();
            scan(p, source, x * PART, Math.min(n, (x + 1) * PART), new long[WORDS], c, acc);
            return new Part<>(acc, c);
        }).toList();
        List<A> out = new ArrayList<>(parts);
        for (Part<A> d : done) {
            counts.add(d.counts);
            out.add(d.acc);
        }
        return out;
    }

    /** Scans headers {@code from} (inclusive) to {@code to} of a plan into {@code c}, {@code sel} as scratch. */
    private static void scan(Plan p, BrickSource source, int from, int to, long[] sel, Counts c, BrickVisitor visitor) {
        BlockModel m = p.m;
        Box3 box = p.box;
        CellRegion region = p.region;
        double cos = p.cos;
        double sin = p.sin;
        for (int x = from; x < to; x++) {
            BrickSource.Header h = p.headers.get(x);
            c.total++;
            int bi = Morton.decode(h.index(), 0);
            int bj = Morton.decode(h.index(), 1);
            int bk = Morton.decode(h.index(), 2);
            int i0 = Math.max(p.lo[0], bi << Brick.SHIFT);
            int i1 = Math.min(p.hi[0], (bi << Brick.SHIFT) + Brick.SIZE - 1);
            int j0 = Math.max(p.lo[1], bj << Brick.SHIFT);
            int j1 = Math.min(p.hi[1], (bj << Brick.SHIFT) + Brick.SIZE - 1);
            int k0 = Math.max(p.lo[2], bk << Brick.SHIFT);
            int k1 = Math.min(p.hi[2], (bk << Brick.SHIFT) + Brick.SIZE - 1);
            if (i0 > i1 || j0 > j1 || k0 > k1) {
                c.byBox++;
                continue;
            }
            if (region != null && !region.touchesBrick(bi, bj, bk)) {
                c.byBox++;
                continue;
            }
            if (ruledOut(p.conds, h)) {
                c.byStats++;
                continue;
            }
            c.scanned++;
            Brick b;
            synchronized (source) {
                b = source.brick(h.index(), p.load);
            }
            if (!rangeBits(m, box, b.mask(), i0, i1, j0, j1, k0, k1, sel)) {
                continue;
            }
            c.tested += count(sel);
            if (box != null && !xyInside(m, box, cos, sin, i0, i1, j0, j1)) {
                for (int w = 0; w < WORDS; w++) {
                    long bits = sel[w];
                    while (bits != 0) {
                        int local = w << 6 | Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        double u = ((bi << Brick.SHIFT) + (local & Brick.SIZE - 1) + 0.5) * m.dx();
                        double v = ((bj << Brick.SHIFT) + (local >>> Brick.SHIFT & Brick.SIZE - 1) + 0.5) * m.dy();
                        double wx = m.originX() + cos * u - sin * v;
                        double wy = m.originY() + sin * u + cos * v;
                        if (wx < box.minX() || wx > box.maxX() || wy < box.minY() || wy > box.maxY()) {
                            sel[w] &= ~(1L << local);
                        }
                    }
                }
            }
            if (region != null) {
                for (int w = 0; w < WORDS; w++) {
                    long bits = sel[w];
                    while (bits != 0) {
                        int local = w << 6 | Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        if (!region.contains((bi << Brick.SHIFT) + (local & Brick.SIZE - 1),
                                (bj << Brick.SHIFT) + (local >>> Brick.SHIFT & Brick.SIZE - 1),
                                (bk << Brick.SHIFT) + (local >>> 2 * Brick.SHIFT))) {
                            sel[w] &= ~(1L << local);
                        }
                    }
                }
            }
            for (Condition cond : p.conds) {
                filter(cond, b, sel);
            }
            int n = count(sel);
            if (n > 0) {
                c.selected += n;
                visitor.brick(b, sel, n);
            }
        }
    }

    /**
     * Sets {@code sel} to the present cells of index range [i0, i1] x [j0, j1] x [k0, k1] (inside one brick) whose
     * layer's centroid z is in the box (when there is one). Returns whether any bit is set.
     */
    private static boolean rangeBits(BlockModel m, Box3 box, long[] mask, int i0, int i1, int j0, int j1, int k0,
            int k1, long[] sel) {
        boolean wholeBrick = (i0 & Brick.SIZE - 1) == 0 && i1 - i0 == Brick.SIZE - 1 && (j0 & Brick.SIZE - 1) == 0
                && j1 - j0 == Brick.SIZE - 1 && (k0 & Brick.SIZE - 1) == 0 && k1 - k0 == Brick.SIZE - 1;
        boolean allLayers = true;
        if (box != null) {
            for (int k = k0; k <= k1 && allLayers; k++) {
                allLayers = layerInBox(m, box, k);
            }
        }
        if (wholeBrick && allLayers) {
            System.arraycopy(mask, 0, sel, 0, WORDS);
            return true;
        }
        Arrays.fill(sel, 0L);
        boolean any = false;
        // a row of 32 cells along i is half a word: bits (i0 .. i1) of it
        long row = (i1 - i0 == 63 ? -1L : (1L << i1 - i0 + 1) - 1) << (i0 & Brick.SIZE - 1);
        for (int k = k0; k <= k1; k++) {
            if (box != null && !layerInBox(m, box, k)) {
                continue;
            }
            for (int j = j0; j <= j1; j++) {
                int local = Brick.local(0, j, k);
                long bits = row << (local & 63) & mask[local >>> 6];
                sel[local >>> 6] |= bits;
                any |= bits != 0;
            }
        }
        return any;
    }

    private static boolean layerInBox(BlockModel m, Box3 box, int k) {
        double z = m.originZ() + (k + 0.5) * m.dz();
        return !(z < box.minZ() || z > box.maxZ());
    }

    /**
     * Whether the centroids of every cell of index range [i0, i1] x [j0, j1] are in the box in x and y, with a margin
     * far above the round-off of one centroid: they are an affine image of the range, so inside when the four corner
     * centroids are (otherwise each cell is tested).
     */
    private static boolean xyInside(BlockModel m, Box3 box, double cos, double sin, int i0, int i1, int j0, int j1) {
        for (int c = 0; c < 4; c++) {
            double u = ((c & 1) == 0 ? i0 : i1) + 0.5;
            double v = ((c & 2) == 0 ? j0 : j1) + 0.5;
            u *= m.dx();
            v *= m.dy();
            double x = m.originX() + cos * u - sin * v;
            double y = m.originY() + sin * u + cos * v;
            double ex = 1e-9 * (1 + Math.abs(x));
            double ey = 1e-9 * (1 + Math.abs(y));
            if (!(x > box.minX() + ex && x < box.maxX() - ex && y > box.minY() + ey && y < box.maxY() - ey)) {
                return false;
            }
        }
        return true;
    }

    private static int count(long[] sel) {
        int n = 0;
        for (long w : sel) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /**
     * Aggregates over the selected cells (see {@link Aggregation} and {@link AggregateResult}).
     *
     * @throws InvalidContentException if an attribute is unknown, or a category attribute is used as a number
     */
    public static AggregateResult aggregate(BrickSource source, BlockQuery query, Aggregation agg) {
        BlockModel m = source.model();
        List<String> needed = new ArrayList<>();
        int partial = agg.partial() == null ? -1 : numeric(m, agg.partial(), needed);
        int density = agg.density() == null ? -1 : numeric(m, agg.density(), needed);
        int[] summ = new int[agg.summaries().size()];
        for (int s = 0; s < summ.length; s++) {
            summ[s] = numeric(m, agg.summaries().get(s), needed);
        }
        int grade = agg.grade() == null ? -1 : numeric(m, agg.grade(), needed);
        double[] cuts = agg.cutoffs();
        Buckets buckets = cuts.length == 0 ? null : new Buckets(cuts);
        Plan plan = plan(source, query, needed);
        Counts counts = new Counts();
        List<Sums> parts = scanParts(source, plan, () -> new Sums(m.cellVolume(), agg, partial, density, summ, grade,
                buckets), counts);
        Sums t = new Sums(m.cellVolume(), agg, partial, density, summ, grade, buckets);
        for (Sums part : parts) {
            t.add(part);
        }
        ScanReport report = counts.report();
        boolean hasDensity = agg.hasDensity();
        List<AggregateResult.Summary> summaries = new ArrayList<>();
        for (int s = 0; s < summ.length; s++) {
            boolean any = t.sCount[s] > 0;
            summaries.add(new AggregateResult.Summary(m.attributes().get(summ[s]).name(), t.sCount[s],
                    report.cellsSelected() - t.sCount[s], any ? t.sSum[s] / t.sCount[s] : Double.NaN,
                    any ? t.sMin[s] : Double.NaN, any ? t.sMax[s] : Double.NaN));
        }
        long cells = 0;
        double vol = 0;
        double ton = 0;
        double wg = 0;
        double metal = 0;
        AggregateResult.GradeTonnageRow[] rows = new AggregateResult.GradeTonnageRow[cuts.length];
        for (int c = cuts.length - 1; c >= 0; c--) {
            cells += t.gCells[c + 1];
            vol += t.gVol[c + 1];
            ton += t.gTon[c + 1];
            wg += t.gWg[c + 1];
            metal += t.gMetal[c + 1];
            double w = hasDensity ? ton : vol;
            rows[c] = new AggregateResult.GradeTonnageRow(cuts[c], cells, vol, hasDensity ? ton : Double.NaN,
                    w > 0 ? wg / w : Double.NaN, hasDensity ? metal : Double.NaN);
        }
        return new AggregateResult(report.cellsSelected(), t.volume, hasDensity ? t.tonnage : Double.NaN,
                t.partialNulls, t.densityNulls, summaries, Arrays.asList(rows), report);
    }

    /** The sums of an aggregate over some bricks; parts are added in brick order. */
    private static final class Sums implements BrickVisitor {
        private final double cellVolume;
        private final Aggregation agg;
        private final int partial;
        private final int density;
        private final int[] summ;
        private final int grade;
        private final Buckets buckets;
        private final boolean hasDensity;
        private final boolean perCell;
        private final double constTon;
        final long[] gCells;
        final double[] gVol;
        final double[] gTon;
        final double[] gWg;
        final double[] gMetal;
        final long[] sCount;
        final double[] sSum;
        final double[] sMin;
        final double[] sMax;
        double volume;
        double tonnage;
        long partialNulls;
        long densityNulls;
        // scratch: per-cell volume and tonnage when a partial or a density attribute makes them vary, and values
        private double[] vols;
        private double[] tons;
        private double[] scratch;

        Sums(double cellVolume, Aggregation agg, int partial, int density, int[] summ, int grade, Buckets buckets) {
            this.cellVolume = cellVolume;
            this.agg = agg;
            this.partial = partial;
            this.density = density;
            this.summ = summ;
            this.grade = grade;
            this.buckets = buckets;
            hasDensity = agg.hasDensity();
            perCell = partial >= 0 || density >= 0;
            constTon = hasDensity && !perCell ? cellVolume * agg.densityConstant() : 0;
            int nb = buckets == null ? 1 : buckets.cuts.length + 1;
            gCells = new long[nb];
            gVol = new double[nb];
            gTon = new double[nb];
            gWg = new double[nb];
            gMetal = new double[nb];
            sCount = new long[summ.length];
            sSum = new double[summ.length];
            sMin = new double[summ.length];
            sMax = new double[summ.length];
            Arrays.fill(sMin, Double.POSITIVE_INFINITY);
            Arrays.fill(sMax, Double.NEGATIVE_INFINITY);
        }

        void add(Sums o) {
            volume += o.volume;
            tonnage += o.tonnage;
            partialNulls += o.partialNulls;
            densityNulls += o.densityNulls;
            for (int s = 0; s < summ.length; s++) {
                sCount[s] += o.sCount[s];
                sSum[s] += o.sSum[s];
                sMin[s] = Math.min(sMin[s], o.sMin[s]);
                sMax[s] = Math.max(sMax[s], o.sMax[s]);
            }
            for (int b = 0; b < gCells.length; b++) {
                gCells[b] += o.gCells[b];
                gVol[b] += o.gVol[b];
                gTon[b] += o.gTon[b];
                gWg[b] += o.gWg[b];
                gMetal[b] += o.gMetal[b];
            }
        }

        @Override
        public void brick(Brick b, long[] sel, int n) {
            if (scratch == null) {
                scratch = new double[Brick.CELLS];
                vols = perCell ? new double[Brick.CELLS] : null;
                tons = perCell ? new double[Brick.CELLS] : null;
            }
            if (perCell) {
                Object pc = partial >= 0 ? b.column(partial) : null;
                Object dc = density >= 0 ? b.column(density) : null;
                for (int w = 0; w < WORDS; w++) {
                    long bits = sel[w];
                    while (bits != 0) {
                        int local = w << 6 | Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        double vol = cellVolume;
                        if (pc != null) {
                            double p = value(pc, local);
                            if (Double.isNaN(p)) {
                                partialNulls++;
                                vol = 0;
                            } else {
                                vol *= p;
                            }
                        }
                        double d = agg.densityConstant();
                        if (dc != null) {
                            d = value(dc, local);
                            if (Double.isNaN(d)) {
                                densityNulls++;
                                d = 0;
                            }
                        }
                        double ton = hasDensity ? vol * d : 0;
                        vols[local] = vol;
                        tons[local] = ton;
                        volume += vol;
                        tonnage += ton;
                    }
                }
            } else {
                volume += n * cellVolume;
                tonnage += n * constTon;
            }
            for (int s = 0; s < summ.length; s++) {
                double[] r = summarise(b.column(summ[s]), sel, scratch);
                sCount[s] += (long) r[0];
                sSum[s] += r[1];
                sMin[s] = Math.min(sMin[s], r[2]);
                sMax[s] = Math.max(sMax[s], r[3]);
            }
            if (grade >= 0) {
                double[] g = doubles(b.column(grade), sel, scratch);
                for (int w = 0; w < WORDS; w++) {
                    long bits = sel[w];
                    while (bits != 0) {
                        int local = w << 6 | Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        double v = g[local];
                        if (v == v) {
                            int bucket = buckets.of(v);
                            double vol = perCell ? vols[local] : cellVolume;
                            double ton = perCell ? tons[local] : constTon;
                            gCells[bucket]++;
                            gVol[bucket] += vol;
                            gTon[bucket] += ton;
                            gWg[bucket] += (hasDensity ? ton : vol) * v;
                            gMetal[bucket] += ton * v;
                        }
                    }
                }
            }
        }
    }

    /** A value of a column ({@code float[]}, {@code double[]} or {@code int[]}) as a double, NaN for null. */
    private static double value(Object col, int local) {
        if (col instanceof float[] f) {
            return f[local];
        }
        if (col instanceof double[] d) {
            return d[local];
        }
        int v = ((int[]) col)[local];
        return v == AttributeType.INT_NULL ? Double.NaN : v;
    }

    /**
     * The selected values of a column as doubles (NaN for null): the column itself when it is a {@code double[]},
     * else {@code scratch} with the selected cells filled (the others left as they were).
     */
    private static double[] doubles(Object col, long[] sel, double[] scratch) {
        if (col instanceof double[] d) {
            return d;
        }
        if (col instanceof float[] f) {
            for (int w = 0; w < WORDS; w++) {
                if (sel[w] != 0) {
                    for (int l = w << 6, e = l + 64; l < e; l++) {
                        scratch[l] = f[l];
                    }
                }
            }
            return scratch;
        }
        int[] v = (int[]) col;
        for (int w = 0; w < WORDS; w++) {
            if (sel[w] != 0) {
                for (int l = w << 6, e = l + 64; l < e; l++) {
                    scratch[l] = v[l] == AttributeType.INT_NULL ? Double.NaN : v[l];
                }
            }
        }
        return scratch;
    }

    /** {count, sum, min, max} of the non-null selected values of a column, summed in local-index order. */
    private static double[] summarise(Object col, long[] sel, double[] scratch) {
        long count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (col instanceof float[] f) {
            float fmin = Float.POSITIVE_INFINITY;
            float fmax = Float.NEGATIVE_INFINITY;
            for (int w = 0; w < WORDS; w++) {
                long bits = sel[w];
                if (bits == -1L) {
                    for (int l = w << 6, e = l + 64; l < e; l++) {
                        float v = f[l];
                        if (v == v) {
                            count++;
                            sum += v;
                            fmin = Math.min(fmin, v);
                            fmax = Math.max(fmax, v);
                        }
                    }
                } else {
                    while (bits != 0) {
                        int l = w << 6 | Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        float v = f[l];
                        if (v == v) {
                            count++;
                            sum += v;
                            fmin = Math.min(fmin, v);
                            fmax = Math.max(fmax, v);
                        }
                    }
                }
            }
            min = fmin;
            max = fmax;
        } else {
            double[] d = doubles(col, sel, scratch);
            for (int w = 0; w < WORDS; w++) {
                long bits = sel[w];
                while (bits != 0) {
                    int l = w << 6 | Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    double v = d[l];
                    if (v == v) {
                        count++;
                        sum += v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return new double[] {count, sum, min, max};
    }

    /**
     * The bucket of a value among ascending cut-offs: how many cut-offs are at or below it (so 0 below the first, n at
     * or above the last), as a binary search would give, found from a table over equal steps between the first and
     * last cut-off and corrected by comparing with the neighbouring cut-offs, so exact whatever the spacing.
     */
    static final class Buckets {
        private final double[] cuts;
        private final double lo;
        private final double hi;
        private final double scale;
        private final int[] start;

        Buckets(double[] cuts) {
            this.cuts = cuts.clone();
            int n = cuts.length;
            lo = cuts[0];
            hi = cuts[n - 1];
            int slots = 4 * n;
            scale = n > 1 ? slots / (hi - lo) : 0;
            start = new int[slots + 1];
            for (int s = 0; s <= slots; s++) {
                double at = n > 1 ? lo + s / scale : lo;
                int b = Arrays.binarySearch(this.cuts, at);
                start[s] = b >= 0 ? b + 1 : -b - 1;
            }
        }

        int of(double v) {
            int n = cuts.length;
            if (v < lo) {
                return 0;
            }
            if (v >= hi) {
                return n;
            }
            double x = (v - lo) * scale;
            int b = start[x < start.length - 1 ? (int) x : start.length - 1];
            while (b < n && cuts[b] <= v) {
                b++;
            }
            while (b > 0 && cuts[b - 1] > v) {
                b--;
            }
            return b;
        }
    }

    /**
     * A histogram of a numeric attribute over the selected cells.
     *
     * @param edges increasing bin edges e0 < e1 < ... (at least one); bin 0 holds values below e0, bin n (1..) values
     *     in [e(n-1), e(n)), the last bin values at or above the last edge
     * @param cells cells per bin (edges.length + 1 bins)
     * @param nulls selected cells whose value is null
     * @param cellVolume the model's cell volume (a bin's volume is its cells times this)
     * @param scan what the scan skipped and read
     */
    public record Histogram(double[] edges, long[] cells, long nulls, double cellVolume, ScanReport scan) {
    }

    /**
     * The histogram of {@code attribute} over the cells {@code query} selects.
     *
     * @throws InvalidContentException if the attribute is unknown or a category, or the edges are not increasing
     */
    public static Histogram histogram(BrickSource source, BlockQuery query, String attribute, double[] edges) {
        BlockModel m = source.model();
        if (edges.length == 0) {
            throw new InvalidContentException("histogram: needs at least one bin edge");
        }
        for (int e = 0; e < edges.length; e++) {
            if (!Double.isFinite(edges[e]) || (e > 0 && !(edges[e] > edges[e - 1]))) {
                throw new InvalidContentException("histogram: bin edges must be finite and increasing, got "
                        + Arrays.toString(edges));
            }
        }
        int a = numeric(m, attribute, new ArrayList<>());
        Buckets buckets = new Buckets(edges);
        Plan plan = plan(source, query, List.of(attribute));
        Counts counts = new Counts();
        List<Bins> parts = scanParts(source, plan, () -> new Bins(a, buckets), counts);
        long[] cells = new long[edges.length + 1];
        long nulls = 0;
        for (Bins part : parts) {
            for (int x = 0; x < cells.length; x++) {
                cells[x] += part.cells[x];
            }
            nulls += part.nulls;
        }
        return new Histogram(edges.clone(), cells, nulls, m.cellVolume(), counts.report());
    }

    /** The bins of a histogram over some bricks. */
    private static final class Bins implements BrickVisitor {
        private final int attribute;
        private final Buckets buckets;
        final long[] cells;
        long nulls;
        private double[] scratch;

        Bins(int attribute, Buckets buckets) {
            this.attribute = attribute;
            this.buckets = buckets;
            cells = new long[buckets.cuts.length + 1];
        }

        @Override
        public void brick(Brick b, long[] sel, int n) {
            if (scratch == null) {
                scratch = new double[Brick.CELLS];
            }
            double[] d = doubles(b.column(attribute), sel, scratch);
            for (int w = 0; w < WORDS; w++) {
                long bits = sel[w];
                while (bits != 0) {
                    int l = w << 6 | Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    double v = d[l];
                    if (v == v) {
                        cells[buckets.of(v)]++;
                    } else {
                        nulls++;
                    }
                }
            }
        }
    }

    private static int index(BlockModel m, String name) {
        int a = m.attributeIndex(name);
        if (a < 0) {
            throw new InvalidContentException("model " + m.name() + " has no attribute '" + name + "' (attributes: "
                    + m.attributes().stream().map(BlockAttribute::name).toList() + ")");
        }
        return a;
    }

    private static int numeric(BlockModel m, String name, List<String> needed) {
        int a = index(m, name);
        if (m.attributes().get(a).type() == AttributeType.CATEGORY) {
            throw new InvalidContentException("attribute " + name + " of model " + m.name()
                    + " is a category: it has no numeric value to aggregate");
        }
        needed.add(name);
        return a;
    }

    /** Slack in cell-index units for round-off between the local and world computations of a centroid. */
    private static final double INDEX_SLACK = 1e-6;

    /**
     * Cell index range (inclusive) whose centroids may lie in the world box: the local bounds of the box's corners,
     * with {@link #INDEX_SLACK} so that a centroid on a face is kept for the exact world test.
     */
    static void indexRange(BlockModel m, Box3 box, int[] lo, int[] hi) {
        double[] mn = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] mx = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] p = new double[3];
        for (int c = 0; c < 8; c++) {
            m.toLocal((c & 1) == 0 ? box.minX() : box.maxX(), (c & 2) == 0 ? box.minY() : box.maxY(),
                    (c & 4) == 0 ? box.minZ() : box.maxZ(), p);
            for (int a = 0; a < 3; a++) {
                mn[a] = Math.min(mn[a], p[a]);
                mx[a] = Math.max(mx[a], p[a]);
            }
        }
        double[] size = {m.dx(), m.dy(), m.dz()};
        int[] n = {m.nx(), m.ny(), m.nz()};
        for (int a = 0; a < 3; a++) {
            double from = Math.ceil(mn[a] / size[a] - 0.5 - INDEX_SLACK);
            double to = Math.floor(mx[a] / size[a] - 0.5 + INDEX_SLACK);
            lo[a] = (int) Math.max(0, Math.min(n[a], from));
            hi[a] = (int) Math.min(n[a] - 1, Math.max(-1, to));
        }
    }

    // ------------------------------------------------------------------------------------------------ predicates

    /** A predicate bound to an attribute index, its operands as doubles (codes for a category). */
    private record Condition(int attr, AttributePredicate.Op op, double[] operands) {
    }

    private static List<Condition> compile(BlockModel m, List<AttributePredicate> where) {
        List<Condition> out = new ArrayList<>();
        for (AttributePredicate p : where) {
            int a = index(m, p.column());
            BlockAttribute attr = m.attributes().get(a);
            double[] ops = new double[p.values().size()];
            for (int v = 0; v < ops.length; v++) {
                String text = p.values().get(v);
                if (attr.type() == AttributeType.CATEGORY) {
                    if (p.op() != AttributePredicate.Op.EQ && p.op() != AttributePredicate.Op.NE
                            && p.op() != AttributePredicate.Op.IN) {
                        throw new InvalidContentException("where '" + p + "': " + attr.name() + " is a category; use =, "
                                + "<>, in or is [not] null");
                    }
                    int code = attr.code(text);
                    if (code < 0) {
                        throw new InvalidContentException("where '" + p + "': " + attr.name() + " has no category '"
                                + text + "' (categories: " + attr.categories() + ")");
                    }
                    ops[v] = code;
                } else {
                    try {
                        ops[v] = Double.parseDouble(text.trim());
                    } catch (NumberFormatException e) {
                        throw new InvalidContentException("where '" + p + "': '" + text + "' is not a number ("
                                + attr.name() + " is " + attr.type().name().toLowerCase(java.util.Locale.ROOT) + ")");
                    }
                    if (attr.type() == AttributeType.FLOAT32) {
                        ops[v] = (float) ops[v];
                    }
                }
            }
            out.add(new Condition(a, p.op(), ops));
        }
        return out;
    }

    /**
     * Clears the bits of {@code sel} whose cell fails {@code c}. A comparison (=, <>, <, <=, >, >=) is a loop over the
     * column's primitive array, the value tested against an interval in the column's own type ({@code v < o} as
     * {@code v <= nextDown(o)}, which is the same for a float32 column because the operand is a float32 already);
     * {@code in} and the null tests go cell by cell through {@link #test}.
     */
    private static void filter(Condition c, Brick b, long[] sel) {
        Object col = b.column(c.attr);
        double o = c.operands.length > 0 ? c.operands[0] : Double.NaN;
        double lo;
        double hi;
        boolean neg = false;
        switch (c.op) {
            case EQ -> {
                lo = o;
                hi = o;
            }
            case NE -> {
                lo = o;
                hi = o;
                neg = true;
            }
            case LT -> {
                lo = Double.NEGATIVE_INFINITY;
                hi = o == Double.NEGATIVE_INFINITY ? Double.NaN : col instanceof float[] ? Math.nextDown((float) o)
                        : Math.nextDown(o);
            }
            case LE -> {
                lo = Double.NEGATIVE_INFINITY;
                hi = o;
            }
            case GT -> {
                lo = o == Double.POSITIVE_INFINITY ? Double.NaN : col instanceof float[] ? Math.nextUp((float) o)
                        : Math.nextUp(o);
                hi = Double.POSITIVE_INFINITY;
            }
            case GE -> {
                lo = o;
                hi = Double.POSITIVE_INFINITY;
            }
            default -> {
                for (int w = 0; w < WORDS; w++) {
                    long bits = sel[w];
                    while (bits != 0) {
                        int local = w << 6 | Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        if (!test(c, value(col, local))) {
                            sel[w] &= ~(1L << local);
                        }
                    }
                }
                return;
            }
        }
        if (col instanceof float[] f) {
            filterFloats(f, (float) lo, (float) hi, neg, sel);
        } else if (col instanceof double[] d) {
            filterDoubles(d, lo, hi, neg, sel);
        } else {
            filterInts((int[]) col, lo, hi, neg, sel);
        }
    }

    /** Keeps the selected cells whose value is non-null and in [lo, hi] (outside it when {@code neg}). */
    private static void filterFloats(float[] f, float lo, float hi, boolean neg, long[] sel) {
        for (int w = 0; w < WORDS; w++) {
            if (sel[w] == 0) {
                continue;
            }
            long bits = 0;
            for (int x = 0, l = w << 6; x < 64; x++, l++) {
                float v = f[l];
                boolean t = (v >= lo & v <= hi) != neg & v == v;
                bits |= (t ? 1L : 0L) << x;
            }
            sel[w] &= bits;
        }
    }

    private static void filterDoubles(double[] d, double lo, double hi, boolean neg, long[] sel) {
        for (int w = 0; w < WORDS; w++) {
            if (sel[w] == 0) {
                continue;
            }
            long bits = 0;
            for (int x = 0, l = w << 6; x < 64; x++, l++) {
                double v = d[l];
                boolean t = (v >= lo & v <= hi) != neg & v == v;
                bits |= (t ? 1L : 0L) << x;
            }
            sel[w] &= bits;
        }
    }

    private static void filterInts(int[] a, double lo, double hi, boolean neg, long[] sel) {
        for (int w = 0; w < WORDS; w++) {
            if (sel[w] == 0) {
                continue;
            }
            long bits = 0;
            for (int x = 0, l = w << 6; x < 64; x++, l++) {
                int v = a[l];
                double dv = v;
                boolean t = (dv >= lo & dv <= hi) != neg & v != AttributeType.INT_NULL;
                bits |= (t ? 1L : 0L) << x;
            }
            sel[w] &= bits;
        }
    }

    /** The predicate on one value (NaN is null). */
    static boolean test(Condition c, double v) {
        if (c.op == AttributePredicate.Op.IS_NULL) {
            return Double.isNaN(v);
        }
        if (Double.isNaN(v)) {
            return false;
        }
        double o = c.operands.length > 0 ? c.operands[0] : Double.NaN;
        return switch (c.op) {
            case NOT_NULL -> true;
            case EQ -> v == o;
            case NE -> v != o;
            case LT -> v < o;
            case LE -> v <= o;
            case GT -> v > o;
            case GE -> v >= o;
            case IN -> {
                for (double x : c.operands) {
                    if (v == x) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> throw new AssertionError(c.op);
        };
    }

    /** Whether a brick's statistics show that no present cell can satisfy every condition. */
    private static boolean ruledOut(List<Condition> conds, BrickSource.Header h) {
        for (Condition c : conds) {
            BrickStats s = h.stats().get(c.attr);
            boolean out = switch (c.op) {
                case IS_NULL -> s.nullCount() == 0;
                case NOT_NULL -> s.count() == 0;
                default -> s.count() == 0 || ruledOutByRange(c, s.min(), s.max());
            };
            if (out) {
                return true;
            }
        }
        return false;
    }

    private static boolean ruledOutByRange(Condition c, double min, double max) {
        double o = c.operands[0];
        return switch (c.op) {
            case EQ -> o < min || o > max;
            case NE -> min == max && min == o;
            case LT -> min >= o;
            case LE -> min > o;
            case GT -> max <= o;
            case GE -> max < o;
            case IN -> {
                for (double x : c.operands) {
                    if (x >= min && x <= max) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> false;
        };
    }
}
