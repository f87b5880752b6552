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
            BlockTiles.Summary s = BlockTiles.write(m, v, new BlockTiles.Options(64, x -> scale.color(x), false),
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
        } finally {
            if (dir == null) {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
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
