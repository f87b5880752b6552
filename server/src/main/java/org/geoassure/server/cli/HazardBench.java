package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.geoassure.geodb.hazard.AnalysisGrid;
import org.geoassure.geodb.hazard.DisturbedZone;
import org.geoassure.geodb.hazard.GridValues;
import org.geoassure.geodb.hazard.InputRef;
import org.geoassure.geodb.hazard.Interpolation;
import org.geoassure.geodb.hazard.PressureField;
import org.geoassure.geodb.hazard.PressurePoint;
import org.geoassure.geodb.hazard.ThicknessField;
import org.geoassure.geodb.hazard.WaterInrush;
import org.geoassure.geodb.hazard.WaterInrushParams;
import org.geoassure.geodb.hazard.WaterInrushResult;
import org.geoassure.geodb.hazard.Zone;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@code geoassure bench --only hazard}: the water-inrush coefficient over a grid of 1000 × 1000 cells of 5 m
 * (5 km × 5 km at CGCS2000 Gauss-Krüger zone 39 coordinates) with 25 piezometers (heads, seed fixed), aquiclude
 * thickness from two surfaces (40–75 m), one disturbed zone (a 5.6 km fault trace buffered by 60 m) and the four zones
 * extracted. Each variant (pressure by IDW, by planar trend, given as a grid) is run {@link #ROUNDS} times after
 * {@link #WARMUP} untimed runs; median and best wall-clock time of the whole {@link WaterInrush#compute} are printed,
 * and the median CPU time of the calling thread (single-threaded code), which a busy shared machine disturbs less.
 */
final class HazardBench {
    private static final int N = 1000;
    private static final double CELL = 5;
    private static final double X0 = 39_500_000;
    private static final double Y0 = 4_400_000;
    private static final int WARMUP = 3;
    private static final int ROUNDS = 9;

    private HazardBench() {
    }

    static void run(PrintWriter out) {
        AnalysisGrid grid = AnalysisGrid.of(X0, Y0, CELL, N, N);
        double[] top = new double[grid.cells()];
        double[] bottom = new double[grid.cells()];
        double[] pGrid = new double[grid.cells()];
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                double u = (i + 0.5) * CELL;
                double v = (j + 0.5) * CELL;
                top[j * N + i] = -300;
                bottom[j * N + i] = -340 - 30 * v / (N * CELL) + 5 * Math.sin(u / 300);
                pGrid[j * N + i] = 9806.65 * (250 + 0.05 * u + 20 * Math.sin(v / 700)) / 1e6;
            }
        }
        SplittableRandom rnd = new SplittableRandom(42);
        List<PressurePoint> piezometers = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double u = (a + 0.2 + 0.6 * rnd.nextDouble()) * N * CELL / 5;
                double v = (b + 0.2 + 0.6 * rnd.nextDouble()) * N * CELL / 5;
                double head = -350 + 250 + 0.05 * u + 20 * Math.sin(v / 700) + rnd.nextDouble() * 10 - 5;
                piezometers.add(PressurePoint.ofHead("PZ" + a + b, X0 + u, Y0 + v, head, -350));
            }
        }
        GeometryFactory gf = new GeometryFactory();
        DisturbedZone fault = new DisturbedZone(InputRef.of("fault_zone", "F1"), gf.createLineString(new Coordinate[] {
            new Coordinate(X0 + 500, Y0 + 300), new Coordinate(X0 + 2600, Y0 + 2500),
            new Coordinate(X0 + 4600, Y0 + 4700)}).buffer(60));
        ThicknessField thickness = ThicknessField.ofSurfaces(new GridValues(grid, top), null,
                new GridValues(grid, bottom), null);
        out.printf("hazard    water-inrush coefficient, %,d cells (%d x %d of %.0f m), 25 piezometers, 1 disturbed zone"
                + " (%d vertices), zones extracted; %d warm-up + %d timed runs each%n", grid.cells(), N, N, CELL,
                fault.area().getNumPoints(), WARMUP, ROUNDS);
        List<Object[]> variants = List.of(
                new Object[] {"IDW (power 2)", PressureField.ofPoints(piezometers, Interpolation.IDW)},
                new Object[] {"planar trend", PressureField.ofPoints(piezometers, Interpolation.PLANAR_TREND)},
                new Object[] {"pressure grid", PressureField.ofGrid(new GridValues(grid, pGrid), null)});
        for (Object[] v : variants) {
            PressureField pf = (PressureField) v[1];
            WaterInrushResult r = null;
            for (int k = 0; k < WARMUP; k++) {
                r = WaterInrush.compute(grid, pf, thickness, List.of(fault), WaterInrushParams.defaults());
            }
            double[] s = new double[ROUNDS];
            double[] cpu = new double[ROUNDS];
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            for (int k = 0; k < ROUNDS; k++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                r = WaterInrush.compute(grid, pf, thickness, List.of(fault), WaterInrushParams.defaults());
                s[k] = (System.nanoTime() - t0) / 1e9;
                cpu[k] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            Arrays.sort(s);
            Arrays.sort(cpu);
            Zone ex = r.zone("exceeds_critical");
            out.printf("hazard    P by %-13s: wall median %.3f s, best %.3f s; CPU (this thread) median %.3f s; T %.4f..%.4f MPa/m, exceeds_critical "
                    + "%,.0f m2 in %d polygons (%,d vertices), T>0.06 %,.0f m2, T>0.10 %,.0f m2, disturbed %,.0f m2%n",
                    v[0], s[ROUNDS / 2], s[0], cpu[ROUNDS / 2], r.summary().minT(), r.summary().maxT(), ex.area(),
                    ex.partAreas().size(), ex.geometry().getNumPoints(), r.zone("t_above_disturbed").area(),
                    r.zone("t_above_normal").area(), r.summary().disturbedArea());
        }
    }
}
