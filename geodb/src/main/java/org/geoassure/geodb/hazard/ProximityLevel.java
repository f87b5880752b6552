package org.geoassure.geodb.hazard;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * One line around a feature, at a distance from it (the feature's boundary or trace): a face that comes within that
 * distance has reached the line.
 *
 * @param name line name, e.g. {@code exploration_line} (探水线) or {@code warning_line} (警戒线)
 * @param distance distance from the feature (m), ≥ 0
 * @param source where the distance comes from
 * @param confidence {@code high}, {@code medium}, {@code low} or {@code caller}
 */
public record ProximityLevel(String name, double distance, String source, String confidence) {
    public ProximityLevel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
        if (!(distance >= 0) || !Double.isFinite(distance)) {
            throw new InvalidContentException("level " + name + ": distance must be >= 0 (m), got " + distance);
        }
    }
}
