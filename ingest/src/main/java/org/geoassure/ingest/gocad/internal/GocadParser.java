package org.geoassure.ingest.gocad.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.analysis.Desurvey;
import org.geoassure.geodb.analysis.DesurveyException;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.analysis.HoleTrace;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.geodb.model.SolidCheck;
import org.geoassure.ingest.feature.internal.BoundedLines;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * One pass over the lines of a GOCAD ASCII file: objects ({@code GOCAD Type version ... END}), groups of them
 * ({@code BEGIN_MEMBERS ... END_MEMBERS}), into features. Line numbers are 1-based physical lines.
 */
public final class GocadParser {
    /** Object types read. */
    private static final List<String> READ = List.of("TSurf", "TSolid", "PLine", "VSet", "Well");

    private final String source;
    private final BoundedLines in;
    private final GeometryFactory gf = new GeometryFactory();
    private final List<Feature> features = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private String crsName;
    private long line;
    private String text;
    private List<String> tokens;

    public GocadParser(String source, java.io.Reader in) {
        this.source = source;
        this.in = new BoundedLines(in, source);
    }

    /** What was read. */
    public record Result(List<Feature> features, List<String> warnings, String crsName) {
    }

    public Result parse() throws IOException {
        boolean any = false;
        while (nextLine()) {
            if (tokens.isEmpty()) {
                continue;
            }
            if (!"GOCAD".equals(tokens.get(0)) || tokens.size() < 2) {
                if (!any) {
                    throw new UnsupportedFormatException(source, "not a GOCAD ASCII file: line " + line
                            + " does not start with \"GOCAD <type> <version>\"");
                }
                throw bad("expected \"GOCAD <type> <version>\" to start the next object, found \"" + clip(text) + "\"");
            }
            any = true;
            readObject(tokens.get(1), null, true);
        }
        if (!any) {
            throw new InvalidContentException(source, -1, "empty file: no GOCAD object");
        }
        return new Result(features, warnings, crsName);
    }

    private boolean nextLine() throws IOException {
        text = in.readLine();
        if (text == null) {
            return false;
        }
        line++;
        tokens = tokenize(text);
        return true;
    }

    /** Whitespace-separated tokens; a double-quoted token keeps its blanks and loses its quotes. */
    static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int j = s.indexOf('"', i + 1);
                int end = j < 0 ? n : j;
                out.add(s.substring(i + 1, end));
                i = end + 1;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private InvalidContentException bad(String reason) {
        return new InvalidContentException(source, line, reason);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s.strip();
    }

    /** State of one object being read. */
    private static final class Obj {
        final String type;
        final long startLine;
        String name;
        boolean depthPositive;
        String geologicalType = "";
        String geologicalFeature;
        List<String> props = new ArrayList<>();
        int[] esizes;
        double[] noData;
        List<String> columns;
        // vertices
        double[] xyz = new double[3 * 64];
        double[][] pv = new double[0][];
        int nv;
        final Map<Long, Integer> vertexIndex = new HashMap<>();
        /** For an ATOM's vertex, the VRTX vertex it names (through chains of ATOMs). */
        final Map<Integer, Integer> atomOf = new HashMap<>();
        // TSurf triangles, PLine segments: vertex ids and the line they were on
        long[] refs = new long[3 * 64];
        long[] refLines = new long[64];
        int nrefs;
        int nelems;
        int parts;
        List<Integer> partStarts = new ArrayList<>();
        // Well
        double[] wref;
        List<double[]> stations = new ArrayList<>();
        List<double[]> path = new ArrayList<>();
        long pathLine;
        String deviation;
        List<String> curves = new ArrayList<>();
        String binaryFile;

        Obj(String type, long startLine) {
            this.type = type;
            this.startLine = startLine;
        }
    }

    private void readObject(String type, String group, boolean topLevel) throws IOException {
        boolean isGroup = type.endsWith("Group");
        if (!isGroup && !READ.contains(type)) {
            String what = "GOCAD " + type + " (line " + line + ")";
            if (topLevel && features.isEmpty()) {
                throw new UnsupportedFormatException(source, what + " is not read: only TSurf, TSolid, PLine, VSet,"
                        + " Well and groups of them are");
            }
            warnings.add(source + ":" + line + ": " + what + " skipped: only TSurf, TSolid, PLine, VSet, Well and"
                    + " groups of them are read");
            skipObject();
            return;
        }
        Obj o = new Obj(type, line);
        while (true) {
            if (!nextLine()) {
                throw bad("file ends inside GOCAD " + type + " begun on line " + o.startLine + " (no END)");
            }
            if (tokens.isEmpty() || tokens.get(0).startsWith("#")) {
                continue;
            }
            String kw = tokens.get(0);
            switch (kw) {
                case "END" -> {
                    if (!isGroup) {
                        finish(o, group);
                    }
                    return;
                }
                case "HEADER" -> header(o);
                case "GOCAD_ORIGINAL_COORDINATE_SYSTEM" -> coordinateSystem(o);
                case "PROPERTIES" -> {
                    if (o.nv > 0) {
                        throw bad("PROPERTIES after the first vertex");
                    }
                    o.props = new ArrayList<>(tokens.subList(1, tokens.size()));
                    o.columns = null;
                }
                case "NO_DATA_VALUES" -> o.noData = numbers(1, "NO_DATA_VALUES");
                case "ESIZES" -> {
                    double[] e = numbers(1, "ESIZES");
                    o.esizes = new int[e.length];
                    for (int i = 0; i < e.length; i++) {
                        if (e[i] < 1 || e[i] > 1000 || e[i] != Math.rint(e[i])) {
                            throw bad("ESIZES value " + tokens.get(i + 1) + " is not a whole number from 1 to 1000");
                        }
                        o.esizes[i] = (int) e[i];
                    }
                }
                case "GEOLOGICAL_TYPE" -> o.geologicalType = rest(1);
                case "GEOLOGICAL_FEATURE" -> o.geologicalFeature = rest(1);
                case "VRTX", "PVRTX" -> vertex(o, kw.equals("PVRTX"));
                case "ATOM", "PATOM" -> atom(o, kw.equals("PATOM"));
                case "TFACE", "TVOLUME" -> o.parts++;
                case "ILINE" -> {
                    o.parts++;
                    o.partStarts.add(o.nelems);
                }
                case "TRGL" -> element(o, 3, "TSurf");
                case "TETRA" -> element(o, 4, "TSolid");
                case "SEG" -> element(o, 2, "PLine");
                case "WREF" -> o.wref = xyz(1, "WREF", o);
                case "DEVIATION_SURVEY" -> o.deviation = rest(1);
                case "STATION" -> o.stations.add(numbers(1, 3, "STATION md inclination azimuth"));
                case "PATH" -> {
                    o.path.add(numbers(1, 4, "PATH md z dx dy"));
                    o.pathLine = line;
                }
                case "BINARY_DATA_FILE" -> o.binaryFile = rest(1);
                case "WELL_CURVE" -> curve(o);
                case "BEGIN_MEMBERS" -> members(o);
                case "GOCAD" -> throw bad("GOCAD " + (tokens.size() > 1 ? tokens.get(1) : "")
                        + " begins inside GOCAD " + type + " begun on line " + o.startLine + " (missing END)");
                default -> {
                    // everything else (styles, BSTONE, BORDER, property class headers, markers) is not kept
                }
            }
        }
    }

    private void skipObject() throws IOException {
        long start = line;
        int depth = 0;
        while (nextLine()) {
            if (tokens.isEmpty()) {
                continue;
            }
            String kw = tokens.get(0);
            if (kw.equals("BEGIN_MEMBERS")) {
                depth++;
            } else if (kw.equals("END_MEMBERS")) {
                depth--;
            } else if (kw.equals("END") && depth == 0) {
                return;
            } else if (kw.equals("GOCAD") && depth == 0) {
                throw bad("GOCAD object begins inside the object begun on line " + start + " (missing END)");
            }
        }
        throw bad("file ends inside the GOCAD object begun on line " + start + " (no END)");
    }

    private void members(Obj group) throws IOException {
        long start = line;
        String groupName = group.name == null ? group.type : group.name;
        while (true) {
            if (!nextLine()) {
                throw bad("file ends inside BEGIN_MEMBERS of line " + start + " (no END_MEMBERS)");
            }
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.get(0).equals("END_MEMBERS")) {
                return;
            }
            if (!tokens.get(0).equals("GOCAD") || tokens.size() < 2) {
                throw bad("expected a member \"GOCAD <type> <version>\" or END_MEMBERS, found \"" + clip(text) + "\"");
            }
            readObject(tokens.get(1), groupName, false);
        }
    }

    private void header(Obj o) throws IOException {
        // HEADER { ... } over several lines, or HEADER {name:x} on one
        String first = text.substring(text.indexOf("HEADER") + 6).strip();
        if (!first.startsWith("{")) {
            throw bad("HEADER must be followed by {");
        }
        String body = first.substring(1);
        long start = line;
        while (true) {
            int close = body.indexOf('}');
            String part = close >= 0 ? body.substring(0, close) : body;
            for (String item : part.split(";")) {
                String s = item.strip();
                int colon = s.indexOf(':');
                if (colon > 0 && s.substring(0, colon).strip().equals("name") && o.name == null) {
                    o.name = unquote(s.substring(colon + 1).strip());
                }
            }
            if (close >= 0) {
                return;
            }
            if (!nextLine()) {
                throw bad("file ends inside HEADER { of line " + start + " (no })");
            }
            body = text;
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private void coordinateSystem(Obj o) throws IOException {
        long start = line;
        while (true) {
            if (!nextLine()) {
                throw bad("file ends inside GOCAD_ORIGINAL_COORDINATE_SYSTEM of line " + start);
            }
            if (tokens.isEmpty()) {
                continue;
            }
            switch (tokens.get(0)) {
                case "END_ORIGINAL_COORDINATE_SYSTEM" -> {
                    return;
                }
                case "ZPOSITIVE" -> {
                    String v = tokens.size() > 1 ? tokens.get(1).toLowerCase(Locale.ROOT) : "";
                    if (!v.equals("depth") && !v.equals("elevation")) {
                        throw bad("ZPOSITIVE must be Elevation or Depth, not \"" + rest(1) + "\"");
                    }
                    o.depthPositive = v.equals("depth");
                }
                case "NAME" -> {
                    String n = rest(1);
                    if (!n.equalsIgnoreCase("default") && !n.isEmpty() && crsName == null) {
                        crsName = n;
                    }
                }
                case "AXIS_UNIT" -> {
                    for (String u : tokens.subList(1, tokens.size())) {
                        if (!u.equalsIgnoreCase("m")) {
                            warnings.add(source + ":" + line + ": axis unit \"" + u
                                    + "\" is kept as it is (coordinates are not converted to metres)");
                            break;
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private String rest(int from) {
        return String.join(" ", tokens.subList(Math.min(from, tokens.size()), tokens.size()));
    }

    private double number(int i, String what) {
        if (i >= tokens.size()) {
            throw bad(what + ": value " + i + " missing");
        }
        String t = tokens.get(i);
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw bad(what + ": value \"" + t + "\" is not finite");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(what + ": \"" + t + "\" is not a number");
        }
    }

    private double[] numbers(int from, String what) {
        double[] v = new double[tokens.size() - from];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(from + i, what);
        }
        return v;
    }

    private double[] numbers(int from, int count, String what) {
        if (tokens.size() - from < count) {
            throw bad(what + ": " + count + " numbers expected, found " + (tokens.size() - from));
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = number(from + i, what);
        }
        return v;
    }

    private long id(int i, String what) {
        if (i >= tokens.size()) {
            throw bad(what + ": vertex id missing");
        }
        try {
            return Long.parseLong(tokens.get(i));
        } catch (NumberFormatException e) {
            throw bad(what + ": vertex id \"" + tokens.get(i) + "\" is not a whole number");
        }
    }

    private double[] xyz(int from, String what, Obj o) {
        double[] p = numbers(from, 3, what + " x y z");
        if (o.depthPositive) {
            p[2] = -p[2];
        }
        return p;
    }

    private void columns(Obj o) {
        if (o.columns != null) {
            return;
        }
        o.columns = new ArrayList<>();
        for (int i = 0; i < o.props.size(); i++) {
            int e = o.esizes != null && i < o.esizes.length ? o.esizes[i] : 1;
            for (int k = 0; k < e; k++) {
                o.columns.add(e == 1 ? o.props.get(i) : o.props.get(i) + "[" + k + "]");
            }
        }
        o.pv = new double[o.columns.size()][o.xyz.length / 3];
    }

    private int newVertex(Obj o, long id, double x, double y, double z) {
        if (o.vertexIndex.containsKey(id)) {
            throw bad("vertex id " + id + " defined twice");
        }
        if (3 * o.nv + 3 > o.xyz.length) {
            o.xyz = Arrays.copyOf(o.xyz, o.xyz.length * 2);
            for (int c = 0; c < o.pv.length; c++) {
                o.pv[c] = Arrays.copyOf(o.pv[c], o.xyz.length / 3);
            }
        }
        o.xyz[3 * o.nv] = x;
        o.xyz[3 * o.nv + 1] = y;
        o.xyz[3 * o.nv + 2] = z;
        o.vertexIndex.put(id, o.nv);
        return o.nv++;
    }

    private void vertex(Obj o, boolean props) {
        columns(o);
        long id = id(1, tokens.get(0));
        double[] p = xyz(2, tokens.get(0) + " id", o);
        int v = newVertex(o, id, p[0], p[1], p[2]);
        propertyValues(o, v, props, 5);
    }

    private void propertyValues(Obj o, int v, boolean props, int from) {
        int nc = o.columns.size();
        if (!props) {
            for (int c = 0; c < nc; c++) {
                o.pv[c][v] = Double.NaN;
            }
            return;
        }
        if (tokens.size() - from < nc) {
            throw bad(tokens.get(0) + ": " + nc + " property values expected (" + String.join(" ", o.columns)
                    + "), found " + Math.max(0, tokens.size() - from));
        }
        int pi = 0;
        int k = 0;
        for (int c = 0; c < nc; c++) {
            double val = number(from + c, tokens.get(0) + " property " + o.columns.get(c));
            double nd = o.noData != null && pi < o.noData.length ? o.noData[pi] : Double.NaN;
            o.pv[c][v] = val == nd ? Double.NaN : val;
            int e = o.esizes != null && pi < o.esizes.length ? o.esizes[pi] : 1;
            if (++k == e) {
                k = 0;
                pi++;
            }
        }
    }

    private void atom(Obj o, boolean props) {
        columns(o);
        long id = id(1, tokens.get(0));
        long ref = id(2, tokens.get(0));
        Integer r = o.vertexIndex.get(ref);
        if (r == null) {
            throw bad(tokens.get(0) + " " + id + " refers to vertex " + ref + ", which is not defined before it");
        }
        int v = newVertex(o, id, o.xyz[3 * r], o.xyz[3 * r + 1], o.xyz[3 * r + 2]);
        o.atomOf.put(v, o.atomOf.getOrDefault(r, r));
        if (props) {
            propertyValues(o, v, true, 3);
        } else {
            for (int c = 0; c < o.pv.length; c++) {
                o.pv[c][v] = o.pv[c][r];
            }
        }
    }

    private void element(Obj o, int n, String where) {
        if (!o.type.equals(where)) {
            throw bad(tokens.get(0) + " in a GOCAD " + o.type + " (it belongs in a " + where + ")");
        }
        if (tokens.size() < n + 1) {
            throw bad(tokens.get(0) + ": " + n + " vertex ids expected, found " + (tokens.size() - 1));
        }
        if (o.nrefs + n > o.refs.length) {
            o.refs = Arrays.copyOf(o.refs, o.refs.length * 2);
        }
        if (o.nelems >= o.refLines.length) {
            o.refLines = Arrays.copyOf(o.refLines, o.refLines.length * 2);
        }
        for (int i = 0; i < n; i++) {
            o.refs[o.nrefs++] = id(1 + i, tokens.get(0));
        }
        o.refLines[o.nelems++] = line;
    }

    private void curve(Obj o) throws IOException {
        long start = line;
        while (true) {
            if (!nextLine()) {
                throw bad("file ends inside WELL_CURVE of line " + start + " (no END_CURVE)");
            }
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.get(0).equals("END_CURVE")) {
                return;
            }
            if (tokens.get(0).equals("PROPERTY") && tokens.size() > 1) {
                o.curves.add(tokens.get(1));
            }
        }
    }

    /** Resolves a vertex id of element {@code e}. */
    private int resolve(Obj o, long id, int e) {
        Integer v = o.vertexIndex.get(id);
        if (v == null) {
            throw new InvalidContentException(source, o.refLines[e], (switch (o.type) {
                case "TSurf" -> "TRGL";
                case "TSolid" -> "TETRA";
                default -> "SEG";
            })
                    + " refers to vertex " + id + ", which is not defined in this " + o.type);
        }
        return v;
    }

    private void finish(Obj o, String group) {
        String name = o.name == null ? o.type : o.name;
        String id = uniqueId(name);
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("gocad_type", o.type);
        if (group != null) {
            attrs.put("group", group);
        }
        if (o.geologicalFeature != null) {
            attrs.put("geological_feature", o.geologicalFeature);
        }
        String role = o.geologicalType.toLowerCase(Locale.ROOT);
        switch (o.type) {
            case "TSurf" -> {
                int[] tri = new int[3 * o.nelems];
                for (int i = 0; i < tri.length; i++) {
                    tri[i] = resolve(o, o.refs[i], i / 3);
                }
                for (int t = 0; t < o.nelems; t++) { // a corner twice: no triangle, a broken surface (issue 12)
                    int a = tri[3 * t];
                    int b = tri[3 * t + 1];
                    int c = tri[3 * t + 2];
                    if (a == b || b == c || a == c) {
                        throw new InvalidContentException(source, o.refLines[t], "TRGL " + o.refs[3 * t] + " "
                                + o.refs[3 * t + 1] + " " + o.refs[3 * t + 2] + " uses one vertex twice");
                    }
                }
                Map<String, double[]> props = new LinkedHashMap<>();
                for (int c = 0; c < o.pv.length; c++) {
                    props.put(o.columns.get(c), Arrays.copyOf(o.pv[c], o.nv));
                }
                attrs.put("tfaces", (long) o.parts);
                features.add(Feature.ofMesh(id, name, FeatureKind.SURFACE, role,
                        new Mesh(Arrays.copyOf(o.xyz, 3 * o.nv), tri, props), attrs));
            }
            case "VSet" -> {
                if (o.nv == 0) {
                    warnings.add(source + ":" + o.startLine + ": VSet " + name + " has no vertices: skipped");
                    return;
                }
                Coordinate[] cs = coordinates(o);
                if (o.nv == 1) {
                    for (int c = 0; c < o.pv.length; c++) {
                        attrs.put(o.columns.get(c), Double.isNaN(o.pv[c][0]) ? null : o.pv[c][0]);
                    }
                    features.add(Feature.of(id, name, role, gf.createPoint(cs[0]), attrs));
                } else {
                    dropped(o, name);
                    features.add(Feature.of(id, name, role, gf.createMultiPointFromCoords(cs), attrs));
                }
            }
            case "PLine" -> {
                dropped(o, name);
                List<LineString> lines = new ArrayList<>();
                List<Integer> starts = new ArrayList<>(o.partStarts);
                if (starts.isEmpty() || starts.get(0) != 0) {
                    starts.add(0, 0);
                }
                starts.add(o.nelems);
                for (int p = 0; p + 1 < starts.size(); p++) {
                    chain(o, starts.get(p), starts.get(p + 1), lines);
                }
                if (lines.isEmpty()) {
                    warnings.add(source + ":" + o.startLine + ": PLine " + name + " has no segments: skipped");
                    return;
                }
                features.add(Feature.of(id, name, role, lines.size() == 1 ? lines.get(0)
                        : gf.createMultiLineString(lines.toArray(new LineString[0])), attrs));
            }
            case "TSolid" -> solid(o, id, name, role, attrs);
            case "Well" -> well(o, id, name, role, attrs);
            default -> throw new IllegalStateException(o.type);
        }
    }

    /**
     * A TSolid: one SOLID feature, the outer surface of its tetrahedra (faces of one tetrahedron only, turned
     * outwards; an ATOM taken as the vertex it names, so that the faces between regions split by ATOMs are inside),
     * which must bound a solid ({@link SolidCheck}): refused, naming the TETRA lines, when a tetrahedron is
     * flat or repeats a vertex, when tetrahedra overlap or touch only along an edge or at a vertex, or when the
     * surface crosses itself.
     */
    private void solid(Obj o, String id, String name, String role, Map<String, Object> attrs) {
        if (o.nelems == 0) {
            warnings.add(source + ":" + o.startLine + ": TSolid " + name + " has no tetrahedra: skipped");
            return;
        }
        int[] tets = new int[4 * o.nelems];
        for (int i = 0; i < tets.length; i++) {
            int v = resolve(o, o.refs[i], i / 4);
            tets[i] = o.atomOf.getOrDefault(v, v); // an ATOM is its vertex: regions split by ATOMs are one volume
        }
        long[] fileId = new long[o.nv];
        for (Map.Entry<Long, Integer> e : o.vertexIndex.entrySet()) {
            fileId[e.getValue()] = e.getKey();
        }
        double[] xyz = Arrays.copyOf(o.xyz, 3 * o.nv);
        String what = "TSolid \"" + name + "\"";
        SolidCheck.tetrahedra(xyz, tets, v -> Long.toString(fileId[v])).ifPresent(p -> {
            throw new InvalidContentException(source, o.refLines[p.triangle()], what + ": the TETRA of this line, "
                    + p.reason());
        });
        SolidCheck.Boundary b = SolidCheck.boundary(xyz, tets);
        SolidCheck.check(b.mesh(), v -> Long.toString(fileId[b.vertex()[v]])).ifPresent(p -> {
            long line = o.refLines[b.tetrahedron()[p.triangle()]];
            String where = p.other() < 0 ? "triangle " + p.triangle() + " is a face of the TETRA on line " + line
                    : "triangle " + p.triangle() + " is a face of the TETRA on line " + line + ", triangle "
                            + p.other() + " of the TETRA on line " + o.refLines[b.tetrahedron()[p.other()]];
            throw new InvalidContentException(source, line, what + " does not bound a solid: on its outer surface, "
                    + p.reason() + " (" + where + ")");
        });
        Map<String, double[]> props = new LinkedHashMap<>();
        for (int c = 0; c < o.pv.length; c++) {
            double[] all = o.pv[c];
            double[] kept = new double[b.vertex().length];
            for (int v = 0; v < kept.length; v++) {
                kept[v] = all[b.vertex()[v]];
            }
            props.put(o.columns.get(c), kept);
        }
        attrs.put("tetrahedra", (long) o.nelems);
        attrs.put("tvolumes", (long) o.parts);
        features.add(Feature.ofMesh(id, name, FeatureKind.SOLID, role,
                new Mesh(b.mesh().xyz(), b.mesh().triangles(), props), attrs));
    }

    private void dropped(Obj o, String name) {
        if (o.columns != null && !o.columns.isEmpty()) { // null: no vertex was read (found by ReaderFuzzTest)
            warnings.add(source + ":" + o.startLine + ": " + o.type + " " + name + ": vertex properties "
                    + o.columns + " are not kept (a point or line feature has no per-vertex values)");
        }
    }

    private Coordinate[] coordinates(Obj o) {
        Coordinate[] cs = new Coordinate[o.nv];
        for (int i = 0; i < o.nv; i++) {
            cs[i] = new Coordinate(o.xyz[3 * i], o.xyz[3 * i + 1], o.xyz[3 * i + 2]);
        }
        return cs;
    }

    /**
     * Segments [from, to) of one ILINE chained into line strings: a segment not starting where the last ended
     * starts a new one.
     */
    private void chain(Obj o, int from, int to, List<LineString> out) {
        List<Coordinate> cur = new ArrayList<>();
        int last = -1;
        for (int e = from; e < to; e++) {
            int a = resolve(o, o.refs[2 * e], e);
            int b = resolve(o, o.refs[2 * e + 1], e);
            if (a != last && !cur.isEmpty()) {
                out.add(gf.createLineString(cur.toArray(new Coordinate[0])));
                cur = new ArrayList<>();
            }
            if (cur.isEmpty()) {
                cur.add(new Coordinate(o.xyz[3 * a], o.xyz[3 * a + 1], o.xyz[3 * a + 2]));
            }
            cur.add(new Coordinate(o.xyz[3 * b], o.xyz[3 * b + 1], o.xyz[3 * b + 2]));
            last = b;
        }
        if (!cur.isEmpty()) {
            out.add(gf.createLineString(cur.toArray(new Coordinate[0])));
        }
    }

    private void well(Obj o, String id, String name, String role, Map<String, Object> attrs) {
        if (o.wref == null) {
            throw new InvalidContentException(source, o.startLine, "Well " + name + " has no WREF x y z");
        }
        attrs.put("wref_x", o.wref[0]);
        attrs.put("wref_y", o.wref[1]);
        attrs.put("wref_z", o.wref[2]);
        if (!o.curves.isEmpty()) {
            attrs.put("curves", String.join(",", o.curves));
            warnings.add(source + ":" + o.startLine + ": Well " + name + ": curve values " + o.curves
                    + " are not read (they are in the binary file " + (o.binaryFile == null ? "?" : o.binaryFile)
                    + ")");
        }
        Coordinate[] cs;
        if (!o.stations.isEmpty()) {
            int n = o.stations.size();
            double[] md = new double[n];
            double[] az = new double[n];
            double[] dip = new double[n];
            for (int i = 0; i < n; i++) {
                double[] s = o.stations.get(i);
                md[i] = s[0];
                dip[i] = s[1] - 90; // inclination from vertical down -> dip, negative down
                az[i] = s[2];
            }
            DesurveyMethod method = DesurveyMethod.MINIMUM_CURVATURE;
            if (o.deviation != null && !o.deviation.toLowerCase(Locale.ROOT).contains("minimum")) {
                warnings.add(source + ":" + o.startLine + ": Well " + name + ": DEVIATION_SURVEY \"" + o.deviation
                        + "\" computed by minimum curvature");
            }
            attrs.put("path_method", "minimum curvature from STATION md inclination azimuth");
            HoleTrace t;
            try {
                t = Desurvey.compute(o.wref[0], o.wref[1], o.wref[2], md, az, dip, method);
            } catch (DesurveyException e) {
                throw new InvalidContentException(source, o.startLine, "Well " + name + ": " + e.getMessage());
            }
            cs = new Coordinate[t.stationCount() + (md[0] > 0 ? 1 : 0)];
            int k = 0;
            if (md[0] > 0) {
                cs[k++] = new Coordinate(o.wref[0], o.wref[1], o.wref[2]);
            }
            for (int i = 0; i < t.stationCount(); i++) {
                cs[k++] = new Coordinate(t.stationX(i), t.stationY(i), t.stationZ(i));
            }
        } else if (!o.path.isEmpty()) {
            // PATH md z dx dy: z absolute in the file's ZPOSITIVE sense (at md 0 the KB, not WREF z), dx dy from WREF
            cs = new Coordinate[o.path.size()];
            for (int i = 0; i < o.path.size(); i++) {
                double[] p = o.path.get(i);
                cs[i] = new Coordinate(o.wref[0] + p[2], o.wref[1] + p[3], o.depthPositive ? -p[1] : p[1]);
            }
            attrs.put("path_method", "PATH md z dx dy");
        } else {
            warnings.add(source + ":" + o.startLine + ": Well " + name + " has no STATION or PATH: kept as its WREF"
                    + " point");
            features.add(Feature.of(id, name, role,
                    gf.createPoint(new Coordinate(o.wref[0], o.wref[1], o.wref[2])), attrs));
            return;
        }
        if (cs.length < 2) {
            cs = new Coordinate[] {cs[0], cs[0].copy()};
        }
        features.add(Feature.of(id, name, role, gf.createLineString(cs), attrs));
    }

    private String uniqueId(String name) {
        int n = ids.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + "#" + n;
    }
}
