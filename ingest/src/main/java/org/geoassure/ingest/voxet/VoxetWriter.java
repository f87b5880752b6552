package org.geoassure.ingest.voxet;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.Brick;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.grid.Morton;

/**
 * Writes a block model as a GOCAD Voxet: a {@code .vo} header and one big-endian raw property file per attribute
 * ({@code <base>_<attribute>@@} beside the header). Cell centres become the voxet's nodes (the inverse of
 * {@link VoxetReader}): {@code AXIS_O} is the centre of cell (0, 0, 0), {@code AXIS_U/V/W} span the first to the last
 * centre along each axis ({@code AXIS_MIN 0 0 0}, {@code AXIS_MAX 1 1 1}; an axis of one cell gets one cell's length),
 * and {@code AXIS_D} gives the cell sizes. float64 attributes are written as 8-byte IEEE, the others as 4-byte IEEE
 * floats; int32 and category codes must then be exact floats (|code| at most 2^24) and a category's labels are
 * listed in comment lines. Absent and null cells are {@link #NO_DATA}. The model is read one layer of bricks at a
 * time; {@link #write(BlockModel, CellValues, Path)} takes the values from a function, one cell at a time in file
 * order, so a generated volume of 10^8 cells is written without being held in memory. The files are written under
 * temporary names and renamed only when all are complete.
 */
public final class VoxetWriter {
    /** The no-data value written for null and absent cells. */
    public static final double NO_DATA = -99999;

    private static final int EXACT_FLOAT_INT = 1 << 24;

    private VoxetWriter() {
    }

    /**
     * Writes {@code source}'s model.
     *
     * @param header the {@code .vo} file to write (its name should end in {@code .vo})
     * @return the files written, the header first
     * @throws InvalidContentException if a value cannot be written (an int beyond 2^24, a value equal to NO_DATA)
     * @throws StorageException if a file cannot be written
     */
    public static List<Path> write(BrickSource source, Path header) {
        return write(source.model(), new LayerReader(source), header);
    }

    /**
     * The values of one cell, asked for once per cell in the order of the property files: i fastest, then j, then k
     * (so a generator may draw its random numbers in that order).
     */
    @FunctionalInterface
    public interface CellValues {
        /**
         * Puts cell (i, j, k)'s values into {@code out}, one per model attribute; NaN is null.
         *
         * @param out one slot per attribute, NaN-filled before each call
         */
        void values(int i, int j, int k, double[] out);
    }

    /**
     * Writes {@code model}'s header and property files with values from {@code cells}, streamed: only one cell's
     * values are held at a time.
     *
     * @param m the grid and attributes (the attributes' types choose 4 or 8 bytes a value)
     * @param cells called once per cell, in file order
     * @param header the {@code .vo} file to write
     * @return the files written, the header first
     * @throws InvalidContentException if a value cannot be written (an int beyond 2^24, a value equal to NO_DATA)
     * @throws StorageException if a file cannot be written
     */
    public static List<Path> write(BlockModel m, CellValues cells, Path header) {
        String base = header.getFileName().toString().replaceFirst("(?i)\\.vo$", "");
        List<Path> files = new ArrayList<>();
        files.add(header);
        for (BlockAttribute a : m.attributes()) {
            files.add(header.resolveSibling(base + "_" + a.name() + "@@"));
        }
        List<Path> partial = new ArrayList<>();
        for (Path f : files) {
            partial.add(f.resolveSibling("." + f.getFileName() + "." + ProcessHandle.current().pid() + ".partial"));
        }
        boolean ok = false;
        try {
            writeProperties(m, cells, partial.subList(1, partial.size()));
            writeHeader(m, partial.get(0), files);
            for (int f = 0; f < files.size(); f++) {
                Files.move(partial.get(f), files.get(f), StandardCopyOption.REPLACE_EXISTING);
            }
            ok = true;
        } catch (IOException e) {
            throw new StorageException("cannot write " + header + ": " + e.getMessage(), e);
        } finally {
            if (!ok) {
                for (Path p : partial) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort: the error being thrown matters more
                    }
                }
            }
        }
        return files;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void writeHeader(BlockModel m, Path file, List<Path> names) throws IOException {
        double r = Math.toRadians(m.rotation());
        double c = Math.cos(r);
        double s = Math.sin(r);
        double[] o = new double[3];
        m.centroid(0, 0, 0, o);
        double lu = m.nx() > 1 ? (m.nx() - 1) * m.dx() : m.dx();
        double lv = m.ny() > 1 ? (m.ny() - 1) * m.dy() : m.dy();
        double lw = m.nz() > 1 ? (m.nz() - 1) * m.dz() : m.dz();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("GOCAD Voxet 1\nHEADER {\nname: " + m.name() + "\nascii: off\n}\n");
            w.write("GOCAD_ORIGINAL_COORDINATE_SYSTEM\nNAME Default\nAXIS_NAME X Y Z\nAXIS_UNIT m m m\n"
                    + "ZPOSITIVE Elevation\nEND_ORIGINAL_COORDINATE_SYSTEM\n");
            w.write("# written by GeoAssure from block model " + m.name() + ": nodes are cell centres\n");
            w.write("AXIS_O " + num(o[0]) + " " + num(o[1]) + " " + num(o[2]) + "\n");
            w.write("AXIS_U " + num(lu * c) + " " + num(lu * s) + " 0\n");
            w.write("AXIS_V " + num(-lv * s) + " " + num(lv * c) + " 0\n");
            w.write("AXIS_W 0 0 " + num(lw) + "\n");
            w.write("AXIS_MIN 0 0 0\nAXIS_MAX 1 1 1\n");
            w.write("AXIS_D " + num(m.dx()) + " " + num(m.dy()) + " " + num(m.dz()) + "\n");
            w.write("AXIS_N " + m.nx() + " " + m.ny() + " " + m.nz() + "\n");
            w.write("AXIS_NAME \"axis-1\" \"axis-2\" \"axis-3\"\nAXIS_UNIT \"m\" \"m\" \"m\"\n"
                    + "AXIS_TYPE even even even\n\n");
            for (int a = 0; a < m.attributes().size(); a++) {
                BlockAttribute at = m.attributes().get(a);
                int n = a + 1;
                w.write("PROPERTY " + n + " \"" + at.name() + "\"\n");
                if (at.type() == AttributeType.CATEGORY) {
                    for (int code = 0; code < at.categories().size(); code++) {
                        w.write("# category " + at.name() + " code " + code + " = "
                                + at.categories().get(code).replaceAll("[\\r\\n]", " ") + "\n");
                    }
                }
                w.write("PROP_NO_DATA_VALUE " + n + " " + num(NO_DATA) + "\n");
                w.write("PROP_ESIZE " + n + " " + (at.type() == AttributeType.FLOAT64 ? 8 : 4) + "\n");
                w.write("PROP_ETYPE " + n + " IEEE\nPROP_FORMAT " + n + " RAW\nPROP_OFFSET " + n + " 0\n");
                w.write("PROP_FILE " + n + " " + names.get(a + 1).getFileName() + "\n\n");
            }
            w.write("END\n");
        }
    }

    /** The cells of a brick source, one layer of bricks (32 cell layers) loaded at a time. */
    private static final class LayerReader implements CellValues {
        private final BrickSource source;
        private final List<BrickSource.Header> headers;
        private final boolean[] all;
        private final Map<Long, Brick> layer = new HashMap<>();
        private int loaded = -1;

        LayerReader(BrickSource source) {
            this.source = source;
            this.headers = source.headers();
            this.all = new boolean[source.model().attributes().size()];
            java.util.Arrays.fill(all, true);
        }

        @Override
        public void values(int i, int j, int k, double[] out) {
            int bk = k / Brick.SIZE;
            if (bk != loaded) {
                layer.clear();
                for (BrickSource.Header h : headers) {
                    if (Morton.decode(h.index(), 2) == bk) {
                        layer.put(h.index(), source.brick(h.index(), all));
                    }
                }
                loaded = bk;
            }
            Brick b = layer.get(Morton.encode(i / Brick.SIZE, j / Brick.SIZE, bk));
            int local = Brick.local(i, j, k);
            if (b != null && b.present(local)) {
                for (int a = 0; a < out.length; a++) {
                    out[a] = b.value(a, local);
                }
            }
        }
    }

    private static void writeProperties(BlockModel m, CellValues cells, List<Path> files) throws IOException {
        int na = m.attributes().size();
        DataOutputStream[] out = new DataOutputStream[na];
        try {
            for (int a = 0; a < na; a++) {
                out[a] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(files.get(a)), 1 << 16));
            }
            double[] v = new double[na];
            for (int k = 0; k < m.nz(); k++) {
                for (int j = 0; j < m.ny(); j++) {
                    for (int i = 0; i < m.nx(); i++) {
                        java.util.Arrays.fill(v, Double.NaN);
                        cells.values(i, j, k, v);
                        for (int a = 0; a < na; a++) {
                            put(out[a], m, a, v[a], i, j, k);
                        }
                    }
                }
            }
        } finally {
            for (DataOutputStream o : out) {
                if (o != null) {
                    o.close();
                }
            }
        }
    }

    private static void put(DataOutputStream out, BlockModel m, int a, double v, int i, int j, int k)
            throws IOException {
        BlockAttribute at = m.attributes().get(a);
        if (v == NO_DATA) {
            throw new InvalidContentException("model " + m.name() + ", attribute " + at.name() + ", cell (" + i + ","
                    + j + "," + k + "): value " + num(v) + " is the voxet no-data value; it would read back as null");
        }
        double x = Double.isNaN(v) ? NO_DATA : v;
        if (at.type() == AttributeType.FLOAT64) {
            out.writeDouble(x);
        } else {
            if (at.type().isInteger() && Math.abs(x) > EXACT_FLOAT_INT && x != NO_DATA) {
                throw new InvalidContentException("model " + m.name() + ", attribute " + at.name() + ", cell (" + i
                        + "," + j + "," + k + "): " + at.type().name().toLowerCase(Locale.ROOT) + " value " + num(x)
                        + " is not exact as a 4-byte float (a voxet property); at most 2^24 in size");
            }
            out.writeFloat((float) x);
        }
    }
}
