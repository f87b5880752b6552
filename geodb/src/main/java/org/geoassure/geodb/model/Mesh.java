package org.geoassure.geodb.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A triangle mesh in world coordinates (double): a TIN surface (horizon, fault, topography) or the boundary of a
 * solid (stope, goaf, collapse column). Vertices are packed x, y, z; triangles are packed vertex indexes, three per
 * triangle, counter-clockwise seen from outside (for a solid) or from above (for a surface) where the source says so.
 * Vertex properties (e.g. GOCAD {@code PVRTX} values) are one array per property, NaN for a null.
 *
 * <p>Arrays are copied in and out; the accessors read without copying.
 *
 * @param xyz vertex coordinates, x0, y0, z0, x1, ...; finite
 * @param triangles vertex indexes, three per triangle, each in range
 * @param vertexProperties per-vertex values by property name, in source order, each as long as the vertex count
 */
public record Mesh(double[] xyz, int[] triangles, Map<String, double[]> vertexProperties) {
    public Mesh {
        Objects.requireNonNull(xyz, "xyz");
        Objects.requireNonNull(triangles, "triangles");
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException("mesh: " + xyz.length + " coordinates is not a multiple of 3");
        }
        if (triangles.length % 3 != 0) {
            throw new IllegalArgumentException("mesh: " + triangles.length + " triangle indexes is not a multiple of 3");
        }
        xyz = xyz.clone();
        triangles = triangles.clone();
        for (int i = 0; i < xyz.length; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw new IllegalArgumentException("mesh: vertex " + i / 3 + " has a coordinate that is not finite");
            }
        }
        int n = xyz.length / 3;
        for (int i = 0; i < triangles.length; i++) {
            if (triangles[i] < 0 || triangles[i] >= n) {
                throw new IllegalArgumentException("mesh: triangle " + i / 3 + " refers to vertex " + triangles[i]
                        + " of " + n);
            }
        }
        Map<String, double[]> props = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : (vertexProperties == null ? Map.<String, double[]>of() : vertexProperties)
                .entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("mesh: property " + e.getKey() + " has " + e.getValue().length
                        + " values for " + n + " vertices");
            }
            props.put(e.getKey(), e.getValue().clone());
        }
        vertexProperties = java.util.Collections.unmodifiableMap(props);
    }

    /** A mesh without vertex properties. */
    public Mesh(double[] xyz, int[] triangles) {
        this(xyz, triangles, Map.of());
    }

    /** Number of vertices. */
    public int vertexCount() {
        return xyz.length / 3;
    }

    /** Number of triangles. */
    public int triangleCount() {
        return triangles.length / 3;
    }

    /** Coordinate {@code axis} (0 x, 1 y, 2 z) of vertex {@code v}. */
    public double coordinate(int v, int axis) {
        return xyz[3 * v + axis];
    }

    /** Vertex index {@code corner} (0..2) of triangle {@code t}. */
    public int corner(int t, int corner) {
        return triangles[3 * t + corner];
    }

    /** Copy of the packed coordinates. */
    @Override
    public double[] xyz() {
        return xyz.clone();
    }

    /** Copy of the packed triangle indexes. */
    @Override
    public int[] triangles() {
        return triangles.clone();
    }

    /** Values of one vertex property, copied; null if the mesh has no such property. */
    public double[] vertexProperty(String name) {
        double[] v = vertexProperties.get(name);
        return v == null ? null : v.clone();
    }

    /** Bounds as {minX, minY, minZ, maxX, maxY, maxZ}; NaN for an empty mesh. */
    public double[] bounds() {
        double[] b = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (int i = 0; i < xyz.length; i++) {
            int a = i % 3;
            if (i < 3) {
                b[a] = xyz[i];
                b[a + 3] = xyz[i];
            } else {
                b[a] = Math.min(b[a], xyz[i]);
                b[a + 3] = Math.max(b[a + 3], xyz[i]);
            }
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mesh m && java.util.Arrays.equals(xyz, m.xyz)
                && java.util.Arrays.equals(triangles, m.triangles) && propsEqual(vertexProperties, m.vertexProperties);
    }

    private static boolean propsEqual(Map<String, double[]> a, Map<String, double[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(xyz) + java.util.Arrays.hashCode(triangles);
    }

    @Override
    public String toString() {
        return "Mesh[" + vertexCount() + " vertices, " + triangleCount() + " triangles, properties "
                + vertexProperties.keySet() + "]";
    }
}
