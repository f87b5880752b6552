package org.geoassure.geodb.analysis;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.internal.GaussLegendre;
import org.geoassure.geodb.grid.BlockModel;

/**
 * How a block (a box of sizeX × sizeY × sizeZ metres centred on the estimated point, turned by {@code rotation}
 * degrees counter-clockwise about z as a {@link BlockModel} is) is represented in block kriging: nx × ny × nz points
 * with weights summing to 1. Block averages are weighted sums over these points: C̄(xᵢ, V) = Σₚ wₚ C(xᵢ − pₚ) and
 * C̄(V, V) = Σₚ Σ_q wₚ w_q C₀(pₚ − p_q), where C₀ excludes the nugget (the nugget does not average into the block
 * variance; gstat's convention).
 *
 * <ul>
 *   <li>{@link Rule#REGULAR}: points at the centres of nx × ny × nz equal sub-cells, equal weights (GSLIB kt3d).</li>
 *   <li>{@link Rule#GAUSS_LEGENDRE}: Gauss–Legendre nodes along each axis, product weights (gstat's default for
 *       blocks, with 4 × 4 in 2D).</li>
 * </ul>
 * A size of 0 along an axis (2D data) requires one point along it.
 *
 * @param sizeX block size along its local x (m), ≥ 0
 * @param sizeY block size along its local y (m), ≥ 0
 * @param sizeZ block size along z (m), ≥ 0
 * @param rotation rotation about z, degrees counter-clockwise from above
 * @param nx points along local x, 1..64
 * @param ny points along local y, 1..64
 * @param nz points along z, 1..64
 * @param rule point placement
 */
public record BlockDiscretisation(double sizeX, double sizeY, double sizeZ, double rotation, int nx, int ny, int nz,
        Rule rule) {

    /** Placement of the discretisation points. */
    public enum Rule {
        /** Sub-cell centres, equal weights. */
        REGULAR,
        /** Gauss–Legendre nodes and product weights. */
        GAUSS_LEGENDRE
    }

    public BlockDiscretisation {
        Objects.requireNonNull(rule, "rule");
        String[] names = {"sizeX", "sizeY", "sizeZ"};
        double[] sizes = {sizeX, sizeY, sizeZ};
        int[] counts = {nx, ny, nz};
        for (int a = 0; a < 3; a++) {
            if (!Double.isFinite(sizes[a]) || sizes[a] < 0) {
                throw new InvalidContentException(names[a] + ": " + sizes[a] + " must be finite and not negative");
            }
            if (counts[a] < 1 || counts[a] > 64 || (sizes[a] == 0 && counts[a] != 1)) {
                throw new InvalidContentException("n" + (char) ('x' + a) + ": " + counts[a]
                        + " must be in 1..64, and 1 when the size is 0");
            }
        }
        if (!Double.isFinite(rotation)) {
            throw new InvalidContentException("rotation: " + rotation + " must be finite");
        }
    }

    /** The discretisation of one cell of a block model (its cell sizes and rotation). */
    public static BlockDiscretisation ofCell(BlockModel grid, int nx, int ny, int nz, Rule rule) {
        return new BlockDiscretisation(grid.dx(), grid.dy(), grid.dz(), grid.rotation(), nx, ny, nz, rule);
    }

    /** Number of points. */
    public int points() {
        return nx * ny * nz;
    }

    /**
     * The points as offsets from the block centre in world axes, and their weights: 4 doubles per point
     * (dx, dy, dz, w), x fastest.
     */
    public double[] offsetsAndWeights() {
        double[][] nodes = new double[3][];
        double[][] weights = new double[3][];
        double[] sizes = {sizeX, sizeY, sizeZ};
        int[] counts = {nx, ny, nz};
        for (int a = 0; a < 3; a++) {
            int n = counts[a];
            nodes[a] = new double[n];
            weights[a] = new double[n];
            if (rule == Rule.REGULAR) {
                for (int i = 0; i < n; i++) {
                    nodes[a][i] = sizes[a] * ((i + 0.5) / n - 0.5);
                    weights[a][i] = 1.0 / n;
                }
            } else {
                double[] gl = GaussLegendre.rule(n);
                for (int i = 0; i < n; i++) {
                    nodes[a][i] = 0.5 * sizes[a] * gl[2 * i];
                    weights[a][i] = 0.5 * gl[2 * i + 1];
                }
            }
        }
        double r = Math.toRadians(rotation);
        double c = Math.cos(r);
        double s = Math.sin(r);
        double[] out = new double[4 * points()];
        int p = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double u = nodes[0][i];
                    double v = nodes[1][j];
                    out[p++] = c * u - s * v;
                    out[p++] = s * u + c * v;
                    out[p++] = nodes[2][k];
                    out[p++] = weights[0][i] * weights[1][j] * weights[2][k];
                }
            }
        }
        return out;
    }
}
