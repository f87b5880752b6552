package org.geoassure.geodb.store.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.Mesh;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * How a {@link Feature} is stored: its geometry as a GeoPackage binary geometry around ISO WKB (with Z when any
 * coordinate has a z, so GDAL and QGIS read the layer), its mesh as a little-endian blob, its attributes as a flat
 * JSON object (so SQLite's json_extract reads them), and a SHA-256 content hash over all of it. Internal: the PostGIS
 * engine uses {@link #readWkb} and {@link #plainAttributes} (its features table stores the same mesh blobs).
 */
public final class FeatureCodec {
    private static final int MESH_MAGIC = 0x314D4147; // "GAM1" little endian

    private FeatureCodec() {
    }

    // ------------------------------------------------------------------------------------------------ geometry

    /** GeoPackage geometry blob (no envelope, little endian) of a point, line or polygon geometry. */
    static byte[] geometry(int srsId, Geometry g) {
        boolean z = hasZ(g);
        ByteBuffer body = ByteBuffer.allocate(wkbSize(g, z)).order(ByteOrder.LITTLE_ENDIAN);
        writeWkb(body, g, z);
        ByteBuffer b = ByteBuffer.allocate(8 + body.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0x01).putInt(srsId);
        b.put(body.array());
        return b.array();
    }

    /** The geometry of a GeoPackage blob written by {@link #geometry}. */
    static Geometry readGeometry(byte[] blob) {
        int flags = blob[3];
        int envelope = switch ((flags >> 1) & 7) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new InvalidContentException("feature geometry: bad GeoPackage envelope flag " + flags);
        };
        return readWkb(java.util.Arrays.copyOfRange(blob, 8 + envelope, blob.length));
    }

    /** The geometry of (ISO or extended) WKB. */
    public static Geometry readWkb(byte[] wkb) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new InvalidContentException("feature geometry: " + e.getMessage());
        }
    }

    static boolean hasZ(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isNaN(c.getZ())) {
                return true;
            }
        }
        return false;
    }

    private static int wkbSize(Geometry g, boolean z) {
        int coord = z ? 24 : 16;
        if (g instanceof Point p) {
            return 5 + coord;
        }
        if (g instanceof LineString l) {
            return 9 + coord * l.getNumPoints();
        }
        if (g instanceof Polygon p) {
            int n = 9 + 4 + coord * p.getExteriorRing().getNumPoints();
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                n += 4 + coord * p.getInteriorRingN(i).getNumPoints();
            }
            return n;
        }
        int n = 9;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            n += wkbSize(g.getGeometryN(i), z);
        }
        return n;
    }

    private static void writeWkb(ByteBuffer b, Geometry g, boolean z) {
        int add = z ? 1000 : 0;
        b.put((byte) 1);
        if (g instanceof Point p) {
            b.putInt(1 + add);
            if (p.isEmpty()) {
                throw new IllegalArgumentException("an empty point cannot be stored");
            }
            coordinate(b, p.getCoordinate(), z);
        } else if (g instanceof LineString l) {
            b.putInt(2 + add).putInt(l.getNumPoints());
            for (Coordinate c : l.getCoordinates()) {
                coordinate(b, c, z);
            }
        } else if (g instanceof Polygon p) {
            b.putInt(3 + add).putInt(1 + p.getNumInteriorRing());
            ring(b, p.getExteriorRing(), z);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(b, p.getInteriorRingN(i), z);
            }
        } else {
            int type = g instanceof MultiPoint ? 4 : g instanceof MultiLineString ? 5 : g instanceof MultiPolygon ? 6
                    : g instanceof GeometryCollection ? 7 : -1;
            if (type < 0) {
                throw new IllegalArgumentException("cannot store a " + g.getGeometryType());
            }
            b.putInt(type + add).putInt(g.getNumGeometries());
            for (int i = 0; i < g.getNumGeometries(); i++) {
                writeWkb(b, g.getGeometryN(i), z);
            }
        }
    }

    private static void ring(ByteBuffer b, LineString r, boolean z) {
        b.putInt(r.getNumPoints());
        for (Coordinate c : r.getCoordinates()) {
            coordinate(b, c, z);
        }
    }

    private static void coordinate(ByteBuffer b, Coordinate c, boolean z) {
        b.putDouble(c.getX()).putDouble(c.getY());
        if (z) {
            b.putDouble(c.getZ());
        }
    }

    // ------------------------------------------------------------------------------------------------ mesh

    static byte[] mesh(Mesh m) {
        byte[][] names = new byte[m.vertexProperties().size()][];
        int size = 16;
        int k = 0;
        for (String name : m.vertexProperties().keySet()) {
            names[k] = name.getBytes(StandardCharsets.UTF_8);
            size += 4 + names[k++].length;
        }
        int nv = m.vertexCount();
        int nt = m.triangleCount();
        size += 24 * nv + 12 * nt + 8 * nv * names.length;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MESH_MAGIC).putInt(nv).putInt(nt).putInt(names.length);
        for (byte[] n : names) {
            b.putInt(n.length).put(n);
        }
        for (int v = 0; v < nv; v++) {
            b.putDouble(m.coordinate(v, 0)).putDouble(m.coordinate(v, 1)).putDouble(m.coordinate(v, 2));
        }
        for (int t = 0; t < nt; t++) {
            b.putInt(m.corner(t, 0)).putInt(m.corner(t, 1)).putInt(m.corner(t, 2));
        }
        for (String name : m.vertexProperties().keySet()) {
            for (double d : m.vertexProperties().get(name)) {
                b.putDouble(d);
            }
        }
        return b.array();
    }

    /**
     * The mesh of a mesh blob.
     *
     * @throws InvalidContentException if the bytes are not a mesh blob
     */
    public static Mesh readMesh(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != MESH_MAGIC) {
            throw new InvalidContentException("feature mesh: not a GeoAssure mesh blob");
        }
        int nv = b.getInt();
        int nt = b.getInt();
        int np = b.getInt();
        String[] names = new String[np];
        for (int i = 0; i < np; i++) {
            byte[] n = new byte[b.getInt()];
            b.get(n);
            names[i] = new String(n, StandardCharsets.UTF_8);
        }
        double[] xyz = new double[3 * nv];
        b.asDoubleBuffer().get(xyz);
        b.position(b.position() + 8 * xyz.length);
        int[] tri = new int[3 * nt];
        b.asIntBuffer().get(tri);
        b.position(b.position() + 4 * tri.length);
        Map<String, double[]> props = new LinkedHashMap<>();
        for (String name : names) {
            double[] v = new double[nv];
            b.asDoubleBuffer().get(v);
            b.position(b.position() + 8 * nv);
            props.put(name, v);
        }
        return new Mesh(xyz, tri, props);
    }

    // ------------------------------------------------------------------------------------------------ attributes

    /** A flat JSON object ({@link org.geoassure.geodb.internal.JsonText#flatObject}). */
    static String attributes(Map<String, Object> attributes) {
        return attributes(attributes, false);
    }

    /**
     * The attributes as {@link #attributes(Map)} writes them, but every double in plain decimal notation with a
     * fraction ({@code 12500000.0}, not {@code 1.25E7}), the form PostgreSQL's jsonb keeps as written, so that
     * {@link #readAttributes} still reads a double back (jsonb turns {@code 1.25E7} into {@code 12500000}).
     */
    public static String plainAttributes(Map<String, Object> attributes) {
        return attributes(attributes, true);
    }

    private static String attributes(Map<String, Object> attributes, boolean plain) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            string(sb, e.getKey());
            sb.append(':');
            Object v = e.getValue();
            if (v == null || v instanceof Double d && !Double.isFinite(d)) {
                sb.append("null");
            } else if (v instanceof String s) {
                string(sb, s);
            } else if (plain && v instanceof Double d) {
                String t = new java.math.BigDecimal(Double.toString(d)).toPlainString();
                sb.append(t).append(t.contains(".") ? "" : ".0");
            } else {
                sb.append(v); // Long, Boolean, finite Double (Double.toString always has '.' or 'E')
            }
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        org.geoassure.geodb.internal.JsonText.quote(sb, s);
    }

    /** Parses what {@link #attributes(Map)} wrote: integers as Long, other numbers as Double. */
    static Map<String, Object> readAttributes(String json) {
        Map<String, Object> out = new LinkedHashMap<>();
        int[] pos = {skip(json, 0)};
        expect(json, pos, '{');
        if (peek(json, pos) == '}') {
            pos[0]++;
            return out;
        }
        while (true) {
            String key = readString(json, pos);
            expect(json, pos, ':');
            out.put(key, readValue(json, pos));
            char c = peek(json, pos);
            pos[0]++;
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw new InvalidContentException("feature attributes: ',' or '}' expected at " + (pos[0] - 1));
            }
        }
    }

    private static Object readValue(String s, int[] pos) {
        char c = peek(s, pos);
        if (c == '"') {
            return readString(s, pos);
        }
        int start = pos[0];
        while (pos[0] < s.length() && ",}".indexOf(s.charAt(pos[0])) < 0 && !Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
        String t = s.substring(start, pos[0]);
        return switch (t) {
            case "null" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> t.contains(".") || t.contains("e") || t.contains("E") ? (Object) Double.valueOf(t)
                    : (Object) Long.valueOf(t);
        };
    }

    private static String readString(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                char e = s.charAt(pos[0]++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
                        pos[0] += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private static void expect(String s, int[] pos, char c) {
        if (peek(s, pos) != c) {
            throw new InvalidContentException("feature attributes: '" + c + "' expected at " + pos[0]);
        }
        pos[0]++;
    }

    private static char peek(String s, int[] pos) {
        pos[0] = skip(s, pos[0]);
        return pos[0] < s.length() ? s.charAt(pos[0]) : '\0';
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    // ------------------------------------------------------------------------------------------------ hash

    /** SHA-256 of everything a version holds: name, kind, role, geometry or mesh, attributes. */
    static String contentHash(Feature f, byte[] geometry, byte[] mesh, String attributes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : new String[] {f.name(), f.kind().name(), f.role(), attributes}) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                md.update(ByteBuffer.allocate(4).putInt(b.length).array());
                md.update(b);
            }
            md.update(geometry == null ? new byte[0] : java.util.Arrays.copyOfRange(geometry, 8, geometry.length));
            md.update(mesh == null ? new byte[0] : mesh);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
