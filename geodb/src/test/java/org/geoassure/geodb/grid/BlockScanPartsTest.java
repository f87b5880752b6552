package org.geoassure.geodb.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.geoassure.geodb.query.AttributePredicate;
import org.junit.jupiter.api.Test;

/**
 * Aggregates and histograms over a model of many bricks (7 x 5 x 4 = 140, so the scan runs in several parts, possibly
 * on several threads) against sums computed cell by cell, and the same answer on every run.
 */
class BlockScanPartsTest {
    private static final BlockModel MODEL = new BlockModel("parts", 500, 700, -50, 20, 2, 3, 1.5, 200, 160, 100,
            List.of(BlockAttribute.of("g", AttributeType.FLOAT32), BlockAttribute.of("z", AttributeType.INT32)));
    /** Every third cell along each axis is present; g is null on one in eleven of them. */
    private static final BlockData DATA = build();

    private static double g(int i, int j, int k) {
        return (i * 7 + j * 13 + k * 29) % 11 == 0 ? Double.NaN : (float) (((i * 31 + j * 17 + k * 5) % 1000) / 100.0);
    }

    private static BlockData build() {
        BlockData.Builder b = BlockData.builder(MODEL);
        for (int k = 0; k < MODEL.nz(); k += 3) {
            for (int j = 0; j < MODEL.ny(); j += 3) {
                for (int i = 0; i < MODEL.nx(); i += 3) {
                    b.put(i, j, k, new double[] {g(i, j, k), k});
                }
            }
        }
        return b.build();
    }

    @Test
    void aggregateOverManyBricksMatchesCellByCellSums() {
        double[] cuts = {1, 2.5, 5, 7.5, 9};
        BlockQuery q = BlockQuery.all().where(AttributePredicate.of("z", AttributePredicate.Op.LT, 90));
        Aggregation agg = Aggregation.basic().density(2.6).summarise("g").gradeTonnage("g", cuts);
        AggregateResult r = BlockScan.aggregate(DATA, q, agg);
        long count = 0;
        long values = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long[] above = new long[cuts.length];
        double[] metal = new double[cuts.length];
        long[] bins = new long[cuts.length + 1];
        double ton = MODEL.cellVolume() * 2.6;
        for (int k = 0; k < 90; k += 3) {
            for (int j = 0; j < MODEL.ny(); j += 3) {
                for (int i = 0; i < MODEL.nx(); i += 3) {
                    count++;
                    double v = g(i, j, k);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    values++;
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    int bin = 0;
                    for (int c = 0; c < cuts.length; c++) {
                        if (v >= cuts[c]) {
                            above[c]++;
                            metal[c] += ton * v;
                            bin = c + 1;
                        }
                    }
                    bins[bin]++;
                }
            }
        }
        assertEquals(140, r.scan().bricks());
        assertEquals(count, r.count());
        assertEquals(count * MODEL.cellVolume(), r.volume(), 1e-9 * r.volume());
        AggregateResult.Summary s = r.summaries().get(0);
        assertEquals(values, s.count());
        assertEquals(count - values, s.nulls());
        assertEquals(sum / values, s.mean(), 1e-12);
        assertEquals(min, s.min());
        assertEquals(max, s.max());
        for (int c = 0; c < cuts.length; c++) {
            assertEquals(above[c], r.gradeTonnage().get(c).cells(), "cut-off " + cuts[c]);
            assertEquals(metal[c], r.gradeTonnage().get(c).metal(), 1e-9 * metal[c], "cut-off " + cuts[c]);
        }
        BlockScan.Histogram h = BlockScan.histogram(DATA, q, "g", cuts);
        assertArrayEquals(bins, h.cells());
        assertEquals(count - values, h.nulls());
        for (int run = 0; run < 5; run++) {
            assertEquals(r, BlockScan.aggregate(DATA, q, agg), "run " + run + " gives the same doubles");
        }
    }
}
