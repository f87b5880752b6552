package org.geoassure.geodb.analysis;

import java.util.Objects;

/**
 * Turns a hole's collar and survey stations into a {@link HoleTrace}. Stateless; all methods are static.
 *
 * <p>Conventions (see the package documentation for the formulas): x east, y north, z up; azimuth in
 * degrees clockwise from grid north; dip in degrees, negative downwards; depth measured along the hole
 * from the collar in the coordinates' length unit.
 */
public final class Desurvey {
    /** Consecutive stations whose dogleg is within this many radians of π are rejected as anti-parallel. */
    static final double ANTI_PARALLEL_TOLERANCE = 1e-9;
    /** Below this dogleg (radians) the ratio factor is taken from its Taylor series. */
    static final double SERIES_LIMIT = 1e-4;

    private Desurvey() {
    }

    /**
     * Desurveys one hole.
     *
     * <p>Stations: depths strictly increasing and {@code >= 0}; azimuth in degrees clockwise from grid
     * north (any finite value, taken modulo 360); dip in degrees, negative downwards, in [-90, 90]. At
     * least one station is needed: for a hole without survey the caller builds one station from the
     * collar orientation. Coordinates: x east, y north, z elevation (up); depth is along the hole, in the
     * same length unit as the coordinates, 0 at the collar.
     *
     * <p>If the first station is deeper than 0 the trace gets a tie-in node at depth 0 (the collar) and
     * the hole runs straight from the collar along the first station's direction. Below the last station
     * it continues straight along the last station's direction.
     *
     * @param collarX collar easting
     * @param collarY collar northing
     * @param collarZ collar elevation
     * @param depth station depths along the hole (not modified, not retained)
     * @param azimuth station azimuths, degrees (not modified, not retained)
     * @param dip station dips, degrees, negative downwards (not modified, not retained)
     * @param method how the path between stations is reconstructed
     * @return the trace
     * @throws DesurveyException if there are no stations, a value is not finite, a depth is negative or
     *     not greater than the previous one, a dip is outside [-90, 90], or two consecutive stations are
     *     anti-parallel (dogleg within 1e-9 rad of 180°); the exception names the station
     * @throws IllegalArgumentException if the three arrays differ in length
     * @throws NullPointerException if an array or the method is null
     */
    public static HoleTrace compute(double collarX, double collarY, double collarZ,
                                    double[] depth, double[] azimuth, double[] dip, DesurveyMethod method) {
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(azimuth, "azimuth");
        Objects.requireNonNull(dip, "dip");
        Objects.requireNonNull(method, "method");
        final int n = depth.length;
        if (azimuth.length != n || dip.length != n) {
            throw new IllegalArgumentException("station arrays differ in length: depth " + n
                    + ", azimuth " + azimuth.length + ", dip " + dip.length);
        }
        if (n == 0) {
            throw new DesurveyException("no survey stations: a hole needs at least one station"
                    + " (build it from the collar orientation when the hole has no survey)");
        }
        if (!Double.isFinite(collarX) || !Double.isFinite(collarY) || !Double.isFinite(collarZ)) {
            throw new DesurveyException("collar coordinates must be finite, got ("
                    + collarX + ", " + collarY + ", " + collarZ + ")");
        }

        final int off = depth[0] > 0 ? 1 : 0; // tie-in node at the collar
        final int m = n + off;
        final double[] nd = new double[m];
        final double[] dir = new double[3 * m];
        final double[] pos = new double[3 * m];
        final double[] dogleg = new double[m];
        final int[] anchor = new int[m];

        for (int i = 0; i < n; i++) {
            final double d = depth[i];
            if (!Double.isFinite(d)) {
                throw new DesurveyException(i, d, "depth must be finite");
            }
            if (d < 0) {
                throw new DesurveyException(i, d, "negative depth");
            }
            if (i > 0 && !(d > depth[i - 1])) {
                throw new DesurveyException(i, d, "depth not greater than station " + (i - 1)
                        + " (depth " + depth[i - 1] + "); depths must be strictly increasing");
            }
            final double az = azimuth[i];
            if (!Double.isFinite(az)) {
                throw new DesurveyException(i, d, "azimuth must be finite, got " + az);
            }
            final double dp = dip[i];
            if (!(dp >= -90.0 && dp <= 90.0)) { // also rejects NaN
                throw new DesurveyException(i, d, "dip " + dp + " outside [-90, 90]");
            }
            final int k = i + off;
            nd[k] = d + 0.0; // turns -0.0 into 0.0
            directionInto(az, dp, dir, 3 * k);
        }
        if (off == 1) {
            dir[0] = dir[3];
            dir[1] = dir[4];
            dir[2] = dir[5];
        }
        pos[0] = collarX;
        pos[1] = collarY;
        pos[2] = collarZ;

        for (int k = 1; k < m; k++) {
            final int p = 3 * k;
            final int q = p - 3;
            final double t1x = dir[q];
            final double t1y = dir[q + 1];
            final double t1z = dir[q + 2];
            final double t2x = dir[p];
            final double t2y = dir[p + 1];
            final double t2z = dir[p + 2];
            if (t1x == t2x && t1y == t2y && t1z == t2z) {
                // Straight run: measure from the start of the run so that long straight (e.g. vertical)
                // holes do not accumulate rounding; a vertical hole from z0 reaches exactly z0 - depth.
                final int a = anchor[k - 1];
                anchor[k] = a;
                final double len = nd[k] - nd[a];
                final int r = 3 * a;
                pos[p] = pos[r] + len * t2x;
                pos[p + 1] = pos[r + 1] + len * t2y;
                pos[p + 2] = pos[r + 2] + len * t2z;
                continue;
            }
            anchor[k] = k;
            final double sx = t1x + t2x;
            final double sy = t1y + t2y;
            final double sz = t1z + t2z;
            final double beta = dogleg(t1x, t1y, t1z, t2x, t2y, t2z);
            if (isAntiParallel(beta)) {
                final int i = k - off;
                throw new DesurveyException(i, depth[i], "anti-parallel to station " + (i - 1)
                        + " (depth " + depth[i - 1] + ", dogleg " + Math.toDegrees(beta)
                        + "°): the path between them is undefined");
            }
            dogleg[k] = beta;
            final double len = nd[k] - nd[k - 1];
            switch (method) {
                case MINIMUM_CURVATURE: {
                    final double h = 0.5 * len * rf(beta);
                    pos[p] = pos[q] + h * sx;
                    pos[p + 1] = pos[q + 1] + h * sy;
                    pos[p + 2] = pos[q + 2] + h * sz;
                    break;
                }
                case TANGENT:
                    pos[p] = pos[q] + len * t2x;
                    pos[p + 1] = pos[q + 1] + len * t2y;
                    pos[p + 2] = pos[q + 2] + len * t2z;
                    break;
                case BALANCED_TANGENT: {
                    final double h = 0.5 * len;
                    pos[p] = pos[q] + h * sx;
                    pos[p + 1] = pos[q + 1] + h * sy;
                    pos[p + 2] = pos[q + 2] + h * sz;
                    break;
                }
                default:
                    throw new AssertionError(method);
            }
        }
        return new HoleTrace(method, off, nd, pos, dir, dogleg, anchor);
    }

    /**
     * Unit direction vector of a hole pointing along {@code azimuthDeg} / {@code dipDeg}:
     * (east, north, up) = (cos dip · sin az, cos dip · cos az, sin dip), which equals
     * (sin I sin A, sin I cos A, −cos I) with inclination I = 90 + dip. Axis directions (azimuth a
     * multiple of 90, dip 0 or ±90) come out exact. Angles are not validated here.
     *
     * @param azimuthDeg azimuth, degrees clockwise from grid north
     * @param dipDeg dip, degrees, negative downwards
     * @param out receives east, north, up in {@code out[0..2]}
     */
    public static void direction(double azimuthDeg, double dipDeg, double[] out) {
        directionInto(azimuthDeg, dipDeg, out, 0);
    }

    /**
     * Dogleg between two station directions, in radians: 2·atan2(|t2 − t1|, |t2 + t1|), stable for every angle.
     *
     * @param azimuth1 first azimuth, degrees clockwise from grid north
     * @param dip1 first dip, degrees, negative downwards
     * @param azimuth2 second azimuth
     * @param dip2 second dip
     * @return the dogleg in [0, π]
     */
    public static double dogleg(double azimuth1, double dip1, double azimuth2, double dip2) {
        double[] t = new double[6];
        directionInto(azimuth1, dip1, t, 0);
        directionInto(azimuth2, dip2, t, 3);
        return dogleg(t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    /** Dogleg between unit directions t1 and t2: 2·atan2(|t2 − t1|, |t2 + t1|). */
    private static double dogleg(double t1x, double t1y, double t1z, double t2x, double t2y, double t2z) {
        final double dx = t2x - t1x;
        final double dy = t2y - t1y;
        final double dz = t2z - t1z;
        final double sx = t1x + t2x;
        final double sy = t1y + t2y;
        final double sz = t1z + t2z;
        return 2.0 * Math.atan2(Math.sqrt(dx * dx + dy * dy + dz * dz), Math.sqrt(sx * sx + sy * sy + sz * sz));
    }

    /**
     * Whether a dogleg is so close to 180° (within 1e-9 rad) that consecutive stations are anti-parallel: the hole
     * would reverse on itself and no desurvey method defines a path. {@link #compute} refuses such stations.
     */
    public static boolean isAntiParallel(double doglegRadians) {
        return Math.PI - doglegRadians <= ANTI_PARALLEL_TOLERANCE;
    }

    /**
     * Minimum-curvature ratio factor RF(β) = tan(β/2)/(β/2): the factor by which the balanced-tangent
     * displacement is stretched onto the circular arc. Exactly 1 for β = 0; from the series
     * 1 + β²/12 + β⁴/120 for β below 1e-4.
     *
     * @param doglegRadians dogleg β in radians, in [0, π)
     * @return RF(β), at least 1
     * @throws IllegalArgumentException if β is outside [0, π) or NaN
     */
    public static double ratioFactor(double doglegRadians) {
        if (!(doglegRadians >= 0 && doglegRadians < Math.PI)) {
            throw new IllegalArgumentException("dogleg must be in [0, π) radians, got " + doglegRadians);
        }
        return rf(doglegRadians);
    }

    /** Ratio factor without argument checks; β ≥ 0. */
    static double rf(double beta) {
        if (beta == 0.0) {
            return 1.0;
        }
        if (beta < SERIES_LIMIT) {
            final double b2 = beta * beta;
            return 1.0 + b2 / 12.0 + b2 * b2 / 120.0;
        }
        final double half = 0.5 * beta;
        return Math.tan(half) / half;
    }

    /** Writes the unit direction for azimuth/dip (degrees, dip negative down) into out[o..o+2]. */
    static void directionInto(double azimuthDeg, double dipDeg, double[] out, int o) {
        // Horizontal part h = cos(dip) = sin I, vertical part v = sin(dip) = -cos I. |dip| is reduced to
        // [0, 45] (90 - |dip| is exact for |dip| >= 45) so that 0 and ±90 come out exact; the cosine of
        // an angle in [0, 45°] is taken as sqrt(1 - sin²), accurate to an ulp there and cheaper than cos.
        final double ad = Math.abs(dipDeg);
        final double h;
        double v;
        if (ad <= 45.0) {
            v = Math.sin(Math.toRadians(ad));
            h = Math.sqrt(1.0 - v * v);
        } else {
            h = Math.sin(Math.toRadians(90.0 - ad));
            v = Math.sqrt(1.0 - h * h);
        }
        if (dipDeg < 0) {
            v = -v;
        }
        // Azimuth modulo 360, floor-based (the floating-point % is several times slower; this is exact
        // like fmod for |azimuth| < 2^53), then reduced by quadrant (subtracting 90, 180 or 270 is exact)
        // and octant, so that the axis azimuths give exact 0 and ±1.
        double a = azimuthDeg;
        if (a < 0.0 || a >= 360.0) {
            a -= 360.0 * Math.floor(a / 360.0); // may round to 360.0: handled by the last quadrant
        }
        final double q;
        final int quadrant;
        if (a < 90.0) {
            q = a;
            quadrant = 0;
        } else if (a < 180.0) {
            q = a - 90.0;
            quadrant = 1;
        } else if (a < 270.0) {
            q = a - 180.0;
            quadrant = 2;
        } else {
            q = a - 270.0;
            quadrant = 3;
        }
        final double s; // sin q
        final double c; // cos q
        if (q <= 45.0) {
            s = Math.sin(Math.toRadians(q));
            c = Math.sqrt(1.0 - s * s);
        } else {
            c = Math.sin(Math.toRadians(90.0 - q));
            s = Math.sqrt(1.0 - c * c);
        }
        final double sinA;
        final double cosA;
        switch (quadrant) {
            case 0:
                sinA = s;
                cosA = c;
                break;
            case 1:
                sinA = c;
                cosA = -s;
                break;
            case 2:
                sinA = -s;
                cosA = -c;
                break;
            default:
                sinA = -c;
                cosA = s;
                break;
        }
        out[o] = h * sinA;
        out[o + 1] = h * cosA;
        out[o + 2] = v;
    }
}
