package org.geoassure.render.mesh;

import java.util.function.DoubleToIntFunction;
import org.geoassure.geodb.grid.BlockSlices;
import org.geoassure.render.RenderOrigin;

/**
 * A slice or section of a block model ({@link BlockSlices.Slice}) as a coloured surface: one vertex per sample,
 * coloured by its value, and two triangles for every square of four neighbouring samples that all have a value, so
 * the colours blend between sample points as on a textured plane. The surface is written twice, once per side with
 * its own normals, so it reads from both sides. Feature id 0 throughout.
 */
public final class SliceMesh {
    private SliceMesh() {
    }

    /**
     * The surface of {@code s}.
     *
     * @param colors colour (0xRRGGBBAA) of a sample value
     * @return the mesh; it has no triangles when no square of samples is complete
     */
    public static TriangleMesh build(BlockSlices.Slice s, DoubleToIntFunction colors, RenderOrigin origin) {
        int n = s.columns() * s.rows();
        int quads = 0;
        for (int r = 0; r + 1 < s.rows(); r++) {
            for (int c = 0; c + 1 < s.columns(); c++) {
                if (complete(s, r, c)) {
                    quads++;
                }
            }
        }
        float[] pos = new float[6 * n];
        float[] nor = new float[6 * n];
        byte[] col = new byte[8 * n];
        int[] idx = new int[12 * quads];
        double[] acc = new double[3 * n];
        int t = 0;
        for (int r = 0; r + 1 < s.rows(); r++) {
            for (int c = 0; c + 1 < s.columns(); c++) {
                if (!complete(s, r, c)) {
                    continue;
                }
                int a = r * s.columns() + c;
                int b = a + 1;
                int d = a + s.columns();
                int e = d + 1;
                // normal of the square: (b - a) x (d - a), added to its corners
                double ux = s.x()[b] - s.x()[a];
                double uy = s.y()[b] - s.y()[a];
                double uz = s.z()[b] - s.z()[a];
                double vx = s.x()[d] - s.x()[a];
                double vy = s.y()[d] - s.y()[a];
                double vz = s.z()[d] - s.z()[a];
                double nx = uy * vz - uz * vy;
                double ny = uz * vx - ux * vz;
                double nz = ux * vy - uy * vx;
                for (int p : new int[] {a, b, d, e}) {
                    acc[3 * p] += nx;
                    acc[3 * p + 1] += ny;
                    acc[3 * p + 2] += nz;
                }
                idx[t++] = a;
                idx[t++] = b;
                idx[t++] = e;
                idx[t++] = a;
                idx[t++] = e;
                idx[t++] = d;
                // the other side
                idx[t++] = n + a;
                idx[t++] = n + e;
                idx[t++] = n + b;
                idx[t++] = n + a;
                idx[t++] = n + d;
                idx[t++] = n + e;
            }
        }
        for (int p = 0; p < n; p++) {
            float x = (float) (s.x()[p] - origin.x());
            float y = (float) (s.y()[p] - origin.y());
            float z = (float) (s.z()[p] - origin.z());
            double len = Math.sqrt(acc[3 * p] * acc[3 * p] + acc[3 * p + 1] * acc[3 * p + 1]
                    + acc[3 * p + 2] * acc[3 * p + 2]);
            double[] u = len > 0 ? new double[] {acc[3 * p] / len, acc[3 * p + 1] / len, acc[3 * p + 2] / len}
                    : new double[] {0, 0, 1};
            int rgba = Double.isNaN(s.values()[p]) ? ColorScale.MISSING : colors.applyAsInt(s.values()[p]);
            for (int side = 0; side < 2; side++) {
                int v = side * n + p;
                pos[3 * v] = x;
                pos[3 * v + 1] = y;
                pos[3 * v + 2] = z;
                float sign = side == 0 ? 1 : -1;
                nor[3 * v] = (float) (sign * u[0]);
                nor[3 * v + 1] = (float) (sign * u[1]);
                nor[3 * v + 2] = (float) (sign * u[2]);
                col[4 * v] = (byte) (rgba >>> 24);
                col[4 * v + 1] = (byte) (rgba >>> 16);
                col[4 * v + 2] = (byte) (rgba >>> 8);
                col[4 * v + 3] = (byte) rgba;
            }
        }
        return new TriangleMesh(origin, pos, nor, col, new int[2 * n], idx);
    }

    private static boolean complete(BlockSlices.Slice s, int r, int c) {
        int a = r * s.columns() + c;
        int d = a + s.columns();
        return !Double.isNaN(s.values()[a]) && !Double.isNaN(s.values()[a + 1]) && !Double.isNaN(s.values()[d])
                && !Double.isNaN(s.values()[d + 1]);
    }
}
