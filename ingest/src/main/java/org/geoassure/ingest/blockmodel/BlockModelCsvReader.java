package org.geoassure.ingest.blockmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.ingest.drillhole.internal.CsvTokenizer;

/**
 * Reads a regular block model from a CSV (or TSV, semicolon) file with a header line: one row per stored cell, located
 * by index columns or world centroid columns (see {@link BlockModelCsvOptions}). An empty field is null. The file is
 * read twice: first to find the extent, the attribute types and the category labels (in order of first appearance),
 * then to fill the bricks. The first error stops the read and is reported as {@code file:line: reason}; nothing is
 * returned then, so nothing is written.
 */
public final class BlockModelCsvReader {
    /** A centroid may be this fraction of a cell away from a cell centre. */
    static final double CENTRE_TOLERANCE = 1e-3;

    private BlockModelCsvReader() {
    }

    /**
     * What was read.
     *
     * @param data the model and its cells
     * @param source the file (role {@code blocks}), its SHA-256 and row count
     */
    public record Result(BlockData data, SourceFile source) {
    }

    /**
     * Reads a block model file.
     *
     * @throws InvalidContentException as {@code file:line: reason} for bad content or options
     * @throws StorageException if the file cannot be read
     */
    public static Result read(Path file, BlockModelCsvOptions options) {
        Pass first = new Pass(file, options, null);
        first.run();
        BlockModel model = first.model();
        Pass second = new Pass(file, options, model);
        second.run();
        return new Result(second.builder.build(), new SourceFile("blocks", file.getFileName().toString(), second.sha256,
                second.rows));
    }

    /** One read of the file: the survey (model null) or the fill. */
    private static final class Pass {
        private final Path file;
        private final BlockModelCsvOptions o;
        private final BlockModel model;
        private final String where;
        private BlockData.Builder builder;
        private int[] pos;
        /** The block size columns of a sub-blocked model, or null. */
        private int[] sizeCols;
        private int[] attrCols;
        private String[] attrNames;
        private boolean[] allNumeric;
        private List<Map<String, Integer>> labels;
        private final double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        private final long[] maxIndex = {-1, -1, -1};
        private long rows;
        private String sha256;
        private long line;

        Pass(Path file, BlockModelCsvOptions o, BlockModel model) {
            this.file = file;
            this.o = o;
            this.model = model;
            this.where = file.toString();
            if (model != null) {
                builder = BlockData.builder(model);
            }
        }

        private InvalidContentException error(String reason) {
            return new InvalidContentException(where, line, reason);
        }

        void run() {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
                    CsvTokenizer csv = new CsvTokenizer(new InputStreamReader(in, o.encoding()))) {
                String[] header = csv.readHeader();
                line = 1;
                if (header == null) {
                    throw error("the file is empty; expected a header line");
                }
                columns(header);
                double[] values = new double[attrCols.length];
                while (csv.next()) {
                    line = csv.line();
                    if (csv.fieldCount() != header.length) {
                        throw error("expected " + header.length + " fields as in the header, got " + csv.fieldCount());
                    }
                    row(csv, values);
                    rows++;
                }
                in.transferTo(java.io.OutputStream.nullOutputStream());
                sha256 = HexFormat.of().formatHex(sha.digest());
            } catch (CsvTokenizer.CsvException e) {
                throw new InvalidContentException(where, e.line(), e.getMessage());
            } catch (NoSuchFileException e) {
                throw new InvalidContentException(where + ": no such file");
            } catch (IOException e) {
                throw new StorageException("cannot read " + where + ": " + e.getMessage(), e);
            }
            if (rows == 0) {
                line = 0;
                throw error("no data rows after the header");
            }
        }

        private int column(String[] header, String name, String role) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].equalsIgnoreCase(name)) {
                    return c;
                }
            }
            throw error("no " + role + " column '" + name + "' (columns: " + String.join(", ", header) + ")");
        }

        private void columns(String[] header) {
            pos = new int[3];
            for (int a = 0; a < 3; a++) {
                pos[a] = column(header, o.positionColumns().get(a), o.centroids() ? "centroid" : "index");
            }
            if (o.subBlockColumns() != null) {
                sizeCols = new int[3];
                for (int a = 0; a < 3; a++) {
                    sizeCols[a] = column(header, o.subBlockColumns().get(a), "block size");
                }
            }
            List<Integer> cols = new ArrayList<>();
            if (o.attributes() != null) {
                for (String n : o.attributes()) {
                    cols.add(column(header, n, "attribute"));
                }
            } else {
                for (String n : o.ignore()) {
                    column(header, n, "ignored");
                }
                for (int c = 0; c < header.length; c++) {
                    final int col = c;
                    boolean isPos = pos[0] == c || pos[1] == c || pos[2] == c
                            || sizeCols != null && (sizeCols[0] == c || sizeCols[1] == c || sizeCols[2] == c);
                    boolean ignored = o.ignore().stream().anyMatch(n -> n.equalsIgnoreCase(header[col]));
                    if (!isPos && !ignored) {
                        cols.add(c);
                    }
                }
            }
            attrCols = cols.stream().mapToInt(Integer::intValue).toArray();
            attrNames = new String[attrCols.length];
            allNumeric = new boolean[attrCols.length];
            labels = new ArrayList<>();
            for (int a = 0; a < attrCols.length; a++) {
                attrNames[a] = header[attrCols[a]];
                allNumeric[a] = true;
                labels.add(new LinkedHashMap<>());
            }
            for (String t : o.types().keySet()) {
                if (java.util.Arrays.stream(attrNames).noneMatch(t::equalsIgnoreCase)) {
                    throw error("a type is given for '" + t + "', which is not an attribute column (attributes: "
                            + String.join(", ", attrNames) + ")");
                }
            }
        }

        private double number(String text, String column) {
            try {
                double v = Double.parseDouble(text);
                if (Double.isInfinite(v)) {
                    throw error(column + ": '" + text + "' is not a finite number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(column + ": '" + text + "' is not a number");
            }
        }

        private void row(CsvTokenizer csv, double[] values) {
            double[] p = new double[3];
            for (int a = 0; a < 3; a++) {
                String text = csv.field(pos[a]);
                String col = o.positionColumns().get(a);
                if (text.isEmpty()) {
                    throw error(col + ": empty; every row needs a position");
                }
                p[a] = number(text, col);
                if (Double.isNaN(p[a])) {
                    throw error(col + ": '" + text + "' is not a number");
                }
            }
            int[] ijk = new int[3];
            if (!o.centroids()) {
                for (int a = 0; a < 3; a++) {
                    if (p[a] != Math.rint(p[a]) || p[a] < 0 || p[a] > Integer.MAX_VALUE) {
                        throw error(o.positionColumns().get(a) + ": '" + csv.field(pos[a])
                                + "' is not a cell index (a whole number from 0)");
                    }
                    if (p[a] == Integer.MAX_VALUE) { // the dimension, greatest index + 1, would overflow (issue 12)
                        throw error(o.positionColumns().get(a) + ": '" + csv.field(pos[a])
                                + "' is too large a cell index (at most 2147483646)");
                    }
                    ijk[a] = (int) p[a];
                }
            } else if (model != null && sizeCols != null) {
                subBlock(csv, p, values);
                return;
            } else if (model != null) {
                double[] local = new double[3];
                model.toLocal(p[0], p[1], p[2], local);
                double[] size = {model.dx(), model.dy(), model.dz()};
                for (int a = 0; a < 3; a++) {
                    double f = local[a] / size[a] - 0.5;
                    double r = Math.rint(f);
                    if (Math.abs(f - r) > CENTRE_TOLERANCE || r < 0) {
                        throw error("centroid " + p[0] + "," + p[1] + "," + p[2] + " is not a cell centre of the grid "
                                + "(origin " + model.originX() + "," + model.originY() + "," + model.originZ()
                                + ", size " + model.dx() + "," + model.dy() + "," + model.dz() + ", rotation "
                                + model.rotation() + "): index " + "ijk".charAt(a) + " would be " + (f));
                    }
                    ijk[a] = (int) r;
                }
            }
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], p[a]);
                maxIndex[a] = Math.max(maxIndex[a], ijk[a]);
            }
            for (int a = 0; a < attrCols.length; a++) {
                String text = csv.field(attrCols[a]);
                if (model == null) {
                    survey(a, text);
                } else {
                    values[a] = value(model.attributes().get(a), text);
                }
            }
            if (model != null) {
                try {
                    builder.put(ijk[0], ijk[1], ijk[2], values);
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
        }

        /**
         * A sub-block: the cells of the grid whose centres it covers take its values. Its faces must lie on cell
         * faces (within {@link #CENTRE_TOLERANCE} of a cell), so its volume is exactly a whole number of cells.
         */
        private void subBlock(CsvTokenizer csv, double[] p, double[] values) {
            double[] local = new double[3];
            model.toLocal(p[0], p[1], p[2], local);
            double[] cell = {model.dx(), model.dy(), model.dz()};
            int[] lo = new int[3];
            int[] hi = new int[3];
            for (int a = 0; a < 3; a++) {
                String col = o.subBlockColumns().get(a);
                double size = number(csv.field(sizeCols[a]), col);
                if (!(size > 0)) {
                    throw error(col + ": block size '" + csv.field(sizeCols[a]) + "' must be > 0");
                }
                double from = (local[a] - size / 2) / cell[a];
                double to = (local[a] + size / 2) / cell[a];
                if (Math.abs(from - Math.rint(from)) > CENTRE_TOLERANCE || Math.abs(to - Math.rint(to)) > CENTRE_TOLERANCE
                        || Math.rint(from) < 0) {
                    throw error("block at " + p[0] + "," + p[1] + "," + p[2] + " of size " + size + " along "
                            + "xyz".charAt(a) + " does not cover whole cells of " + cell[a] + " m of the grid (from cell "
                            + from + " to " + to + ")");
                }
                lo[a] = (int) Math.rint(from);
                hi[a] = (int) Math.rint(to);
            }
            for (int a = 0; a < attrCols.length; a++) {
                values[a] = value(model.attributes().get(a), csv.field(attrCols[a]));
            }
            try {
                for (int k = lo[2]; k < hi[2]; k++) {
                    for (int j = lo[1]; j < hi[1]; j++) {
                        for (int i = lo[0]; i < hi[0]; i++) {
                            builder.put(i, j, k, values);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        private void survey(int a, String text) {
            if (text.isEmpty()) {
                return;
            }
            AttributeType declared = o.typeOf(attrNames[a]);
            if (declared == AttributeType.CATEGORY || declared == null && !isNumber(text)) {
                allNumeric[a] = declared != null ? allNumeric[a] : false;
                labels.get(a).putIfAbsent(text, labels.get(a).size());
            } else if (declared != null) {
                double v = number(text, attrNames[a]);
                if (declared.isInteger() && !Double.isNaN(v) && (v != Math.rint(v) || Math.abs(v) >= Integer.MAX_VALUE)) {
                    throw error(attrNames[a] + ": '" + text + "' is not an int32");
                }
            }
        }

        private static boolean isNumber(String text) {
            try {
                return !Double.isInfinite(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private double value(BlockAttribute attr, String text) {
            if (text.isEmpty()) {
                return Double.NaN;
            }
            if (attr.type() == AttributeType.CATEGORY) {
                return attr.code(text);
            }
            return number(text, attr.name());
        }

        /** The model surveyed by the first pass. */
        BlockModel model() {
            List<BlockAttribute> attrs = new ArrayList<>();
            for (int a = 0; a < attrCols.length; a++) {
                AttributeType t = o.typeOf(attrNames[a]);
                if (t == null) {
                    t = allNumeric[a] ? AttributeType.FLOAT64 : AttributeType.CATEGORY;
                }
                try {
                    attrs.add(t == AttributeType.CATEGORY ? BlockAttribute.category(attrNames[a],
                            List.copyOf(labels.get(a).keySet())) : BlockAttribute.of(attrNames[a], t));
                } catch (IllegalArgumentException e) {
                    line = 1;
                    throw error(e.getMessage());
                }
            }
            double[] size = o.size();
            double[] origin = o.origin();
            if (o.subBlockColumns() != null && (origin == null || o.dimensions() == null)) {
                throw new InvalidContentException(where + ": a sub-blocked model needs the grid's origin and "
                        + "dimensions at the finest cell size (--origin, --dims)");
            }
            if (origin == null) {
                if (!o.centroids()) {
                    origin = new double[3];
                } else if (o.rotation() != 0) {
                    throw new InvalidContentException(where + ": a rotated model read by centroids needs its origin "
                            + "(the lower-left corner of cell 0,0,0)");
                } else {
                    origin = new double[] {min[0] - size[0] / 2, min[1] - size[1] / 2, min[2] - size[2] / 2};
                }
            }
            int[] dims = o.dimensions();
            if (dims == null && o.centroids()) {
                // extent from the centroids: computed in the fill pass; here a bound from the survey
                dims = extent(origin, size);
            } else if (dims == null) {
                dims = new int[] {(int) maxIndex[0] + 1, (int) maxIndex[1] + 1, (int) maxIndex[2] + 1};
            }
            try {
                return new BlockModel(o.name(), origin[0], origin[1], origin[2], o.rotation(), size[0], size[1], size[2],
                        dims[0], dims[1], dims[2], attrs);
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException(where + ": " + e.getMessage());
            }
        }

        /** Dimensions that hold every centroid of the survey, found by a third, cheap look at the file's positions. */
        private int[] extent(double[] origin, double[] size) {
            BlockModel probe = new BlockModel(o.name(), origin[0], origin[1], origin[2], o.rotation(), size[0], size[1],
                    size[2], 1, 1, 1, List.of());
            int[] dims = {1, 1, 1};
            double[] local = new double[3];
            try (CsvTokenizer csv = new CsvTokenizer(new InputStreamReader(Files.newInputStream(file), o.encoding()))) {
                csv.readHeader();
                while (csv.next()) {
                    probe.toLocal(Double.parseDouble(csv.field(pos[0])), Double.parseDouble(csv.field(pos[1])),
                            Double.parseDouble(csv.field(pos[2])), local);
                    for (int a = 0; a < 3; a++) {
                        long idx = Math.round(local[a] / (a == 0 ? size[0] : a == 1 ? size[1] : size[2]) - 0.5);
                        dims[a] = (int) Math.max(dims[a], Math.min(Integer.MAX_VALUE, idx + 1));
                    }
                }
            } catch (IOException e) {
                throw new StorageException("cannot read " + where + ": " + e.getMessage(), e);
            }
            return dims;
        }
    }
}
