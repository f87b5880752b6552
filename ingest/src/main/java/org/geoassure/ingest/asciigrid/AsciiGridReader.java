package org.geoassure.ingest.asciigrid;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.ingest.feature.SourceCrs;
import org.geoassure.ingest.feature.internal.BoundedLines;
import org.geoassure.ingest.feature.internal.EsriWkt;
import org.geoassure.ingest.feature.internal.SourceFiles;

/** Reads an ESRI ASCII grid (.asc) into one surface feature. See the package documentation. */
public final class AsciiGridReader {
    /** The header keys (lower case) this reader knows. */
    public static final Set<String> KEYS = Set.of("ncols", "nrows", "xllcorner", "xllcenter", "yllcorner",
            "yllcenter", "cellsize", "dx", "dy", "nodata_value");
    /** Largest grid read, in cells (each valid cell is a mesh vertex of 24 bytes). */
    public static final long MAX_CELLS = 1L << 28;

    private AsciiGridReader() {
    }

    /**
     * Reads a grid.
     *
     * @param file the .asc file; messages name it as given
     * @param options not used (the header and values are ASCII)
     * @throws InvalidContentException for bad content: {@code file:line: reason}
     * @throws org.geoassure.geodb.StorageException when the file cannot be read
     */
    public static FeatureFile read(Path file, FeatureOptions options) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            BoundedLines lines = new BoundedLines(new InputStreamReader(in, StandardCharsets.ISO_8859_1), name);
            Map<String, String> header = new LinkedHashMap<>();
            Map<String, Long> headerLine = new LinkedHashMap<>();
            long lineNo = 0;
            String line;
            String[] first = null;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty()) {
                    continue;
                }
                String[] t = s.split("\\s+");
                String key = t[0].toLowerCase(Locale.ROOT);
                if (!Character.isLetter(key.charAt(0))) {
                    first = t;
                    break;
                }
                if (!KEYS.contains(key)) {
                    throw new InvalidContentException(name, lineNo, "header key '" + t[0] + "' is not an ESRI ASCII "
                            + "grid key (ncols, nrows, xllcorner/xllcenter, yllcorner/yllcenter, cellsize or dx/dy, "
                            + "nodata_value)");
                }
                if (t.length != 2) {
                    throw new InvalidContentException(name, lineNo, "header line '" + s + "' needs a key and one value");
                }
                if (header.put(key, t[1]) != null) {
                    throw new InvalidContentException(name, lineNo, "header key '" + t[0] + "' given twice");
                }
                headerLine.put(key, lineNo);
            }
            Header h = Header.of(name, header, headerLine, lineNo);
            Grid g = new Grid(h);
            long dataLine = lineNo;
            String[] tokens = first;
            while (tokens != null) {
                for (String tok : tokens) {
                    if (g.full()) {
                        throw new InvalidContentException(name, dataLine, "more values than ncols x nrows = "
                                + h.ncols * h.nrows);
                    }
                    double v;
                    try {
                        v = Double.parseDouble(tok);
                    } catch (NumberFormatException e) {
                        throw new InvalidContentException(name, dataLine, "value '" + tok + "' (row " + (g.row + 1)
                                + ", column " + (g.col + 1) + ") is not a number");
                    }
                    if (!Double.isFinite(v)) {
                        throw new InvalidContentException(name, dataLine, "value '" + tok + "' (row " + (g.row + 1)
                                + ", column " + (g.col + 1) + ") is not finite");
                    }
                    g.add(v);
                }
                tokens = null;
                while ((line = lines.readLine()) != null) {
                    dataLine++;
                    String s = line.strip();
                    if (!s.isEmpty()) {
                        tokens = s.split("\\s+");
                        break;
                    }
                }
            }
            if (!g.full()) {
                throw new InvalidContentException(name, dataLine, "file ends after " + g.count + " of ncols x nrows = "
                        + h.ncols * h.nrows + " values");
            }
            List<String> warnings = new ArrayList<>();
            SourceCrs crs = prj(file);
            if (g.vertices == 0) {
                throw new InvalidContentException(name, h.nodataLine, "every cell is NODATA (" + h.nodata
                        + "): no surface");
            }
            if (g.nodata > 0) {
                warnings.add(name + ": " + g.nodata + " NODATA cells left out of the surface");
            }
            Mesh mesh = new Mesh(Arrays.copyOf(g.xyz, 3 * g.vertices), Arrays.copyOf(g.tri, g.triangles));
            String base = file.getFileName().toString();
            int dot = base.lastIndexOf('.');
            String id = dot > 0 ? base.substring(0, dot) : base;
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("ncols", (long) h.ncols);
            attrs.put("nrows", (long) h.nrows);
            attrs.put("dx", h.dx);
            attrs.put("dy", h.dy);
            attrs.put("nodata_cells", (long) g.nodata);
            Feature f = Feature.ofMesh(id, id, FeatureKind.SURFACE, "", mesh, attrs);
            List<SourceFile> sources = new ArrayList<>(List.of(SourceFiles.of("asciigrid", file, 1)));
            if (crs != null) {
                sources.add(SourceFiles.of("prj", prjPath(file), 0));
            }
            return new FeatureFile(FeatureFormat.ASCII_GRID, sources, crs, List.of(f), warnings);
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
    }

    /** The .prj beside the grid (same base name, any case of extension), or null. */
    private static Path prjPath(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String base = dot > 0 ? n.substring(0, dot) : n;
        for (String e : new String[] {".prj", ".PRJ"}) {
            Path p = file.resolveSibling(base + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The CRS of the .prj beside the grid (as GDAL reads it), or null when there is none. */
    private static SourceCrs prj(Path file) throws IOException {
        Path p = prjPath(file);
        if (p == null) {
            return null;
        }
        String wkt = Files.readString(p, StandardCharsets.ISO_8859_1).strip();
        return wkt.isEmpty() ? null : new SourceCrs(EsriWkt.epsg(wkt), wkt);
    }

    /** The header, checked. Cell centres are at x0 + i dx, y0 + j dy, row 0 of the file being the northern one. */
    private record Header(int ncols, int nrows, double x0, double y0, double dx, double dy, double nodata,
            long nodataLine) {
        static Header of(String name, Map<String, String> h, Map<String, Long> at, long end) {
            long ncols = whole(name, h, at, "ncols", end);
            long nrows = whole(name, h, at, "nrows", end);
            if (ncols * nrows > MAX_CELLS) {
                throw new InvalidContentException(name, at.get("nrows"), "ncols x nrows = " + ncols * nrows
                        + " cells is more than the " + MAX_CELLS + " read");
            }
            double dx;
            double dy;
            if (h.containsKey("cellsize")) {
                if (h.containsKey("dx") || h.containsKey("dy")) {
                    throw new InvalidContentException(name, at.get("cellsize"), "cellsize and dx/dy both given");
                }
                dx = positive(name, h, at, "cellsize", end);
                dy = dx;
            } else {
                if (!h.containsKey("dx") && !h.containsKey("dy")) {
                    throw new InvalidContentException(name, end, "header has no cellsize (nor dx and dy)");
                }
                dx = positive(name, h, at, "dx", end);
                dy = positive(name, h, at, "dy", end);
            }
            double x0 = corner(name, h, at, "x", dx, end);
            double y0 = corner(name, h, at, "y", dy, end);
            double nodata = h.containsKey("nodata_value") ? number(name, h, at, "nodata_value", end) : Double.NaN;
            return new Header((int) ncols, (int) nrows, x0, y0, dx, dy, nodata, at.getOrDefault("nodata_value", end));
        }

        private static double corner(String name, Map<String, String> h, Map<String, Long> at, String axis,
                double step, long end) {
            boolean corner = h.containsKey(axis + "llcorner");
            boolean centre = h.containsKey(axis + "llcenter");
            if (corner == centre) {
                throw new InvalidContentException(name, end, "header needs one of " + axis + "llcorner and " + axis
                        + "llcenter");
            }
            return corner ? number(name, h, at, axis + "llcorner", end) + step / 2
                    : number(name, h, at, axis + "llcenter", end);
        }

        private static long whole(String name, Map<String, String> h, Map<String, Long> at, String key, long end) {
            double v = number(name, h, at, key, end);
            if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
                throw new InvalidContentException(name, at.get(key), key + " '" + h.get(key)
                        + "' is not a whole number >= 1");
            }
            return (long) v;
        }

        private static double positive(String name, Map<String, String> h, Map<String, Long> at, String key,
                long end) {
            double v = number(name, h, at, key, end);
            if (!(v > 0)) {
                throw new InvalidContentException(name, at.get(key), key + " '" + h.get(key) + "' is not positive");
            }
            return v;
        }

        private static double number(String name, Map<String, String> h, Map<String, Long> at, String key, long end) {
            String s = h.get(key);
            if (s == null) {
                throw new InvalidContentException(name, end, "header has no " + key);
            }
            try {
                double v = Double.parseDouble(s);
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new InvalidContentException(name, at.get(key), key + " '" + s + "' is not a finite number");
        }
    }

    /** The mesh being built, one grid row at a time: valid cells are vertices, 2x2 blocks give triangles. */
    private static final class Grid {
        final Header h;
        double[] xyz = new double[3 * 1024];
        int[] tri = new int[6 * 1024];
        int[] prev;
        int[] cur;
        int vertices;
        int triangles;
        int nodata;
        long count;
        int row;
        int col;

        Grid(Header h) {
            this.h = h;
            this.prev = new int[h.ncols];
            this.cur = new int[h.ncols];
        }

        boolean full() {
            return row >= h.nrows;
        }

        void add(double v) {
            count++;
            if (v == h.nodata) {
                nodata++;
                cur[col] = -1;
            } else {
                if (3 * vertices + 3 > xyz.length) {
                    xyz = Arrays.copyOf(xyz, xyz.length * 2);
                }
                xyz[3 * vertices] = h.x0 + col * h.dx;
                xyz[3 * vertices + 1] = h.y0 + (h.nrows - 1 - row) * h.dy;
                xyz[3 * vertices + 2] = v;
                cur[col] = vertices++;
            }
            if (++col == h.ncols) {
                if (row > 0) {
                    triangulate();
                }
                int[] t = prev;
                prev = cur;
                cur = t;
                col = 0;
                row++;
            }
        }

        /** Triangles between the row above (prev) and this one (cur), counter-clockwise seen from above. */
        private void triangulate() {
            for (int c = 0; c + 1 < h.ncols; c++) {
                int a = prev[c];
                int b = prev[c + 1];
                int d = cur[c];
                int e = cur[c + 1];
                if (a >= 0 && b >= 0 && d >= 0 && e >= 0) {
                    triangle(d, e, b);
                    triangle(d, b, a);
                } else if (a < 0 && b >= 0 && d >= 0 && e >= 0) {
                    triangle(d, e, b);
                } else if (b < 0 && a >= 0 && d >= 0 && e >= 0) {
                    triangle(d, e, a);
                } else if (d < 0 && a >= 0 && b >= 0 && e >= 0) {
                    triangle(e, b, a);
                } else if (e < 0 && a >= 0 && b >= 0 && d >= 0) {
                    triangle(d, b, a);
                }
            }
        }

        private void triangle(int p, int q, int r) {
            if (triangles + 3 > tri.length) {
                tri = Arrays.copyOf(tri, tri.length * 2);
            }
            tri[triangles++] = p;
            tri[triangles++] = q;
            tri[triangles++] = r;
        }
    }
}
