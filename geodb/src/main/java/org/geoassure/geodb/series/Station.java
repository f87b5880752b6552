package org.geoassure.geodb.series;

import java.util.Map;
import java.util.TreeMap;
import org.geoassure.geodb.InvalidContentException;

/**
 * A monitoring station: a sensor at a place, measuring one quantity in one SI unit.
 *
 * @param id stable identifier (non-blank), e.g. a site code
 * @param name display name (may be empty)
 * @param kind what it measures
 * @param x easting in the workspace CRS (NaN when unknown)
 * @param y northing in the workspace CRS (NaN when unknown)
 * @param z elevation of the sensor in metres, up (NaN when unknown)
 * @param unit SI unit of its readings, e.g. {@code m}, {@code MPa}, {@code m3/h}, {@code m3/s}, {@code mm}
 * @param watches the aquifer or structure it watches (may be empty)
 * @param attributes further attributes, sorted by key
 */
public record Station(String id, String name, StationKind kind, double x, double y, double z, String unit,
        String watches, Map<String, String> attributes) {
    public Station {
        if (id == null || id.isBlank()) {
            throw new InvalidContentException("station: id is blank");
        }
        if (kind == null) {
            throw new InvalidContentException("station " + id + ": kind is missing");
        }
        if (unit == null || unit.isBlank()) {
            throw new InvalidContentException("station " + id + ": unit is blank (give an SI unit such as m or m3/s)");
        }
        if (Double.isInfinite(x) || Double.isInfinite(y) || Double.isInfinite(z)) {
            throw new InvalidContentException("station " + id + ": infinite coordinate");
        }
        name = name == null ? "" : name;
        watches = watches == null ? "" : watches;
        attributes = Map.copyOf(new TreeMap<>(attributes));
    }

    /** A station without attributes. */
    public Station(String id, String name, StationKind kind, double x, double y, double z, String unit,
            String watches) {
        this(id, name, kind, x, y, z, unit, watches, Map.of());
    }

    /** Whether two stations hold the same content, NaN coordinates equal. */
    public boolean sameContent(Station o) {
        return id.equals(o.id) && name.equals(o.name) && kind == o.kind && Double.compare(x, o.x) == 0
                && Double.compare(y, o.y) == 0 && Double.compare(z, o.z) == 0 && unit.equals(o.unit)
                && watches.equals(o.watches) && attributes.equals(o.attributes);
    }
}
