package org.geoassure.geodb.analysis;

import org.geoassure.geodb.InvalidContentException;

/**
 * A 3D anisotropy (or search) ellipsoid: three orientation angles and three semi-axis lengths, in GSLIB's
 * convention (Deutsch &amp; Journel, <i>GSLIB</i>, 2nd ed., 1998, section II.3, routine {@code setrot}).
 *
 * <ul>
 *   <li>{@code azimuth}: degrees clockwise from grid north of the major axis' horizontal projection.</li>
 *   <li>{@code dip}: degrees of the major axis below (negative) or above (positive) the horizontal — the
 *       project's "negative downwards" convention, which is GSLIB's {@code ang2}.</li>
 *   <li>{@code rake}: degrees of rotation of the semi-major and minor axes about the major axis (GSLIB's
 *       {@code ang3}; the sign is GSLIB's: θ enters the matrix below).</li>
 *   <li>{@code major}, {@code semi}, {@code minor}: lengths along the three axes (metres). They need not be in
 *       decreasing order.</li>
 * </ul>
 * The rotation matrix rows are the unit major, semi-major and minor axes in (east, north, up):
 * with α = 90° − azimuth, β = −dip, θ = rake,
 * major = (cos β cos α, cos β sin α, −sin β),
 * semi = (−cos θ sin α + sin θ sin β cos α, cos θ cos α + sin θ sin β sin α, sin θ cos β),
 * minor = (sin θ sin α + cos θ sin β cos α, −sin θ cos α + cos θ sin β sin α, cos θ cos β).
 * The <i>reduced distance</i> of a vector h is √((h·major/a₁)² + (h·semi/a₂)² + (h·minor/a₃)²): 1 on the
 * ellipsoid's surface.
 *
 * @param azimuth major axis azimuth, degrees clockwise from north
 * @param dip major axis dip, degrees, negative downwards, in [−90, 90]
 * @param rake rotation about the major axis, degrees
 * @param major length along the major axis (m), positive
 * @param semi length along the semi-major axis (m), positive
 * @param minor length along the minor axis (m), positive
 */
public record Ellipsoid(double azimuth, double dip, double rake, double major, double semi, double minor) {

    public Ellipsoid {
        check("azimuth", azimuth, false);
        check("dip", dip, false);
        check("rake", rake, false);
        if (dip < -90 || dip > 90) {
            throw new InvalidContentException("dip: " + dip + " is outside [-90, 90]");
        }
        check("major", major, true);
        check("semi", semi, true);
        check("minor", minor, true);
    }

    private static void check(String field, double v, boolean positive) {
        if (!Double.isFinite(v) || (positive && !(v > 0))) {
            throw new InvalidContentException(field + ": " + v + (positive ? " must be positive and finite"
                    : " must be finite"));
        }
    }

    /** A sphere of that radius (all angles 0). */
    public static Ellipsoid isotropic(double radius) {
        return new Ellipsoid(0, 0, 0, radius, radius, radius);
    }

    /** Whether the three lengths are equal, so that orientation does not matter. */
    public boolean isIsotropic() {
        return major == semi && semi == minor;
    }

    /** The 3 × 3 rotation matrix, row-major: rows are the unit major, semi-major and minor axes. */
    public double[] rotation() {
        double a = Math.toRadians(90 - azimuth);
        double b = Math.toRadians(-dip);
        double t = Math.toRadians(rake);
        double sa = Math.sin(a);
        double ca = Math.cos(a);
        double sb = Math.sin(b);
        double cb = Math.cos(b);
        double st = Math.sin(t);
        double ct = Math.cos(t);
        return new double[] {
            cb * ca, cb * sa, -sb,
            -ct * sa + st * sb * ca, ct * ca + st * sb * sa, st * cb,
            st * sa + ct * sb * ca, -st * ca + ct * sb * sa, ct * cb};
    }

    /**
     * The rotation matrix with each row divided by its axis length: multiplying a vector by it gives its coordinates
     * in units of the axes, whose norm is the reduced distance.
     */
    public double[] scaledRotation() {
        double[] r = rotation();
        double[] len = {major, semi, minor};
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 3; c++) {
                r[row * 3 + c] /= len[row];
            }
        }
        return r;
    }

    /** Reduced distance of the vector (dx, dy, dz): 1 on the ellipsoid surface. */
    public double reducedDistance(double dx, double dy, double dz) {
        double[] m = scaledRotation();
        double u = m[0] * dx + m[1] * dy + m[2] * dz;
        double v = m[3] * dx + m[4] * dy + m[5] * dz;
        double w = m[6] * dx + m[7] * dy + m[8] * dz;
        return Math.sqrt(u * u + v * v + w * w);
    }
}
