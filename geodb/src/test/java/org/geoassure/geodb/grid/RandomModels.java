package org.geoassure.geodb.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random block models with a dense reference copy (presence and values per cell, as doubles rounded to the
 * attribute's type) for brute-force checks. Sizes straddle brick edges; about a third of the cells are absent and a
 * tenth of the values null.
 */
final class RandomModels {
    static final List<String> ROCKS = List.of("ore", "waste", "air");

    final BlockModel model;
    final BlockData data;
    final boolean[] present;
    final double[][] values;

    RandomModels(long seed) {
        Random r = new Random(seed);
        int nx = 1 + r.nextInt(70);
        int ny = 1 + r.nextInt(50);
        int nz = 1 + r.nextInt(40);
        double rotation = r.nextBoolean() ? 0 : r.nextDouble() * 360 - 180;
        model = new BlockModel("m" + Long.toHexString(seed & 0xffff), r.nextDouble() * 1000, r.nextDouble() * 1000,
                r.nextDouble() * 200 - 100, rotation, 1 + r.nextInt(10), 0.5 + r.nextDouble() * 5, 1 + r.nextInt(4),
                nx, ny, nz, List.of(BlockAttribute.of("grade", AttributeType.FLOAT32),
                    BlockAttribute.of("partial", AttributeType.FLOAT64), BlockAttribute.of("zone", AttributeType.INT32),
                    BlockAttribute.category("rock", ROCKS), BlockAttribute.of("density", AttributeType.FLOAT64)));
        int n = nx * ny * nz;
        present = new boolean[n];
        values = new double[model.attributes().size()][n];
        BlockData.Builder b = BlockData.builder(model);
        double presence = 0.3 + r.nextDouble() * 0.7;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int c = cell(i, j, k);
                    if (r.nextDouble() > presence) {
                        for (double[] v : values) {
                            v[c] = Double.NaN;
                        }
                        continue;
                    }
                    present[c] = true;
                    double[] v = {
                        nul(r, (float) (r.nextDouble() * r.nextDouble() * 10 + k * 0.05)),
                        nul(r, 0.125 * (1 + r.nextInt(8))),
                        nul(r, r.nextInt(5) - 1),
                        nul(r, r.nextInt(ROCKS.size())),
                        nul(r, 2 + r.nextDouble())};
                    for (int a = 0; a < v.length; a++) {
                        values[a][c] = v[a];
                    }
                    b.put(i, j, k, v);
                }
            }
        }
        data = b.build();
    }

    private static double nul(Random r, double v) {
        return r.nextInt(10) == 0 ? Double.NaN : v;
    }

    int cell(int i, int j, int k) {
        return i + model.nx() * (j + model.ny() * k);
    }

    /** Cells (as i,j,k triples) of the reference, in i-fastest order. */
    List<int[]> cells() {
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < model.nz(); k++) {
            for (int j = 0; j < model.ny(); j++) {
                for (int i = 0; i < model.nx(); i++) {
                    if (present[cell(i, j, k)]) {
                        out.add(new int[] {i, j, k});
                    }
                }
            }
        }
        return out;
    }
}
