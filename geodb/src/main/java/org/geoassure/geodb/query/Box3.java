package org.geoassure.geodb.query;

/**
 * An axis-aligned 3D box in the workspace CRS, bounds inclusive.
 */
public record Box3(double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
    public Box3 {
        if (!(minX <= maxX) || !(minY <= maxY) || !(minZ <= maxZ)) {
            throw new IllegalArgumentException("box minimum exceeds maximum (or is NaN): " + minX + "," + minY + "," + minZ
                    + " / " + maxX + "," + maxY + "," + maxZ);
        }
    }

    /** This box grown by {@code d} on every side. */
    public Box3 expand(double d) {
        return new Box3(minX - d, minY - d, minZ - d, maxX + d, maxY + d, maxZ + d);
    }

    /** Whether the point lies in the box. */
    public boolean contains(double x, double y, double z) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY && z >= minZ && z <= maxZ;
    }

    /** Box volume. */
    public double volume() {
        return (maxX - minX) * (maxY - minY) * (maxZ - minZ);
    }
}
