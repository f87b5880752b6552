package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.render.mesh.ColorScale;
import org.geoassure.render.gltf.GlbWriter;
import org.geoassure.render.tiles.BlockTiles;

/**
 * {@code geoassure bench --only tiles}: the target "a tile of a 10^8-cell model cold < 250 ms". A 500 x 500 x
 * 400 model (10^8 cells of 10 x 10 x 5 m) of a smooth grade-like field with a few percent of noise, shown where the
 * value is above its median (half the cells, a ragged shell: many faces); the whole tileset in tiles of 64^3 cells.
 * Reports the time to build the merged levels, and per tile (each from the level grids in memory to its GLB file)
 * the median, p99 and maximum, with the triangles per tile.
 */
final class TilesBench {
    private static final int NX = 500;
    private static final int NY = 500;
    private static final int NZ = 400;

    private TilesBench() {
    }

    static void run(PrintWriter out, Path dir) throws IOException {
        BlockModel m = new BlockModel("bench", 41_585_000, 4_712_000, -1500, 20, 10, 10, 5, NX, NY, NZ, List.of());
        float[] v = new float[NX * NY * NZ];
        java.util.Random r = new java.util.Random(42);
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                for (int i = 0; i < NX; i++) {
                    double s = Math.sin(i * 0.031) + Math.sin(j * 0.027 + 1) + Math.sin(k * 0.045 + 2);
                    float x = (float) (s + 0.1 * r.nextGaussian());
                    v[i + NX * (j + NY * k)] = x > 0 ? x : Float.NaN;
                }
            }
        }
        Path work = dir != null ? dir.resolve("tiles-bench") : Files.createTempDirectory("geoassure-tiles");
        try {
            ColorScale scale = ColorScale.ramp(0, 3);
            long t0 = System.nanoTime();
            BlockTiles.Summary s = BlockTiles.write(m, v, new BlockTiles.Options(64, x -> scale.color(x), false, true),
                    "EPSG:4529", Map.of(), work);
            double total = (System.nanoTime() - t0) / 1e9;
            double[] ms = s.tileMillis().clone();
            Arrays.sort(ms);
            double sum = Arrays.stream(ms).sum();
            out.printf("tiles      %,d cells (%d x %d x %d), %,d shown; tiles of 64^3: %d tiles, %d levels below the root%n",
                    (long) NX * NY * NZ, NX, NY, NZ, countShown(v), s.tiles(),
                    s.depth());
            out.printf("           whole tileset %.1f s (merged levels %.1f s), %,d triangles, %,d MB of GLB%n", total,
                    total - sum / 1e3, s.triangles(), s.bytes() >> 20);
            out.printf("           per tile (level grids in memory -> GLB file): median %.0f ms, p99 %.0f ms, max %.0f ms;"
                    + " at most %,d triangles in a tile%n", ms[ms.length / 2], ms[(int) Math.min(ms.length - 1,
                    Math.ceil(0.99 * ms.length) - 1)], ms[ms.length - 1], s.maxTileTriangles());
            out.flush();
            glb(out, work);
        } finally {
            if (dir == null) {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * The "GLB of a 10^6-triangle mesh < 0.5 s": a grid of 709 x 708 vertices (1 001 112 triangles, a gently
     * waving surface at mine coordinates) written with {@link GlbWriter} to a file, median of 5 after 2 untimed.
     */
    private static void glb(PrintWriter out, Path dir) throws IOException {
        int nx = 709;
        int ny = 708;
        float[] pos = new float[3 * nx * ny];
        float[] nor = new float[3 * nx * ny];
        byte[] col = new byte[4 * nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int v = i + nx * j;
                pos[3 * v] = 5f * i;
                pos[3 * v + 1] = 5f * j;
                pos[3 * v + 2] = (float) (20 * Math.sin(i * 0.05) * Math.cos(j * 0.04));
                nor[3 * v + 2] = 1;
                col[4 * v] = (byte) i;
                col[4 * v + 1] = (byte) j;
                col[4 * v + 3] = (byte) 255;
            }
        }
        int[] idx = new int[6 * (nx - 1) * (ny - 1)];
        int t = 0;
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                int a = i + nx * j;
                idx[t++] = a;
                idx[t++] = a + 1;
                idx[t++] = a + nx + 1;
                idx[t++] = a;
                idx[t++] = a + nx + 1;
                idx[t++] = a + nx;
            }
        }
        org.geoassure.render.mesh.TriangleMesh mesh = new org.geoassure.render.mesh.TriangleMesh(
                new org.geoassure.render.RenderOrigin(41_585_000, 4_712_000, -300), pos, nor, col, new int[nx * ny], idx);
        Path file = dir.resolve("mesh.glb");
        double[] ms = new double[5];
        for (int r = -2; r < ms.length; r++) {
            long t0 = System.nanoTime();
            try (var o = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                GlbWriter.write(mesh, "bench", "EPSG:4529", Map.of(), o);
            }
            if (r >= 0) {
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        out.printf("glb        %,d triangles, %,d vertices to a file: median %.0f ms, best %.0f ms (%,d bytes)%n",
                mesh.triangleCount(), mesh.vertexCount(), ms[ms.length / 2], ms[0], Files.size(file));
        out.flush();
    }

    private static long countShown(float[] v) {
        long n = 0;
        for (float x : v) {
            if (!Float.isNaN(x)) {
                n++;
            }
        }
        return n;
    }
}
