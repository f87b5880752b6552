package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference B2: PyKrige {@code test_ok3d} data (pykrige_test3d_data.txt), KT3D answers on the 10 × 10 × 10 grid
 * x, y, z = 0..9 (pykrige_test3d_answer.txt: estimate and kriging variance, row z·100 + y·10 + x). Model
 * γ(h) = h + 0.1 for h &gt; 0 (linear slope 1, nugget 0.1), all samples. Tolerance: PyKrige's, rtol 1e-3.
 */
class PyKrigeOrdinaryKriging3dTest {
    private static final double RTOL = 1e-3;
    private static final VariogramModel MODEL = VariogramModel.of(0.1, StructureType.LINEAR, 1.0, 1.0);

    private static Samples data() {
        List<double[]> t = GeostatsData.table("pykrige_test3d_data.txt");
        int n = t.size();
        double[][] c = new double[4][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 4; a++) {
                c[a][i] = t.get(i)[a];
            }
        }
        return new Samples(c[0], c[1], c[2], c[3]);
    }

    @Test
    void wholeGridEstimateAndVariance() {
        List<double[]> answer = GeostatsData.table("pykrige_test3d_answer.txt");
        assertEquals(1000, answer.size());
        Samples s = data();
        assertEquals(10, s.size());
        Kriging ok = Kriging.ordinary(MODEL);
        for (int z = 0; z < 10; z++) {
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 10; x++) {
                    double[] e = answer.get(z * 100 + y * 10 + x);
                    PointEstimate p = Estimation.global(ok, s, x, y, z);
                    String at = "(" + x + "," + y + "," + z + ")";
                    assertEquals(e[0], p.value(), Math.abs(e[0]) * RTOL, at + " estimate");
                    assertEquals(e[1], p.variance(), Math.abs(e[1]) * RTOL, at + " variance");
                }
            }
        }
    }

    @ParameterizedTest(name = "({0},{1},{2}) -> {3} / {4}")
    @CsvSource({
        "0,0,0, 5.966, 7.603", "1,0,0, 6.085, 6.739", "0,1,0, 6.287, 6.963", "0,0,1, 6.052, 6.701",
        "5,5,5, 14.926, 2.637", "2,7,3, 12.782, 3.505", "9,9,9, 22.224, 6.115",
    })
    void tabulatedPointsOfReferenceB2(double x, double y, double z, double est, double var) {
        PointEstimate p = Estimation.global(Kriging.ordinary(MODEL), data(), x, y, z);
        assertEquals(est, p.value(), est * RTOL);
        assertEquals(var, p.variance(), var * RTOL);
    }
}
