package org.geoassure.server.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.geoassure.geodb.analysis.Ellipsoid;
import org.geoassure.geodb.analysis.Estimation;
import org.geoassure.geodb.analysis.ExperimentalVariogram;
import org.geoassure.geodb.analysis.GridEstimate;
import org.geoassure.geodb.analysis.InverseDistance;
import org.geoassure.geodb.analysis.Kriging;
import org.geoassure.geodb.analysis.LagClasses;
import org.geoassure.geodb.analysis.Neighbourhood;
import org.geoassure.geodb.analysis.Samples;
import org.geoassure.geodb.analysis.StructureType;
import org.geoassure.geodb.analysis.VariogramModel;
import org.geoassure.geodb.grid.BlockModel;

/**
 * {@code bench --only krige}: ordinary kriging and IDW of 10^4 synthetic samples onto 10^6 cells with 32 neighbours,
 * and the experimental variogram of the 10^4 samples (5·10^7 pairs). With {@code --dir}, writes the samples, the grid
 * definition and the kriging result as CSV there for {@code tools/gstat-bench/krige.R}.
 */
final class KrigeBench {
    static final int SAMPLES = 10_000;
    static final int NEIGHBOURS = 32;
    static final double RADIUS = 300;
    static final BlockModel GRID = new BlockModel("bench", 0, 0, 0, 0, 10, 10, 1, 100, 100, 100, List.of());
    static final VariogramModel MODEL = VariogramModel.of(0.1, StructureType.SPHERICAL, 0.9, 200);

    private KrigeBench() {
    }

    /** CPU time of the whole process (all threads), seconds; the machine is shared, so wall time alone misleads. */
    private static double cpu() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean b ? b.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** 10^4 samples uniform in the grid's 1000 × 1000 × 100 m box, a smooth field plus noise, seed 42. */
    static Samples samples() {
        SplittableRandom r = new SplittableRandom(42);
        double[] x = new double[SAMPLES];
        double[] y = new double[SAMPLES];
        double[] z = new double[SAMPLES];
        double[] v = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            x[i] = 1000 * r.nextDouble();
            y[i] = 1000 * r.nextDouble();
            z[i] = 100 * r.nextDouble();
            v[i] = Math.sin(x[i] / 150) * Math.cos(y[i] / 200) + z[i] / 100 + 0.3 * (r.nextDouble() - 0.5);
        }
        return new Samples(x, y, z, v);
    }

    static void run(PrintWriter out, Path dir) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        Samples s = samples();
        Neighbourhood hood = new Neighbourhood(Ellipsoid.isotropic(RADIUS), NEIGHBOURS, 1, 0);
        Kriging ok = Kriging.ordinary(MODEL);
        InverseDistance idw = InverseDistance.isotropic(2);
        BlockModel warm = new BlockModel("warm", 0, 0, 0, 0, 10, 10, 10, 100, 100, 10, List.of());
        Estimation.grid(ok, s, hood, warm, threads);
        Estimation.grid(idw, s, hood, warm, threads);

        double[] idwT = new double[3];
        GridEstimate idwRes = null;
        double idwCpu = cpu();
        for (int r = 0; r < idwT.length; r++) {
            long t0 = System.nanoTime();
            idwRes = Estimation.grid(idw, s, hood, GRID, threads);
            idwT[r] = (System.nanoTime() - t0) / 1e9;
        }
        idwCpu = (cpu() - idwCpu) / idwT.length;
        Arrays.sort(idwT);
        out.printf(Locale.ROOT, "idw       %,d samples -> %,d cells, %d nearest within %.0f m, power 2, %d threads: "
                + "median %.2f s, best %.2f s wall over %d runs, %.2f s process CPU per run (%,d cells estimated)%n",
                SAMPLES, GRID.gridCells(), NEIGHBOURS, RADIUS, threads, idwT[1], idwT[0], idwT.length, idwCpu,
                idwRes.estimated());

        GridEstimate okRes = null;
        for (int t : threads > 1 ? new int[] {threads, 1} : new int[] {1}) {
            double c0 = cpu();
            long t0 = System.nanoTime();
            GridEstimate g = Estimation.grid(ok, s, hood, GRID, t);
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpuSec = cpu() - c0;
            if (okRes == null) {
                okRes = g;
            }
            out.printf(Locale.ROOT, "krige     ordinary kriging, %,d samples -> %,d cells, %d nearest within %.0f m, "
                    + "nugget 0.1 + spherical 0.9 range 200 m, %d thread(s): %.2f s wall, %.2f s process CPU "
                    + "(%.1f us CPU/cell, %,d cells estimated)%n", SAMPLES, GRID.gridCells(), NEIGHBOURS, RADIUS, t,
                    sec, cpuSec, cpuSec * 1e6 / GRID.gridCells(), g.estimated());
        }

        LagClasses lags = LagClasses.of(20, 25);
        ExperimentalVariogram.compute(s, lags);
        double[] vt = new double[5];
        for (int r = 0; r < vt.length; r++) {
            long t0 = System.nanoTime();
            ExperimentalVariogram.compute(s, lags);
            vt[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(vt);
        out.printf(Locale.ROOT, "variogram %,d samples, %,d pairs, 25 lags of 20 m, %d threads: median %.3f s, best "
                + "%.3f s over %d runs%n", SAMPLES, (long) SAMPLES * (SAMPLES - 1) / 2, threads, vt[2], vt[0],
                vt.length);

        if (dir != null) {
            Files.createDirectories(dir);
            export(dir, s, okRes);
            out.printf("krige     wrote samples.csv, grid.csv and ok.csv to %s (for tools/gstat-bench/krige.R)%n", dir);
        }
    }

    private static void export(Path dir, Samples s, GridEstimate ok) throws IOException {
        double[] x = s.x();
        double[] y = s.y();
        double[] z = s.z();
        double[] v = s.v();
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("samples.csv"), StandardCharsets.UTF_8)) {
            w.write("x,y,z,v\n");
            for (int i = 0; i < x.length; i++) {
                w.write(Double.toString(x[i]) + ',' + y[i] + ',' + z[i] + ',' + v[i] + '\n');
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("grid.csv"), StandardCharsets.UTF_8)) {
            w.write("key,value\n");
            w.write("x0," + GRID.originX() + "\ny0," + GRID.originY() + "\nz0," + GRID.originZ() + "\n");
            w.write("dx," + GRID.dx() + "\ndy," + GRID.dy() + "\ndz," + GRID.dz() + "\n");
            w.write("nx," + GRID.nx() + "\nny," + GRID.ny() + "\nnz," + GRID.nz() + "\n");
            w.write("nmax," + NEIGHBOURS + "\nmaxdist," + RADIUS + "\nnugget," + MODEL.nugget() + "\n");
            w.write("psill," + MODEL.structures().get(0).sill() + "\nrange,"
                    + MODEL.structures().get(0).ellipsoid().major() + "\n");
        }
        double[] val = ok.values();
        double[] var = ok.variances();
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("ok.csv"), StandardCharsets.UTF_8)) {
            w.write("value,variance\n");
            for (int i = 0; i < val.length; i++) {
                w.write(Double.toString(val[i]) + ',' + var[i] + '\n');
            }
        }
    }
}
