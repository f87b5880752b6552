package org.geoassure.server.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.geoassure.ingest.las.LasFile;
import org.geoassure.ingest.las.LasOptions;
import org.geoassure.ingest.las.LasReader;

/**
 * LAS parse benchmark (issue 5): a synthetic unwrapped LAS 2.0 file of about 200 MB (20 curves, fixed seed) read by
 * {@link LasReader} and by a naive baseline (BufferedReader + String.split + Double.parseDouble into growable
 * arrays), alternating, best of {@link #RUNS} each; prints MB/s for both and the ratio.
 */
final class LasBench {
    static final int CURVES = 20;
    static final int ROWS = 1_000_000;
    static final int RUNS = 3;

    private LasBench() {
    }

    /** Runs the benchmark in {@code dir} (a temporary directory, deleted afterwards, when null). */
    static void run(PrintWriter out, Path dir) throws IOException {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("geoassure-las-bench");
        Path file = work.resolve("synthetic.las");
        try {
            long t0 = System.nanoTime();
            write(file);
            double mb = Files.size(file) / 1e6;
            out.printf("las       generated %.0f MB (%,d rows x %d curves, LAS 2.0 unwrapped) in %.1f s%n", mb, ROWS,
                    CURVES, (System.nanoTime() - t0) / 1e9);
            double[] las = new double[RUNS];
            double[] naive = new double[RUNS];
            for (int r = 0; r < RUNS; r++) {
                long a = System.nanoTime();
                LasFile f = LasReader.read(file, LasOptions.defaults());
                las[r] = (System.nanoTime() - a) / 1e9;
                if (f.log().orElseThrow().rows() != ROWS) {
                    throw new IllegalStateException("LasReader read " + f.log().orElseThrow().rows() + " rows");
                }
                f = null;
                long b = System.nanoTime();
                int n = naive(file);
                naive[r] = (System.nanoTime() - b) / 1e9;
                if (n != ROWS) {
                    throw new IllegalStateException("baseline read " + n + " rows");
                }
            }
            Arrays.sort(las);
            Arrays.sort(naive);
            out.printf("las       LasReader: best %.2f s = %.0f MB/s (median %.2f s); naive split+parseDouble: best "
                    + "%.2f s = %.0f MB/s (median %.2f s); ratio %.1fx (%d runs each, alternating, 1 thread)%n",
                    las[0], mb / las[0], las[RUNS / 2], naive[0], mb / naive[0], naive[RUNS / 2], naive[0] / las[0],
                    RUNS);
        } finally {
            Files.deleteIfExists(file);
            if (dir == null) {
                Files.deleteIfExists(work);
            }
        }
    }

    private static void write(Path file) throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 20)) {
            w.write("~VERSION INFORMATION\n VERS.   2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0\n"
                    + " WRAP.   NO  : ONE LINE PER DEPTH STEP\n~WELL INFORMATION\n STRT.M 100.0000 : START DEPTH\n"
                    + " STOP.M " + (100 + (ROWS - 1) * 0.1) + " : STOP DEPTH\n STEP.M 0.1000 : STEP\n"
                    + " NULL. -999.25 : NULL VALUE\n WELL. SYNTHETIC : WELL\n~CURVE INFORMATION\n DEPT.M : DEPTH\n");
            for (int c = 1; c < CURVES; c++) {
                w.write(" C" + c + ".UNIT : synthetic curve " + c + "\n");
            }
            w.write("~A\n");
            StringBuilder sb = new StringBuilder(256);
            for (int r = 0; r < ROWS; r++) {
                sb.setLength(0);
                fixed(sb, 1_000_000L + r * 1000L, 4);
                for (int c = 1; c < CURVES; c++) {
                    sb.append(' ');
                    if (rnd.nextInt(100) == 0) {
                        sb.append("-999.25");
                    } else {
                        fixed(sb, rnd.nextLong(-5_000_000L, 50_000_000L), 3);
                    }
                }
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    /** Appends {@code v / 10^decimals} with exactly that many decimals. */
    private static void fixed(StringBuilder sb, long v, int decimals) {
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        long p = 1;
        for (int i = 0; i < decimals; i++) {
            p *= 10;
        }
        sb.append(v / p).append('.');
        String f = Long.toString(v % p);
        for (int i = f.length(); i < decimals; i++) {
            sb.append('0');
        }
        sb.append(f);
    }

    /** The baseline: lines, split on blanks, Double.parseDouble, growable double arrays; returns the row count. */
    private static int naive(Path file) throws IOException {
        double[][] cols = null;
        int rows = 0;
        boolean data = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!data) {
                    data = line.startsWith("~A");
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                if (cols == null) {
                    cols = new double[parts.length][1024];
                }
                if (rows == cols[0].length) {
                    for (int c = 0; c < cols.length; c++) {
                        cols[c] = Arrays.copyOf(cols[c], rows * 2);
                    }
                }
                for (int c = 0; c < parts.length; c++) {
                    double v = Double.parseDouble(parts[c]);
                    cols[c][rows] = v == -999.25 ? Double.NaN : v;
                }
                rows++;
            }
        }
        return rows;
    }
}
