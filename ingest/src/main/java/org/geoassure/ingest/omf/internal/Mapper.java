package org.geoassure.ingest.omf.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.ingest.omf.OmfElement;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * Turns decoded OMF elements (either version) into GeoAssure features and block models, collecting warnings for what
 * does not map. See the package documentation of {@code org.geoassure.ingest.omf} for the mapping.
 */
public final class Mapper {
    /** Largest number of finest cells a sub-blocked model may refine to. */
    static final long MAX_CELLS = 200_000_000L;
    private static final double TOL = 1e-6;

    private final String source;
    private final boolean skipUnsupported;
    private final GeometryFactory gf = new GeometryFactory();
    final List<Feature> features = new ArrayList<>();
    final List<BlockData> blocks = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<OmfElement> elements = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Set<String> modelNames = new HashSet<>();

    public Mapper(String source, boolean skipUnsupported) {
        this.source = source;
        this.skipUnsupported = skipUnsupported;
    }

    /**
     * What an element is, apart from its geometry.
     *
     * @param id the feature id (the element name; {@code parent/child} in a Composite)
     * @param type the OMF type, for messages
     * @param attributes element-level attributes (description, metadata) for its features
     * @param name the features' name (metadata {@code geoassure:name}, else the id)
     * @param role the features' role (metadata {@code geoassure:role}, else empty)
     */
    public record Info(String id, String type, Map<String, Object> attributes, String name, String role) {
        /** An element named as its id, without a role. */
        public Info(String id, String type, Map<String, Object> attributes) {
            this(id, type, attributes, id, "");
        }
    }

    public List<Feature> features() {
        return features;
    }

    public List<BlockData> blocks() {
        return blocks;
    }

    public List<String> warnings() {
        return warnings;
    }

    public List<OmfElement> elements() {
        return elements;
    }

    public void warn(String message) {
        warnings.add(source + ": " + message);
    }

    /** An error in element {@code id}. */
    public InvalidContentException bad(String id, String reason) {
        return new InvalidContentException(source, -1, "element '" + id + "': " + reason);
    }

    /** An element that is not stored: refused, or skipped with a warning when the options say so. */
    public void unsupported(Info e, String reason) {
        if (!skipUnsupported) {
            throw new UnsupportedFormatException(source, "element '" + e.id() + "' (" + e.type() + "): " + reason
                    + " (--skip-unsupported ingests the rest of the file without it)");
        }
        warn("element '" + e.id() + "' (" + e.type() + ") skipped: " + reason);
        elements.add(new OmfElement(e.id(), e.type(), "skipped: " + reason));
    }

    /** Records an element that made nothing (e.g. a Composite, whose children follow). */
    public void element(Info e, String result) {
        elements.add(new OmfElement(e.id(), e.type(), result));
    }

    /** A unique feature id: the element's, or with {@code #2}, {@code #3} when repeated (OMF 1 allows it). */
    public String uniqueId(String id, String type) {
        String base = id.isEmpty() ? type : id;
        String u = base;
        for (int n = 2; !ids.add(u); n++) {
            u = base + "#" + n;
        }
        if (!u.equals(id)) {
            warn("element name '" + id + "' " + (id.isEmpty() ? "is empty" : "is used before") + "; its features "
                    + "have the id '" + u + "'");
        }
        return u;
    }

    // ---- point sets ------------------------------------------------------------------------------------------------

    /** A point set: one MultiPoint feature, or one feature per point when vertex attributes give it values. */
    public void pointSet(Info e, double[] xyz, List<Attr> attrs) {
        finite(e, xyz);
        int n = xyz.length / 3;
        List<Attr> kept = new ArrayList<>();
        for (Attr a : attrs) {
            check(e, a, n);
            if (a.location().equals("vertices") && a.kind() != Attr.Kind.UNSUPPORTED) {
                kept.add(a);
                dropped(e, a);
            } else {
                notKept(e, a, "point sets keep vertex values only");
            }
        }
        if (n == 0) {
            warn("element '" + e.id() + "' (" + e.type() + ") has no points; nothing stored");
            element(e, "empty");
            return;
        }
        if (kept.isEmpty()) {
            Coordinate[] cs = new Coordinate[n];
            for (int i = 0; i < n; i++) {
                cs[i] = new Coordinate(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
            }
            Geometry g = n == 1 ? gf.createPoint(cs[0]) : gf.createMultiPointFromCoords(cs);
            features.add(Feature.of(e.id(), e.name(), e.role(), g, e.attributes()));
            element(e, "1 POINTS feature of " + n + " points");
            return;
        }
        for (int i = 0; i < n; i++) {
            Map<String, Object> values = new LinkedHashMap<>(e.attributes());
            for (Attr a : kept) {
                put(values, a, i);
            }
            Point p = gf.createPoint(new Coordinate(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]));
            String id = n == 1 ? e.id() : e.id() + "/" + i;
            features.add(Feature.of(id, e.name(), e.role(), p, values));
        }
        element(e, n + " POINTS features (one per point, with its values)");
    }

    /** The value of attribute {@code a} at item {@code i} as feature attributes. */
    private static void put(Map<String, Object> out, Attr a, int i) {
        double v = a.values() == null || a.kind() == Attr.Kind.TEXT ? Double.NaN : a.values()[i * a.components()];
        switch (a.kind()) {
            case NUMBER -> out.put(a.name(), Double.isNaN(v) ? null : a.integers() && Math.abs(v) < 0x1p53
                    ? (Object) (long) v : (Object) v);
            case DATE -> out.put(a.name(), Double.isNaN(v) ? null : LocalDate.ofEpochDay((long) v).toString());
            case DATETIME -> out.put(a.name(), Double.isNaN(v) ? null
                    : Instant.ofEpochSecond(0, Math.round(v * 1e6) * 1000).toString());
            case CATEGORY -> out.put(a.name(), Double.isNaN(v) ? null : a.labels().get((int) v));
            case BOOLEAN -> out.put(a.name(), Double.isNaN(v) ? null : v != 0);
            case TEXT -> out.put(a.name(), a.texts()[i]);
            case VECTOR -> {
                for (int c = 0; c < a.components(); c++) {
                    double x = a.values()[i * a.components() + c];
                    out.put(a.name() + "[" + c + "]", Double.isNaN(x) ? null : x);
                }
            }
            case COLOR -> out.put(a.name(), Double.isNaN(v) ? null : String.format(Locale.ROOT, "#%02x%02x%02x%02x",
                    (int) v, (int) a.values()[4 * i + 1], (int) a.values()[4 * i + 2], (int) a.values()[4 * i + 3]));
            default -> throw new IllegalStateException(a.kind().name());
        }
    }

    // ---- line sets -------------------------------------------------------------------------------------------------

    /** A line set: one LINES feature, its segments chained while each starts where the last ended. */
    public void lineSet(Info e, double[] xyz, int[] segments, List<Attr> attrs) {
        finite(e, xyz);
        int n = xyz.length / 3;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i] < 0 || segments[i] >= n) {
                throw bad(e.id(), "segment " + i / 2 + " refers to vertex " + segments[i] + " of " + n);
            }
        }
        for (Attr a : attrs) {
            check(e, a, a.location().equals("vertices") ? n : segments.length / 2);
            notKept(e, a, "line features keep no vertex or segment values");
        }
        if (segments.length == 0) {
            warn("element '" + e.id() + "' (" + e.type() + ") has no segments; nothing stored");
            element(e, "empty");
            return;
        }
        List<LineString> lines = new ArrayList<>();
        List<Coordinate> run = new ArrayList<>();
        int last = -1;
        for (int s = 0; s < segments.length / 2; s++) {
            int a = segments[2 * s];
            int b = segments[2 * s + 1];
            if (a != last) {
                if (run.size() >= 2) {
                    lines.add(gf.createLineString(run.toArray(new Coordinate[0])));
                }
                run = new ArrayList<>();
                run.add(new Coordinate(xyz[3 * a], xyz[3 * a + 1], xyz[3 * a + 2]));
            }
            run.add(new Coordinate(xyz[3 * b], xyz[3 * b + 1], xyz[3 * b + 2]));
            last = b;
        }
        lines.add(gf.createLineString(run.toArray(new Coordinate[0])));
        Geometry g = lines.size() == 1 ? lines.get(0) : gf.createMultiLineString(lines.toArray(new LineString[0]));
        features.add(Feature.of(e.id(), e.name(), e.role(), g, e.attributes()));
        element(e, "1 LINES feature of " + segments.length / 2 + " segments in " + lines.size() + " line"
                + (lines.size() == 1 ? "" : "s"));
    }

    // ---- surfaces --------------------------------------------------------------------------------------------------

    /** A triangulated surface: one SURFACE feature; vertex values become mesh vertex properties. */
    public void surface(Info e, double[] xyz, int[] triangles, List<Attr> attrs, int cells) {
        finite(e, xyz);
        int n = xyz.length / 3;
        for (int i = 0; i < triangles.length; i++) {
            if (triangles[i] < 0 || triangles[i] >= n) {
                throw bad(e.id(), "triangle " + i / 3 + " refers to vertex " + triangles[i] + " of " + n);
            }
        }
        Map<String, double[]> props = new LinkedHashMap<>();
        Map<String, Object> featureAttrs = new LinkedHashMap<>(e.attributes());
        for (Attr a : attrs) {
            boolean vertices = a.location().equals("vertices");
            check(e, a, vertices ? n : cells >= 0 ? cells : triangles.length / 3);
            if (!vertices) {
                notKept(e, a, "surfaces keep vertex values only");
                continue;
            }
            switch (a.kind()) {
                case NUMBER, BOOLEAN -> props.put(unique(props, a.name()), a.values().clone());
                case DATE, DATETIME -> {
                    double[] s = a.values().clone();
                    if (a.kind() == Attr.Kind.DATE) {
                        for (int i = 0; i < s.length; i++) {
                            s[i] *= 86400;
                        }
                    }
                    props.put(unique(props, a.name()), s);
                    warn("element '" + e.id() + "': attribute '" + a.name() + "' (" + a.kind().name().toLowerCase(
                            Locale.ROOT) + ") is kept as seconds since 1970-01-01T00:00:00Z");
                }
                case CATEGORY -> {
                    String name = unique(props, a.name());
                    props.put(name, a.values().clone());
                    StringBuilder b = new StringBuilder();
                    for (int c = 0; c < a.labels().size(); c++) {
                        b.append(c == 0 ? "" : "; ").append(c).append('=').append(a.labels().get(c));
                    }
                    featureAttrs.put(name + " categories", b.toString());
                }
                case VECTOR -> {
                    for (int c = 0; c < a.components(); c++) {
                        double[] comp = new double[n];
                        for (int i = 0; i < n; i++) {
                            comp[i] = a.values()[i * a.components() + c];
                        }
                        props.put(unique(props, a.name() + "[" + c + "]"), comp);
                    }
                }
                default -> {
                    notKept(e, a, "mesh vertex properties are numbers");
                    continue;
                }
            }
            dropped(e, a);
        }
        if (n == 0 || triangles.length == 0) {
            warn("element '" + e.id() + "' (" + e.type() + ") has no triangles; nothing stored");
            element(e, "empty");
            return;
        }
        Mesh mesh = new Mesh(xyz, triangles, props);
        features.add(Feature.ofMesh(e.id(), e.name(), FeatureKind.SURFACE, e.role(), mesh, featureAttrs));
        element(e, "1 SURFACE feature of " + n + " vertices and " + triangles.length / 3 + " triangles");
    }

    /**
     * A grid surface: a mesh of (nu + 1)(nv + 1) vertices, u fastest, at origin + u·U + v·V + height·(U × V), two
     * triangles per cell.
     *
     * @param uSpacing cell widths along U; {@code vSpacing} along V
     * @param heights one per vertex, or null for a flat grid
     */
    public void gridSurface(Info e, double[] origin, double[] u, double[] v, double[] uSpacing, double[] vSpacing,
            double[] heights, List<Attr> attrs) {
        int nu = uSpacing.length;
        int nv = vSpacing.length;
        long vertices = (long) (nu + 1) * (nv + 1);
        if (vertices * 24 > Integer.MAX_VALUE) {
            throw bad(e.id(), "a grid of " + nu + " x " + nv + " cells is too large for one surface");
        }
        if (heights != null && heights.length != vertices) {
            throw bad(e.id(), heights.length + " heights for " + vertices + " grid vertices");
        }
        double[] w = cross(u, v);
        double wl = Math.sqrt(dot(w, w));
        if (!(wl > 0)) {
            throw bad(e.id(), "the grid axes u and v are parallel or zero");
        }
        double[] xyz = new double[(int) vertices * 3];
        double pu = 0;
        double[] us = new double[nu + 1];
        for (int i = 0; i < nu; i++) {
            pu += uSpacing[i];
            us[i + 1] = pu;
        }
        double[] vs = new double[nv + 1];
        double pv = 0;
        for (int j = 0; j < nv; j++) {
            pv += vSpacing[j];
            vs[j + 1] = pv;
        }
        for (int j = 0; j <= nv; j++) {
            for (int i = 0; i <= nu; i++) {
                int k = i + j * (nu + 1);
                double h = heights == null || Double.isNaN(heights[k]) ? 0 : heights[k];
                for (int a = 0; a < 3; a++) {
                    xyz[3 * k + a] = origin[a] + us[i] * u[a] + vs[j] * v[a] + h * w[a] / wl;
                }
            }
        }
        int[] tris = new int[nu * nv * 6];
        int t = 0;
        for (int j = 0; j < nv; j++) {
            for (int i = 0; i < nu; i++) {
                int a = i + j * (nu + 1);
                int b = a + 1;
                int c = a + nu + 1;
                int d = c + 1;
                tris[t++] = a;
                tris[t++] = b;
                tris[t++] = d;
                tris[t++] = a;
                tris[t++] = d;
                tris[t++] = c;
            }
        }
        surface(e, xyz, tris, attrs, nu * nv);
    }

    // ---- block models ----------------------------------------------------------------------------------------------

    /** Regular sub-blocks: parent index and corners in sub-block units, per sub-block. */
    public record SubBlocks(int[] count, long[] parents, long[] corners) {
    }

    /**
     * A block model on a regular grid (or a tensor grid with equal spacings), placed by an orientation that must be a
     * rotation about z; with regular or octree sub-blocks refined to the finest size.
     *
     * @param u unit axis; {@code v}, {@code w} likewise
     * @param uSpacing block sizes along u (all equal); {@code vSpacing}, {@code wSpacing} likewise
     * @param sub regular sub-blocks, or null
     */
    public void blockModel(Info e, double[] origin, double[] u, double[] v, double[] w, double[] uSpacing,
            double[] vSpacing, double[] wSpacing, SubBlocks sub, List<Attr> attrs) {
        String why = orientation(u, v, w);
        if (why != null) {
            unsupported(e, why + "; GeoAssure stores block models rotated about the vertical axis only");
            return;
        }
        double[] size = new double[3];
        int[] count = {uSpacing.length, vSpacing.length, wSpacing.length};
        double[][] spacing = {uSpacing, vSpacing, wSpacing};
        for (int a = 0; a < 3; a++) {
            if (count[a] == 0) {
                throw bad(e.id(), "the grid has no blocks along " + "uvw".charAt(a));
            }
            size[a] = spacing[a][0];
            for (double s : spacing[a]) {
                if (!(s > 0) || !Double.isFinite(s)) {
                    throw bad(e.id(), "block size " + s + " along " + "uvw".charAt(a) + " is not a positive number");
                }
                if (Math.abs(s - size[a]) > TOL * size[a]) {
                    unsupported(e, "a tensor grid with unequal block sizes along " + "uvw".charAt(a) + " ("
                            + size[a] + " and " + s + "); GeoAssure stores regular grids (resample it first)");
                    return;
                }
            }
        }
        double rotation = Math.toDegrees(Math.atan2(u[1], u[0]));
        if (Math.abs(rotation - Math.rint(rotation)) < 1e-9) {
            rotation = Math.rint(rotation);
        }
        int[] sc = sub == null ? new int[] {1, 1, 1} : sub.count();
        long[] dims = new long[3];
        for (int a = 0; a < 3; a++) {
            if (sc[a] < 1) {
                throw bad(e.id(), "sub-block count " + sc[a] + " along " + "uvw".charAt(a));
            }
            dims[a] = (long) count[a] * sc[a];
        }
        if (dims[0] * dims[1] * dims[2] > MAX_CELLS && sub != null) {
            throw bad(e.id(), "refined to its finest sub-blocks the model would have " + dims[0] + " x " + dims[1]
                    + " x " + dims[2] + " cells, more than " + MAX_CELLS);
        }
        String name = modelName(e.id());
        int parentsN = count[0] * count[1] * count[2];
        int items = sub == null ? parentsN : sub.parents().length / 3;
        List<BlockAttribute> defs = new ArrayList<>();
        List<Attr> used = new ArrayList<>();
        List<Integer> component = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Attr a : attrs) {
            String loc = a.location();
            boolean perBlock = sub == null ? loc.equals("primitives") || loc.equals("cells")
                    : loc.equals("subblocks");
            boolean perParent = sub != null && loc.equals("parents");
            if (!perBlock && !perParent) {
                check(e, a, -1);
                notKept(e, a, "block models keep block values");
                continue;
            }
            check(e, a, perParent ? parentsN : items);
            switch (a.kind()) {
                case NUMBER -> add(defs, used, component, names, a, 0, BlockAttribute.of(column(names, a.name()),
                        AttributeType.FLOAT64));
                case BOOLEAN -> add(defs, used, component, names, a, 0, BlockAttribute.of(column(names, a.name()),
                        AttributeType.INT32));
                case CATEGORY -> {
                    if (a.labels().size() != a.labels().stream().distinct().count()) {
                        throw bad(e.id(), "attribute '" + a.name() + "' names a category twice: " + a.labels());
                    }
                    add(defs, used, component, names, a, 0, BlockAttribute.category(column(names, a.name()),
                            a.labels()));
                }
                case VECTOR -> {
                    for (int c = 0; c < a.components(); c++) {
                        add(defs, used, component, names, a, c, BlockAttribute.of(column(names, a.name() + "_"
                                + "xyz".charAt(c)), AttributeType.FLOAT64));
                    }
                }
                default -> {
                    notKept(e, a, "block attributes are numbers, categories and booleans");
                    continue;
                }
            }
            dropped(e, a);
        }
        long cells = dims[0] * dims[1] * dims[2];
        long need = cells * (1 + 8L * defs.size());
        Runtime rt = Runtime.getRuntime();
        if (need > (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 2) {
            throw bad(e.id(), dims[0] + " x " + dims[1] + " x " + dims[2] + " cells need about " + (need >> 20)
                    + " MB, more than this JVM's heap allows (give it more with -Xmx)");
        }
        BlockModel model;
        try {
            model = new BlockModel(name, origin[0], origin[1], origin[2], rotation, size[0] / sc[0], size[1] / sc[1],
                    size[2] / sc[2], (int) dims[0], (int) dims[1], (int) dims[2], defs);
        } catch (IllegalArgumentException ex) {
            throw bad(e.id(), ex.getMessage());
        }
        BlockData.Builder b = BlockData.builder(model);
        double[] values = new double[defs.size()];
        try {
            if (sub == null) {
                for (int k = 0, p = 0; k < count[2]; k++) {
                    for (int j = 0; j < count[1]; j++) {
                        for (int i = 0; i < count[0]; i++, p++) {
                            values(used, component, p, p, values);
                            b.put(i, j, k, values);
                        }
                    }
                }
            } else {
                long[] par = sub.parents();
                long[] cor = sub.corners();
                for (int s = 0; s < items; s++) {
                    int[] lo = new int[3];
                    int[] hi = new int[3];
                    for (int a = 0; a < 3; a++) {
                        long p = par[3 * s + a];
                        long min = cor[6 * s + a];
                        long max = cor[6 * s + 3 + a];
                        if (p < 0 || p >= count[a]) {
                            throw bad(e.id(), "sub-block " + s + " has parent index " + p + " along " + "uvw".charAt(a)
                                    + ", outside 0.." + (count[a] - 1));
                        }
                        if (min < 0 || max > sc[a] || min >= max) {
                            throw bad(e.id(), "sub-block " + s + " has corners " + min + ".." + max + " along "
                                    + "uvw".charAt(a) + ", outside 0.." + sc[a] + " or empty");
                        }
                        lo[a] = (int) (p * sc[a] + min);
                        hi[a] = (int) (p * sc[a] + max);
                    }
                    int parent = (int) (par[3 * s] + (long) count[0] * (par[3 * s + 1] + (long) count[1] * par[3 * s
                            + 2]));
                    values(used, component, s, parent, values);
                    for (int k = lo[2]; k < hi[2]; k++) {
                        for (int j = lo[1]; j < hi[1]; j++) {
                            for (int i = lo[0]; i < hi[0]; i++) {
                                b.put(i, j, k, values);
                            }
                        }
                    }
                }
            }
        } catch (IllegalArgumentException ex) {
            throw bad(e.id(), ex.getMessage());
        }
        BlockData data = b.build();
        blocks.add(data);
        element(e, "block model " + name + ": " + dims[0] + " x " + dims[1] + " x " + dims[2] + " cells of "
                + model.dx() + " x " + model.dy() + " x " + model.dz() + " m, " + data.cells() + " stored");
    }

    private void add(List<BlockAttribute> defs, List<Attr> used, List<Integer> component, Set<String> names, Attr a,
            int c, BlockAttribute def) {
        defs.add(def);
        used.add(a);
        component.add(c);
        names.add(def.name().toLowerCase(Locale.ROOT));
    }

    private static void values(List<Attr> used, List<Integer> component, int item, int parent, double[] out) {
        for (int i = 0; i < used.size(); i++) {
            Attr a = used.get(i);
            int at = a.location().equals("parents") ? parent : item;
            out[i] = a.values()[at * a.components() + component.get(i)];
        }
    }

    /** Why an orientation is not a rotation about z, or null when it is. */
    private static String orientation(double[] u, double[] v, double[] w) {
        if (Math.abs(w[0]) > TOL || Math.abs(w[1]) > TOL || Math.abs(w[2] - 1) > TOL) {
            return "its w axis is (" + w[0] + ", " + w[1] + ", " + w[2] + "), not vertical (0, 0, 1)";
        }
        if (Math.abs(u[2]) > TOL || Math.abs(v[2]) > TOL) {
            return "its u or v axis is not horizontal";
        }
        if (Math.abs(dot(u, u) - 1) > TOL || Math.abs(dot(v, v) - 1) > TOL) {
            return "its axes are not unit vectors";
        }
        if (Math.abs(v[0] + u[1]) > TOL || Math.abs(v[1] - u[0]) > TOL) {
            return "its v axis is not u turned 90 degrees counter-clockwise (a mirrored or sheared grid)";
        }
        return null;
    }

    /** A block model name from an element name: letters, digits and '_' (others become '_'), unique. */
    private String modelName(String id) {
        StringBuilder b = new StringBuilder();
        id.codePoints().forEach(c -> b.appendCodePoint(Character.isLetterOrDigit(c) || c == '_' ? c : '_'));
        if (b.length() == 0 || Character.isDigit(b.codePointAt(0))) {
            b.insert(0, '_');
        }
        String name = b.toString();
        String u = name;
        for (int n = 2; !modelNames.add(u.toLowerCase(Locale.ROOT)); n++) {
            u = name + "_" + n;
        }
        if (!u.equals(id)) {
            warn("element '" + id + "' is stored as block model " + u + " (model names are letters, digits and '_')");
        }
        return u;
    }

    private static String column(Set<String> taken, String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> b.appendCodePoint(Character.isLetterOrDigit(c) || c == '_' ? c : '_'));
        if (b.length() == 0 || Character.isDigit(b.codePointAt(0))) {
            b.insert(0, '_');
        }
        String u = b.toString();
        for (int n = 2; taken.contains(u.toLowerCase(Locale.ROOT)); n++) {
            u = b + "_" + n;
        }
        return u;
    }

    // ---- shared checks ---------------------------------------------------------------------------------------------

    private void finite(Info e, double[] xyz) {
        for (int i = 0; i < xyz.length; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw bad(e.id(), "vertex " + i / 3 + " has a coordinate that is " + (Double.isNaN(xyz[i])
                        ? "null or NaN" : "infinite"));
            }
        }
    }

    /** The attribute has one value per item ({@code items} < 0: not checked) and valid category codes. */
    private void check(Info e, Attr a, int items) {
        if (a.kind() == Attr.Kind.UNSUPPORTED) {
            return;
        }
        if (items >= 0 && a.count() != items) {
            throw bad(e.id(), "attribute '" + a.name() + "' has " + a.count() + " values for " + items + " "
                    + a.location());
        }
        if (a.kind() == Attr.Kind.CATEGORY) {
            for (int i = 0; i < a.values().length; i++) {
                double c = a.values()[i];
                if (!Double.isNaN(c) && (c < 0 || c >= a.labels().size())) {
                    throw bad(e.id(), "attribute '" + a.name() + "': item " + i + " has category " + (long) c
                            + ", outside the " + a.labels().size() + " names");
                }
            }
        }
    }

    private void notKept(Info e, Attr a, String why) {
        warn("element '" + e.id() + "': attribute '" + a.name() + "' (" + (a.kind() == Attr.Kind.UNSUPPORTED
                ? String.join(", ", a.dropped()) : a.kind().name().toLowerCase(Locale.ROOT)) + " on " + a.location()
                + ") is not kept: " + why);
    }

    private void dropped(Info e, Attr a) {
        if (!a.dropped().isEmpty()) {
            warn("element '" + e.id() + "': attribute '" + a.name() + "': " + String.join(", ", a.dropped())
                    + " not kept");
        }
    }

    private static String unique(Map<String, ?> taken, String name) {
        String u = name;
        for (int n = 2; taken.containsKey(u); n++) {
            u = name + "#" + n;
        }
        return u;
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
