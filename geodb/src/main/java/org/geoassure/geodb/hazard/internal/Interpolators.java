package org.geoassure.geodb.hazard.internal;

import org.geoassure.geodb.InvalidContentException;

/** Point-to-grid interpolation kernels over primitive arrays. Not for use outside the hazard package. */
public final class Interpolators {
    private Interpolators() {
    }

    /**
     * Least-squares plane v = mv + b·(x − mx) + c·(y − my) through the points (coordinates centred on their mean, so
     * the normal equations stay well conditioned at Gauss-Krüger magnitudes).
     *
     * @return {mx, my, mv, b, c, rms residual}
     * @throws InvalidContentException naming {@code field} with fewer than 3 points or collinear points
     */
    public static double[] fitPlane(double[] x, double[] y, double[] v, String field) {
        int n = x.length;
        if (n < 3) {
            throw new InvalidContentException(field + ": a planar trend needs at least 3 points, got " + n);
        }
        double mx = 0;
        double my = 0;
        double mv = 0;
        for (int k = 0; k < n; k++) {
            mx += x[k];
            my += y[k];
            mv += v[k];
        }
        mx /= n;
        my /= n;
        mv /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        double sxv = 0;
        double syv = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx;
            double dy = y[k] - my;
            double dv = v[k] - mv;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
            sxv += dx * dv;
            syv += dy * dv;
        }
        double det = sxx * syy - sxy * sxy;
        if (!(det > 1e-9 * sxx * syy) || !(sxx > 0) || !(syy > 0)) {
            throw new InvalidContentException(field + ": the points are (nearly) collinear, a plane is not defined");
        }
        double b = (sxv * syy - syv * sxy) / det;
        double c = (syv * sxx - sxv * sxy) / det;
        double ss = 0;
        for (int k = 0; k < n; k++) {
            double r = v[k] - (mv + b * (x[k] - mx) + c * (y[k] - my));
            ss += r * r;
        }
        return new double[] {mx, my, mv, b, c, Math.sqrt(ss / n)};
    }

    /** Evaluates a plane from {@link #fitPlane} at the points (cx[k], cy[k]) into out[k]. */
    public static void evalPlane(double[] plane, double[] cx, double[] cy, double[] out) {
        double mx = plane[0];
        double my = plane[1];
        double mv = plane[2];
        double b = plane[3];
        double c = plane[4];
        for (int k = 0; k < out.length; k++) {
            out[k] = mv + b * (cx[k] - mx) + c * (cy[k] - my);
        }
    }

    /**
     * Inverse distance weighting over all points with weights 1/d^power; a target on a point takes its value (the
     * mean of coincident points).
     */
    public static void idw(double[] x, double[] y, double[] v, double power, double[] cx, double[] cy, double[] out) {
        int n = x.length;
        boolean two = power == 2.0;
        double half = power / 2;
        for (int k = 0; k < out.length; k++) {
            double px = cx[k];
            double py = cy[k];
            double sw = 0;
            double swv = 0;
            double exactSum = 0;
            int exact = 0;
            for (int m = 0; m < n; m++) {
                double dx = x[m] - px;
                double dy = y[m] - py;
                double d2 = dx * dx + dy * dy;
                if (d2 == 0) {
                    exact++;
                    exactSum += v[m];
                    continue;
                }
                double w = two ? 1 / d2 : Math.pow(d2, -half);
                sw += w;
                swv += w * v[m];
            }
            out[k] = exact > 0 ? exactSum / exact : swv / sw;
        }
    }
}
