package org.geoassure.geodb.crs;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geoassure.geodb.InvalidContentException;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.Proj4jException;

/**
 * A horizontal coordinate reference system known by its EPSG code, backed by proj4j.
 *
 * <p>Axis order is always x = easting (or longitude), y = northing (or latitude), whatever the EPSG
 * definition says: GeoAssure never swaps axes for a geographic CRS. proj4j applies no datum grid shifts;
 * CGCS2000 (EPSG:4490) is treated as equal to WGS 84, which is within about a metre.
 */
public final class Crs {
    private static final Pattern EPSG = Pattern.compile("(?i)EPSG:(\\d{4,6})");
    private static final CRSFactory FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

    private final int epsg;
    private final CoordinateReferenceSystem crs;

    private Crs(int epsg, CoordinateReferenceSystem crs) {
        this.epsg = epsg;
        this.crs = crs;
    }

    /**
     * The CRS for a code of the form {@code EPSG:nnnn}.
     *
     * @throws InvalidContentException if the text is not an EPSG code or the code is unknown
     */
    public static Crs forCode(String code) {
        Objects.requireNonNull(code, "code");
        Matcher m = EPSG.matcher(code.trim());
        if (!m.matches()) {
            throw new InvalidContentException("CRS '" + code + "' is not of the form EPSG:nnnn");
        }
        int n = Integer.parseInt(m.group(1));
        try {
            return new Crs(n, FACTORY.createFromName("EPSG:" + n));
        } catch (Proj4jException | IllegalStateException e) {
            throw new InvalidContentException("CRS EPSG:" + n + " is unknown to the EPSG database: " + e.getMessage());
        }
    }

    /** The code in the canonical form {@code EPSG:nnnn}. */
    public String code() {
        return "EPSG:" + epsg;
    }

    /** The EPSG number. */
    public int epsg() {
        return epsg;
    }

    /** Whether coordinates are longitude/latitude in degrees. */
    public boolean isGeographic() {
        return crs.getProjection() == null || "longlat".equals(crs.getProjection().toString().toLowerCase(Locale.ROOT))
                || crs.getParameterString().contains("+proj=longlat");
    }

    /** The proj4 parameter string (for documentation and provenance). */
    public String proj4() {
        return crs.getParameterString().trim();
    }

    /**
     * Transforms {@code n} points in place from this CRS to {@code target}: xy holds x0,y0,x1,y1,...
     * Heights are not changed (no vertical transformation).
     *
     * @throws InvalidContentException if a point cannot be transformed (outside the projection's domain)
     */
    public void transformTo(Crs target, double[] xy, int n) {
        if (target.epsg == epsg) {
            return;
        }
        CoordinateTransform forward = TRANSFORMS.createTransform(crs, target.crs);
        CoordinateTransform back = TRANSFORMS.createTransform(target.crs, crs);
        // proj4j returns finite nonsense far outside a projection's domain instead of failing, so every point is
        // transformed back and must return to where it started
        double tolerance = isGeographic() ? 1e-7 : 0.01;
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        ProjCoordinate again = new ProjCoordinate();
        for (int i = 0; i < n; i++) {
            in.x = xy[2 * i];
            in.y = xy[2 * i + 1];
            if (isGeographic() && !(Math.abs(in.x) <= 180 && Math.abs(in.y) <= 90)) {
                throw new InvalidContentException("point " + i + " (" + in.x + ", " + in.y + ") is not a longitude, latitude "
                        + "in " + code() + " (x is longitude, y latitude)");
            }
            try {
                forward.transform(in, out);
                back.transform(out, again);
            } catch (Proj4jException e) {
                throw new InvalidContentException("point " + i + " (" + in.x + ", " + in.y + ") cannot be transformed from "
                        + code() + " to " + target.code() + ": " + e.getMessage());
            }
            if (!Double.isFinite(out.x) || !Double.isFinite(out.y)
                    || !(Math.abs(again.x - in.x) <= tolerance && Math.abs(again.y - in.y) <= tolerance)) {
                throw new InvalidContentException("point " + i + " (" + in.x + ", " + in.y + ") is outside the domain of "
                        + code() + " -> " + target.code() + " (it does not transform back to itself)");
            }
            xy[2 * i] = out.x;
            xy[2 * i + 1] = out.y;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Crs c && c.epsg == epsg;
    }

    @Override
    public int hashCode() {
        return epsg;
    }

    @Override
    public String toString() {
        return code();
    }
}
