package org.geoassure.render.mesh;

import org.geoassure.render.RenderOrigin;

/**
 * A triangle mesh ready for a renderer: float vertex data relative to a {@link RenderOrigin} in the world's axes
 * (x east, y north, z up; file writers convert to their own axes), counter-clockwise outward triangles, one feature
 * id and one RGBA colour per vertex. Arrays are owned by the mesh; do not modify them.
 *
 * @param origin world point that positions are relative to
 * @param positions x, y, z per vertex (metres from the origin)
 * @param normals unit normal per vertex
 * @param colors r, g, b, a per vertex (0..255)
 * @param featureIds feature (e.g. interval) index per vertex
 * @param indices three vertex indices per triangle
 */
public record TriangleMesh(RenderOrigin origin, float[] positions, float[] normals, byte[] colors, int[] featureIds,
        int[] indices) {
    public TriangleMesh {
        int n = positions.length / 3;
        if (positions.length % 3 != 0 || normals.length != positions.length || colors.length != 4 * n
                || featureIds.length != n || indices.length % 3 != 0) {
            throw new IllegalArgumentException("inconsistent mesh arrays: " + positions.length + " position floats, "
                    + normals.length + " normal floats, " + colors.length + " colour bytes, " + featureIds.length
                    + " feature ids, " + indices.length + " indices");
        }
    }

    /** Number of vertices. */
    public int vertexCount() {
        return positions.length / 3;
    }

    /** Number of triangles. */
    public int triangleCount() {
        return indices.length / 3;
    }
}
