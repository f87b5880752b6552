package org.geoassure.geodb.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.AttributePredicate;
import org.junit.jupiter.api.Test;

/**
 * Slices and histograms on a model whose value is a closed form of the cell, v = i + 100 j + 10000 k, so every
 * expected sample is known: a 40 x 35 x 36 model (bricks straddled) rotated 30 degrees with every 7th cell absent.
 */
class BlockSlicesTest {
    private static final BlockModel M = new BlockModel("m", 1000, 2000, -100, 30, 5, 4, 2.5, 40, 35, 36,
            List.of(BlockAttribute.of("v", AttributeType.FLOAT64)));
    private static final BlockData DATA = data();

    private static BlockData data() {
        BlockData.Builder b = BlockData.builder(M);
        for (int k = 0; k < M.nz(); k++) {
            for (int j = 0; j < M.ny(); j++) {
                for (int i = 0; i < M.nx(); i++) {
                    if ((i + j + k) % 7 != 0) {
                        b.put(i, j, k, new double[] {i + 100 * j + 10000 * k});
                    }
                }
            }
        }
        return b.build();
    }

    private static double expected(int i, int j, int k) {
        return (i + j + k) % 7 == 0 ? Double.NaN : i + 100 * j + 10000 * k;
    }

    @Test
    void horizontalSliceIsTheLayerHoldingTheHeight() {
        // z = -100 + 33 * 2.5 + 0.1 lies in layer k = 33 (its top face is at -15)
        BlockSlices.Slice s = BlockSlices.horizontal(DATA, "v", -100 + 33 * 2.5 + 0.1);
        assertEquals(40, s.columns());
        assertEquals(35, s.rows());
        double[] c = new double[3];
        for (int j = 0; j < 35; j++) {
            for (int i = 0; i < 40; i++) {
                int p = j * 40 + i;
                assertEquals(expected(i, j, 33), s.values()[p], "cell " + i + "," + j);
                M.centroid(i, j, 33, c);
                assertArrayEquals(c, new double[] {s.x()[p], s.y()[p], s.z()[p]}, 1e-9);
            }
        }
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> BlockSlices.horizontal(DATA, "v", -10));
        assertEquals("z: -10.0 is outside block model m (z from -100.0 to -10.0)", e.getMessage());
    }

    @Test
    void sectionAlongTheModelsOwnRowSamplesItsCentroids() {
        // along row j = 12 at the centroids' v, from the centroid of i = 0 to that of i = 39, every 5 m = dx
        double[] a = new double[3];
        double[] b = new double[3];
        M.centroid(0, 12, 0, a);
        M.centroid(39, 12, 0, b);
        BlockSlices.Slice s = BlockSlices.section(DATA, "v", new double[] {a[0], a[1], b[0], b[1]}, 5);
        assertEquals(40, s.columns());
        assertEquals(36, s.rows());
        for (int k = 0; k < 36; k++) {
            for (int i = 0; i < 40; i++) {
                assertEquals(expected(i, 12, k), s.values()[k * 40 + i], "i " + i + " k " + k);
                assertEquals(-100 + (k + 0.5) * 2.5, s.z()[k * 40 + i], 1e-12);
            }
        }
        assertEquals(5.0 * 39, s.along()[39], 1e-9);
    }

    @Test
    void sectionBendsAtItsVerticesAndEndsOutsideTheModel() {
        BlockModel flat = new BlockModel("f", 0, 0, 0, 0, 10, 10, 10, 10, 10, 2,
                List.of(BlockAttribute.of("v", AttributeType.FLOAT64)));
        BlockData.Builder bd = BlockData.builder(flat);
        for (int j = 0; j < 10; j++) {
            for (int i = 0; i < 10; i++) {
                bd.put(i, j, 0, new double[] {i + 100 * j});
            }
        }
        // (5,5) east to (55,5), then north to (55,125): 50 + 120 = 170 m, samples every 20 m and at the end
        BlockSlices.Slice s = BlockSlices.section(bd.build(), "v", new double[] {5, 5, 55, 5, 55, 125}, 20);
        assertEquals(10, s.columns(), "0, 20, ..., 160 and 170");
        double[] sx = {5, 25, 45, 55, 55, 55, 55, 55, 55, 55};
        double[] sy = {5, 5, 5, 15, 35, 55, 75, 95, 115, 125};
        for (int c = 0; c < 10; c++) {
            assertEquals(sx[c], s.x()[c], 1e-9, "x of column " + c);
            assertEquals(sy[c], s.y()[c], 1e-9, "y of column " + c);
            int i = (int) Math.floor(sx[c] / 10);
            int j = (int) Math.floor(sy[c] / 10);
            double v = j < 10 ? i + 100 * j : Double.NaN;
            assertEquals(v, s.values()[c], "layer 0, column " + c);
            assertTrue(Double.isNaN(s.values()[10 + c]), "layer 1 is absent");
        }
    }

    @Test
    void histogramCountsEveryPresentSelectedCellOnce() {
        double[] edges = {0, 50_000, 100_000, 200_000, 300_000};
        BlockScan.Histogram h = BlockScan.histogram(DATA, BlockQuery.all().where(AttributePredicate.parse("v >= 1000")),
                "v", edges);
        long[] brute = new long[6];
        for (int k = 0; k < M.nz(); k++) {
            for (int j = 0; j < M.ny(); j++) {
                for (int i = 0; i < M.nx(); i++) {
                    double v = expected(i, j, k);
                    if (Double.isNaN(v) || v < 1000) {
                        continue;
                    }
                    int bin = 0;
                    while (bin < edges.length && v >= edges[bin]) {
                        bin++;
                    }
                    brute[bin]++;
                }
            }
        }
        assertArrayEquals(brute, h.cells());
        assertEquals(0, h.nulls());
        assertEquals(50, h.cellVolume());
        assertThrows(InvalidContentException.class, () -> BlockScan.histogram(DATA, BlockQuery.all(), "v",
                new double[] {1, 1}));
    }
}
