package org.geoassure.render.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.geoassure.geodb.grid.BlockSlices;
import org.geoassure.render.RenderOrigin;
import org.junit.jupiter.api.Test;

/**
 * {@link SliceMesh}: a 5 x 4 grid of samples 10 m apart is a 40 x 30 m plane seen from both sides; a null hides the
 * squares around it.
 */
class SliceMeshTest {
    private static BlockSlices.Slice grid(double[] values) {
        int cols = 5;
        int rows = 4;
        double[] x = new double[cols * rows];
        double[] y = new double[cols * rows];
        double[] z = new double[cols * rows];
        double[] along = new double[cols];
        Arrays.fill(along, Double.NaN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                x[r * cols + c] = 500_000 + 10 * c;
                y[r * cols + c] = 3_800_000 + 10 * r;
                z[r * cols + c] = -150;
            }
        }
        return new BlockSlices.Slice("au", cols, rows, x, y, z, along, values);
    }

    private static double area(TriangleMesh m) {
        double total = 0;
        float[] p = m.positions();
        int[] t = m.indices();
        for (int i = 0; i < t.length; i += 3) {
            double[] u = new double[3];
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                u[k] = p[3 * t[i + 1] + k] - p[3 * t[i] + k];
                v[k] = p[3 * t[i + 2] + k] - p[3 * t[i] + k];
            }
            double cx = u[1] * v[2] - u[2] * v[1];
            double cy = u[2] * v[0] - u[0] * v[2];
            double cz = u[0] * v[1] - u[1] * v[0];
            total += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
            // the front faces wind counter-clockwise seen from above (+z), the back ones from below
            assertEquals(Math.signum(m.normals()[3 * t[i] + 2]), Math.signum(cz), "winding agrees with the normal");
        }
        return total;
    }

    @Test
    void aFullGridIsThePlaneTwice() {
        double[] v = new double[20];
        Arrays.setAll(v, i -> i);
        TriangleMesh m = SliceMesh.build(grid(v), x -> 0xFF0000FF, new RenderOrigin(500_020, 3_800_015, -150));
        assertEquals(2 * 2 * 4 * 3, m.triangleCount());
        assertEquals(2 * 40 * 30, area(m), 1e-6);
    }

    @Test
    void aNullHidesTheSquaresAroundIt() {
        double[] v = new double[20];
        Arrays.setAll(v, i -> i);
        v[1 * 5 + 2] = Double.NaN; // row 1, column 2: an inner sample, in 4 squares
        TriangleMesh m = SliceMesh.build(grid(v), x -> 0xFF0000FF, new RenderOrigin(500_020, 3_800_015, -150));
        assertEquals(2 * 2 * (12 - 4), m.triangleCount());
        assertEquals(2 * 100 * (12 - 4), area(m), 1e-6);
    }
}
