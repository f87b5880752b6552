package org.geoassure.ingest.modem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.ingest.blockmodel.VolumeRead;

/**
 * Reads a ModEM (WS format) 3-D resistivity model ({@code .rho}) and resamples it onto a regular block model.
 *
 * <h2>The file</h2>
 * A comment line; {@code nx ny nz 0 LOGE} (or {@code LOG10}, {@code LINEAR}); nx cell widths along x = north (from
 * the south edge), ny widths along y = east (from the west edge), nz thicknesses along z = down (from the top);
 * then for each layer, top first, ny lines (one per east column, west to east) of nx values listed <em>north to
 * south</em> (ModEM writes {@code i = nx .. 1}); then the position of the mesh corner (south, west, top) relative
 * to the ModEM origin (x north, y east, z down, metres) and the rotation (only 0 is supported). Numbers may wrap
 * across lines; blank lines are ignored.
 *
 * <h2>The block model</h2>
 * ModEM meshes are rectilinear: a core of equal cells padded by cells that grow outwards, and layers that thicken
 * with depth. A block model's cells are regular, so the model is <em>resampled</em>: each regular cell takes the value
 * of the ModEM cell that contains its centre (no interpolation). Horizontally the regular grid covers the core
 * only (the contiguous run of the narrowest cells along each axis; padding cells are not resolved by the data);
 * vertically it covers {@link ModemOptions#depth()} from the model's top. The default cell is the core widths and
 * the thinnest layer. Block model i is east, j north, k up. Resistivity is stored in Ω·m (exp or 10^ of a log
 * value) as float32; air cells (≥ 1e10 Ω·m, ModEM's 1e12 air) are absent. The choices are in the provenance.
 */
public final class ModemReader {
    /** Resistivity from which a cell is air. */
    static final double AIR = 1e10;
    /** Largest mesh accepted (cells), checked before the values are allocated. */
    static final long MAX_MESH = 100_000_000L;
    /** Largest regular model produced (cells). */
    static final long MAX_CELLS = 200_000_000L;

    private ModemReader() {
    }

    /**
     * Reads and resamples a ModEM model.
     *
     * @throws InvalidContentException as {@code file:line: reason}
     * @throws StorageException if the file cannot be read
     */
    public static VolumeRead read(Path file, ModemOptions o) {
        String where = file.toString();
        Tokens t;
        String sha;
        int nx;
        int ny;
        int nz;
        String scale;
        double[] wx;
        double[] wy;
        double[] wz;
        float[] values;
        double[] corner = new double[3];
        double rotation = 0;
        List<String> warnings = new ArrayList<>();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream raw = new DigestInputStream(Files.newInputStream(file), md);
                    BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.ISO_8859_1))) {
                t = new Tokens(in, where);
                if (in.readLine() == null) {
                    throw new InvalidContentException(where, 1, "the file is empty; expected a comment line and "
                            + "'nx ny nz 0 LOGE'");
                }
                t.line = 1;
                nx = t.count("nx");
                ny = t.count("ny");
                nz = t.count("nz");
                int headerLine = t.line;
                if ((long) nx * ny * nz > MAX_MESH) {
                    throw new InvalidContentException(where, headerLine, nx + " x " + ny + " x " + nz + " cells: more "
                            + "than " + MAX_MESH + " (is the header right?)");
                }
                String fourth = t.next("the 4th header value (0) or the resistivity scale");
                if (fourth.equalsIgnoreCase("LOGE") || fourth.equalsIgnoreCase("LOG10")
                        || fourth.equalsIgnoreCase("LINEAR")) {
                    scale = fourth.toUpperCase(Locale.ROOT);
                } else {
                    if (!fourth.equals("0")) {
                        throw new UnsupportedFormatException(where + ":" + t.line, "header value 4 is " + fourth
                                + ": a WS model with a resistivity index map is not supported (only 0)");
                    }
                    String s = t.peekOnLine(headerLine);
                    scale = s == null ? "LINEAR" : t.next("the scale").toUpperCase(Locale.ROOT);
                    if (!scale.equals("LOGE") && !scale.equals("LOG10") && !scale.equals("LINEAR")) {
                        throw new InvalidContentException(where, t.line, "resistivity scale '" + scale
                                + "': expected LOGE, LOG10 or LINEAR");
                    }
                }
                wx = t.widths(nx, "x (north) cell width");
                wy = t.widths(ny, "y (east) cell width");
                wz = t.widths(nz, "z (down) layer thickness");
                values = new float[nx * ny * nz];
                for (int n = 0; n < values.length; n++) {
                    double v = t.number("value " + (n + 1) + " of " + values.length + " (layer " + (n / (nx * ny) + 1)
                            + ")");
                    values[n] = (float) v;
                }
                String c0 = t.nextOrNull();
                if (c0 == null) {
                    warnings.add("no mesh corner after the values: the corner is taken as 0, 0, 0");
                } else {
                    corner[0] = t.parse(c0, "corner x (north)");
                    corner[1] = t.number("corner y (east)");
                    corner[2] = t.number("corner z (down)");
                    String r = t.nextOrNull();
                    if (r != null) {
                        rotation = t.parse(r, "rotation");
                        if (rotation != 0) {
                            throw new UnsupportedFormatException(where + ":" + t.line, "rotation " + r + " degrees: "
                                    + "only unrotated ModEM meshes are supported");
                        }
                    }
                    String extra = t.nextOrNull();
                    if (extra != null) {
                        throw new InvalidContentException(where, t.line, "unexpected '" + extra + "' after the "
                                + "rotation: is nx ny nz right?");
                    }
                }
                raw.transferTo(java.io.OutputStream.nullOutputStream());
                sha = HexFormat.of().formatHex(md.digest());
            }
        } catch (NoSuchFileException e) {
            throw new InvalidContentException(where + ": no such file");
        } catch (IOException e) {
            throw new StorageException("cannot read " + where + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> params = new LinkedHashMap<>();
        BlockData data = resample(where, o, nx, ny, nz, scale, wx, wy, wz, values, corner, params, warnings);
        return new VolumeRead(data, List.of(new SourceFile("modem", file.getFileName().toString(), sha,
                (long) nx * ny * nz)), params, warnings);
    }

    /** The contiguous run of the narrowest cells: {first, last}. */
    private static int[] core(String where, double[] w, String axis) {
        double min = Double.MAX_VALUE;
        for (double v : w) {
            min = Math.min(min, v);
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < w.length; i++) {
            if (Math.abs(w[i] - min) <= 1e-6 * min) {
                if (first < 0) {
                    first = i;
                } else if (last != i - 1) {
                    throw new UnsupportedFormatException(where, "the narrowest " + axis + " cells (" + min + " m) "
                            + "are not one contiguous core (cells " + first + ".." + last + " and " + i + ")");
                }
                last = i;
            }
        }
        return new int[] {first, last};
    }

    private static double[] edges(double start, double[] w) {
        double[] e = new double[w.length + 1];
        e[0] = start;
        for (int i = 0; i < w.length; i++) {
            e[i + 1] = e[i] + w[i];
        }
        return e;
    }

    /** The cell of {@code edges} holding {@code v} (edges ascending). */
    private static int find(double[] edges, double v) {
        int i = java.util.Arrays.binarySearch(edges, v);
        int cell = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(edges.length - 2, cell));
    }

    private static BlockData resample(String where, ModemOptions o, int nx, int ny, int nz, String scale, double[] wx,
            double[] wy, double[] wz, float[] values, double[] corner, Map<String, String> params,
            List<String> warnings) {
        double[] xe = edges(corner[0], wx); // north
        double[] ye = edges(corner[1], wy); // east
        double[] ze = edges(corner[2], wz); // down
        int[] cx = core(where, wx, "x (north)");
        int[] cy = core(where, wy, "y (east)");
        double minZ = Double.MAX_VALUE;
        for (double v : wz) {
            minZ = Math.min(minZ, v);
        }
        double[] cell = o.cell() != null ? o.cell() : new double[] {wy[cy[0]], wx[cx[0]], minZ};
        double south = xe[cx[0]];
        double north = xe[cx[1] + 1];
        double west = ye[cy[0]];
        double east = ye[cy[1] + 1];
        double depth = Double.isNaN(o.depth()) ? Math.min(north - south, east - west) : o.depth();
        double bottom = Math.min(ze[0] + depth, ze[nz]);
        int mi = (int) Math.floor((east - west) / cell[0] + 1e-9);
        int mj = (int) Math.floor((north - south) / cell[1] + 1e-9);
        int mk = (int) Math.floor((bottom - ze[0]) / cell[2] + 1e-9);
        if (mi < 1 || mj < 1 || mk < 1) {
            throw new InvalidContentException(where + ": the cell size " + cell[0] + " x " + cell[1] + " x " + cell[2]
                    + " m is larger than the core (" + (east - west) + " m east, " + (north - south) + " m north, "
                    + (bottom - ze[0]) + " m deep)");
        }
        if ((long) mi * mj * mk > MAX_CELLS) {
            throw new InvalidContentException(where + ": " + mi + " x " + mj + " x " + mk + " regular cells is more than "
                    + MAX_CELLS + "; use a larger --cell or a smaller --depth");
        }
        if (Math.abs(mi * cell[0] - (east - west)) > 1e-6 * cell[0]
                || Math.abs(mj * cell[1] - (north - south)) > 1e-6 * cell[1]) {
            warnings.add("the core (" + (east - west) + " m east x " + (north - south) + " m north) is not a whole "
                    + "number of " + cell[0] + " x " + cell[1] + " m cells: its east and north edges are cut");
        }
        double ox = o.originEast() + west;
        double oy = o.originNorth() + south;
        double top = o.originElevation() - ze[0];
        double oz = top - mk * cell[2];
        BlockModel model;
        try {
            model = new BlockModel(o.modelName(), ox, oy, oz, 0, cell[0], cell[1], cell[2], mi, mj, mk,
                    List.of(BlockAttribute.of(o.attribute(), AttributeType.FLOAT32)));
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException(e.getMessage());
        }
        BlockData.Builder b = BlockData.builder(model);
        double[] one = new double[1];
        long air = 0;
        for (int k = 0; k < mk; k++) {
            int iz = find(ze, ze[0] + (mk - k - 0.5) * cell[2]);
            for (int j = 0; j < mj; j++) {
                int ix = find(xe, south + (j + 0.5) * cell[1]);
                for (int i = 0; i < mi; i++) {
                    int iy = find(ye, west + (i + 0.5) * cell[0]);
                    double v = values[(iz * ny + iy) * nx + (nx - 1 - ix)];
                    double rho = switch (scale) {
                        case "LOGE" -> Math.exp(v);
                        case "LOG10" -> Math.pow(10, v);
                        default -> v;
                    };
                    if (!(rho > 0) || !Double.isFinite(rho)) {
                        if (rho >= AIR || Double.isInfinite(rho)) {
                            air++;
                            continue;
                        }
                        throw new InvalidContentException(where + ": resistivity " + rho + " Ω·m (value " + v + ", "
                                + scale + ") of cell x " + (ix + 1) + ", y " + (iy + 1) + ", z " + (iz + 1)
                                + " is not > 0");
                    }
                    if (rho >= AIR) {
                        air++;
                        continue;
                    }
                    one[0] = rho;
                    b.put(i, j, k, one);
                }
            }
        }
        params.put("modem.mesh", nx + " x " + ny + " x " + nz + " cells (x north, y east, z down), " + scale
                + "; corner " + corner[0] + ", " + corner[1] + ", " + corner[2] + " m from the ModEM origin");
        params.put("modem.resampling", "regular " + cell[0] + " x " + cell[1] + " x " + cell[2] + " m cells (east, "
                + "north, down); each takes the ModEM cell containing its centre (no interpolation)");
        params.put("modem.extent", "core x cells " + (cx[0] + 1) + ".." + (cx[1] + 1) + ", y cells " + (cy[0] + 1)
                + ".." + (cy[1] + 1) + " (padding left out); down to " + (bottom - ze[0]) + " m below the top");
        params.put("modem.origin", o.originEast() + "," + o.originNorth() + "," + o.originElevation()
                + " (workspace E, N, elevation of the ModEM origin)");
        params.put("modem.air", air + " regular cells in air (>= 1e10 ohm.m) left absent");
        if (o.originEast() == 0 && o.originNorth() == 0 && o.originElevation() == 0) {
            warnings.add("no --origin: the model is stored in ModEM's local coordinates (metres from the survey "
                    + "centre), not in the workspace CRS");
        }
        return b.build();
    }

    /** Whitespace-separated numbers with their line numbers. */
    private static final class Tokens {
        private final BufferedReader in;
        private final String where;
        private String[] words = new String[0];
        private int pos;
        int line;

        Tokens(BufferedReader in, String where) {
            this.in = in;
            this.where = where;
        }

        String nextOrNull() throws IOException {
            while (pos >= words.length) {
                String l = in.readLine();
                if (l == null) {
                    return null;
                }
                line++;
                String s = l.strip();
                words = s.isEmpty() ? new String[0] : s.split("\\s+");
                pos = 0;
            }
            return words[pos++];
        }

        /** The next word if it is on line {@code onLine} (without consuming it), else null. */
        String peekOnLine(int onLine) {
            return line == onLine && pos < words.length ? words[pos] : null;
        }

        String next(String what) throws IOException {
            String w = nextOrNull();
            if (w == null) {
                throw new InvalidContentException(where, line, "the file ends before " + what);
            }
            return w;
        }

        double parse(String w, String what) {
            try {
                double v = Double.parseDouble(w);
                if (!Double.isFinite(v)) {
                    throw new InvalidContentException(where, line, what + ": '" + w + "' is not a finite number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new InvalidContentException(where, line, what + ": '" + w + "' is not a number");
            }
        }

        double number(String what) throws IOException {
            return parse(next(what), what);
        }

        int count(String what) throws IOException {
            String w = next(what);
            try {
                int n = Integer.parseInt(w);
                if (n < 1 || n > 100_000) {
                    throw new InvalidContentException(where, line, what + ": " + n + " is not a cell count in "
                            + "1..100000");
                }
                return n;
            } catch (NumberFormatException e) {
                throw new InvalidContentException(where, line, what + ": '" + w + "' is not a whole number");
            }
        }

        double[] widths(int n, String what) throws IOException {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = number(what + " " + (i + 1) + " of " + n);
                if (!(w[i] > 0)) {
                    throw new InvalidContentException(where, line, what + " " + (i + 1) + ": " + w[i] + " is not > 0");
                }
            }
            return w;
        }
    }
}
