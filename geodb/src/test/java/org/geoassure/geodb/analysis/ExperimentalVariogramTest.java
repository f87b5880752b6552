package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExperimentalVariogramTest {

    @Test
    void regularLineInTheEast() {
        // values 0, 1, 2, ... every 10 m along x: at lag 10k, (Δv)² = k², so γ = k²/2 in every class
        int n = 20;
        double[] x = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 * i;
            v[i] = i;
        }
        Samples s = Samples.of2d(x, new double[n], v);
        LagClasses lags = new LagClasses(10, 5, 2); // centres 5, 15, ...: holds h in (3, 7], (13, 17]: none
        assertEquals(0, ExperimentalVariogram.compute(s, lags).pairs()[0]);
        ExperimentalVariogram east = ExperimentalVariogram.compute(s, LagClasses.of(10, 5),
                new VariogramDirection(90, 0, 10, 1));
        for (int k = 0; k < 5; k++) {
            // class k = (10k, 10(k+1)] holds the pairs at lag 10(k+1)
            assertEquals(n - (k + 1), east.pairs()[k]);
            assertEquals(10.0 * (k + 1), east.distance()[k], 1e-12);
            assertEquals((k + 1) * (k + 1) / 2.0, east.gamma()[k], 1e-12);
        }
        ExperimentalVariogram north = ExperimentalVariogram.compute(s, LagClasses.of(10, 5),
                new VariogramDirection(0, 0, 10, 1));
        assertEquals(0, north.pairs()[0]);
        assertTrue(Double.isNaN(north.gamma()[0]));
    }

    @Test
    void directionalClassesAgreeWithAPairByPairDefinition() {
        Random r = new Random(11);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 500 * r.nextDouble();
            y[i] = 500 * r.nextDouble();
            z[i] = 100 * r.nextDouble();
            v[i] = r.nextGaussian();
        }
        VariogramDirection d = new VariogramDirection(30, -15, 22.5, 40);
        LagClasses lags = new LagClasses(25, 10, 20); // overlapping classes
        ExperimentalVariogram ev = ExperimentalVariogram.compute(new Samples(x, y, z, v), lags, d);
        // reference: angles by acos, the textbook statement of the tolerance cone and band
        double az = Math.toRadians(30);
        double dp = Math.toRadians(-15);
        double[] u = {Math.cos(dp) * Math.sin(az), Math.cos(dp) * Math.cos(az), Math.sin(dp)};
        long[] np = new long[10];
        double[] sg = new double[10];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] h = {x[j] - x[i], y[j] - y[i], z[j] - z[i]};
                double len = Math.sqrt(h[0] * h[0] + h[1] * h[1] + h[2] * h[2]);
                double cos = Math.abs(h[0] * u[0] + h[1] * u[1] + h[2] * u[2]) / len;
                double angle = Math.toDegrees(Math.acos(Math.min(1, cos)));
                double perp = len * Math.sin(Math.acos(Math.min(1, cos)));
                if (angle > 22.5 || perp > 40) {
                    continue;
                }
                for (int k = 0; k < 10; k++) {
                    double c = 25 * (k + 0.5);
                    if (len > c - 20 && len <= c + 20) {
                        np[k]++;
                        sg[k] += (v[j] - v[i]) * (v[j] - v[i]);
                    }
                }
            }
        }
        for (int k = 0; k < 10; k++) {
            assertEquals(np[k], ev.pairs()[k], "class " + k);
            assertEquals(sg[k] / (2 * np[k]), ev.gamma()[k], 1e-12);
        }
        assertTrue(np[3] > 10);
    }
}
