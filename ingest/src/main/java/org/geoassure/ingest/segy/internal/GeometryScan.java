package org.geoassure.ingest.segy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.geoassure.geodb.StorageException;
import org.geoassure.ingest.segy.SegyFile;
import org.geoassure.ingest.segy.SurveyGeometry;
import org.geoassure.ingest.segy.SurveyGeometry.Corner;
import org.geoassure.ingest.segy.SurveyGeometry.GridCoordinates;
import org.geoassure.ingest.segy.SurveyGeometry.Kind;
import org.geoassure.ingest.segy.SurveyGeometry.Sorting;
import org.geoassure.ingest.segy.TraceHeader;

/**
 * Finds the trace layout from every trace's inline, crossline and offset (the rules are in
 * {@link org.geoassure.ingest.segy.SegyReader}) and fits the grid to the CDP X/Y.
 */
public final class GeometryScan {
    private GeometryScan() {
    }

    /** Reads every trace header of {@code file} once. */
    public static SurveyGeometry scan(SegyFile file) throws StorageException {
        int n = file.traceCount();
        int[] il = new int[n];
        int[] xl = new int[n];
        int[] off = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            TraceHeader h = file.traceHeader(t);
            il[t] = h.inline();
            xl[t] = h.crossline();
            off[t] = h.offset();
            x[t] = h.cdpX();
            y[t] = h.cdpY();
        }
        return grid(il, xl, off, x, y).orElseGet(() -> unstructured(off));
    }

    private static SurveyGeometry unstructured(int[] off) {
        Set<Integer> distinct = new LinkedHashSet<>();
        for (int o : off) {
            distinct.add(o);
        }
        return new SurveyGeometry(Kind.UNSTRUCTURED, Sorting.UNKNOWN, 0, 0, 0, 0, 0, 0, new ArrayList<>(distinct),
                Optional.empty());
    }

    private static Optional<SurveyGeometry> grid(int[] il, int[] xl, int[] off, double[] x, double[] y) {
        int n = il.length;
        int k = 1;
        while (k < n && il[k] == il[0] && xl[k] == xl[0]) {
            k++;
        }
        if (n % k != 0 || n == 0) {
            return Optional.empty();
        }
        Set<Integer> gather = new LinkedHashSet<>();
        for (int o = 0; o < k; o++) {
            if (!gather.add(off[o])) {
                return Optional.empty(); // repeated offsets: not a gather (e.g. shot records without line numbers)
            }
        }
        Sorting sorting;
        if (k == n || il[k] == il[0] && xl[k] != xl[0]) {
            sorting = Sorting.INLINE;
        } else if (xl[k] == xl[0] && il[k] != il[0]) {
            sorting = Sorting.CROSSLINE;
        } else {
            return Optional.empty();
        }
        int[] slow = sorting == Sorting.INLINE ? il : xl;
        int[] fast = sorting == Sorting.INLINE ? xl : il;
        int nodes = n / k;
        int nFast = 1;
        while (nFast < nodes && slow[nFast * k] == slow[0]) {
            nFast++;
        }
        if (nodes % nFast != 0) {
            return Optional.empty();
        }
        int nSlow = nodes / nFast;
        int fastStep = nFast > 1 ? fast[k] - fast[0] : 1;
        int slowStep = nSlow > 1 ? slow[nFast * k] - slow[0] : 1;
        if (fastStep <= 0 || slowStep <= 0) {
            return Optional.empty(); // descending or repeated numbers
        }
        for (int t = 0; t < n; t++) {
            int node = t / k;
            if (slow[t] != slow[0] + (node / nFast) * slowStep || fast[t] != fast[0] + (node % nFast) * fastStep
                    || off[t] != off[t % k]) {
                return Optional.empty();
            }
        }
        int nIl = sorting == Sorting.INLINE ? nSlow : nFast;
        int nXl = sorting == Sorting.INLINE ? nFast : nSlow;
        int ilStep = sorting == Sorting.INLINE ? slowStep : fastStep;
        int xlStep = sorting == Sorting.INLINE ? fastStep : slowStep;
        int ilMin = il[0];
        int xlMin = xl[0];
        List<Integer> offsets = new ArrayList<>();
        for (int o = 0; o < k; o++) {
            offsets.add(off[o]);
        }
        Optional<GridCoordinates> coordinates = Optional.empty();
        if (nIl >= 2 && nXl >= 2) {
            coordinates = fit(il, xl, x, y, k, ilMin, ilStep, nIl, xlMin, xlStep, nXl);
        }
        return Optional.of(new SurveyGeometry(k == 1 ? Kind.POST_STACK_3D : Kind.PRE_STACK_3D, sorting, ilMin,
                ilMin + (nIl - 1) * ilStep, ilStep, xlMin, xlMin + (nXl - 1) * xlStep, xlStep, offsets,
                coordinates));
    }

    /**
     * Least squares {@code X = X0 + i * a + j * b} (and Y alike) over the first trace of each gather, coordinates
     * taken relative to the first trace's for precision.
     */
    private static Optional<GridCoordinates> fit(int[] il, int[] xl, double[] x, double[] y, int k, int ilMin,
            int ilStep, int nIl, int xlMin, int xlStep, int nXl) {
        int nodes = il.length / k;
        double x0 = x[0];
        double y0 = y[0];
        double[] gi = new double[nodes];
        double[] gj = new double[nodes];
        double[] gx = new double[nodes];
        double[] gy = new double[nodes];
        boolean any = false;
        for (int node = 0; node < nodes; node++) {
            int t = node * k;
            any |= x[t] != 0 || y[t] != 0;
            gi[node] = (il[t] - ilMin) / ilStep;
            gj[node] = (xl[t] - xlMin) / xlStep;
            gx[node] = x[t] - x0;
            gy[node] = y[t] - y0;
        }
        if (!any) {
            return Optional.empty();
        }
        double mi = mean(gi);
        double mj = mean(gj);
        double mx = mean(gx);
        double my = mean(gy);
        double sii = 0;
        double sjj = 0;
        double sij = 0;
        double six = 0;
        double sjx = 0;
        double siy = 0;
        double sjy = 0;
        for (int node = 0; node < nodes; node++) {
            double di = gi[node] - mi;
            double dj = gj[node] - mj;
            double dx = gx[node] - mx;
            double dy = gy[node] - my;
            sii += di * di;
            sjj += dj * dj;
            sij += di * dj;
            six += di * dx;
            sjx += dj * dx;
            siy += di * dy;
            sjy += dj * dy;
        }
        double det = sii * sjj - sij * sij;
        double ax = (six * sjj - sjx * sij) / det;
        double bx = (sjx * sii - six * sij) / det;
        double ay = (siy * sjj - sjy * sij) / det;
        double by = (sjy * sii - siy * sij) / det;
        double ox = mx - ax * mi - bx * mj;
        double oy = my - ay * mi - by * mj;
        double residual = 0;
        for (int node = 0; node < nodes; node++) {
            residual = Math.max(residual, Math.hypot(ox + ax * gi[node] + bx * gj[node] - gx[node],
                    oy + ay * gi[node] + by * gj[node] - gy[node]));
        }
        int ilMax = ilMin + (nIl - 1) * ilStep;
        int xlMax = xlMin + (nXl - 1) * xlStep;
        double ei = nIl - 1.0;
        double ej = nXl - 1.0;
        List<Corner> corners = Arrays.asList(
                new Corner(ilMin, xlMin, x0 + ox, y0 + oy),
                new Corner(ilMin, xlMax, x0 + ox + bx * ej, y0 + oy + by * ej),
                new Corner(ilMax, xlMax, x0 + ox + ax * ei + bx * ej, y0 + oy + ay * ei + by * ej),
                new Corner(ilMax, xlMin, x0 + ox + ax * ei, y0 + oy + ay * ei));
        return Optional.of(new GridCoordinates(x0 + ox, y0 + oy, azimuth(bx, by), azimuth(ax, ay),
                Math.hypot(ax, ay), Math.hypot(bx, by), corners, residual));
    }

    /** Degrees clockwise from +Y of the vector (east, north), in [0, 360). */
    static double azimuth(double east, double north) {
        double a = Math.toDegrees(Math.atan2(east, north));
        return a < 0 ? a + 360 : a >= 360 ? a - 360 : a;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return sum / v.length;
    }
}
