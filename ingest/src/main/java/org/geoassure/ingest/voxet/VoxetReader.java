package org.geoassure.ingest.voxet;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.ingest.feature.internal.SourceFiles;
import org.geoassure.ingest.blockmodel.VolumeRead;
import org.geoassure.ingest.voxet.internal.VoxetHeader;

/**
 * Reads a GOCAD Voxet (a {@code .vo} header and one raw binary file per property) into a block model with one
 * attribute per property. See the package documentation for the mapping of the axes and the supported encodings.
 * Everything is checked before the first value is read (axes, encodings, file lengths); the property files are then
 * streamed together, node by node. Nothing is returned on error, so nothing is written.
 */
public final class VoxetReader {
    /** Relative tolerance of the axis checks (horizontal, vertical, orthogonal). */
    static final double AXIS_TOLERANCE = 1e-6;

    private VoxetReader() {
    }

    /**
     * Reads a voxet.
     *
     * @param header the {@code .vo} file; property files are resolved beside it
     * @param modelName the block model's name
     * @throws InvalidContentException as {@code file:line: reason} for the header, {@code file: byte offset N: reason}
     *     for a property file ({@link UnsupportedFormatException} for what is valid GOCAD but not supported)
     * @throws StorageException if a file cannot be read
     */
    public static VolumeRead read(Path header, String modelName) {
        return read(header, modelName, Map.of());
    }

    /**
     * Reads a voxet, storing the integer properties named in {@code categoryTables} as categories.
     *
     * @param categoryTables property name (as in the header, or as its attribute name) to a code table file: CSV
     *     lines {@code code,"label"[,r,g,b]} (colour components 0..1, kept in the provenance), as GOCAD lithology
     *     colour tables are exported; a node whose code is not in the table is an error
     * @see #read(Path, String)
     */
    public static VolumeRead read(Path header, String modelName, Map<String, Path> categoryTables) {
        VoxetHeader h = VoxetHeader.read(header);
        List<String> warnings = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        Placement place = placement(h, warnings, params);
        if (h.properties().isEmpty()) {
            throw new InvalidContentException(h.where() + ": no PROPERTY: a voxet without properties has no values");
        }
        List<Prop> props = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, Path> tables = new java.util.HashMap<>(categoryTables);
        for (VoxetHeader.Property p : h.properties()) {
            Prop prop = prop(h, header, p, place.cells());
            Path table = tables.remove(p.name());
            table = table != null ? table : tables.remove(prop.attribute().name());
            if (table != null) {
                prop = prop.asCategory(h, p, table, params);
            } else if (prop.attribute().type() == AttributeType.INT32 && key(p, "PROPERTY_SUBCLASS", "")
                    .toUpperCase(Locale.ROOT).startsWith("ROCK")) {
                warnings.add("property '" + p.name() + "' is a GOCAD ROCK (category) property without a code table: "
                        + "stored as int32 codes (give its table, code,\"label\",r,g,b, to store labels)");
            }
            if (!names.add(prop.attribute().name().toLowerCase(Locale.ROOT))) {
                throw h.error(p.line(), "PROPERTY " + p.number() + " '" + p.name() + "': attribute name "
                        + prop.attribute().name() + " is used by another property");
            }
            if (!prop.attribute().name().equals(p.name())) {
                warnings.add("property '" + p.name() + "' is stored as attribute " + prop.attribute().name());
            }
            props.add(prop);
        }
        if (!tables.isEmpty()) {
            throw new InvalidContentException(h.where() + ": no property " + tables.keySet() + " for the code tables "
                    + "given (properties: " + h.properties().stream().map(VoxetHeader.Property::name).toList() + ")");
        }
        BlockModel model;
        try {
            model = place.model(modelName).withAttributes(props.stream().map(Prop::attribute).toList());
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException(h.where() + ": " + e.getMessage());
        }
        BlockData data = fill(model, place, props, warnings);
        List<SourceFile> sources = new ArrayList<>();
        sources.add(new SourceFile("voxet", header.getFileName().toString(), SourceFiles.sha256(header),
                h.properties().size()));
        for (Prop p : props) {
            sources.add(new SourceFile("voxet property " + p.attribute().name(), p.file().getFileName().toString(),
                    p.sha256, place.cells()));
            params.put("property." + p.attribute().name(), p.describe());
        }
        return new VolumeRead(data, sources, params, warnings);
    }

    // ------------------------------------------------------------------ geometry

    /**
     * Where the nodes are: the block model geometry (no attributes yet) and how voxet indices map to its cells.
     */
    record Placement(double[] origin, double rotation, double[] size, int nu, int nv, int nw, boolean flipJ,
            boolean flipK) {
        long cells() {
            return (long) nu * nv * nw;
        }

        BlockModel model(String name) {
            return new BlockModel(name, origin[0], origin[1], origin[2], rotation, size[0], size[1], size[2], nu, nv,
                    nw, List.of());
        }
    }

    private static double[] required(VoxetHeader h, String key) {
        double[] v = h.axis(key);
        if (v == null) {
            throw new InvalidContentException(h.where() + ": no " + key + " line; a voxet header needs AXIS_O, AXIS_U, "
                    + "AXIS_V, AXIS_W and AXIS_N");
        }
        return v.clone();
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    /**
     * The voxet's nodes as block model cells: each node is the centre of its cell (GOCAD paints a node's value over
     * the cell around it), so the block model's corner is half a node step before the first node along each axis.
     */
    static Placement placement(VoxetHeader h, List<String> warnings, Map<String, String> params) {
        String unit = h.unit().toLowerCase(Locale.ROOT);
        if (!unit.equals("m") && !unit.equals("meters") && !unit.equals("metres") && !unit.equals("meter")) {
            throw unsupported(h, h.unitLine(), "AXIS_UNIT '" + h.unit()
                    + "': only metres are supported (convert the voxet to metres first)");
        }
        double[] o = required(h, "AXIS_O");
        double[][] axis = {required(h, "AXIS_U"), required(h, "AXIS_V"), required(h, "AXIS_W")};
        double[] nRaw = required(h, "AXIS_N");
        double[] min = h.axis("AXIS_MIN") != null ? h.axis("AXIS_MIN") : new double[] {0, 0, 0};
        double[] max = h.axis("AXIS_MAX") != null ? h.axis("AXIS_MAX") : new double[] {1, 1, 1};
        double[] d = h.axis("AXIS_D");
        int nLine = h.axisLine("AXIS_N");
        int[] n = new int[3];
        for (int a = 0; a < 3; a++) {
            if (nRaw[a] != Math.rint(nRaw[a]) || nRaw[a] < 1 || nRaw[a] > Integer.MAX_VALUE) {
                throw h.error(nLine, "AXIS_N: " + nRaw[a] + " is not a whole number of nodes >= 1");
            }
            n[a] = (int) nRaw[a];
        }
        if ((double) n[0] * n[1] * n[2] > Integer.MAX_VALUE) {
            throw h.error(nLine, "AXIS_N " + n[0] + " " + n[1] + " " + n[2] + ": more than " + Integer.MAX_VALUE
                    + " nodes");
        }
        boolean depth = h.zPositive().equalsIgnoreCase("Depth");
        if (depth) {
            o[2] = -o[2];
            for (double[] v : axis) {
                v[2] = -v[2];
            }
            params.put("voxet.zpositive", "Depth (z negated: stored z is elevation, up)");
        }
        // node step vectors and the first node
        double[][] step = new double[3][3];
        double[] first = o.clone();
        String[] names = {"U", "V", "W"};
        for (int a = 0; a < 3; a++) {
            double len = norm(axis[a]);
            for (int c = 0; c < 3; c++) {
                first[c] += min[a] * axis[a][c];
            }
            double f;
            if (n[a] > 1) {
                f = (max[a] - min[a]) / (n[a] - 1);
                if (f == 0 || len == 0) {
                    throw h.error(nLine, "axis " + names[a] + ": " + n[a] + " nodes but no spacing (AXIS_" + names[a]
                            + " length " + len + ", AXIS_MAX - AXIS_MIN = " + (max[a] - min[a]) + ")");
                }
            } else if (d != null && d[a] > 0 && len > 0) {
                f = d[a] / len; // one node: AXIS_D, when given, is its cell size
            } else {
                f = max[a] - min[a] != 0 ? max[a] - min[a] : 1;
            }
            for (int c = 0; c < 3; c++) {
                step[a][c] = axis[a][c] * f;
            }
            if (d != null && n[a] > 1 && Math.abs(Math.abs(d[a]) - norm(step[a])) > 1e-6 * norm(step[a])
                    && Math.abs(Math.abs(d[a] * len) - norm(step[a])) > 1e-6 * norm(step[a])) {
                throw h.error(h.axisLine("AXIS_D"), "AXIS_D " + d[a] + " along " + names[a] + " does not match the "
                        + "node spacing " + norm(step[a]) + " m from AXIS_" + names[a] + ", AXIS_MIN, AXIS_MAX, AXIS_N");
            }
        }
        if (n[2] == 1 && norm(step[2]) == 0) {
            step[2] = new double[] {0, 0, 1};
            warnings.add("axis W has one node and no length (a 2-D grid stored as a voxet): stored as one layer 1 m "
                    + "thick centred on z = " + first[2]);
            params.put("voxet.layer_thickness", "1 m (assumed: one node along W, no W length)");
        }
        for (int a = 0; a < 2; a++) {
            if (n[a] == 1 && norm(step[a]) == 0) {
                throw unsupported(h, h.axisLine("AXIS_" + names[a]), "axis "
                        + names[a] + " has one node and no length: its direction and cell size are unknown");
            }
        }
        double[] u = step[0];
        double[] v = step[1];
        double[] w = step[2];
        double lu = norm(u);
        double lv = norm(v);
        double lw = norm(w);
        if (Math.abs(u[2]) > AXIS_TOLERANCE * lu || Math.abs(v[2]) > AXIS_TOLERANCE * lv) {
            throw unsupported(h, h.axisLine(Math.abs(u[2]) > AXIS_TOLERANCE * lu
                    ? "AXIS_U" : "AXIS_V"), "axes U and V must be horizontal (a block model rotates about z only); "
                    + "U = " + vec(axis[0]) + ", V = " + vec(axis[1]) + " tilt out of the horizontal");
        }
        if (Math.hypot(w[0], w[1]) > AXIS_TOLERANCE * lw) {
            throw unsupported(h, h.axisLine("AXIS_W"), "axis W = "
                    + vec(axis[2]) + " is not vertical (a block model's k axis is vertical)");
        }
        if (Math.abs(u[0] * v[0] + u[1] * v[1]) > AXIS_TOLERANCE * lu * lv) {
            throw unsupported(h, h.axisLine("AXIS_V"), "axes U = "
                    + vec(axis[0]) + " and V = " + vec(axis[1]) + " are not orthogonal (angle "
                    + Math.toDegrees(Math.acos((u[0] * v[0] + u[1] * v[1]) / (lu * lv))) + " degrees)");
        }
        double rotation = Math.toDegrees(Math.atan2(u[1], u[0]));
        if (rotation == 0) {
            rotation = 0; // no -0.0
        }
        boolean flipJ = u[0] * v[1] - u[1] * v[0] < 0;
        boolean flipK = w[2] < 0;
        double[] p0 = first.clone();
        for (int c = 0; c < 3; c++) {
            if (flipJ) {
                p0[c] += (n[1] - 1) * v[c];
            }
            if (flipK) {
                p0[c] += (n[2] - 1) * w[c];
            }
        }
        double r = Math.toRadians(rotation);
        double[] ei = {Math.cos(r), Math.sin(r)};
        double[] ej = {-Math.sin(r), Math.cos(r)};
        double[] origin = {p0[0] - 0.5 * lu * ei[0] - 0.5 * lv * ej[0], p0[1] - 0.5 * lu * ei[1] - 0.5 * lv * ej[1],
            p0[2] - 0.5 * lw};
        params.put("voxet.nodes", "cell centres (block model corner = first node - half a step on each axis)");
        params.put("voxet.first_node", first[0] + "," + first[1] + "," + first[2]);
        if (flipJ || flipK) {
            params.put("voxet.flipped", (flipJ ? "V" : "") + (flipK ? (flipJ ? ",W" : "W") : "")
                    + " (reversed so that j is 90 degrees counter-clockwise from i and k is up)");
        }
        return new Placement(origin, rotation, new double[] {lu, lv, lw}, n[0], n[1], n[2], flipJ, flipK);
    }

    private static UnsupportedFormatException unsupported(VoxetHeader h, int line, String reason) {
        return new UnsupportedFormatException(h.where() + ":" + line, reason);
    }

    private static String vec(double[] v) {
        return "(" + v[0] + ", " + v[1] + ", " + v[2] + ")";
    }

    // ------------------------------------------------------------------ properties

    /** How one property's file is decoded. */
    enum Encoding {
        FLOAT32, FLOAT64, INT8, UINT8, INT16, UINT16, INT32;

        int size() {
            return switch (this) {
                case INT8, UINT8 -> 1;
                case INT16, UINT16 -> 2;
                case FLOAT32, INT32 -> 4;
                case FLOAT64 -> 8;
            };
        }
    }

    /** One property: its attribute, file and encoding, and its read state. */
    static final class Prop {
        private BlockAttribute attribute;
        /** For a category: code in the file to index in the code table; null otherwise. */
        private Map<Integer, Integer> codes;
        private Path table;
        private final Path file;
        private final Encoding encoding;
        private final long offset;
        private final double noData;
        private final String stats;
        private final int statsLine;
        private String sha256;

        Prop(BlockAttribute attribute, Path file, Encoding encoding, long offset, double noData, String stats,
                int statsLine) {
            this.attribute = attribute;
            this.file = file;
            this.encoding = encoding;
            this.offset = offset;
            this.noData = noData;
            this.stats = stats;
            this.statsLine = statsLine;
        }

        BlockAttribute attribute() {
            return attribute;
        }

        Path file() {
            return file;
        }

        /** This integer property as a category with the code table of {@code file}. */
        Prop asCategory(VoxetHeader h, VoxetHeader.Property p, Path file, Map<String, String> params) {
            if (attribute.type() != AttributeType.INT32) {
                throw h.error(p.line(), "PROPERTY " + p.number() + " '" + p.name() + "': a code table is given but "
                        + "its values are " + encoding.name().toLowerCase(Locale.ROOT) + ", not integer codes");
            }
            List<String> labels = new ArrayList<>();
            Map<Integer, Integer> map = new java.util.HashMap<>();
            StringBuilder colours = new StringBuilder();
            List<String> lines;
            try {
                lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new InvalidContentException(file + ": no such file");
            } catch (IOException e) {
                throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
            }
            for (int n = 0; n < lines.size(); n++) {
                String l = lines.get(n).strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split(",", -1);
                int code;
                try {
                    code = Integer.parseInt(f[0].strip());
                } catch (NumberFormatException e) {
                    throw new InvalidContentException(file.toString(), n + 1, "'" + f[0] + "' is not an integer code");
                }
                if (f.length < 2 || f[1].strip().replace("\"", "").isEmpty()) {
                    throw new InvalidContentException(file.toString(), n + 1, "code " + code + " has no label");
                }
                String label = f[1].strip().replace("\"", "");
                if (map.containsKey(code) || labels.contains(label)) {
                    throw new InvalidContentException(file.toString(), n + 1, "code " + code + " or label '" + label
                            + "' given twice");
                }
                map.put(code, labels.size());
                labels.add(label);
                if (f.length >= 5) {
                    try {
                        colours.append(colours.length() == 0 ? "" : "; ").append(code).append('=').append(label)
                                .append(String.format(Locale.ROOT, " #%02x%02x%02x", rgb(f[2]), rgb(f[3]), rgb(f[4])));
                    } catch (NumberFormatException e) {
                        throw new InvalidContentException(file.toString(), n + 1, "colour '" + f[2] + "," + f[3] + ","
                                + f[4] + "' is not three numbers 0..1");
                    }
                }
            }
            if (labels.isEmpty()) {
                throw new InvalidContentException(file + ": no codes");
            }
            attribute = BlockAttribute.category(attribute.name(), labels);
            codes = map;
            table = file;
            params.put("property." + attribute.name() + ".codes", file.getFileName() + (colours.length() > 0
                    ? ": " + colours : ""));
            return this;
        }

        private static int rgb(String text) {
            double v = Double.parseDouble(text.strip());
            if (!(v >= 0 && v <= 1)) {
                throw new NumberFormatException(text);
            }
            return (int) Math.round(v * 255);
        }

        String describe() {
            return file.getFileName() + ", " + encoding.name().toLowerCase(Locale.ROOT) + " big-endian from byte "
                    + offset + (Double.isNaN(noData) ? "" : ", no-data " + noData);
        }
    }

    private static String key(VoxetHeader.Property p, String key, String dflt) {
        VoxetHeader.Keyword k = p.key(key);
        return k == null || k.value().isBlank() ? dflt : k.value().strip();
    }

    private static int keyLine(VoxetHeader.Property p, String key) {
        VoxetHeader.Keyword k = p.key(key);
        return k == null ? p.line() : k.line();
    }

    private static Prop prop(VoxetHeader h, Path header, VoxetHeader.Property p, long cells) {
        String what = "PROPERTY " + p.number() + " '" + p.name() + "'";
        String format = key(p, "PROP_FORMAT", "RAW");
        if (!format.equalsIgnoreCase("RAW")) {
            throw unsupported(h, keyLine(p, "PROP_FORMAT"), what
                    + ": PROP_FORMAT " + format + " is not supported (only RAW)");
        }
        String etype = key(p, "PROP_ETYPE", "IEEE");
        String storage = key(p, "PROP_STORAGE_TYPE", "");
        int esize;
        try {
            esize = Integer.parseInt(key(p, "PROP_ESIZE", "4"));
        } catch (NumberFormatException e) {
            throw h.error(keyLine(p, "PROP_ESIZE"), what + ": PROP_ESIZE '" + key(p, "PROP_ESIZE", "") + "' is not a "
                    + "number of bytes");
        }
        String signedText = key(p, "PROP_SIGNED", "");
        if (!signedText.isEmpty() && !signedText.equals("0") && !signedText.equals("1")) {
            throw h.error(keyLine(p, "PROP_SIGNED"), what + ": PROP_SIGNED '" + signedText + "' is not 0 or 1");
        }
        if (storage.equalsIgnoreCase("RGBA")) {
            throw unsupported(h, keyLine(p, "PROP_STORAGE_TYPE"), what
                    + ": PROP_STORAGE_TYPE RGBA (an image stored as packed colours) is not a property value; not "
                    + "supported");
        }
        Encoding enc;
        if (etype.equalsIgnoreCase("octet")) {
            if (esize != 1) {
                throw h.error(keyLine(p, "PROP_ESIZE"), what + ": PROP_ETYPE octet needs PROP_ESIZE 1, got " + esize);
            }
            enc = signedText.equals("1") ? Encoding.INT8 : Encoding.UINT8;
        } else if (etype.equalsIgnoreCase("IEEE")) {
            enc = switch (esize) {
                case 1 -> signedText.equals("1") ? Encoding.INT8 : Encoding.UINT8;
                case 2 -> signedText.equals("0") ? Encoding.UINT16 : Encoding.INT16;
                case 4 -> storage.equalsIgnoreCase("Int") || storage.equalsIgnoreCase("Integer") ? Encoding.INT32
                        : Encoding.FLOAT32;
                case 8 -> Encoding.FLOAT64;
                default -> throw h.error(keyLine(p, "PROP_ESIZE"), what + ": PROP_ESIZE " + esize
                        + " is not 1, 2, 4 or 8");
            };
            if (enc == Encoding.FLOAT32 && !storage.isEmpty() && !storage.equalsIgnoreCase("Float")) {
                throw unsupported(h, keyLine(p, "PROP_STORAGE_TYPE"),
                        what + ": PROP_STORAGE_TYPE " + storage + " with PROP_ESIZE 4 is not supported");
            }
        } else {
            throw unsupported(h, keyLine(p, "PROP_ETYPE"), what
                    + ": PROP_ETYPE " + etype + " is not supported (IEEE or octet)");
        }
        long offset;
        try {
            offset = Long.parseLong(key(p, "PROP_OFFSET", "0"));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (offset < 0) {
            throw h.error(keyLine(p, "PROP_OFFSET"), what + ": PROP_OFFSET '" + key(p, "PROP_OFFSET", "")
                    + "' is not a byte offset >= 0");
        }
        double noData = Double.NaN;
        String nd = key(p, "PROP_NO_DATA_VALUE", "");
        if (!nd.isEmpty()) {
            try {
                noData = Double.parseDouble(nd);
            } catch (NumberFormatException e) {
                throw h.error(keyLine(p, "PROP_NO_DATA_VALUE"), what + ": PROP_NO_DATA_VALUE '" + nd
                        + "' is not a number");
            }
        }
        String fileName = key(p, "PROP_FILE", "");
        if (fileName.isEmpty()) {
            throw h.error(p.line(), what + ": no PROP_FILE (the file of its values)");
        }
        Path file = header.resolveSibling(fileName);
        long need = offset + cells * enc.size();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw h.error(keyLine(p, "PROP_FILE"), what + ": PROP_FILE " + fileName + " not found beside the header");
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size < need) {
            throw new InvalidContentException(file + ": byte offset " + size + ": the file ends before its last value "
                    + "(" + cells + " nodes x " + enc.size() + " bytes from PROP_OFFSET " + offset + " need " + need
                    + " bytes; " + h.where() + " line " + keyLine(p, "PROP_FILE") + ")");
        }
        AttributeType type = switch (enc) {
            case FLOAT32 -> AttributeType.FLOAT32;
            case FLOAT64 -> AttributeType.FLOAT64;
            default -> AttributeType.INT32;
        };
        VoxetHeader.Keyword stats = p.key("PROP_SAMPLE_STATS");
        return new Prop(BlockAttribute.of(attributeName(p.name()), type), file, enc, offset, noData,
                stats == null ? null : stats.value(), stats == null ? 0 : stats.line());
    }

    /** A GOCAD property name as an attribute name: letters, digits and '_', not starting with a digit. */
    static String attributeName(String name) {
        String s = name.strip().replaceAll("[^\\p{L}\\p{N}_]", "_");
        // not only a digit: any number sign (a superscript, a Roman numeral) cannot begin a name either
        return s.isEmpty() || !(Character.isLetter(s.codePointAt(0)) || s.charAt(0) == '_') ? "_" + s : s;
    }

    // ------------------------------------------------------------------ values

    private static BlockData fill(BlockModel model, Placement place, List<Prop> props, List<String> warnings) {
        BlockData.Builder b = BlockData.builder(model);
        int np = props.size();
        DataInputStream[] in = new DataInputStream[np];
        MessageDigest[] sha = new MessageDigest[np];
        double[] values = new double[np];
        long[] count = new long[np];
        double[] lo = new double[np];
        double[] hi = new double[np];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        try {
            for (int a = 0; a < np; a++) {
                sha[a] = MessageDigest.getInstance("SHA-256");
                InputStream raw = new DigestInputStream(Files.newInputStream(props.get(a).file), sha[a]);
                in[a] = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
                in[a].readNBytes(Math.toIntExact(Math.min(props.get(a).offset, Integer.MAX_VALUE)));
                long left = props.get(a).offset - Math.min(props.get(a).offset, Integer.MAX_VALUE);
                while (left > 0) {
                    left -= in[a].skip(left);
                }
            }
            long node = 0;
            for (int w = 0; w < place.nw(); w++) {
                int k = place.flipK() ? place.nw() - 1 - w : w;
                for (int v = 0; v < place.nv(); v++) {
                    int j = place.flipJ() ? place.nv() - 1 - v : v;
                    for (int u = 0; u < place.nu(); u++, node++) {
                        for (int a = 0; a < np; a++) {
                            Prop p = props.get(a);
                            double x = value(in[a], p, node);
                            values[a] = x;
                            if (!Double.isNaN(x)) {
                                count[a]++;
                                lo[a] = Math.min(lo[a], x);
                                hi[a] = Math.max(hi[a], x);
                                if (p.codes != null) {
                                    values[a] = codeIndex(p, x, node);
                                }
                            }
                        }
                        b.put(u, j, k, values);
                    }
                }
            }
            String[] hex = new String[np];
            for (int a = 0; a < np; a++) {
                in[a].transferTo(java.io.OutputStream.nullOutputStream());
                hex[a] = HexFormat.of().formatHex(sha[a].digest());
                props.get(a).sha256 = hex[a];
                long extra = Files.size(props.get(a).file) - props.get(a).offset
                        - place.cells() * props.get(a).encoding.size();
                if (extra > 0) {
                    warnings.add(props.get(a).file.getFileName() + ": " + extra + " bytes after the last value were "
                            + "not read");
                }
                checkStats(props.get(a), count[a], lo[a], hi[a], warnings);
            }
        } catch (EOFException e) {
            throw new InvalidContentException("a property file ended early while reading (was it changed during the "
                    + "read?): " + e.getMessage());
        } catch (IOException e) {
            throw new StorageException("cannot read a voxet property file: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            for (DataInputStream s : in) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // read-only: nothing to lose
                    }
                }
            }
        }
        return b.build();
    }

    /** One value of a property file; NaN for the no-data value or a NaN. */
    private static double value(DataInputStream in, Prop p, long node) throws IOException {
        double x = switch (p.encoding) {
            case FLOAT32 -> in.readFloat();
            case FLOAT64 -> in.readDouble();
            case INT8 -> in.readByte();
            case UINT8 -> in.readUnsignedByte();
            case INT16 -> in.readShort();
            case UINT16 -> in.readUnsignedShort();
            case INT32 -> {
                int i = in.readInt();
                if (i == AttributeType.INT_NULL && Double.isNaN(p.noData)) {
                    throw new InvalidContentException(p.file + ": byte offset " + (p.offset + node * 4) + ": "
                            + i + " cannot be stored (it is the int32 null) and is not the PROP_NO_DATA_VALUE");
                }
                yield i;
            }
        };
        if (Double.isInfinite(x)) {
            throw new InvalidContentException(p.file + ": byte offset " + (p.offset + node * p.encoding.size())
                    + ": value " + x + " is not finite (node " + node + ")");
        }
        boolean isNoData = !Double.isNaN(p.noData) && (p.encoding == Encoding.FLOAT32
                ? (float) x == (float) p.noData : x == p.noData);
        return isNoData ? Double.NaN : x;
    }

    /** A category property's code as the index of its label in the code table. */
    private static double codeIndex(Prop p, double code, long node) {
        Integer index = p.codes.get((int) code);
        if (index == null) {
            throw new InvalidContentException(p.file + ": byte offset " + (p.offset + node * p.encoding.size())
                    + ": code " + (int) code + " is not in the code table " + p.table);
        }
        return index;
    }

    /** Compares with the header's {@code PROP_SAMPLE_STATS count mean variance min max}; a mismatch is a warning. */
    private static void checkStats(Prop p, long count, double lo, double hi, List<String> warnings) {
        if (p.stats == null) {
            return;
        }
        String[] f = p.stats.strip().split("\\s+");
        if (f.length < 5) {
            return;
        }
        try {
            double c = Double.parseDouble(f[0]);
            double min = Double.parseDouble(f[3]);
            double max = Double.parseDouble(f[4]);
            double tol = 1e-6 * Math.max(1, Math.max(Math.abs(min), Math.abs(max)));
            if (c != count || count > 0 && (Math.abs(min - lo) > tol || Math.abs(max - hi) > tol)) {
                warnings.add(p.attribute.name() + ": " + count + " values in " + lo + ".." + hi + " read; the header's "
                        + "PROP_SAMPLE_STATS (line " + p.statsLine + ") says " + f[0] + " in " + f[3] + ".." + f[4]);
            }
        } catch (NumberFormatException e) {
            warnings.add(p.attribute.name() + ": PROP_SAMPLE_STATS (line " + p.statsLine + ") is not numeric; not "
                    + "compared");
        }
    }
}
