package org.geoassure.server.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Function;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.render.mesh.Isosurface;

/**
 * {@code geoassure bench --only isosurface}: the targets "isosurface of a 256^3 grid < 0.1 s typical, < 1 s at
 * 4 M triangles". A smooth field (a sphere of radius 100 samples, the typical case) and two rough ones (sums of sines
 * with many small closed bodies: 1.8 M triangles, and 2.5 times the frequencies for about 4 M) on a 256^3 grid;
 * median and best of {@link #ROUNDS} runs after {@link #WARMUP}, for the current {@link Isosurface} and for the
 * marching tetrahedra it replaced ({@link IsosurfaceBaseline}), in the same run, with the ratio of the medians.
 */
final class IsosurfaceBench {
    private static final int N = 256;
    private static final int WARMUP = 2;
    private static final int ROUNDS = 5;

    private IsosurfaceBench() {
    }

    static void run(PrintWriter out) {
        double[] smooth = new double[N * N * N];
        double[] rough = new double[N * N * N];
        double[] rougher = new double[N * N * N];
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    int p = i + N * (j + N * k);
                    double dx = i - 127.5;
                    double dy = j - 127.5;
                    double dz = k - 127.5;
                    smooth[p] = 100 - Math.sqrt(dx * dx + dy * dy + dz * dz);
                    rough[p] = Math.sin(i * 0.075) + Math.sin(j * 0.07) + Math.sin(k * 0.08);
                    rougher[p] = Math.sin(i * 0.1875) + Math.sin(j * 0.175) + Math.sin(k * 0.2);
                }
            }
        }
        out.printf("isosurface grid %d^3 = %,d samples (closed at the edge), %d processors%n", N, N * N * N,
                Runtime.getRuntime().availableProcessors());
        compare(out, "smooth: sphere of radius 100", smooth, 0);
        compare(out, "rough: sum of sines, level 0.5", rough, 0.5);
        compare(out, "rougher: 2.5x the frequencies, level 0.5", rougher, 0.5);
    }

    private static void compare(PrintWriter out, String what, double[] field, double level) {
        out.printf("  %s (load average %s)%n", what, loadAverage());
        double now = time(out, "marching cubes (current)", f -> Isosurface.extract(f, N, N, N, level, false), field);
        double old = time(out, "marching tetrahedra (before)", f -> IsosurfaceBaseline.extract(f, N, N, N, level,
                false), field);
        out.printf("    %-30s %.1fx faster (median before / median now)%n", "", old / now);
        out.flush();
    }

    /** The first three fields of /proc/loadavg, or "unknown". */
    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Median wall seconds. Also prints the median CPU time of the whole process (all threads, GC included) per run,
     * which on a shared machine says what the extraction costs when the wall time mostly says how busy the machine is.
     */
    private static double time(PrintWriter out, String what, Function<double[], Mesh> extract, double[] field) {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long[] ns = new long[ROUNDS];
        long[] cpu = new long[ROUNDS];
        Mesh m = null;
        for (int r = -WARMUP; r < ROUNDS; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            m = extract.apply(field);
            if (r >= 0) {
                ns[r] = System.nanoTime() - t0;
                cpu[r] = os.getProcessCpuTime() - c0;
            }
        }
        Arrays.sort(ns);
        Arrays.sort(cpu);
        out.printf("    %-30s median %.3f s, best %.3f s, CPU %.3f s (%,d triangles, %,d vertices)%n", what,
                ns[ROUNDS / 2] / 1e9, ns[0] / 1e9, cpu[ROUNDS / 2] / 1e9, m.triangleCount(), m.vertexCount());
        out.flush();
        return ns[ROUNDS / 2] / 1e9;
    }
}
