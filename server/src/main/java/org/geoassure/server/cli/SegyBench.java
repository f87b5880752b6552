package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.geoassure.ingest.segy.SegyFile;
import org.geoassure.ingest.segy.SegyReader;

/**
 * {@code geoassure bench --only segy}: writes a synthetic post-stack SEG-Y file (IBM float, big-endian, 300 inlines
 * x 400 crosslines x 1001 samples, about 509 MB) and reads every trace's samples with {@link SegyReader} and, in the
 * same run, with segyio ({@code python3 -c}, with {@code f.mmap()}, its fastest read; skipped with a note when the
 * module is missing). The file is read once before timing so both readers see it in the page cache; then five
 * alternating rounds, median and best of each printed in MB/s of file bytes, by wall-clock time and by CPU time
 * (Java: the reading thread; segyio: the Python process), the latter less disturbed by a busy machine.
 */
final class SegyBench {
    private static final int INLINES = 300;
    private static final int CROSSLINES = 400;
    private static final int SAMPLES = 1001;
    private static final int ROUNDS = 5;
    /**
     * Both sides sum every 97th sample of each batch (flattened) as a check that they decoded the same values; a
     * full sum would time numpy's vectorised sum against a scalar Java loop rather than the readers.
     */
    private static final int CHECK_STRIDE = 97;
    /** Traces per bulk read on both sides. */
    private static final int BATCH = 1000;

    private SegyBench() {
    }

    static void run(PrintWriter out, Path dir) throws IOException {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("geoassure-segy-bench");
        Path file = work.resolve("bench-post-stack.sgy");
        try {
            long t0 = System.nanoTime();
            write(file);
            long size = Files.size(file);
            out.printf("segy      wrote %s: %,d bytes, %d x %d traces of %d IBM-float samples in %.1f s%n",
                    file.getFileName(), size, INLINES, CROSSLINES, SAMPLES, (System.nanoTime() - t0) / 1e9);
            double checksum = readJava(file, true)[2];
            String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
            boolean segyio = exec(List.of(python, "-c", "import segyio")) != null;
            if (!segyio) {
                out.println("segy      segyio skipped: python3 -c 'import segyio' failed (Debian: apt-get install "
                        + "python3-segyio)");
            }
            double[][] java = new double[2][ROUNDS];
            double[][] javaPerTrace = new double[2][ROUNDS];
            double[][] py = new double[2][ROUNDS];
            double pySum = Double.NaN;
            for (int r = 0; r < ROUNDS; r++) {
                double[] j = readJava(file, true);
                java[0][r] = j[0];
                java[1][r] = j[1];
                double[] jt = readJava(file, false);
                javaPerTrace[0][r] = jt[0];
                javaPerTrace[1][r] = jt[1];
                if (j[2] != checksum || jt[2] != checksum) {
                    throw new IllegalStateException("SegyReader checksums differ between runs");
                }
                if (segyio) {
                    String[] res = exec(List.of(python, "-c", SEGYIO, file.toString(), String.valueOf(BATCH),
                            String.valueOf(CHECK_STRIDE)))
                            .strip().split(" ");
                    py[0][r] = Double.parseDouble(res[0]);
                    py[1][r] = Double.parseDouble(res[1]);
                    pySum = Double.parseDouble(res[2]);
                }
            }
            report(out, "SegyReader.readTraces, " + BATCH + " traces per read", size, java);
            report(out, "SegyReader.readSamples, one trace per read", size, javaPerTrace);
            if (segyio) {
                report(out, "segyio mmap, f.trace.raw[i:i+" + BATCH + "], ignore_geometry", size, py);
                out.printf("segy      ratio SegyReader.readTraces/segyio throughput: wall median %.2f (best %.2f), cpu "
                        + "median %.2f; checksums %.6e vs %.6e%n", median(py[0]) / median(java[0]),
                        best(py[0]) / best(java[0]), median(py[1]) / median(java[1]), checksum, pySum);
            }
        } finally {
            Files.deleteIfExists(file);
            if (dir == null) {
                Files.deleteIfExists(work);
            }
        }
    }

    /** Opens the file, reads every sample; returns wall and thread CPU seconds and a checksum. */
    private static double[] readJava(Path file, boolean bulk) throws IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        double sum = 0;
        try (SegyFile f = SegyReader.open(file)) {
            int ns = f.samplesPerTrace();
            float[] buf = new float[BATCH * ns];
            for (int t = 0; t < f.traceCount(); t += BATCH) {
                int k = Math.min(BATCH, f.traceCount() - t);
                if (bulk) {
                    f.readTraces(t, k, buf, 0);
                } else {
                    for (int i = 0; i < k; i++) {
                        f.readSamples(t + i, buf, i * ns);
                    }
                }
                for (int i = 0; i < k * ns; i += CHECK_STRIDE) {
                    sum += buf[i];
                }
            }
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9, sum};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double best(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    /** Wall seconds in {@code seconds[0]}, CPU seconds in {@code seconds[1]}. */
    private static void report(PrintWriter out, String what, long size, double[][] seconds) {
        out.printf("segy      %-46s wall median %.3f s = %.0f MB/s (best %.0f MB/s), cpu median %.3f s = %.0f MB/s, "
                + "%d rounds%n", what, median(seconds[0]), size / median(seconds[0]) / 1e6,
                size / best(seconds[0]) / 1e6, median(seconds[1]), size / median(seconds[1]) / 1e6, ROUNDS);
    }

    /** segyio reading every sample in batches of traces; prints wall and CPU seconds and the checksum. */
    private static final String SEGYIO = String.join("\n",
            "import sys, time, segyio",
            "path, batch, stride = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])",
            "t0, c0 = time.perf_counter(), time.process_time()",
            "total = 0.0",
            "with segyio.open(path, ignore_geometry=True) as f:",
            "    f.mmap()",
            "    n = f.tracecount",
            "    for i in range(0, n, batch):",
            "        a = f.trace.raw[i:min(n, i + batch)]",
            "        total += float(a.ravel()[::stride].sum(dtype='float64'))",
            "print(time.perf_counter() - t0, time.process_time() - c0, total)");

    /** Runs a command; its stdout, or null when it fails. */
    private static String exec(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? output : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return null;
        }
    }

    /** The synthetic survey: a few dipping sinusoidal events, inline-sorted, 25 m bins rotated by 30 degrees. */
    private static void write(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(3600);
            byte[] text = String.format("%-3200s", "C 1 GEOASSURE SYNTHETIC POST-STACK BENCHMARK SURVEY")
                    .getBytes(StandardCharsets.US_ASCII);
            head.put(text);
            head.putShort(3212, (short) 1).putShort(3216, (short) 4000).putShort(3220, (short) SAMPLES)
                    .putShort(3224, (short) 1).putShort(3226, (short) 1).putShort(3228, (short) 4)
                    .putShort(3254, (short) 1).put(3500, (byte) 1).putShort(3502, (short) 1);
            head.position(0).limit(3600);
            ch.write(head);
            int traceBytes = 240 + 4 * SAMPLES;
            ByteBuffer buf = ByteBuffer.allocate(traceBytes * CROSSLINES);
            double cos = Math.cos(Math.toRadians(30));
            double sin = Math.sin(Math.toRadians(30));
            double[] s5 = new double[SAMPLES];
            double[] c5 = new double[SAMPLES];
            double[] s3 = new double[SAMPLES];
            double[] c3 = new double[SAMPLES];
            for (int s = 0; s < SAMPLES; s++) {
                s5[s] = Math.sin(0.05 * s);
                c5[s] = Math.cos(0.05 * s);
                s3[s] = Math.sin(0.03 * s);
                c3[s] = Math.cos(0.03 * s);
            }
            for (int il = 0; il < INLINES; il++) {
                buf.clear();
                for (int xl = 0; xl < CROSSLINES; xl++) {
                    int base = xl * traceBytes;
                    Arrays.fill(buf.array(), base, base + 240, (byte) 0);
                    double x = 600000 + 25 * (xl * cos - il * sin);
                    double y = 6000000 + 25 * (xl * sin + il * cos);
                    buf.putInt(base, xl + 1).putInt(base + 4, il * CROSSLINES + xl + 1)
                            .putShort(base + 70, (short) -100).putShort(base + 114, (short) SAMPLES)
                            .putShort(base + 116, (short) 4000).putInt(base + 180, (int) Math.round(x * 100))
                            .putInt(base + 184, (int) Math.round(y * 100)).putInt(base + 188, 1000 + il)
                            .putInt(base + 192, 2000 + xl);
                    double si = Math.sin(0.01 * il);
                    double ci = Math.cos(0.01 * il);
                    double sx = Math.sin(0.02 * xl);
                    double cx = Math.cos(0.02 * xl);
                    for (int s = 0; s < SAMPLES; s++) {
                        // 1000 sin(0.05 s + 0.01 il) cos(0.03 s - 0.02 xl), plus a small saw tooth
                        float v = (float) (1000 * (s5[s] * ci + c5[s] * si) * (c3[s] * cx + s3[s] * sx)
                                + (s % 7) - 3.5);
                        buf.putInt(base + 240 + 4 * s, floatToIbm(v));
                    }
                }
                buf.position(0).limit(traceBytes * CROSSLINES);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    /** IEEE float to IBM hexadecimal float, truncating (normal numbers; enough for the benchmark's data). */
    static int floatToIbm(float f) {
        if (f == 0) {
            return 0;
        }
        int bits = Float.floatToRawIntBits(f);
        int exp = ((bits >>> 23) & 0xFF) - 126; // value = (fraction / 2^24) * 2^exp
        int fraction = (bits & 0x7F_FFFF) | 0x80_0000;
        int shift = -exp & 3;
        return (bits & 0x8000_0000) | ((exp + shift) / 4 + 64) << 24 | fraction >>> shift;
    }
}
