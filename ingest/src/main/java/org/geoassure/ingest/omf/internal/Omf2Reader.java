package org.geoassure.ingest.omf.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;

/**
 * OMF 2 (omf-rust): a zip whose {@code index.json.gz} describes the project and its elements, each array a Parquet
 * member named in the index with its item count.
 */
public final class Omf2Reader {
    /** Largest inflated index accepted. */
    private static final int MAX_INDEX = 64 << 20;

    private final String source;
    private final Map<String, byte[]> members;
    private final Mapper out;
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build());
    private JsonNode project;

    public Omf2Reader(String source, Map<String, byte[]> members, Mapper out) {
        this.source = source;
        this.members = members;
        this.out = out;
    }

    /** The project object of the index (after {@link #read()}). */
    public JsonNode project() {
        return project;
    }

    public void read() {
        byte[] gz = members.get("index.json.gz");
        if (gz == null) {
            if (members.containsKey("project.json")) {
                throw new UnsupportedFormatException(source, "an omf-python \"OMF 2.0 alpha\" file (project.json and "
                        + "UUID-named members), a pre-release format that is neither OMF 1 nor OMF 2; export it again "
                        + "as OMF 1 (omf-python 1.x) or OMF 2 (omf-rust)");
            }
            throw new UnsupportedFormatException(source, "a zip file without index.json.gz: not an OMF 2 file "
                    + "(members: " + names(members.keySet()) + ")");
        }
        byte[] text;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            text = ZipMembers.readAll(in, MAX_INDEX, "index.json");
        } catch (IOException e) {
            throw new InvalidContentException(source, -1, "index.json.gz: cannot be inflated: " + e.getMessage());
        }
        try {
            project = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidContentException(source, -1, "index.json.gz: not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new InvalidContentException(source, -1, "index.json.gz: " + e.getMessage());
        }
        if (project == null || !project.isObject()) {
            throw new InvalidContentException(source, -1, "index.json.gz: the index is not a JSON object");
        }
        elements(project.get("elements"), "");
    }

    private static String names(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        return l.size() > 5 ? String.join(", ", l.subList(0, 5)) + ", ..." : String.join(", ", l);
    }

    private void elements(JsonNode list, String prefix) {
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw new InvalidContentException(source, -1, "index.json.gz: " + (prefix.isEmpty() ? "project" : prefix)
                    + " 'elements' is not a list");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode e : list) {
            String name = text(e, "name", "element");
            if (!seen.add(name)) {
                throw new InvalidContentException(source, -1, "element name '" + prefix + name + "' is used twice "
                        + "(OMF 2 element names are unique)");
            }
        }
        for (JsonNode e : list) {
            element(e, prefix + text(e, "name", "element"));
        }
    }

    private void element(JsonNode e, String id) {
        JsonNode g = e.get("geometry");
        if (g == null || !g.isObject()) {
            throw out.bad(id, "no geometry object");
        }
        String type = text(g, "type", id + ": geometry");
        Map<String, Object> attrs = new LinkedHashMap<>();
        String description = e.path("description").asText("");
        if (!description.isEmpty()) {
            attrs.put("description", description);
        }
        metadata(id, e.get("metadata"), attrs);
        Object name = attrs.remove("geoassure:name");
        Object role = attrs.remove("geoassure:role");
        Mapper.Info info = new Mapper.Info(id, type, attrs, name instanceof String n ? n : id,
                role instanceof String r ? r : "");
        if (type.equals("Composite")) {
            out.element(info, "Composite of " + g.path("elements").size() + " elements");
            elements(g.get("elements"), id + "/");
            for (JsonNode a : e.path("attributes")) {
                out.warn("element '" + id + "': attribute '" + a.path("name").asText() + "' of a Composite is not kept");
            }
            return;
        }
        switch (type) {
            case "PointSet" -> out.pointSet(info, vertices(id, g), attributes(id, e));
            case "LineSet" -> out.lineSet(info, vertices(id, g), indexes(id, g.get("segments"), "segments",
                    new String[] {"a", "b"}), attributes(id, e));
            case "Surface" -> out.surface(info, vertices(id, g), indexes(id, g.get("triangles"), "triangles",
                    new String[] {"a", "b", "c"}), attributes(id, e), -1);
            case "GridSurface" -> gridSurface(info, g, attributes(id, e));
            case "BlockModel" -> blockModel(info, g, attributes(id, e));
            default -> out.unsupported(info, "geometry type " + type + " is not read");
        }
    }

    /** Scalar metadata values become attributes; nested ones are named in a warning. */
    private void metadata(String id, JsonNode m, Map<String, Object> attrs) {
        if (m == null || !m.isObject()) {
            return;
        }
        List<String> nested = new ArrayList<>();
        m.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (v.isTextual()) {
                attrs.put(f.getKey(), v.asText());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                attrs.put(f.getKey(), v.asLong());
            } else if (v.isNumber()) {
                attrs.put(f.getKey(), v.asDouble());
            } else if (v.isBoolean()) {
                attrs.put(f.getKey(), v.asBoolean());
            } else if (v.isNull()) {
                attrs.put(f.getKey(), null);
            } else {
                nested.add(f.getKey());
            }
        });
        if (!nested.isEmpty()) {
            out.warn("element '" + id + "': metadata " + nested + " (lists or objects) not kept");
        }
    }

    // ---- geometry --------------------------------------------------------------------------------------------------

    private double[] vertices(String id, JsonNode g) {
        ParquetTable t = table(id, g.get("vertices"), "vertices");
        double[] origin = g.has("origin") ? vec(id, g.get("origin"), 3, "origin") : new double[3];
        int n = t.rows();
        double[] xyz = new double[3 * n];
        String[] axes = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            ParquetTable.Column c = t.column(source, axes[a]);
            for (int i = 0; i < n; i++) {
                xyz[3 * i + a] = c.number(i) + origin[a];
            }
        }
        return xyz;
    }

    private int[] indexes(String id, JsonNode ref, String what, String[] cols) {
        ParquetTable t = table(id, ref, what);
        int n = t.rows();
        int k = cols.length;
        if ((long) n * k > Integer.MAX_VALUE - 8) {
            throw out.bad(id, what + ": " + n + " items are too many");
        }
        int[] idx = new int[n * k];
        for (int c = 0; c < k; c++) {
            ParquetTable.Column col = t.column(source, cols[c]);
            for (int i = 0; i < n; i++) {
                double v = col.number(i);
                if (Double.isNaN(v) || v < 0 || v > Integer.MAX_VALUE) {
                    throw out.bad(id, what + " " + i + ": vertex index " + (Double.isNaN(v) ? "null" : (long) v)
                            + " is not valid");
                }
                idx[i * k + c] = (int) v;
            }
        }
        return idx;
    }

    private double[] scalars(String id, JsonNode ref, String what) {
        ParquetTable t = table(id, ref, what);
        String col = t.has("scalar") ? "scalar" : t.columnNames().isEmpty() ? "scalar" : t.columnNames().get(0);
        ParquetTable.Column c = t.column(source, col);
        double[] v = new double[t.rows()];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.number(i);
        }
        return v;
    }

    private void gridSurface(Mapper.Info info, JsonNode g, List<Attr> attrs) {
        String id = info.id();
        JsonNode orient = object(id, g, "orient");
        double[] origin = vec(id, orient.get("origin"), 3, "orient.origin");
        double[] u = vec(id, orient.get("u"), 3, "orient.u");
        double[] v = vec(id, orient.get("v"), 3, "orient.v");
        JsonNode grid = object(id, g, "grid");
        double[][] spacing = grid2or3(id, grid, 2);
        double[] heights = g.hasNonNull("heights") ? scalars(id, g.get("heights"), "heights") : null;
        out.gridSurface(info, origin, u, v, spacing[0], spacing[1], heights, attrs);
    }

    /** Cell sizes along each axis of a Regular ({@code size}, {@code count}) or Tensor grid. */
    private double[][] grid2or3(String id, JsonNode grid, int dims) {
        String type = text(grid, "type", id + ": grid");
        double[][] s = new double[dims][];
        if (type.equals("Regular")) {
            double[] size = vec(id, grid.get("size"), dims, "grid.size");
            double[] count = vec(id, grid.get("count"), dims, "grid.count");
            long total = 1;
            for (int a = 0; a < dims; a++) {
                if (count[a] != Math.rint(count[a]) || count[a] < 1 || count[a] > Integer.MAX_VALUE) {
                    throw out.bad(id, "grid.count " + count[a] + " is not a whole number >= 1");
                }
                total *= (long) count[a];
                if (total > Mapper.MAX_CELLS) {
                    throw out.bad(id, "the grid has more than " + Mapper.MAX_CELLS + " cells");
                }
            }
            for (int a = 0; a < dims; a++) {
                s[a] = new double[(int) count[a]];
                java.util.Arrays.fill(s[a], size[a]);
            }
        } else if (type.equals("Tensor")) {
            String[] axes = {"u", "v", "w"};
            for (int a = 0; a < dims; a++) {
                s[a] = scalars(id, grid.get(axes[a]), "grid." + axes[a]);
            }
        } else {
            throw out.bad(id, "grid type '" + type + "' is neither Regular nor Tensor");
        }
        return s;
    }

    private void blockModel(Mapper.Info info, JsonNode g, List<Attr> attrs) {
        String id = info.id();
        JsonNode orient = object(id, g, "orient");
        double[] origin = vec(id, orient.get("origin"), 3, "orient.origin");
        double[] u = vec(id, orient.get("u"), 3, "orient.u");
        double[] v = vec(id, orient.get("v"), 3, "orient.v");
        double[] w = vec(id, orient.get("w"), 3, "orient.w");
        JsonNode grid = object(id, g, "grid");
        JsonNode sb = g.get("subblocks");
        Mapper.SubBlocks sub = null;
        if (sb != null && !sb.isNull()) {
            String type = text(sb, "type", id + ": subblocks");
            if (type.equals("Freeform")) {
                out.unsupported(info, "free-form sub-blocks are not stored (GeoAssure keeps regular and octree "
                        + "sub-blocks, refined to the finest size)");
                return;
            }
            if (!type.equals("Regular")) {
                throw out.bad(id, "sub-block type '" + type + "' is neither Regular nor Freeform");
            }
            if (!text(grid, "type", id + ": grid").equals("Regular")) {
                throw out.bad(id, "sub-blocks need a Regular parent grid");
            }
            double[] c = vec(id, sb.get("count"), 3, "subblocks.count");
            int[] count = new int[3];
            for (int a = 0; a < 3; a++) {
                if (c[a] != Math.rint(c[a]) || c[a] < 1 || c[a] > 65536) {
                    throw out.bad(id, "subblocks.count " + c[a] + " is not a whole number in 1..65536");
                }
                count[a] = (int) c[a];
            }
            ParquetTable t = table(id, sb.get("subblocks"), "subblocks");
            int n = t.rows();
            long[] parents = new long[3 * n];
            long[] corners = new long[6 * n];
            String[] pn = {"parent_u", "parent_v", "parent_w"};
            String[] cn = {"corner_min_u", "corner_min_v", "corner_min_w", "corner_max_u", "corner_max_v",
                "corner_max_w"};
            for (int a = 0; a < 3; a++) {
                ParquetTable.Column col = t.column(source, pn[a]);
                for (int i = 0; i < n; i++) {
                    parents[3 * i + a] = whole(id, col, i, "subblocks " + pn[a]);
                }
            }
            for (int a = 0; a < 6; a++) {
                ParquetTable.Column col = t.column(source, cn[a]);
                for (int i = 0; i < n; i++) {
                    corners[6 * i + a] = whole(id, col, i, "subblocks " + cn[a]);
                }
            }
            sub = new Mapper.SubBlocks(count, parents, corners);
        }
        double[][] spacing = grid2or3(id, grid, 3);
        out.blockModel(info, origin, u, v, w, spacing[0], spacing[1], spacing[2], sub, attrs);
    }

    private long whole(String id, ParquetTable.Column c, int i, String what) {
        double v = c.number(i);
        if (Double.isNaN(v) || v != Math.rint(v)) {
            throw out.bad(id, what + " of item " + i + " is " + (Double.isNaN(v) ? "null" : v) + ", not a whole "
                    + "number");
        }
        return (long) v;
    }

    // ---- attributes ------------------------------------------------------------------------------------------------

    private List<Attr> attributes(String id, JsonNode e) {
        List<Attr> list = new ArrayList<>();
        JsonNode as = e.get("attributes");
        if (as == null || as.isNull()) {
            return list;
        }
        if (!as.isArray()) {
            throw out.bad(id, "'attributes' is not a list");
        }
        for (JsonNode a : as) {
            list.add(attribute(id, a));
        }
        return list;
    }

    private Attr attribute(String id, JsonNode a) {
        String name = text(a, "name", id + ": attribute");
        String location = text(a, "location", id + ": attribute " + name).toLowerCase(java.util.Locale.ROOT);
        JsonNode data = object(id, a, "data");
        String type = text(data, "type", id + ": attribute " + name + " data");
        String what = "attribute '" + name + "'";
        List<String> dropped = new ArrayList<>();
        if (data.hasNonNull("colormap")) {
            dropped.add("its colour map");
        }
        switch (type) {
            case "Number" -> {
                ParquetTable t = table(id, data.get("values"), what);
                ParquetTable.Column c = t.column(source, "number");
                double[] v = new double[t.rows()];
                Attr.Kind kind = switch (c.type()) {
                    case DATE -> Attr.Kind.DATE;
                    case TIMESTAMP -> Attr.Kind.DATETIME;
                    case FLOAT, INTEGER -> Attr.Kind.NUMBER;
                    default -> throw out.bad(id, what + ": a number column of type " + c.type());
                };
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.type() == ParquetTable.Type.TIMESTAMP && c.present()[i] ? c.longs()[i] / 1e6 : c.number(i);
                }
                return new Attr(name, location, kind, v, null, List.of(), 1, c.type() == ParquetTable.Type.INTEGER,
                        dropped);
            }
            case "Category" -> {
                ParquetTable t = table(id, data.get("values"), what);
                ParquetTable.Column c = t.column(source, "index");
                double[] v = new double[t.rows()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.number(i);
                }
                ParquetTable names = table(id, data.get("names"), what + " names");
                ParquetTable.Column nc = names.column(source, "name");
                List<String> labels = new ArrayList<>();
                for (int i = 0; i < names.rows(); i++) {
                    labels.add(nc.texts()[i] == null ? "" : nc.texts()[i]);
                }
                if (data.hasNonNull("gradient")) {
                    dropped.add("its category colours");
                }
                for (JsonNode sub : data.path("attributes")) {
                    dropped.add("its category attribute '" + sub.path("name").asText() + "'");
                }
                return new Attr(name, location, Attr.Kind.CATEGORY, v, null, labels, 1, true, dropped);
            }
            case "Boolean" -> {
                ParquetTable t = table(id, data.get("values"), what);
                ParquetTable.Column c = t.column(source, t.has("bool") ? "bool" : "boolean");
                double[] v = new double[t.rows()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.number(i);
                }
                return new Attr(name, location, Attr.Kind.BOOLEAN, v, null, List.of(), 1, true, dropped);
            }
            case "Text" -> {
                ParquetTable t = table(id, data.get("values"), what);
                ParquetTable.Column c = t.column(source, "text");
                String[] s = new String[t.rows()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = c.present()[i] ? c.texts()[i] : null;
                }
                return new Attr(name, location, Attr.Kind.TEXT, null, s, List.of(), 1, false, dropped);
            }
            case "Vector", "Color" -> {
                ParquetTable t = table(id, data.get("values"), what);
                String[] cols = type.equals("Color") ? new String[] {"r", "g", "b", "a"}
                        : t.has("z") ? new String[] {"x", "y", "z"} : new String[] {"x", "y"};
                int k = cols.length;
                double[] v = new double[t.rows() * k];
                for (int c = 0; c < k; c++) {
                    ParquetTable.Column col = t.column(source, cols[c]);
                    for (int i = 0; i < t.rows(); i++) {
                        v[i * k + c] = col.number(i);
                    }
                }
                return new Attr(name, location, type.equals("Color") ? Attr.Kind.COLOR : Attr.Kind.VECTOR, v, null,
                        List.of(), k, false, dropped);
            }
            default -> {
                return Attr.unsupported(name, location, type.replaceAll("([a-z])([A-Z])", "$1 $2")
                        .toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    // ---- index helpers ---------------------------------------------------------------------------------------------

    /** The Parquet member an array reference names, checked against its item count. */
    private ParquetTable table(String id, JsonNode ref, String what) {
        if (ref == null || !ref.isObject()) {
            throw out.bad(id, what + ": no array reference (filename, item_count) in the index");
        }
        String file = text(ref, "filename", id + ": " + what);
        JsonNode count = ref.get("item_count");
        if (count == null || !count.canConvertToLong() || count.asLong() < 0) {
            throw out.bad(id, what + ": item_count " + count + " is not a whole number >= 0");
        }
        byte[] bytes = members.get(file);
        if (bytes == null) {
            throw new InvalidContentException(source, -1, "element '" + id + "': " + what + ": member " + file
                    + " named in the index is not in the file");
        }
        try {
            return ParquetTable.read(source, file, bytes, count.asLong());
        } catch (InvalidContentException e) {
            String msg = e.getMessage().substring(source.length() + 2);
            if (e instanceof UnsupportedFormatException) {
                throw new UnsupportedFormatException(source, "element '" + id + "': " + what + ": " + msg);
            }
            throw new InvalidContentException(source, -1, "element '" + id + "': " + what + ": " + msg);
        }
    }

    private String text(JsonNode o, String field, String where) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidContentException(source, -1, "index.json.gz: " + where + ": '" + field + "' is "
                    + (v == null ? "missing" : "not text") );
        }
        return v.asText();
    }

    private JsonNode object(String id, JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) {
            throw out.bad(id, "'" + field + "' is " + (v == null ? "missing" : "not an object"));
        }
        return v;
    }

    private double[] vec(String id, JsonNode v, int n, String what) {
        if (v == null || !v.isArray() || v.size() != n) {
            throw out.bad(id, what + " is not a list of " + n + " numbers");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            if (!v.get(i).isNumber() || !Double.isFinite(v.get(i).asDouble())) {
                throw out.bad(id, what + " is not a list of " + n + " finite numbers");
            }
            d[i] = v.get(i).asDouble();
        }
        return d;
    }
}
