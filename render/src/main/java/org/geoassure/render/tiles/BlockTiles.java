package org.geoassure.render.tiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.render.RenderOrigin;
import org.geoassure.render.gltf.GlbWriter;
import org.geoassure.render.mesh.TriangleMesh;

/**
 * A block model as a 3D Tiles 1.1 tileset with levels of detail: an explicit octree over the model's cells whose
 * every tile holds at most {@code tileCells}³ cells, each drawn as the outer faces of the cells that are shown
 * (present, and within the value range asked for) and coloured by their value; a face between two shown cells is
 * not drawn. The leaves hold the cells themselves; each level above merges 2 × 2 × 2 cells into one (shown when any
 * of its cells is, with their mean value, or for a category the first of them in index order), so the root draws the
 * whole model with at most {@code tileCells}³ merged cells, and a viewer refines ({@code REPLACE}) to finer tiles
 * near the camera: a bounded triangle budget whatever the model's size.
 *
 * <p>Coordinates: tile contents are GLB ({@link GlbWriter}: y-up, float32 offsets from one origin shared by every
 * tile); bounding volumes are oriented boxes in the tileset's z-up frame of offsets from that origin, and the root's
 * {@code transform} moves them to the workspace CRS (east, north, up in metres, doubles). So the tileset's frame is
 * the workspace's projected CRS, not Earth-centred coordinates: {@code asset.extras.geoassure} names the CRS. A
 * globe viewer must place it with its own transform.
 *
 * <p>Geometric error: a tile of level {@code L} merges {@code f = 2^(depth - L)} cells per axis, so it misses at
 * most about {@code f} cell sizes of detail: its geometric error is {@code (f - 1)} times the largest cell size
 * (0 at the leaves).
 */
public final class BlockTiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BlockTiles() {
    }

    /**
     * What to draw.
     *
     * @param tileCells cells per tile and axis (e.g. 64)
     * @param colors colour (0xRRGGBBAA) of a value
     * @param categorical whether values are category codes (merged by taking one, not by averaging)
     * @param quantized whether tiles store positions and normals as small integers (KHR_mesh_quantization: 20 bytes a
     *     vertex instead of 32; positions within 1/65534 of the tile's extent)
     */
    public record Options(int tileCells, DoubleFunction<Integer> colors, boolean categorical, boolean quantized) {
        public Options {
            if (tileCells < 2 || tileCells > 256) {
                throw new IllegalArgumentException("tile size must be 2..256 cells, got " + tileCells);
            }
        }
    }

    /**
     * What was written.
     *
     * @param depth levels below the root
     * @param tiles tiles in the tree
     * @param contents tiles with a GLB
     * @param triangles triangles in all GLBs
     * @param maxTileTriangles the most triangles in one GLB
     * @param bytes bytes of all GLBs
     * @param tileMillis the time each tile with content took, from the level grids to its GLB file written, in
     *     tree order
     */
    public record Summary(int depth, int tiles, int contents, long triangles, long maxTileTriangles, long bytes,
            double[] tileMillis) {
    }

    /** The cells' values by level: level 0 the model's own cells, each next one merged 2 × 2 × 2. */
    private static final class Pyramid {
        final int[][] dims;
        final float[][] values;

        Pyramid(BlockModel m, float[] cells, int levels, boolean categorical) {
            dims = new int[levels][];
            values = new float[levels][];
            dims[0] = new int[] {m.nx(), m.ny(), m.nz()};
            values[0] = cells;
            for (int l = 1; l < levels; l++) {
                int[] d0 = dims[l - 1];
                int[] d = {(d0[0] + 1) / 2, (d0[1] + 1) / 2, (d0[2] + 1) / 2};
                float[] v0 = values[l - 1];
                float[] v = new float[d[0] * d[1] * d[2]];
                for (int k = 0; k < d[2]; k++) {
                    for (int j = 0; j < d[1]; j++) {
                        for (int i = 0; i < d[0]; i++) {
                            double sum = 0;
                            int n = 0;
                            float first = Float.NaN;
                            for (int c = 0; c < 8; c++) {
                                int ii = 2 * i + (c & 1);
                                int jj = 2 * j + (c >> 1 & 1);
                                int kk = 2 * k + (c >> 2);
                                if (ii >= d0[0] || jj >= d0[1] || kk >= d0[2]) {
                                    continue;
                                }
                                float x = v0[ii + d0[0] * (jj + d0[1] * kk)];
                                if (!Float.isNaN(x)) {
                                    if (n == 0) {
                                        first = x;
                                    }
                                    sum += x;
                                    n++;
                                }
                            }
                            v[i + d[0] * (j + d[1] * k)] = n == 0 ? Float.NaN : categorical ? first : (float) (sum / n);
                        }
                    }
                }
                dims[l] = d;
                values[l] = v;
            }
        }

        boolean shown(int level, int i, int j, int k) {
            int[] d = dims[level];
            return i >= 0 && j >= 0 && k >= 0 && i < d[0] && j < d[1] && k < d[2]
                    && !Float.isNaN(values[level][i + d[0] * (j + d[1] * k)]);
        }
    }

    /**
     * Writes {@code dir/tileset.json} and {@code dir/tiles/L/I_J_K.glb}.
     *
     * @param cells one value per cell, i fastest then j then k; NaN for a cell not shown (absent, null, or out of
     *     the asked range)
     * @param extras more metadata for {@code asset.extras.geoassure} (model, attribute, range, legend)
     * @throws IllegalArgumentException if no cell is shown
     */
    public static Summary write(BlockModel m, float[] cells, Options o, String crs, Map<String, Object> extras,
            Path dir) throws IOException {
        if (cells.length != m.gridCells()) {
            throw new IllegalArgumentException(cells.length + " values for " + m.gridCells() + " cells");
        }
        int maxDim = Math.max(m.nx(), Math.max(m.ny(), m.nz()));
        int depth = 0;
        while ((long) o.tileCells() << depth < maxDim) {
            depth++;
        }
        Pyramid p = new Pyramid(m, cells, depth + 1, o.categorical());
        double r = Math.toRadians(m.rotation());
        Frame frame = new Frame(m, Math.cos(r), Math.sin(r));
        Files.createDirectories(dir.resolve("tiles"));
        Writer w = new Writer(m, p, o, crs, extras, frame, depth, dir);
        Map<String, Object> root = w.tile(0, 0, 0, 0);
        if (root == null) {
            throw new IllegalArgumentException("no cell of block model " + m.name() + " is shown");
        }
        root.put("transform", List.of(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, frame.origin.x(), frame.origin.y(),
                frame.origin.z(), 1));
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("version", "1.1");
        asset.put("generator", "GeoAssure");
        Map<String, Object> geo = new LinkedHashMap<>();
        geo.put("crs", crs);
        geo.put("frame", "the root transform places tiles in the CRS: x = east, y = north, z = up, metres");
        geo.put("model", m.name());
        geo.putAll(extras);
        asset.put("extras", Map.of("geoassure", geo));
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("asset", asset);
        tileset.put("geometricError", 2 * (double) root.get("geometricError") + maxCell(m));
        tileset.put("root", root);
        JSON.writeValue(dir.resolve("tileset.json").toFile(), tileset);
        return new Summary(depth, w.tiles, w.contents, w.triangles, w.maxTriangles, w.bytes,
                Arrays.copyOf(w.millis, w.contents));
    }

    private static double maxCell(BlockModel m) {
        return Math.max(m.dx(), Math.max(m.dy(), m.dz()));
    }

    /** The model's placement relative to the render origin (the model's centre). */
    private static final class Frame {
        final BlockModel m;
        final double c;
        final double s;
        final RenderOrigin origin;

        Frame(BlockModel m, double c, double s) {
            this.m = m;
            this.c = c;
            this.s = s;
            double u = m.nx() * m.dx() / 2;
            double v = m.ny() * m.dy() / 2;
            origin = new RenderOrigin(m.originX() + c * u - s * v, m.originY() + s * u + c * v,
                    m.originZ() + m.nz() * m.dz() / 2);
        }

        /** Offset from the origin of local point (u, v, w) metres along the model's axes. */
        void offset(double u, double v, double w, double[] out) {
            out[0] = m.originX() - origin.x() + c * u - s * v;
            out[1] = m.originY() - origin.y() + s * u + c * v;
            out[2] = m.originZ() - origin.z() + w;
        }
    }

    private static final class Writer {
        final BlockModel m;
        final Pyramid p;
        final Options o;
        final String crs;
        final Map<String, Object> extras;
        final Frame frame;
        final int depth;
        final Path dir;
        int tiles;
        int contents;
        long triangles;
        long maxTriangles;
        long bytes;
        double[] millis = new double[64];
        /** The local (u, v, w) corners of the cell being drawn, and scratch for one vertex. */
        private final double[] lo = new double[3];
        private final double[] hi = new double[3];
        private final double[] corner = new double[3];
        private final double[] world = new double[3];

        Writer(BlockModel m, Pyramid p, Options o, String crs, Map<String, Object> extras, Frame frame, int depth,
                Path dir) {
            this.m = m;
            this.p = p;
            this.o = o;
            this.crs = crs;
            this.extras = extras;
            this.frame = frame;
            this.depth = depth;
            this.dir = dir;
        }

        /** The tile of level {@code level} at tile index (a, b, c), or null when none of its cells is shown. */
        Map<String, Object> tile(int level, int a, int b, int c) throws IOException {
            int pl = depth - level; // pyramid level: cells merged 2^pl per axis
            int f = 1 << pl;
            int t = o.tileCells();
            int[] d = p.dims[pl];
            int i0 = a * t;
            int j0 = b * t;
            int k0 = c * t;
            int i1 = Math.min(i0 + t, d[0]);
            int j1 = Math.min(j0 + t, d[1]);
            int k1 = Math.min(k0 + t, d[2]);
            if (i0 >= d[0] || j0 >= d[1] || k0 >= d[2]) {
                return null;
            }
            long start = System.nanoTime();
            Faces faces = new Faces();
            boolean any = false;
            for (int k = k0; k < k1; k++) {
                for (int j = j0; j < j1; j++) {
                    for (int i = i0; i < i1; i++) {
                        if (!p.shown(pl, i, j, k)) {
                            continue;
                        }
                        any = true;
                        int rgba = 0;
                        boolean cell = false;
                        for (int face = 0; face < 6; face++) {
                            int axis = face >> 1;
                            int step = (face & 1) == 0 ? -1 : 1;
                            if (!p.shown(pl, i + (axis == 0 ? step : 0), j + (axis == 1 ? step : 0),
                                    k + (axis == 2 ? step : 0))) {
                                if (!cell) {
                                    cell = true;
                                    rgba = o.colors().apply(p.values[pl][i + d[0] * (j + d[1] * k)]);
                                    lo[0] = i * f * m.dx();
                                    lo[1] = j * f * m.dy();
                                    lo[2] = k * f * m.dz();
                                    hi[0] = Math.min((i + 1) * f, m.nx()) * m.dx();
                                    hi[1] = Math.min((j + 1) * f, m.ny()) * m.dy();
                                    hi[2] = Math.min((k + 1) * f, m.nz()) * m.dz();
                                }
                                quad(faces, face, rgba);
                            }
                        }
                    }
                }
            }
            if (!any) {
                return null;
            }
            tiles++;
            Map<String, Object> tile = new LinkedHashMap<>();
            tile.put("boundingVolume", Map.of("box", box(f, i0, j0, k0, i1, j1, k1)));
            tile.put("geometricError", (f - 1) * maxCell(m));
            tile.put("refine", "REPLACE");
            if (faces.triangles() > 0) {
                String uri = "tiles/" + level + "/" + a + "_" + b + "_" + c + ".glb";
                Path file = dir.resolve(uri);
                Files.createDirectories(file.getParent());
                Map<String, Object> x = new LinkedHashMap<>(extras);
                x.put("level", level);
                x.put("cellsMerged", f);
                try (OutputStream out = Files.newOutputStream(file)) {
                    GlbWriter.write(faces.mesh(frame.origin), m.name() + " " + uri, crs, x, out, o.quantized());
                }
                if (contents == millis.length) {
                    millis = Arrays.copyOf(millis, 2 * contents);
                }
                millis[contents] = (System.nanoTime() - start) / 1e6;
                contents++;
                triangles += faces.triangles();
                maxTriangles = Math.max(maxTriangles, faces.triangles());
                bytes += Files.size(file);
                tile.put("content", Map.of("uri", uri));
            }
            if (level < depth) {
                List<Object> children = new ArrayList<>();
                for (int n = 0; n < 8; n++) {
                    Map<String, Object> child = tile(level + 1, 2 * a + (n & 1), 2 * b + (n >> 1 & 1),
                            2 * c + (n >> 2));
                    if (child != null) {
                        children.add(child);
                    }
                }
                if (!children.isEmpty()) {
                    tile.put("children", children);
                }
            }
            return tile;
        }

        /** The oriented box of merged cells [i0, i1) x [j0, j1) x [k0, k1) (factor f), clipped to the model. */
        private List<Double> box(int f, int i0, int j0, int k0, int i1, int j1, int k1) {
            double u0 = i0 * f * m.dx();
            double u1 = Math.min(i1 * f, m.nx()) * m.dx();
            double v0 = j0 * f * m.dy();
            double v1 = Math.min(j1 * f, m.ny()) * m.dy();
            double w0 = k0 * f * m.dz();
            double w1 = Math.min(k1 * f, m.nz()) * m.dz();
            double[] centre = new double[3];
            frame.offset((u0 + u1) / 2, (v0 + v1) / 2, (w0 + w1) / 2, centre);
            double hu = (u1 - u0) / 2;
            double hv = (v1 - v0) / 2;
            double hw = (w1 - w0) / 2;
            return List.of(centre[0], centre[1], centre[2], frame.c * hu, frame.s * hu, 0.0, -frame.s * hv,
                    frame.c * hv, 0.0, 0.0, 0.0, hw);
        }

        /** One outer face of the cell {@link #lo} .. {@link #hi}: {@code face} = 2 * axis + (0 low side, 1 high). */
        private void quad(Faces out, int face, int rgba) {
            int axis = face >> 1;
            boolean high = (face & 1) == 1;
            int ua = (axis + 1) % 3;
            int va = (axis + 2) % 3;
            // (ua, va, axis) is right-handed, so corners (0,0), (1,0), (1,1), (0,1) in (ua, va) wind
            // counter-clockwise seen from +axis
            double n = high ? 1 : -1;
            double nx = axis == 0 ? frame.c * n : axis == 1 ? -frame.s * n : 0;
            double ny = axis == 0 ? frame.s * n : axis == 1 ? frame.c * n : 0;
            double nz = axis == 2 ? n : 0;
            int base = out.vertices();
            for (int q = 0; q < 4; q++) {
                corner[axis] = high ? hi[axis] : lo[axis];
                corner[ua] = q == 0 || q == 3 ? lo[ua] : hi[ua];
                corner[va] = q < 2 ? lo[va] : hi[va];
                frame.offset(corner[0], corner[1], corner[2], world);
                out.vertex(world, nx, ny, nz, rgba);
            }
            if (high) {
                out.triangle(base, base + 1, base + 2);
                out.triangle(base, base + 2, base + 3);
            } else {
                out.triangle(base, base + 2, base + 1);
                out.triangle(base, base + 3, base + 2);
            }
        }
    }

    /** Growable vertex and index arrays of one tile. */
    private static final class Faces {
        private float[] pos = new float[3 * 1024];
        private float[] nor = new float[3 * 1024];
        private byte[] col = new byte[4 * 1024];
        private int[] idx = new int[1536];
        private int nv;
        private int ni;

        int vertices() {
            return nv;
        }

        long triangles() {
            return ni / 3;
        }

        void vertex(double[] w, double nx, double ny, double nz, int rgba) {
            if (3 * nv + 3 > pos.length) {
                pos = Arrays.copyOf(pos, 2 * pos.length);
                nor = Arrays.copyOf(nor, 2 * nor.length);
                col = Arrays.copyOf(col, 2 * col.length);
            }
            pos[3 * nv] = (float) w[0];
            pos[3 * nv + 1] = (float) w[1];
            pos[3 * nv + 2] = (float) w[2];
            nor[3 * nv] = (float) nx;
            nor[3 * nv + 1] = (float) ny;
            nor[3 * nv + 2] = (float) nz;
            col[4 * nv] = (byte) (rgba >>> 24);
            col[4 * nv + 1] = (byte) (rgba >>> 16);
            col[4 * nv + 2] = (byte) (rgba >>> 8);
            col[4 * nv + 3] = (byte) rgba;
            nv++;
        }

        void triangle(int a, int b, int c) {
            if (ni + 3 > idx.length) {
                idx = Arrays.copyOf(idx, 2 * idx.length);
            }
            idx[ni++] = a;
            idx[ni++] = b;
            idx[ni++] = c;
        }

        TriangleMesh mesh(RenderOrigin origin) {
            return new TriangleMesh(origin, Arrays.copyOf(pos, 3 * nv), Arrays.copyOf(nor, 3 * nv),
                    Arrays.copyOf(col, 4 * nv), new int[nv], Arrays.copyOf(idx, ni));
        }
    }
}
