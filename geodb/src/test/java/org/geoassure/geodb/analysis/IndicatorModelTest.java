package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.junit.jupiter.api.Test;

/**
 * Indicator estimation of a body with an analytic shape: an ellipsoid (semi-axes 200, 120 and 60 m, long axis at
 * azimuth 30 degrees) in a host rock, drilled by vertical holes every 50 m logged every 5 m. The reference is the
 * ellipsoid itself: a cell is classified right when its category is the one its centroid is in.
 */
class IndicatorModelTest {
    static final double CX = 500;
    static final double CY = 400;
    static final double CZ = -100;

    /** Whether (x, y, z) is inside the ellipsoid. */
    static boolean inside(double x, double y, double z) {
        double a = Math.toRadians(30);
        double dx = x - CX;
        double dy = y - CY;
        double along = dx * Math.sin(a) + dy * Math.cos(a); // azimuth 30: clockwise from north
        double across = dx * Math.cos(a) - dy * Math.sin(a);
        double dz = z - CZ;
        return (along / 200) * (along / 200) + (across / 120) * (across / 120) + (dz / 60) * (dz / 60) <= 1;
    }

    static Samples holes() {
        List<double[]> s = new ArrayList<>();
        for (double x = 25; x < 1000; x += 50) {
            for (double y = 25; y < 800; y += 50) {
                for (double z = -2.5; z > -250; z -= 5) {
                    s.add(new double[] {x, y, z, inside(x, y, z) ? 1 : 0});
                }
            }
        }
        double[][] c = new double[4][s.size()];
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 4; k++) {
                c[k][i] = s.get(i)[k];
            }
        }
        return new Samples(c[0], c[1], c[2], c[3]);
    }

    /** Fractions of all cells and of the body's cells classified right. */
    static double[] score(BlockData d) {
        BlockModel m = d.model();
        double[] c = new double[3];
        int right = 0;
        int body = 0;
        int bodyRight = 0;
        for (int k = 0; k < m.nz(); k++) {
            for (int j = 0; j < m.ny(); j++) {
                for (int i = 0; i < m.nx(); i++) {
                    m.centroid(i, j, k, c);
                    boolean in = inside(c[0], c[1], c[2]);
                    boolean said = d.value(0, i, j, k) == 1;
                    right += in == said ? 1 : 0;
                    body += in ? 1 : 0;
                    bodyRight += in && said ? 1 : 0;
                }
            }
        }
        return new double[] {right / (double) m.gridCells(), bodyRight / (double) body};
    }

    static final BlockModel GRID = new BlockModel("body", 0, 0, -250, 0, 10, 10, 5, 100, 80, 50, List.of());
    static final List<String> CATS = List.of("host", "body");

    /**
     * Indicator kriging (one spherical variogram, sill 0.25, range 150 m; 24 nearest within 200 m) and IDW (power 2,
     * same neighbourhood): measured 99.62 % and 99.59 % of the 400 000 cells right, and 91.9 % and 91.1 % of the
     * body's 12 000 or so cells (the misses are cells near the ellipsoid's surface between holes 50 m apart, mostly
     * at its thin edges).
     */
    @Test
    void anEllipsoidBodyIsRecovered() {
        Samples s = holes();
        Neighbourhood hood = Neighbourhood.nearest(24, 200);
        Estimator ik = Kriging.ordinary(VariogramModel.of(0, StructureType.SPHERICAL, 0.25, 150));
        Estimator idw = InverseDistance.isotropic(2);
        for (Estimator e : List.of(ik, idw)) {
            BlockData d = IndicatorModel.build(GRID, "rock", CATS, s, e, hood, true, 2);
            double[] f = score(d);
            assertTrue(f[0] > 0.99, e + ": " + f[0] + " of the cells right");
            assertTrue(f[1] > 0.89, e + ": " + f[1] + " of the body's cells right");
            // probabilities: in [0, 1], summing to 1, the larger one is the category
            for (int n = 0; n < 2000; n++) {
                int i = (n * 37) % 100;
                int j = (n * 11) % 80;
                int k = (n * 7) % 50;
                double p0 = d.value(1, i, j, k);
                double p1 = d.value(2, i, j, k);
                assertEquals(1, p0 + p1, 1e-12);
                assertTrue(p0 >= 0 && p1 >= 0);
                assertEquals(p1 > p0 ? 1.0 : 0.0, d.value(0, i, j, k), 0.0, i + "," + j + "," + k);
            }
        }
    }

    @Test
    void aCodeOutsideTheCategoriesIsRefused() {
        Samples s = new Samples(new double[] {0, 1}, new double[] {0, 1}, new double[] {0, 1}, new double[] {0, 2});
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> IndicatorModel.build(GRID,
                "rock", CATS, s, InverseDistance.isotropic(2), Neighbourhood.nearest(4, 100), false, 1));
        assertTrue(e.getMessage().contains("sample 1 has category code 2.0"), e.getMessage());
    }
}
