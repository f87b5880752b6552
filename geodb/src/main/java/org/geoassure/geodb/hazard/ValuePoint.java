package org.geoassure.geodb.hazard;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * A value at one place in plan, e.g. an aquiclude thickness picked in a borehole (m).
 *
 * @param id source id (borehole id)
 * @param x world x (m)
 * @param y world y (m)
 * @param value the value, finite
 * @param version version of the source object, empty when unknown
 * @param asOf as-of time of the source, ISO-8601 UTC, empty when unknown
 */
public record ValuePoint(String id, double x, double y, double value, String version, String asOf) {
    public ValuePoint {
        Objects.requireNonNull(id, "id");
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(value)) {
            throw new InvalidContentException("point " + id + ": x, y and value must be finite");
        }
        version = version == null ? "" : version;
        asOf = asOf == null ? "" : asOf;
    }

    /** A point without provenance. */
    public static ValuePoint of(String id, double x, double y, double value) {
        return new ValuePoint(id, x, y, value, "", "");
    }
}
