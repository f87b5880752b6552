package org.geoassure.geodb.hazard;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A structurally disturbed area in plan (a fault buffer, a fracture zone, a collapse column's influence), where the
 * stricter critical water-inrush coefficient applies. A cell is disturbed when its centre is inside the polygon
 * (boundary points by a half-open scan-line rule).
 *
 * @param ref identity of the source feature and its version
 * @param area polygon or multipolygon in world x, y (z ignored), valid
 */
public record DisturbedZone(InputRef ref, Geometry area) {
    public DisturbedZone {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(area, "area");
        if (!(area instanceof Polygonal)) {
            throw new InvalidContentException("disturbed zone " + ref.id() + ": a " + area.getGeometryType()
                    + " is not a polygon (buffer lines first)");
        }
        if (!area.isValid()) {
            throw new InvalidContentException("disturbed zone " + ref.id() + ": the polygon is not valid");
        }
        area = area.copy();
    }

    @Override
    public Geometry area() {
        return area.copy();
    }
}
