package org.geoassure.ingest.omf.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.ingest.feature.internal.SourceFiles;

/**
 * OMF 1 (omf-python 1.x, "OMF-v0.9.0"): a 60-byte header (magic {@code 84 83 82 81}, version text, the project's
 * 16-byte UID, the little-endian uint64 offset of the JSON index), zlib-compressed arrays, and the JSON index (UID to
 * object) from that offset to the end. Offsets and lengths are checked against the file before anything is read.
 */
public final class Omf1Reader {
    /** Header length. */
    public static final int HEADER = 60;
    private static final long MAX_INDEX = 256L << 20;

    private final Path file;
    private final String source;
    private final Mapper out;
    private JsonNode index;
    private JsonNode project;
    private String version;
    private long jsonStart;

    public Omf1Reader(Path file, Mapper out) {
        this.file = file;
        this.source = file.toString();
        this.out = out;
    }

    /** The project object (after {@link #read()}). */
    public JsonNode project() {
        return project;
    }

    /** The version text of the header, e.g. {@code OMF-v0.9.0}. */
    public String version() {
        return version;
    }

    public void read() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER) {
                throw new InvalidContentException(source, -1, "an OMF 1 file of " + size + " bytes, shorter than its "
                        + HEADER + "-byte header");
            }
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, h, 0);
            byte[] v = new byte[32];
            h.get(4, v);
            int len = 0;
            while (len < 32 && v[len] != 0) {
                len++;
            }
            version = new String(v, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!version.startsWith("OMF-v")) {
                throw new InvalidContentException(source, -1, "byte 4: version '" + printable(version) + "' does not "
                        + "start with OMF-v");
            }
            long msb = h.order(ByteOrder.BIG_ENDIAN).getLong(36);
            long lsb = h.getLong(44);
            String uid = new java.util.UUID(msb, lsb).toString();
            jsonStart = h.order(ByteOrder.LITTLE_ENDIAN).getLong(52);
            if (jsonStart < HEADER || jsonStart >= size) {
                throw new InvalidContentException(source, -1, "byte 52: JSON index offset " + Long.toUnsignedString(
                        jsonStart) + " is outside the file's " + size + " bytes");
            }
            if (size - jsonStart > MAX_INDEX) {
                throw new InvalidContentException(source, -1, "byte " + jsonStart + ": a JSON index of "
                        + (size - jsonStart) + " bytes, larger than " + MAX_INDEX);
            }
            ByteBuffer j = ByteBuffer.allocate((int) (size - jsonStart));
            readFully(ch, j, jsonStart);
            ObjectMapper json = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build());
            try {
                index = json.readTree(j.array());
            } catch (JsonProcessingException e) {
                throw new InvalidContentException(source, -1, "byte " + jsonStart + ": the JSON index is not valid "
                        + "JSON: " + e.getOriginalMessage());
            }
            if (index == null || !index.isObject()) {
                throw new InvalidContentException(source, -1, "byte " + jsonStart + ": the JSON index is not an "
                        + "object");
            }
            project = index.get(uid);
            if (project == null || !"Project".equals(project.path("__class__").asText())) {
                throw new InvalidContentException(source, -1, "the index has no Project with the header's UID " + uid);
            }
            double[] origin = project.has("origin") ? vec("project", project.get("origin"), 3, "origin")
                    : new double[3];
            JsonNode elements = project.get("elements");
            if (elements != null && !elements.isArray()) {
                throw new InvalidContentException(source, -1, "the Project's 'elements' is not a list");
            }
            int n = 0;
            for (JsonNode ref : elements == null ? List.<JsonNode>of() : elements) {
                n++;
                element(ch, size, object(ref, "project element " + n), origin);
            }
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", ".");
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new java.io.EOFException("end of file at byte " + (at + b.position()));
            }
        }
        b.flip();
    }

    /** The object a UID names. */
    private JsonNode object(JsonNode ref, String what) {
        if (ref == null || !ref.isTextual()) {
            throw new InvalidContentException(source, -1, what + ": not a UID");
        }
        JsonNode o = index.get(ref.asText());
        if (o == null || !o.isObject()) {
            throw new InvalidContentException(source, -1, what + ": UID " + ref.asText() + " is not in the index");
        }
        return o;
    }

    private void element(FileChannel ch, long size, JsonNode e, double[] projectOrigin) throws IOException {
        String cls = e.path("__class__").asText("");
        String name = e.path("name").asText("");
        String id = out.uniqueId(name, cls);
        Map<String, Object> attrs = new LinkedHashMap<>();
        String description = e.path("description").asText("");
        if (!description.isEmpty()) {
            attrs.put("description", description);
        }
        Mapper.Info info = new Mapper.Info(id, cls, attrs);
        if (e.path("textures").size() > 0) {
            out.warn("element '" + id + "': " + e.path("textures").size() + " image texture(s) not kept");
        }
        JsonNode g = object(e.get("geometry"), "element '" + id + "' geometry");
        String gcls = g.path("__class__").asText("");
        double[] origin = g.has("origin") ? vec(id, g.get("origin"), 3, "geometry origin") : new double[3];
        for (int a = 0; a < 3; a++) {
            origin[a] += projectOrigin[a];
        }
        List<Attr> data = new ArrayList<>();
        int d = 0;
        for (JsonNode ref : e.path("data")) {
            data.add(data(ch, size, id, object(ref, "element '" + id + "' data " + ++d)));
        }
        switch (cls + "/" + gcls) {
            case "PointSetElement/PointSetGeometry" -> out.pointSet(info, vertices(ch, size, id, g, origin), data);
            case "LineSetElement/LineSetGeometry" -> out.lineSet(info, vertices(ch, size, id, g, origin),
                    indexes(ch, size, id, g, "segments", 2), data);
            case "SurfaceElement/SurfaceGeometry" -> out.surface(info, vertices(ch, size, id, g, origin),
                    indexes(ch, size, id, g, "triangles", 3), data, -1);
            case "SurfaceElement/SurfaceGridGeometry" -> {
                double[] u = vec(id, g.get("axis_u"), 3, "axis_u");
                double[] v = vec(id, g.get("axis_v"), 3, "axis_v");
                double[] tu = list(id, g.get("tensor_u"), "tensor_u");
                double[] tv = list(id, g.get("tensor_v"), "tensor_v");
                double[] h = g.hasNonNull("offset_w") ? array(ch, size, id, object(g.get("offset_w"),
                        "element '" + id + "' offset_w"), "offset_w", 1) : null;
                out.gridSurface(info, origin, unit(id, u, "axis_u"), unit(id, v, "axis_v"), scale(tu, u),
                        scale(tv, v), h, data);
            }
            case "VolumeElement/VolumeGridGeometry" -> {
                double[] u = vec(id, g.get("axis_u"), 3, "axis_u");
                double[] v = vec(id, g.get("axis_v"), 3, "axis_v");
                double[] w = vec(id, g.get("axis_w"), 3, "axis_w");
                out.blockModel(info, origin, unit(id, u, "axis_u"), unit(id, v, "axis_v"), unit(id, w, "axis_w"),
                        scale(list(id, g.get("tensor_u"), "tensor_u"), u),
                        scale(list(id, g.get("tensor_v"), "tensor_v"), v),
                        scale(list(id, g.get("tensor_w"), "tensor_w"), w), null, data);
            }
            default -> out.unsupported(info, "an OMF 1 " + cls + " with a " + gcls + " is not read");
        }
    }

    /** OMF 1 axes may be scaled: the tensor spacings are multiples of their length. */
    private static double[] scale(double[] spacing, double[] axis) {
        double l = Math.sqrt(Mapper.dot(axis, axis));
        double[] s = spacing.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] *= l;
        }
        return s;
    }

    private double[] unit(String id, double[] a, String what) {
        double l = Math.sqrt(Mapper.dot(a, a));
        if (!(l > 0)) {
            throw out.bad(id, what + " is a zero vector");
        }
        return new double[] {a[0] / l, a[1] / l, a[2] / l};
    }

    private double[] vertices(FileChannel ch, long size, String id, JsonNode g, double[] origin) throws IOException {
        double[] xyz = array(ch, size, id, object(g.get("vertices"), "element '" + id + "' vertices"), "vertices", 3);
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] += origin[i % 3];
        }
        return xyz;
    }

    private int[] indexes(FileChannel ch, long size, String id, JsonNode g, String field, int k) throws IOException {
        double[] v = array(ch, size, id, object(g.get(field), "element '" + id + "' " + field), field, k);
        int[] idx = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] <= Integer.MAX_VALUE)) {
                throw out.bad(id, field + " " + i / k + ": vertex index " + v[i] + " is not valid");
            }
            idx[i] = (int) v[i];
        }
        return idx;
    }

    private Attr data(FileChannel ch, long size, String id, JsonNode d) throws IOException {
        String cls = d.path("__class__").asText("");
        String name = d.path("name").asText("");
        String location = d.path("location").asText("").toLowerCase(Locale.ROOT);
        List<String> dropped = new ArrayList<>();
        if (d.hasNonNull("colormap")) {
            dropped.add("its colour map");
        }
        switch (cls) {
            case "ScalarData" -> {
                JsonNode arr = object(d.get("array"), "element '" + id + "' data '" + name + "' array");
                double[] v = array(ch, size, id, arr, "data '" + name + "'", 1);
                boolean ints = arr.path("array").path("dtype").asText("").contains("i");
                return new Attr(name, location, Attr.Kind.NUMBER, v, null, List.of(), 1, ints, dropped);
            }
            case "MappedData" -> {
                double[] v = array(ch, size, id, object(d.get("array"), "element '" + id + "' data '" + name
                        + "' array"), "data '" + name + "'", 1);
                List<String> labels = null;
                int l = 0;
                for (JsonNode ref : d.path("legends")) {
                    JsonNode legend = object(ref, "element '" + id + "' data '" + name + "' legend " + ++l);
                    JsonNode values = object(legend.get("values"), "element '" + id + "' legend " + l + " values");
                    if (labels == null && "StringArray".equals(values.path("__class__").asText())) {
                        labels = new ArrayList<>();
                        for (JsonNode s : values.path("array")) {
                            labels.add(s.asText());
                        }
                    } else {
                        dropped.add("its legend " + l + " (" + values.path("__class__").asText() + ")");
                    }
                }
                if (labels == null) {
                    labels = new ArrayList<>();
                    for (double x : v) {
                        if (x >= 0 && x < 1 << 20 && x == Math.rint(x)) {
                            while (labels.size() <= x) {
                                labels.add(Integer.toString(labels.size()));
                            }
                        }
                    }
                    dropped.add("(no text legend: categories are named by their codes)");
                }
                for (int i = 0; i < v.length; i++) {
                    if (v[i] < 0) {
                        v[i] = Double.NaN;
                    }
                }
                return new Attr(name, location, Attr.Kind.CATEGORY, v, null, labels, 1, true, dropped);
            }
            default -> {
                return Attr.unsupported(name, location, cls);
            }
        }
    }

    /**
     * A binary array: {@code {"array": {"start", "length", "dtype"}}}, zlib-compressed, little-endian float64,
     * float32, int64 or int32, {@code k} values per item.
     */
    private double[] array(FileChannel ch, long size, String id, JsonNode arr, String what, int k)
            throws IOException {
        JsonNode a = arr.get("array");
        if (a == null || !a.isObject()) {
            throw out.bad(id, what + ": not a binary array (" + arr.path("__class__").asText() + ")");
        }
        long start = a.path("start").asLong(-1);
        long length = a.path("length").asLong(-1);
        String dtype = a.path("dtype").asText("");
        int width = switch (dtype) {
            case "<f8", "<i8" -> 8;
            case "<f4", "<i4" -> 4;
            default -> throw out.bad(id, what + ": dtype '" + dtype + "' is not read (<f8, <f4, <i8, <i4)");
        };
        if (start < HEADER || length < 0 || start + length > jsonStart) {
            throw out.bad(id, what + ": bytes " + start + ".." + (start + length) + " lie outside the data part "
                    + HEADER + ".." + jsonStart + " of the file");
        }
        ByteBuffer z = ByteBuffer.allocate((int) length);
        readFully(ch, z, start);
        byte[] raw = inflate(z.array(), id, what, start);
        if (raw.length % (width * k) != 0) {
            throw out.bad(id, what + " at byte " + start + ": " + raw.length + " bytes inflated is not a whole number "
                    + "of items of " + k + " x " + width + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[raw.length / width];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (dtype) {
                case "<f8" -> b.getDouble(i * 8);
                case "<f4" -> b.getFloat(i * 4);
                case "<i8" -> b.getLong(i * 8);
                default -> b.getInt(i * 4);
            };
        }
        return v;
    }

    private byte[] inflate(byte[] z, String id, String what, long start) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(z);
            ByteArrayOutputStream out2 = new ByteArrayOutputStream(Math.min(z.length * 4, 1 << 20));
            byte[] buf = new byte[1 << 16];
            long limit = 1032L * z.length + 1024;
            Runtime rt = Runtime.getRuntime();
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw out.bad(id, what + " at byte " + start + ": the zlib data ends early");
                }
                out2.write(buf, 0, n);
                if (out2.size() > limit || out2.size() > (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 4) {
                    throw out.bad(id, what + " at byte " + start + ": inflates to more than the heap allows");
                }
            }
            return out2.toByteArray();
        } catch (DataFormatException e) {
            throw out.bad(id, what + " at byte " + start + ": not zlib data: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    private double[] list(String id, JsonNode v, String what) {
        if (v == null || !v.isArray()) {
            throw out.bad(id, what + " is not a list of numbers");
        }
        double[] d = new double[v.size()];
        for (int i = 0; i < d.length; i++) {
            if (!v.get(i).isNumber()) {
                throw out.bad(id, what + " is not a list of numbers");
            }
            d[i] = v.get(i).asDouble();
        }
        return d;
    }

    private double[] vec(String id, JsonNode v, int n, String what) {
        double[] d = list(id, v, what);
        if (d.length != n) {
            throw out.bad(id, what + " is not a list of " + n + " numbers");
        }
        for (double x : d) {
            if (!Double.isFinite(x)) {
                throw out.bad(id, what + " is not a list of " + n + " finite numbers");
            }
        }
        return d;
    }
}
