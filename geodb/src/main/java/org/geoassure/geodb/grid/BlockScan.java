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
 * scanned cell by cell (centroid in the box, then the predicates). Stateless.
 */
public final class BlockScan {
    private BlockScan() {
    }

    /** Receives the selected cells, brick by brick in Morton order, cells in local-index order inside a brick. */
    @FunctionalInterface
    public interface CellVisitor {
        /** Cell (i, j, k), at local index {@code local} of {@code brick}. */
        void cell(int i, int j, int k, Brick brick, int local);
    }

    /**
     * Visits the selected cells.
     *
     * @param needed attribute names the visitor reads (loaded besides those of the predicates)
     * @throws InvalidContentException if a predicate names an unknown attribute or has an operand of the wrong kind
     */
    public static ScanReport select(BrickSource source, BlockQuery query, List<String> needed, CellVisitor visitor) {
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
        double cos = Math.cos(r);
        double sin = Math.sin(r);
        long total = 0;
        long byBox = 0;
        long byStats = 0;
        long scanned = 0;
        long tested = 0;
        long selected = 0;
        for (BrickSource.Header h : source.headers()) {
            total++;
            int bi = Morton.decode(h.index(), 0);
            int bj = Morton.decode(h.index(), 1);
            int bk = Morton.decode(h.index(), 2);
            int i0 = Math.max(lo[0], bi << Brick.SHIFT);
            int i1 = Math.min(hi[0], (bi << Brick.SHIFT) + Brick.SIZE - 1);
            int j0 = Math.max(lo[1], bj << Brick.SHIFT);
            int j1 = Math.min(hi[1], (bj << Brick.SHIFT) + Brick.SIZE - 1);
            int k0 = Math.max(lo[2], bk << Brick.SHIFT);
            int k1 = Math.min(hi[2], (bk << Brick.SHIFT) + Brick.SIZE - 1);
            if (i0 > i1 || j0 > j1 || k0 > k1) {
                byBox++;
                continue;
            }
            if (region != null && !region.touchesBrick(bi, bj, bk)) {
                byBox++;
                continue;
            }
            if (ruledOut(conds, h)) {
                byStats++;
                continue;
            }
            scanned++;
            Brick b = source.brick(h.index(), load);
            for (int k = k0; k <= k1; k++) {
                double z = m.originZ() + (k + 0.5) * m.dz();
                if (box != null && (z < box.minZ() || z > box.maxZ())) {
                    continue;
                }
                for (int j = j0; j <= j1; j++) {
                    double v = (j + 0.5) * m.dy();
                    for (int i = i0; i <= i1; i++) {
                        int local = Brick.local(i, j, k);
                        if (!b.present(local)) {
                            continue;
                        }
                        tested++;
                        if (region != null && !region.contains(i, j, k)) {
                            continue;
                        }
                        if (box != null) {
                            double u = (i + 0.5) * m.dx();
                            double x = m.originX() + cos * u - sin * v;
                            double y = m.originY() + sin * u + cos * v;
                            if (x < box.minX() || x > box.maxX() || y < box.minY() || y > box.maxY()) {
                                continue;
                            }
                        }
                        if (matches(conds, b, local)) {
                            selected++;
                            visitor.cell(i, j, k, b, local);
                        }
                    }
                }
            }
        }
        return new ScanReport(total, byBox, byStats, scanned, tested, selected);
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
        int nb = cuts.length + 1;
        long[] gCells = new long[nb];
        double[] gVol = new double[nb];
        double[] gTon = new double[nb];
        double[] gWg = new double[nb];
        double[] gMetal = new double[nb];
        long[] sCount = new long[summ.length];
        double[] sSum = new double[summ.length];
        double[] sMin = new double[summ.length];
        double[] sMax = new double[summ.length];
        Arrays.fill(sMin, Double.POSITIVE_INFINITY);
        Arrays.fill(sMax, Double.NEGATIVE_INFINITY);
        double cellVolume = m.cellVolume();
        boolean hasDensity = agg.hasDensity();
        double[] acc = new double[2];
        long[] nulls = new long[3];
        ScanReport report = select(source, query, needed, (i, j, k, b, local) -> {
            nulls[0]++;
            double vol = cellVolume;
            if (partial >= 0) {
                double p = b.value(partial, local);
                if (Double.isNaN(p)) {
                    nulls[1]++;
                    vol = 0;
                } else {
                    vol *= p;
                }
            }
            double d = agg.densityConstant();
            if (density >= 0) {
                d = b.value(density, local);
                if (Double.isNaN(d)) {
                    nulls[2]++;
                    d = 0;
                }
            }
            double ton = hasDensity ? vol * d : 0;
            acc[0] += vol;
            acc[1] += ton;
            for (int s = 0; s < summ.length; s++) {
                double v = b.value(summ[s], local);
                if (!Double.isNaN(v)) {
                    sCount[s]++;
                    sSum[s] += v;
                    sMin[s] = Math.min(sMin[s], v);
                    sMax[s] = Math.max(sMax[s], v);
                }
            }
            if (grade >= 0) {
                double g = b.value(grade, local);
                if (!Double.isNaN(g)) {
                    int at = Arrays.binarySearch(cuts, g);
                    int bucket = at >= 0 ? at + 1 : -at - 1;
                    gCells[bucket]++;
                    gVol[bucket] += vol;
                    gTon[bucket] += ton;
                    gWg[bucket] += (hasDensity ? ton : vol) * g;
                    gMetal[bucket] += ton * g;
                }
            }
        });
        List<AggregateResult.Summary> summaries = new ArrayList<>();
        for (int s = 0; s < summ.length; s++) {
            boolean any = sCount[s] > 0;
            summaries.add(new AggregateResult.Summary(m.attributes().get(summ[s]).name(), sCount[s],
                    report.cellsSelected() - sCount[s], any ? sSum[s] / sCount[s] : Double.NaN,
                    any ? sMin[s] : Double.NaN, any ? sMax[s] : Double.NaN));
        }
        List<AggregateResult.GradeTonnageRow> curve = new ArrayList<>();
        long cells = 0;
        double vol = 0;
        double ton = 0;
        double wg = 0;
        double metal = 0;
        AggregateResult.GradeTonnageRow[] rows = new AggregateResult.GradeTonnageRow[cuts.length];
        for (int c = cuts.length - 1; c >= 0; c--) {
            cells += gCells[c + 1];
            vol += gVol[c + 1];
            ton += gTon[c + 1];
            wg += gWg[c + 1];
            metal += gMetal[c + 1];
            double w = hasDensity ? ton : vol;
            rows[c] = new AggregateResult.GradeTonnageRow(cuts[c], cells, vol, hasDensity ? ton : Double.NaN,
                    w > 0 ? wg / w : Double.NaN, hasDensity ? metal : Double.NaN);
        }
        curve.addAll(Arrays.asList(rows));
        return new AggregateResult(report.cellsSelected(), acc[0], hasDensity ? acc[1] : Double.NaN, nulls[1], nulls[2],
                summaries, curve, report);
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
        long[] cells = new long[edges.length + 1];
        long[] nulls = new long[1];
        ScanReport r = select(source, query, List.of(attribute), (i, j, k, b, local) -> {
            double v = b.value(a, local);
            if (Double.isNaN(v)) {
                nulls[0]++;
                return;
            }
            int bin = Arrays.binarySearch(edges, v);
            cells[bin >= 0 ? bin + 1 : -bin - 1]++;
        });
        return new Histogram(edges.clone(), cells, nulls[0], m.cellVolume(), r);
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

    private static boolean matches(List<Condition> conds, Brick b, int local) {
        for (int c = 0; c < conds.size(); c++) {
            Condition cond = conds.get(c);
            if (!test(cond, b.value(cond.attr, local))) {
                return false;
            }
        }
        return true;
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
