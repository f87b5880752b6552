package org.geoassure.render.gltf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.render.mesh.TriangleMesh;

/**
 * Writes a {@link TriangleMesh} as binary glTF 2.0 (GLB): one node, one mesh, one primitive with POSITION, NORMAL,
 * COLOR_0 (unsigned bytes, normalised) and {@code _FEATURE_ID_0} (EXT_mesh_features: one feature id per vertex),
 * 32-bit indices, and one rough, non-metallic material that shows the vertex colours.
 *
 * <p>Axes: glTF is y-up, so a world offset (east, north, up) from the origin is written as (east, up, -north), a
 * rotation, so triangles keep their winding. Positions are float32 offsets from the origin; the origin (world
 * doubles), the CRS and the caller's metadata are in {@code extras.geoassure} of the root object:
 * {@code {"crs": "EPSG:28350", "origin": [e, n, u], "axes": ..., ...}}. A viewer places the model with the origin in
 * double precision (float32 alone loses about 0.5 m at 6.5e6 m northings).
 */
public final class GlbWriter {
    private static final int GLB_MAGIC = 0x46546C67;
    private static final int CHUNK_JSON = 0x4E4F534A;
    private static final int CHUNK_BIN = 0x004E4942;
    private static final int ARRAY_BUFFER = 34962;
    private static final int ELEMENT_ARRAY_BUFFER = 34963;
    private static final int FLOAT = 5126;
    private static final int UNSIGNED_BYTE = 5121;
    private static final int UNSIGNED_INT = 5125;
    private static final int BYTE = 5120;
    private static final int SHORT = 5122;

    private GlbWriter() {
    }

    /**
     * Writes the mesh.
     *
     * @param crs the world CRS (e.g. {@code EPSG:28350}), recorded with the origin
     * @param extras more metadata for {@code extras.geoassure} (e.g. a feature table and a legend); JSON-serialisable
     * @throws IllegalArgumentException for a mesh without triangles (glTF accessors cannot be empty)
     */
    public static void write(TriangleMesh mesh, String name, String crs, Map<String, Object> extras, OutputStream out)
            throws IOException {
        write(mesh, name, crs, extras, out, false);
    }

    /**
     * As {@link #write(TriangleMesh, String, String, Map, OutputStream)}, or with {@code quantized} smaller
     * (KHR_mesh_quantization, required by the file): positions as 16-bit integers over the mesh's box, placed by the
     * node's scale and translation (so a position is off by at most half a step, 1/65534 of the box's extent on each
     * axis), normals as normalised 8-bit integers; 20 bytes a vertex instead of 32.
     */
    public static void write(TriangleMesh mesh, String name, String crs, Map<String, Object> extras, OutputStream out,
            boolean quantized) throws IOException {
        int n = mesh.vertexCount();
        if (mesh.triangleCount() == 0) {
            throw new IllegalArgumentException("a glTF mesh needs at least one triangle");
        }
        int featureCount = 0;
        for (int f : mesh.featureIds()) {
            featureCount = Math.max(featureCount, f + 1);
        }
        int posBytes = quantized ? 8 : 12;
        int norBytes = quantized ? 4 : 12;
        ByteBuffer bin = ByteBuffer.allocate(n * (posBytes + norBytes) + n * 4 + n * 4 + mesh.indices().length * 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] p = mesh.positions();
        float[] q = mesh.normals();
        float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                float v = gltfAxis(p, i, k);
                min[k] = Math.min(min[k], v);
                max[k] = Math.max(max[k], v);
            }
        }
        // quantized: position = q * scale + centre, q in [-32767, 32767]
        double[] centre = new double[3];
        double[] scale = new double[3];
        for (int k = 0; k < 3; k++) {
            centre[k] = ((double) min[k] + max[k]) / 2;
            scale[k] = Math.max(((double) max[k] - min[k]) / 65534, 1e-9);
        }
        float[] qmin = new float[3];
        float[] qmax = new float[3];
        for (int i = 0; i < n; i++) {
            if (!quantized) {
                bin.putFloat(gltfAxis(p, i, 0)).putFloat(gltfAxis(p, i, 1)).putFloat(gltfAxis(p, i, 2));
                continue;
            }
            for (int k = 0; k < 3; k++) {
                short s16 = (short) Math.max(-32767, Math.min(32767, Math.round((gltfAxis(p, i, k) - centre[k])
                        / scale[k])));
                bin.putShort(s16);
                qmin[k] = i == 0 ? s16 : Math.min(qmin[k], s16);
                qmax[k] = i == 0 ? s16 : Math.max(qmax[k], s16);
            }
            bin.putShort((short) 0);
        }
        for (int i = 0; i < n; i++) {
            if (!quantized) {
                bin.putFloat(q[3 * i]).putFloat(q[3 * i + 2]).putFloat(-q[3 * i + 1]);
                continue;
            }
            for (int k = 0; k < 3; k++) {
                bin.put((byte) Math.max(-127, Math.min(127, Math.round(gltfAxis(q, i, k) * 127))));
            }
            bin.put((byte) 0);
        }
        bin.put(mesh.colors());
        for (int f : mesh.featureIds()) {
            bin.putFloat(f); // exact up to 2^24 features
        }
        for (int i : mesh.indices()) {
            bin.putInt(i);
        }

        List<Map<String, Object>> views = new ArrayList<>();
        List<Map<String, Object>> accessors = new ArrayList<>();
        int offset = 0;
        if (quantized) {
            offset = view(views, offset, n * 8, ARRAY_BUFFER, 8);
            accessors.add(accessor(0, SHORT, n, "VEC3", false, qmin, qmax));
            offset = view(views, offset, n * 4, ARRAY_BUFFER, 4);
            accessors.add(accessor(1, BYTE, n, "VEC3", true, null, null));
        } else {
            offset = view(views, offset, n * 12, ARRAY_BUFFER);
            accessors.add(accessor(0, FLOAT, n, "VEC3", false, min, max));
            offset = view(views, offset, n * 12, ARRAY_BUFFER);
            accessors.add(accessor(1, FLOAT, n, "VEC3", false, null, null));
        }
        offset = view(views, offset, n * 4, ARRAY_BUFFER);
        accessors.add(accessor(2, UNSIGNED_BYTE, n, "VEC4", true, null, null));
        offset = view(views, offset, n * 4, ARRAY_BUFFER);
        accessors.add(accessor(3, FLOAT, n, "SCALAR", false, null, null));
        offset = view(views, offset, mesh.indices().length * 4, ELEMENT_ARRAY_BUFFER);
        accessors.add(accessor(4, UNSIGNED_INT, mesh.indices().length, "SCALAR", false, null, null));

        Map<String, Object> geo = new LinkedHashMap<>();
        geo.put("crs", crs);
        geo.put("origin", List.of(mesh.origin().x(), mesh.origin().y(), mesh.origin().z()));
        geo.put("axes", "glTF y-up: x = east, y = up, z = -north, metres from origin");
        geo.putAll(extras);

        Map<String, Object> primitive = new LinkedHashMap<>();
        primitive.put("attributes", Map.of("POSITION", 0, "NORMAL", 1, "COLOR_0", 2, "_FEATURE_ID_0", 3));
        primitive.put("indices", 4);
        primitive.put("material", 0);
        primitive.put("mode", 4);
        primitive.put("extensions", Map.of("EXT_mesh_features", Map.of("featureIds",
                List.of(Map.of("featureCount", featureCount, "attribute", 0)))));

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("asset", Map.of("version", "2.0", "generator", "GeoAssure"));
        if (quantized) {
            root.put("extensionsUsed", List.of("EXT_mesh_features", "KHR_mesh_quantization"));
            root.put("extensionsRequired", List.of("KHR_mesh_quantization"));
        } else {
            root.put("extensionsUsed", List.of("EXT_mesh_features"));
        }
        root.put("scene", 0);
        root.put("scenes", List.of(Map.of("nodes", List.of(0))));
        if (quantized) {
            root.put("nodes", List.of(Map.of("mesh", 0, "name", name, "translation", List.of(centre[0], centre[1],
                    centre[2]), "scale", List.of(scale[0], scale[1], scale[2]))));
        } else {
            root.put("nodes", List.of(Map.of("mesh", 0, "name", name)));
        }
        root.put("meshes", List.of(Map.of("name", name, "primitives", List.of(primitive))));
        root.put("materials", List.of(Map.of("name", "vertex colours", "pbrMetallicRoughness",
                Map.of("baseColorFactor", List.of(1, 1, 1, 1), "metallicFactor", 0, "roughnessFactor", 0.8))));
        root.put("buffers", List.of(Map.of("byteLength", offset)));
        root.put("bufferViews", views);
        root.put("accessors", accessors);
        root.put("extras", Map.of("geoassure", geo));

        byte[] json = new ObjectMapper().writeValueAsBytes(root);
        int jsonPadded = (json.length + 3) & ~3;
        int binLength = bin.position();
        int binPadded = (binLength + 3) & ~3;
        int total = 12 + 8 + jsonPadded + 8 + binPadded;
        ByteBuffer head = ByteBuffer.allocate(12 + 8).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(GLB_MAGIC).putInt(2).putInt(total).putInt(jsonPadded).putInt(CHUNK_JSON);
        out.write(head.array());
        out.write(json);
        out.write(" ".repeat(jsonPadded - json.length).getBytes(StandardCharsets.US_ASCII));
        ByteBuffer binHead = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(binPadded).putInt(CHUNK_BIN);
        out.write(binHead.array());
        out.write(bin.array(), 0, binLength);
        out.write(new byte[binPadded - binLength]);
        out.flush();
    }

    /** Component k of vertex i of world (east, north, up) data in glTF's axes (east, up, -north). */
    private static float gltfAxis(float[] xyz, int i, int k) {
        return k == 0 ? xyz[3 * i] : k == 1 ? xyz[3 * i + 2] : -xyz[3 * i + 1];
    }

    private static int view(List<Map<String, Object>> views, int offset, int length, int target) {
        views.add(Map.of("buffer", 0, "byteOffset", offset, "byteLength", length, "target", target));
        return offset + length;
    }

    /** A vertex-attribute view with a byte stride (quantized attributes are padded to 4-byte elements). */
    private static int view(List<Map<String, Object>> views, int offset, int length, int target, int stride) {
        views.add(Map.of("buffer", 0, "byteOffset", offset, "byteLength", length, "target", target, "byteStride",
                stride));
        return offset + length;
    }

    private static Map<String, Object> accessor(int view, int componentType, int count, String type, boolean normalized,
            float[] min, float[] max) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("bufferView", view);
        a.put("componentType", componentType);
        a.put("count", count);
        a.put("type", type);
        if (normalized) {
            a.put("normalized", true);
        }
        if (min != null) {
            a.put("min", List.of(min[0], min[1], min[2]));
            a.put("max", List.of(max[0], max[1], max[2]));
        }
        return a;
    }
}
