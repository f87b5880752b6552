package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.junit.jupiter.api.Test;

/** The reference for an incremental update is a full rebuild from the new samples: equal cell for cell. */
class IncrementalUpdateTest {
    static final BlockModel GRID = new BlockModel("g", 41_585_000, 4_712_000, -400, 0, 10, 10, 5, 100, 70, 40,
            List.of());

    static Samples samples(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] c = new double[4][n];
        for (int i = 0; i < n; i++) {
            c[0][i] = GRID.originX() + r.nextDouble() * 1000;
            c[1][i] = GRID.originY() + r.nextDouble() * 700;
            c[2][i] = -400 + r.nextDouble() * 200;
            c[3][i] = 10 + Math.sin(c[0][i] / 90) + r.nextDouble();
        }
        return new Samples(c[0], c[1], c[2], c[3]);
    }

    /** Before plus a new hole of 4 samples near the south-west corner, and one old sample there with a new value. */
    static Samples after(Samples before) {
        double[] x = java.util.Arrays.copyOf(before.x(), before.size() + 4);
        double[] y = java.util.Arrays.copyOf(before.y(), before.size() + 4);
        double[] z = java.util.Arrays.copyOf(before.z(), before.size() + 4);
        double[] v = java.util.Arrays.copyOf(before.v(), before.size() + 4);
        for (int k = 0; k < 4; k++) {
            int i = before.size() + k;
            x[i] = GRID.originX() + 120;
            y[i] = GRID.originY() + 90;
            z[i] = -380 + 10 * k;
            v[i] = 30 + k;
        }
        int near = 0;
        for (int i = 0; i < before.size(); i++) {
            if (Math.hypot(x[i] - x[before.size()], y[i] - y[before.size()]) < Math.hypot(x[near] - x[before.size()],
                    y[near] - y[before.size()])) {
                near = i;
            }
        }
        v[near] += 5;
        return new Samples(x, y, z, v);
    }

    @Test
    void krigingUpdateEqualsAFullRebuild() {
        check(Kriging.ordinary(VariogramModel.of(0.1, StructureType.SPHERICAL, 1, 200)));
    }

    @Test
    void idwUpdateEqualsAFullRebuild() {
        check(InverseDistance.isotropic(2));
    }

    static void check(Estimator est) {
        Samples before = samples(11, 400);
        Samples after = after(before);
        Neighbourhood hood = new Neighbourhood(Ellipsoid.isotropic(250), 12, 1, 0);
        BlockData old = PropertyModel.estimate(GRID, "v", est, before, hood, 2);
        IncrementalUpdate.Result r = IncrementalUpdate.update(old, est, before, after, hood);
        BlockData full = PropertyModel.estimate(GRID, "v", est, after, hood, 2);
        assertEquals(4 * 3 * 2, r.bricks());
        assertTrue(r.bricksRecomputed() > 0 && r.bricksRecomputed() < r.bricks(), "recomputed " + r.bricksRecomputed());
        assertEquals(6, r.samplesChanged(), "4 new, 1 changed (old and new)");
        int differ = 0;
        int attrs = full.model().attributes().size();
        assertEquals(full.model(), r.data().model());
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++) {
                    assertEquals(full.present(i, j, k), r.data().present(i, j, k));
                    for (int a = 0; a < attrs; a++) {
                        assertEquals(full.value(a, i, j, k), r.data().value(a, i, j, k), 0.0, i + "," + j + "," + k);
                    }
                    if (!(old.value(0, i, j, k) == full.value(0, i, j, k))) {
                        differ++;
                    }
                }
            }
        }
        assertTrue(differ > 1000, "the change matters: " + differ + " cells differ from the old model");
        assertEquals(full.cells(), r.data().cells());
    }
}
