package org.geoassure.geodb.hazard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A hazard zone on the horizon: the union of the grid cells that meet a rule, as polygons in world x, y.
 *
 * @param name zone name, e.g. {@code exceeds_critical}
 * @param rule the rule in words, e.g. {@code T > 0.06 MPa/m in disturbed zones, T > 0.10 MPa/m elsewhere}
 * @param geometry polygon or multipolygon (empty when no cell meets the rule)
 * @param cells cells meeting the rule
 * @param area area (m²) of the geometry
 */
public record Zone(String name, String rule, Geometry geometry, int cells, double area) {
    public Zone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        geometry = geometry.copy();
    }

    @Override
    public Geometry geometry() {
        return geometry.copy();
    }

    /** Areas (m²) of the zone's separate polygons, in the geometry's order. */
    public List<Double> partAreas() {
        List<Double> a = new ArrayList<>();
        for (int k = 0; k < geometry.getNumGeometries(); k++) {
            if (!geometry.getGeometryN(k).isEmpty()) {
                a.add(geometry.getGeometryN(k).getArea());
            }
        }
        return a;
    }
}
