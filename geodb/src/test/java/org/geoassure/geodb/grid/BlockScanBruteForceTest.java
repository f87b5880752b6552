package org.geoassure.geodb.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.AttributePredicate.Op;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.store.internal.SqliteStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every selection and aggregate against a brute-force computation over a dense reference copy of a seeded random
 * model (rotated or not, sparse, with nulls), in memory and read back from the embedded store. The seed is in every
 * failure message: rerun one case with {@code -Dtest='BlockScanBruteForceTest'} and the seed in {@link #seeds}.
 */
class BlockScanBruteForceTest {
    private static final double REL = 1e-9;

    @TempDir
    Path dir;

    static LongStream seeds() {
        long base = Long.getLong("geoassure.seed", 20261129L);
        return LongStream.range(0, 12).map(n -> base + 7919 * n);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void selectionsAndAggregatesMatchBruteForce(long seed) {
        RandomModels rm = new RandomModels(seed);
        Random r = new Random(seed ^ 0x5DEECE66DL);
        try (SqliteStore ws = SqliteStore.create(dir.resolve("w.gpkg"), new WorkspaceInfo("t", "EPSG:4527", "", "m",
                Instant.parse("2026-01-01T00:00:00Z")))) {
            ws.writeBlockModel(rm.data, "random", new Provenance(List.of(), "test", Map.of(), List.of()));
            BrickSource stored = ws.blockModel(rm.model.name());
            for (int q = 0; q < 8; q++) {
                BlockQuery query = randomQuery(rm, r);
                String where = "seed " + seed + ", query " + q + " " + query;
                List<int[]> expected = bruteSelect(rm, query);
                for (BrickSource src : List.of(rm.data, stored)) {
                    List<int[]> got = new ArrayList<>();
                    ScanReport rep = BlockScan.select(src, query, List.of(), (i, j, k, b, local) -> got.add(
                            new int[] {i, j, k}));
                    assertEquals(expected.size(), got.size(), where);
                    got.sort((a, b) -> a[2] != b[2] ? a[2] - b[2] : a[1] != b[1] ? a[1] - b[1] : a[0] - b[0]);
                    for (int c = 0; c < got.size(); c++) {
                        assertTrue(java.util.Arrays.equals(expected.get(c), got.get(c)), where + " cell " + c);
                    }
                    assertEquals(rep.bricks(), rep.scanned() + rep.skipped(), where);
                    assertEquals(expected.size(), rep.cellsSelected(), where);
                    checkAggregates(rm, src, query, expected, where);
                    checkWholeCellsAndHistogram(rm, src, query, expected, where);
                }
            }
        }
    }

    private static void checkAggregates(RandomModels rm, BrickSource src, BlockQuery query, List<int[]> cells,
            String where) {
        double[] cuts = {0.5, 1, 2.5, 4, 7.5};
        Aggregation agg = Aggregation.basic().partial("partial").densityAttribute("density").summarise("grade")
                .summarise("zone").gradeTonnage("grade", cuts);
        AggregateResult res = BlockScan.aggregate(src, query, agg);
        double cv = rm.model.cellVolume();
        double vol = 0;
        double ton = 0;
        long partialNulls = 0;
        long densityNulls = 0;
        double[] gt = new double[cuts.length];
        double[] gg = new double[cuts.length];
        long[] gc = new long[cuts.length];
        for (int[] c : cells) {
            int n = rm.cell(c[0], c[1], c[2]);
            double p = rm.values[1][n];
            double d = rm.values[4][n];
            double v = Double.isNaN(p) ? 0 : cv * p;
            double t = Double.isNaN(d) ? 0 : v * d;
            partialNulls += Double.isNaN(p) ? 1 : 0;
            densityNulls += Double.isNaN(d) ? 1 : 0;
            vol += v;
            ton += t;
            double g = rm.values[0][n];
            for (int x = 0; x < cuts.length; x++) {
                if (g >= cuts[x]) {
                    gc[x]++;
                    gt[x] += t;
                    gg[x] += t * g;
                }
            }
        }
        assertEquals(cells.size(), res.count(), where);
        close(vol, res.volume(), where + " volume");
        close(ton, res.tonnage(), where + " tonnage");
        assertEquals(partialNulls, res.partialNulls(), where);
        assertEquals(densityNulls, res.densityNulls(), where);
        for (int s = 0; s < 2; s++) {
            int a = s == 0 ? 0 : 2;
            double sum = 0;
            long count = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int[] c : cells) {
                double v = rm.values[a][rm.cell(c[0], c[1], c[2])];
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            AggregateResult.Summary got = res.summaries().get(s);
            assertEquals(count, got.count(), where);
            assertEquals(cells.size() - count, got.nulls(), where);
            if (count > 0) {
                close(sum / count, got.mean(), where + " mean");
                assertEquals(min, got.min(), where);
                assertEquals(max, got.max(), where);
            }
        }
        for (int x = 0; x < cuts.length; x++) {
            AggregateResult.GradeTonnageRow row = res.gradeTonnage().get(x);
            assertEquals(gc[x], row.cells(), where + " cut-off " + cuts[x]);
            close(gt[x], row.tonnage(), where + " cut-off tonnage " + cuts[x]);
            close(gg[x], row.metal(), where + " cut-off metal " + cuts[x]);
            if (gt[x] > 0) {
                close(gg[x] / gt[x], row.meanGrade(), where + " cut-off grade " + cuts[x]);
            }
        }
    }

    /** Whole cells at a constant density (the per-brick path of the aggregate) and a histogram of the grade. */
    private static void checkWholeCellsAndHistogram(RandomModels rm, BrickSource src, BlockQuery query,
            List<int[]> cells, String where) {
        double[] cuts = {0.25, 0.5, 1, 3, 6, 9.5};
        AggregateResult res = BlockScan.aggregate(src, query, Aggregation.basic().density(2.5).gradeTonnage("grade",
                cuts));
        double cv = rm.model.cellVolume();
        long[] gc = new long[cuts.length];
        double[] gg = new double[cuts.length];
        long[] bins = new long[cuts.length + 1];
        long nulls = 0;
        for (int[] c : cells) {
            double g = rm.values[0][rm.cell(c[0], c[1], c[2])];
            if (Double.isNaN(g)) {
                nulls++;
                continue;
            }
            int bin = 0;
            for (int x = 0; x < cuts.length; x++) {
                if (g >= cuts[x]) {
                    gc[x]++;
                    gg[x] += cv * 2.5 * g;
                    bin = x + 1;
                }
            }
            bins[bin]++;
        }
        assertEquals(cells.size(), res.count(), where);
        close(cells.size() * cv, res.volume(), where + " whole-cell volume");
        close(cells.size() * cv * 2.5, res.tonnage(), where + " constant-density tonnage");
        for (int x = 0; x < cuts.length; x++) {
            AggregateResult.GradeTonnageRow row = res.gradeTonnage().get(x);
            assertEquals(gc[x], row.cells(), where + " cut-off " + cuts[x]);
            close(gc[x] * cv * 2.5, row.tonnage(), where + " cut-off tonnage " + cuts[x]);
            close(gg[x], row.metal(), where + " cut-off metal " + cuts[x]);
        }
        BlockScan.Histogram h = BlockScan.histogram(src, query, "grade", cuts);
        assertTrue(java.util.Arrays.equals(bins, h.cells()), where + " histogram " + java.util.Arrays.toString(bins)
                + " got " + java.util.Arrays.toString(h.cells()));
        assertEquals(nulls, h.nulls(), where + " histogram nulls");
    }

    private static void close(double expected, double actual, String where) {
        assertEquals(expected, actual, REL * Math.max(1, Math.abs(expected)), where);
    }

    private static BlockQuery randomQuery(RandomModels rm, Random r) {
        BlockQuery q = BlockQuery.all();
        if (r.nextInt(4) > 0) {
            double[] c = new double[3];
            rm.model.centroid(r.nextInt(rm.model.nx()), r.nextInt(rm.model.ny()), r.nextInt(rm.model.nz()), c);
            double span = Math.max(rm.model.nx() * rm.model.dx(), rm.model.ny() * rm.model.dy()) * r.nextDouble();
            double h = rm.model.nz() * rm.model.dz() * r.nextDouble();
            q = q.within(new Box3(c[0] - span * r.nextDouble(), c[1] - span * r.nextDouble(), c[2] - h,
                    c[0] + span * r.nextDouble(), c[1] + span * r.nextDouble(), c[2] + h * r.nextDouble()));
        }
        int preds = r.nextInt(3);
        for (int p = 0; p < preds; p++) {
            q = q.where(randomPredicate(r));
        }
        return q;
    }

    private static AttributePredicate randomPredicate(Random r) {
        switch (r.nextInt(4)) {
            case 0 -> {
                Op op = Op.values()[r.nextInt(Op.values().length)];
                double v = Math.round(r.nextDouble() * 80) / 10.0;
                return switch (op) {
                    case IN -> AttributePredicate.of("grade", op, v, 1.5);
                    case IS_NULL, NOT_NULL -> AttributePredicate.of("grade", op);
                    default -> AttributePredicate.of("grade", op, v);
                };
            }
            case 1 -> {
                Op op = Op.values()[r.nextInt(Op.values().length)];
                int v = r.nextInt(5) - 1;
                return switch (op) {
                    case IN -> AttributePredicate.of("zone", op, v, v + 2);
                    case IS_NULL, NOT_NULL -> AttributePredicate.of("zone", op);
                    default -> AttributePredicate.of("zone", op, v);
                };
            }
            case 2 -> {
                String label = RandomModels.ROCKS.get(r.nextInt(3));
                return switch (r.nextInt(4)) {
                    case 0 -> AttributePredicate.of("rock", Op.EQ, label);
                    case 1 -> AttributePredicate.of("rock", Op.NE, label);
                    case 2 -> AttributePredicate.of("rock", Op.IN, label, "air");
                    default -> AttributePredicate.of("rock", Op.IS_NULL);
                };
            }
            default -> {
                return AttributePredicate.of("partial", Op.GE, 0.125 * r.nextInt(9));
            }
        }
    }

    /** The selection by definition: every present cell, centroid in the box, every predicate true. */
    private static List<int[]> bruteSelect(RandomModels rm, BlockQuery q) {
        List<int[]> out = new ArrayList<>();
        double[] xyz = new double[3];
        for (int[] c : rm.cells()) {
            rm.model.centroid(c[0], c[1], c[2], xyz);
            if (q.box() != null && !q.box().contains(xyz[0], xyz[1], xyz[2])) {
                continue;
            }
            boolean ok = true;
            for (AttributePredicate p : q.where()) {
                int a = rm.model.attributeIndex(p.column());
                ok &= holds(rm.model.attributes().get(a), p, rm.values[a][rm.cell(c[0], c[1], c[2])]);
            }
            if (ok) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean holds(BlockAttribute attr, AttributePredicate p, double v) {
        if (p.op() == Op.IS_NULL) {
            return Double.isNaN(v);
        }
        if (Double.isNaN(v)) {
            return false;
        }
        List<Double> ops = new ArrayList<>();
        for (String s : p.values()) {
            double o = attr.type() == AttributeType.CATEGORY ? attr.code(s) : Double.parseDouble(s);
            ops.add(attr.type() == AttributeType.FLOAT32 ? (double) (float) o : o);
        }
        return switch (p.op()) {
            case NOT_NULL -> true;
            case EQ -> v == ops.get(0);
            case NE -> v != ops.get(0);
            case LT -> v < ops.get(0);
            case LE -> v <= ops.get(0);
            case GT -> v > ops.get(0);
            case GE -> v >= ops.get(0);
            case IN -> ops.contains(v);
            default -> throw new AssertionError(p);
        };
    }
}
