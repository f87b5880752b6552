package org.geoassure.ingest.dxf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The ENTITIES section of an ASCII DXF into features; other sections are skipped. See the package documentation of
 * {@code org.geoassure.ingest.dxf} for what each entity becomes.
 */
public final class DxfParser {
    private static final Pattern UNICODE = Pattern.compile("\\\\U\\+([0-9A-Fa-f]{4})");

    private final String source;
    private final GroupReader g;
    private final GeometryFactory gf = new GeometryFactory();
    private final List<Feature> features = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, FaceMesh> faces = new LinkedHashMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private int bulges;
    private int entityCount;
    private String version = "";

    public DxfParser(String source, GroupReader g) {
        this.source = source;
        this.g = g;
    }

    /** What was read. */
    public record Result(String version, List<Feature> features, List<String> warnings) {
    }

    /** One entity's groups (code, value, line), up to the next code 0. */
    private static final class Ent {
        final String type;
        final long line;
        final List<Integer> codes = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();

        Ent(String type, long line) {
            this.type = type;
            this.line = line;
        }

        String text(int code, String dflt) {
            int i = codes.indexOf(code);
            return i < 0 ? dflt : values.get(i).strip();
        }
    }

    private InvalidContentException bad(long line, String reason) {
        return new InvalidContentException(source, line, reason);
    }

    public Result parse() throws IOException {
        boolean eof = false;
        boolean any = false;
        while (g.next()) {
            if (g.is("EOF")) {
                eof = true;
                break;
            }
            if (!g.is("SECTION")) {
                throw bad(g.line(), any ? "expected 0/SECTION or 0/EOF, found " + g.code() + "/"
                        + GroupReader.clip(g.text()) : "not a DXF file: it does not begin with 0/SECTION");
            }
            any = true;
            long start = g.line();
            if (!g.next() || g.code() != 2) {
                throw bad(start, "SECTION without a name (group 2)");
            }
            String name = g.text();
            if (name.equals("HEADER")) {
                header(start);
            } else if (name.equals("ENTITIES")) {
                entities(start);
            } else {
                skipSection(name, start);
            }
        }
        if (!any) {
            throw bad(1, "not a DXF file: empty");
        }
        if (!eof) {
            warnings.add(source + ": no 0/EOF at the end (the file may be truncated)");
        }
        for (Map.Entry<String, FaceMesh> e : faces.entrySet()) {
            String layer = e.getKey();
            FaceMesh m = e.getValue();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("layer", layer);
            a.put("entity", "3DFACE");
            a.put("faces", (long) m.faces);
            features.add(Feature.ofMesh(uniqueId("3DFACE:" + layer), layer, FeatureKind.SURFACE, "", m.mesh(), a));
        }
        if (!skipped.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            skipped.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            warnings.add(source + ": entities not read: " + sb);
        }
        if (bulges > 0) {
            warnings.add(source + ": " + bulges + " polyline vertices with a bulge (arc) are joined by straight"
                    + " chords");
        }
        return new Result(version, features, warnings);
    }

    private void skipSection(String name, long start) throws IOException {
        while (g.next()) {
            if (g.is("ENDSEC")) {
                return;
            }
            if (g.is("EOF")) {
                break;
            }
        }
        throw bad(start, "file ends inside SECTION " + name + " (no ENDSEC)");
    }

    private void header(long start) throws IOException {
        String var = null;
        while (g.next()) {
            if (g.is("ENDSEC")) {
                return;
            }
            if (g.code() == 9) {
                var = g.text();
            } else if ("$ACADVER".equals(var) && g.code() == 1) {
                version = g.text();
            }
        }
        throw bad(start, "file ends inside SECTION HEADER (no ENDSEC)");
    }

    private Ent read() throws IOException {
        if (!g.next()) {
            return null;
        }
        if (g.code() != 0) {
            throw bad(g.line(), "expected group 0 starting an entity, found group " + g.code());
        }
        Ent e = new Ent(g.text(), g.line());
        while (g.next()) {
            if (g.code() == 0) {
                g.pushBack();
                return e;
            }
            e.codes.add(g.code());
            e.values.add(g.raw());
            e.lines.add(g.line());
        }
        if (!e.type.equals("EOF")) {
            throw bad(e.line, "file ends inside " + e.type + " (truncated?)");
        }
        return e;
    }

    private void entities(long start) throws IOException {
        while (true) {
            Ent e = read();
            if (e == null || e.type.equals("EOF")) {
                throw bad(start, "file ends inside SECTION ENTITIES (no ENDSEC)");
            }
            if (e.type.equals("ENDSEC")) {
                return;
            }
            entityCount++;
            switch (e.type) {
                case "LINE" -> line(e);
                case "POINT" -> point(e);
                case "LWPOLYLINE" -> lwpolyline(e);
                case "POLYLINE" -> polyline(e);
                case "3DFACE" -> face(e);
                case "VERTEX", "SEQEND" -> throw bad(e.line, e.type + " outside a POLYLINE");
                default -> skipped.merge(e.type, 1, Integer::sum);
            }
        }
    }

    private double num(Ent e, int code, double dflt) {
        int i = e.codes.indexOf(code);
        if (i < 0) {
            return dflt;
        }
        return parse(e, i);
    }

    private double parse(Ent e, int i) {
        String t = e.values.get(i).strip();
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw bad(e.lines.get(i) + 1, e.type + " group " + e.codes.get(i) + ": \"" + GroupReader.clip(t)
                + "\" is not a number");
    }

    private int integer(Ent e, int code, int dflt) {
        int i = e.codes.indexOf(code);
        if (i < 0) {
            return dflt;
        }
        double d = parse(e, i);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw bad(e.lines.get(i) + 1, e.type + " group " + code + ": \"" + e.values.get(i).strip()
                    + "\" is not a whole number");
        }
        return (int) d;
    }

    private double need(Ent e, int code) {
        int i = e.codes.indexOf(code);
        if (i < 0) {
            throw bad(e.line, e.type + " without group " + code);
        }
        return parse(e, i);
    }

    static String decode(String s) {
        if (s.indexOf("\\U+") < 0) {
            return s;
        }
        Matcher m = UNICODE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String layer(Ent e) {
        return decode(e.text(8, "0"));
    }

    private Map<String, Object> attrs(Ent e) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("layer", layer(e));
        a.put("entity", e.type);
        String h = e.text(5, null);
        if (h != null) {
            a.put("handle", h);
        }
        if (integer(e, 67, 0) == 1) {
            a.put("paper_space", Boolean.TRUE);
        }
        return a;
    }

    private void add(Ent e, Geometry geom, Map<String, Object> a) {
        String h = e.text(5, null);
        String id = uniqueId(h != null ? h : e.type + "@" + e.line);
        features.add(Feature.of(id, layer(e), "", geom, a));
    }

    private String uniqueId(String id) {
        int n = ids.merge(id, 1, Integer::sum);
        return n == 1 ? id : id + "#" + n;
    }

    /** OCS to WCS by the arbitrary axis algorithm (DXF reference), for the extrusion 210/220/230 of {@code e}. */
    private static final class Ocs {
        final double[] ax;
        final double[] ay;
        final double[] n;
        final boolean identity;

        Ocs(double nx, double ny, double nz) {
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            n = new double[] {nx / len, ny / len, nz / len};
            identity = n[0] == 0 && n[1] == 0 && n[2] > 0;
            double[] a = Math.abs(n[0]) < 1.0 / 64 && Math.abs(n[1]) < 1.0 / 64
                    ? new double[] {n[2], 0, -n[0]} // Wy x N
                    : new double[] {-n[1], n[0], 0}; // Wz x N
            double la = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
            ax = new double[] {a[0] / la, a[1] / la, a[2] / la};
            ay = new double[] {n[1] * ax[2] - n[2] * ax[1], n[2] * ax[0] - n[0] * ax[2], n[0] * ax[1] - n[1] * ax[0]};
        }

        Coordinate wcs(double x, double y, double z) {
            if (identity) {
                return new Coordinate(x, y, z);
            }
            return new Coordinate(x * ax[0] + y * ay[0] + z * n[0], x * ax[1] + y * ay[1] + z * n[1],
                    x * ax[2] + y * ay[2] + z * n[2]);
        }
    }

    private Ocs ocs(Ent e) {
        double nx = num(e, 210, 0);
        double ny = num(e, 220, 0);
        double nz = num(e, 230, 1);
        if (nx == 0 && ny == 0 && nz == 0) {
            throw bad(e.line, e.type + ": extrusion direction (210, 220, 230) is zero");
        }
        return new Ocs(nx, ny, nz);
    }

    private void line(Ent e) {
        Coordinate a = new Coordinate(need(e, 10), need(e, 20), num(e, 30, 0));
        Coordinate b = new Coordinate(need(e, 11), need(e, 21), num(e, 31, 0));
        add(e, gf.createLineString(new Coordinate[] {a, b}), attrs(e));
    }

    private void point(Ent e) {
        add(e, gf.createPoint(new Coordinate(need(e, 10), need(e, 20), num(e, 30, 0))), attrs(e));
    }

    private void lwpolyline(Ent e) {
        Ocs o = ocs(e);
        double elevation = num(e, 38, 0);
        int flags = integer(e, 70, 0);
        int declared = integer(e, 90, -1);
        List<double[]> pts = new ArrayList<>();
        double[] cur = null;
        for (int i = 0; i < e.codes.size(); i++) {
            int c = e.codes.get(i);
            if (c == 10) {
                cur = new double[] {parse(e, i), Double.NaN};
                pts.add(cur);
            } else if (c == 20) {
                if (cur == null || !Double.isNaN(cur[1])) {
                    throw bad(e.lines.get(i), "LWPOLYLINE: group 20 without a group 10 before it");
                }
                cur[1] = parse(e, i);
            } else if (c == 42 && cur != null && parse(e, i) != 0) {
                bulges++;
            }
        }
        for (double[] p : pts) {
            if (Double.isNaN(p[1])) {
                throw bad(e.line, "LWPOLYLINE: a vertex has x (10) but no y (20)");
            }
        }
        if (declared >= 0 && declared != pts.size()) {
            throw bad(e.line, "LWPOLYLINE: group 90 says " + declared + " vertices, found " + pts.size());
        }
        List<Coordinate> cs = new ArrayList<>();
        for (double[] p : pts) {
            cs.add(o.wcs(p[0], p[1], elevation));
        }
        finishLine(e, cs, (flags & 1) != 0, attrs(e));
    }

    private void finishLine(Ent e, List<Coordinate> cs, boolean closed, Map<String, Object> a) {
        if (closed && cs.size() > 1 && !cs.get(0).equals3D(cs.get(cs.size() - 1))) {
            cs.add(cs.get(0).copy());
        }
        a.put("closed", closed);
        if (cs.size() < 2) {
            warnings.add(source + ":" + e.line + ": " + e.type + " with " + cs.size() + " vertex skipped");
            return;
        }
        add(e, gf.createLineString(cs.toArray(new Coordinate[0])), a);
    }

    private void polyline(Ent p) throws IOException {
        List<Ent> vertices = new ArrayList<>();
        while (true) {
            Ent v = read();
            if (v == null) {
                throw bad(p.line, "file ends inside the POLYLINE (no SEQEND)");
            }
            if (v.type.equals("SEQEND")) {
                break;
            }
            if (!v.type.equals("VERTEX")) {
                throw bad(v.line, v.type + " inside a POLYLINE begun on line " + p.line + " (no SEQEND)");
            }
            vertices.add(v);
        }
        int flags = integer(p, 70, 0);
        if ((flags & 64) != 0) {
            polyface(p, vertices);
        } else if ((flags & 16) != 0) {
            polygonMesh(p, vertices, flags);
        } else if ((flags & 8) != 0) {
            List<Coordinate> cs = new ArrayList<>();
            for (Ent v : vertices) {
                if ((integer(v, 70, 0) & 16) != 0) {
                    continue; // spline frame control point
                }
                cs.add(new Coordinate(need(v, 10), need(v, 20), num(v, 30, 0)));
            }
            Map<String, Object> a = attrs(p);
            a.put("polyline", "3D");
            finishLine(p, cs, (flags & 1) != 0, a);
        } else {
            Ocs o = ocs(p);
            double elevation = num(p, 30, 0);
            List<Coordinate> cs = new ArrayList<>();
            for (Ent v : vertices) {
                if (num(v, 42, 0) != 0) {
                    bulges++;
                }
                cs.add(o.wcs(need(v, 10), need(v, 20), elevation));
            }
            Map<String, Object> a = attrs(p);
            a.put("polyline", "2D");
            finishLine(p, cs, (flags & 1) != 0, a);
        }
    }

    private void polyface(Ent p, List<Ent> vertices) {
        List<double[]> xyz = new ArrayList<>();
        List<int[]> tri = new ArrayList<>();
        List<Ent> faceRecords = new ArrayList<>();
        for (Ent v : vertices) {
            int f = integer(v, 70, 0);
            if ((f & 64) != 0) {
                xyz.add(new double[] {need(v, 10), need(v, 20), num(v, 30, 0)});
            } else if ((f & 128) != 0) {
                faceRecords.add(v);
            } else {
                throw bad(v.line, "VERTEX of a polyface mesh with flags " + f + " (64 vertex or 128 face expected)");
            }
        }
        int n = xyz.size();
        for (Ent v : faceRecords) {
            int[] idx = new int[4];
            int k = 0;
            for (int c = 71; c <= 74; c++) {
                int i = Math.abs(integer(v, c, 0));
                if (i == 0) {
                    continue;
                }
                if (i > n) {
                    throw bad(v.line, "polyface face refers to vertex " + i + " of " + n);
                }
                idx[k++] = i - 1;
            }
            if (k < 3) {
                throw bad(v.line, "polyface face with " + k + " vertices (3 or 4 expected)");
            }
            tri.add(new int[] {idx[0], idx[1], idx[2]});
            if (k == 4) {
                tri.add(new int[] {idx[0], idx[2], idx[3]});
            }
        }
        double[] packed = new double[3 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(xyz.get(i), 0, packed, 3 * i, 3);
        }
        int[] t = new int[3 * tri.size()];
        for (int i = 0; i < tri.size(); i++) {
            System.arraycopy(tri.get(i), 0, t, 3 * i, 3);
        }
        Map<String, Object> a = attrs(p);
        a.put("polyline", "polyface");
        a.put("faces", (long) faceRecords.size());
        String h = p.text(5, null);
        features.add(Feature.ofMesh(uniqueId(h != null ? h : "POLYLINE@" + p.line), layer(p), FeatureKind.SURFACE, "",
                new Mesh(packed, t), a));
    }

    private void polygonMesh(Ent p, List<Ent> vertices, int flags) {
        int m = integer(p, 71, 0);
        int n = integer(p, 72, 0);
        if (m < 2 || n < 2 || (long) m * n != vertices.size()) {
            throw bad(p.line, "polygon mesh of " + m + " x " + n + " (groups 71, 72) with " + vertices.size()
                    + " vertices");
        }
        double[] xyz = new double[3 * m * n];
        for (int i = 0; i < vertices.size(); i++) {
            Ent v = vertices.get(i);
            xyz[3 * i] = need(v, 10);
            xyz[3 * i + 1] = need(v, 20);
            xyz[3 * i + 2] = num(v, 30, 0);
        }
        boolean mClosed = (flags & 1) != 0;
        boolean nClosed = (flags & 32) != 0;
        int mm = mClosed ? m : m - 1;
        int nn = nClosed ? n : n - 1;
        int[] t = new int[6 * mm * nn];
        int k = 0;
        for (int i = 0; i < mm; i++) {
            for (int j = 0; j < nn; j++) {
                int a = i * n + j;
                int b = i * n + (j + 1) % n;
                int c = ((i + 1) % m) * n + (j + 1) % n;
                int d = ((i + 1) % m) * n + j;
                t[k++] = a;
                t[k++] = b;
                t[k++] = c;
                t[k++] = a;
                t[k++] = c;
                t[k++] = d;
            }
        }
        Map<String, Object> a = attrs(p);
        a.put("polyline", "mesh " + m + "x" + n);
        String h = p.text(5, null);
        features.add(Feature.ofMesh(uniqueId(h != null ? h : "POLYLINE@" + p.line), layer(p), FeatureKind.SURFACE, "",
                new Mesh(xyz, t), a));
    }

    /** 3DFACEs of one layer, vertices merged when their coordinates are equal. */
    private static final class FaceMesh {
        final Map<List<Double>, Integer> index = new HashMap<>();
        double[] xyz = new double[96];
        int nv;
        int[] tri = new int[96];
        int nt;
        int faces;

        int vertex(double x, double y, double z) {
            List<Double> key = List.of(x + 0.0, y + 0.0, z + 0.0);
            Integer i = index.get(key);
            if (i != null) {
                return i;
            }
            if (3 * nv + 3 > xyz.length) {
                xyz = Arrays.copyOf(xyz, 2 * xyz.length);
            }
            xyz[3 * nv] = x;
            xyz[3 * nv + 1] = y;
            xyz[3 * nv + 2] = z;
            index.put(key, nv);
            return nv++;
        }

        void triangle(int a, int b, int c) {
            if (a == b || b == c || a == c) {
                return;
            }
            if (nt + 3 > tri.length) {
                tri = Arrays.copyOf(tri, 2 * tri.length);
            }
            tri[nt++] = a;
            tri[nt++] = b;
            tri[nt++] = c;
        }

        Mesh mesh() {
            return new Mesh(Arrays.copyOf(xyz, 3 * nv), Arrays.copyOf(tri, nt));
        }
    }

    private void face(Ent e) {
        FaceMesh m = faces.computeIfAbsent(layer(e), k -> new FaceMesh());
        int[] v = new int[4];
        for (int c = 0; c < 4; c++) {
            v[c] = m.vertex(need(e, 10 + c), need(e, 20 + c), num(e, 30 + c, 0));
        }
        m.faces++;
        m.triangle(v[0], v[1], v[2]);
        if (v[3] != v[2]) {
            m.triangle(v[0], v[2], v[3]);
        }
    }
}
