package org.geoassure.geodb.grid;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Definition of a regular block model: a grid of nx × ny × nz cells of dx × dy × dz metres whose lower-left corner
 * (the corner of cell (0, 0, 0) with least local coordinates) is at {@code origin}, rotated by {@code rotation} degrees
 * about the vertical axis through the origin, counter-clockwise seen from above (the local i axis points along
 * (cos r, sin r, 0)). Cell (i, j, k) has its centroid at local ((i + ½)dx, (j + ½)dy, (k + ½)dz). z is up.
 *
 * @param name model name (a column-like name)
 * @param originX world x of the lower-left corner
 * @param originY world y of the lower-left corner
 * @param originZ world z of the lower-left corner (bottom of layer k = 0)
 * @param rotation rotation about z in degrees, counter-clockwise from above
 * @param dx cell size along i (m)
 * @param dy cell size along j (m)
 * @param dz cell size along k (m)
 * @param nx cells along i
 * @param ny cells along j
 * @param nz cells along k
 * @param attributes typed attributes, distinct names (case-insensitive)
 */
public record BlockModel(String name, double originX, double originY, double originZ, double rotation, double dx,
        double dy, double dz, int nx, int ny, int nz, List<BlockAttribute> attributes) {

    public BlockModel {
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
        if (!name.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
            throw new IllegalArgumentException("model name '" + name + "': use letters, digits and '_', not starting "
                    + "with a digit");
        }
        for (double v : new double[] {originX, originY, originZ, rotation}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("model " + name + ": origin and rotation must be finite");
            }
        }
        if (!(dx > 0 && dy > 0 && dz > 0) || !Double.isFinite(dx * dy * dz)) {
            throw new IllegalArgumentException("model " + name + ": cell sizes must be positive, got " + dx + "," + dy
                    + "," + dz);
        }
        long maxCells = (long) (Morton.MAX + 1) * Brick.SIZE;
        if (nx < 1 || ny < 1 || nz < 1 || nx > maxCells || ny > maxCells || nz > maxCells) {
            throw new IllegalArgumentException("model " + name + ": dimensions must be at least 1, got " + nx + "," + ny
                    + "," + nz);
        }
        Set<String> seen = new HashSet<>();
        for (BlockAttribute a : attributes) {
            if (!seen.add(a.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("model " + name + ": attribute " + a.name() + " given twice");
            }
        }
    }

    /** Volume of one cell (m³). */
    public double cellVolume() {
        return dx * dy * dz;
    }

    /** Number of cells of the full grid. */
    public long gridCells() {
        return (long) nx * ny * nz;
    }

    /** Index of an attribute by name (case-insensitive), or -1. */
    public int attributeIndex(String attribute) {
        for (int a = 0; a < attributes.size(); a++) {
            if (attributes.get(a).name().equalsIgnoreCase(attribute)) {
                return a;
            }
        }
        return -1;
    }

    /**
     * The attribute of that name.
     *
     * @throws IllegalArgumentException naming the model's attributes when there is none
     */
    public BlockAttribute attribute(String attribute) {
        int a = attributeIndex(attribute);
        if (a < 0) {
            throw new IllegalArgumentException("model " + name + " has no attribute '" + attribute + "' (attributes: "
                    + attributes.stream().map(BlockAttribute::name).toList() + ")");
        }
        return attributes.get(a);
    }

    /** This definition with other attributes. */
    public BlockModel withAttributes(List<BlockAttribute> attrs) {
        return new BlockModel(name, originX, originY, originZ, rotation, dx, dy, dz, nx, ny, nz, attrs);
    }

    /** Bricks along i, j and k. */
    public int bricks(int axis) {
        int n = axis == 0 ? nx : axis == 1 ? ny : nz;
        return (n + Brick.SIZE - 1) / Brick.SIZE;
    }

    /** World centroid of cell (i, j, k) into {@code out[0..2]}. */
    public void centroid(int i, int j, int k, double[] out) {
        double u = (i + 0.5) * dx;
        double v = (j + 0.5) * dy;
        double r = Math.toRadians(rotation);
        double c = Math.cos(r);
        double s = Math.sin(r);
        out[0] = originX + c * u - s * v;
        out[1] = originY + s * u + c * v;
        out[2] = originZ + (k + 0.5) * dz;
    }

    /** Local (u, v, w) metres of a world point into {@code out[0..2]}: the inverse of the placement. */
    public void toLocal(double x, double y, double z, double[] out) {
        double r = Math.toRadians(rotation);
        double c = Math.cos(r);
        double s = Math.sin(r);
        double ex = x - originX;
        double ey = y - originY;
        out[0] = c * ex + s * ey;
        out[1] = -s * ex + c * ey;
        out[2] = z - originZ;
    }
}
