package org.geoassure.geodb.analysis;

import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.Mesh;

/**
 * A regular 2D grid of nodes for surfaces (horizons, thickness maps): nx × ny nodes dx × dy metres apart, node (i, j)
 * at (originX + i·dx, originY + j·dy) with index {@code j·nx + i}. Values live at the nodes; between nodes a surface
 * is bilinear, and as a mesh it is two triangles per grid cell. Unrotated (grid axes east and north).
 *
 * @param originX x of node (0, 0)
 * @param originY y of node (0, 0)
 * @param dx node spacing along x (m), positive
 * @param dy node spacing along y (m), positive
 * @param nx nodes along x, at least 2
 * @param ny nodes along y, at least 2
 */
public record SurfaceGrid(double originX, double originY, double dx, double dy, int nx, int ny) {
    public SurfaceGrid {
        if (!Double.isFinite(originX) || !Double.isFinite(originY)) {
            throw new InvalidContentException("grid.origin: must be finite, got " + originX + ", " + originY);
        }
        if (!(dx > 0) || !(dy > 0) || !Double.isFinite(dx * dy)) {
            throw new InvalidContentException("grid.cell: must be positive and finite, got " + dx + " x " + dy);
        }
        if (nx < 2 || ny < 2 || (long) nx * ny > Integer.MAX_VALUE - 16) {
            throw new InvalidContentException("grid.dimensions: need 2 <= nx, ny and nx*ny < 2^31, got " + nx + " x "
                    + ny);
        }
    }

    /**
     * The smallest grid of square cells of {@code cell} metres, with nodes on multiples of {@code cell}, that covers
     * every point (x[i], y[i]).
     */
    public static SurfaceGrid covering(double[] x, double[] y, double cell) {
        if (!(cell > 0) || !Double.isFinite(cell)) {
            throw new InvalidContentException("grid.cell: must be positive and finite, got " + cell);
        }
        if (x.length == 0) {
            throw new InvalidContentException("grid: no points to cover");
        }
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        double ox = Math.floor(x0 / cell) * cell;
        double oy = Math.floor(y0 / cell) * cell;
        int nx = Math.max(2, (int) Math.ceil((x1 - ox) / cell) + 1);
        int ny = Math.max(2, (int) Math.ceil((y1 - oy) / cell) + 1);
        return new SurfaceGrid(ox, oy, cell, cell, nx, ny);
    }

    /** Number of nodes. */
    public int nodes() {
        return nx * ny;
    }

    /** x of node column i. */
    public double x(int i) {
        return originX + i * dx;
    }

    /** y of node row j. */
    public double y(int j) {
        return originY + j * dy;
    }

    /**
     * This grid as a one-layer block model whose cell centroids are the nodes at z = 0 (for
     * {@link Estimation#grid}: cell i + nx·j is node (i, j)).
     */
    public BlockModel asBlockModel() {
        return new BlockModel("surface", originX - dx / 2, originY - dy / 2, -0.5, 0, dx, dy, 1, nx, ny, 1, List.of());
    }

    /**
     * The bilinear value of node values {@code z} at (x, y): NaN outside the grid or when a corner of the cell is
     * NaN.
     */
    public double interpolate(double[] z, double x, double y) {
        double u = (x - originX) / dx;
        double v = (y - originY) / dy;
        if (!(u >= 0 && v >= 0 && u <= nx - 1 && v <= ny - 1)) {
            return Double.NaN;
        }
        int i = Math.min((int) u, nx - 2);
        int j = Math.min((int) v, ny - 2);
        double fu = u - i;
        double fv = v - j;
        int c = j * nx + i;
        double a = z[c];
        double b = z[c + 1];
        double d = z[c + nx];
        double e = z[c + nx + 1];
        // exact at nodes: a zero weight must not turn a NaN neighbour into NaN
        if (fu == 0 && fv == 0) {
            return a;
        }
        return (1 - fv) * ((1 - fu) * a + fu * b) + fv * ((1 - fu) * d + fu * e);
    }

    /**
     * The node values as a TIN: one vertex per node with a finite value, two triangles per grid cell whose four
     * corners are finite (split along the diagonal from (i, j) to (i + 1, j + 1)), counter-clockwise seen from
     * above.
     *
     * @throws InvalidContentException if no cell has four finite corners
     */
    public Mesh mesh(double[] z) {
        if (z.length != nodes()) {
            throw new InvalidContentException("surface: " + z.length + " values for " + nodes() + " nodes");
        }
        int[] vertex = new int[z.length];
        int nv = 0;
        for (int c = 0; c < z.length; c++) {
            vertex[c] = Double.isFinite(z[c]) ? nv++ : -1;
        }
        double[] xyz = new double[3 * nv];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int v = vertex[j * nx + i];
                if (v >= 0) {
                    xyz[3 * v] = x(i);
                    xyz[3 * v + 1] = y(j);
                    xyz[3 * v + 2] = z[j * nx + i];
                }
            }
        }
        int[] tri = new int[6 * (nx - 1) * (ny - 1)];
        int nt = 0;
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                int a = vertex[j * nx + i];
                int b = vertex[j * nx + i + 1];
                int c = vertex[(j + 1) * nx + i + 1];
                int d = vertex[(j + 1) * nx + i];
                if (a < 0 || b < 0 || c < 0 || d < 0) {
                    continue;
                }
                tri[nt++] = a;
                tri[nt++] = b;
                tri[nt++] = c;
                tri[nt++] = a;
                tri[nt++] = c;
                tri[nt++] = d;
            }
        }
        if (nt == 0) {
            throw new InvalidContentException("surface: no grid cell has four defined corners");
        }
        return new Mesh(xyz, java.util.Arrays.copyOf(tri, nt));
    }
}
