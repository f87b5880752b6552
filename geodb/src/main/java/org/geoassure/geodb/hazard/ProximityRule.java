package org.geoassure.geodb.hazard;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * The lines around features of one role.
 *
 * @param role feature role, e.g. {@code fault}, {@code goaf}, {@code old_workings}, {@code collapse_column},
 *     {@code water_borehole}
 * @param levels the lines, sorted by distance (innermost first), at least one
 * @param inferredExtra extra distance (m) added to every line when the feature's boundary is inferred (attribute
 *     {@code boundary} = {@code inferred}, or {@code inferred} = true)
 * @param inferredSource where the extra distance comes from
 */
public record ProximityRule(String role, List<ProximityLevel> levels, double inferredExtra, String inferredSource) {
    public ProximityRule {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(inferredSource, "inferredSource");
        if (levels.isEmpty()) {
            throw new InvalidContentException("rule " + role + ": at least one level");
        }
        levels = levels.stream().sorted(Comparator.comparingDouble(ProximityLevel::distance)).toList();
        if (!(inferredExtra >= 0) || !Double.isFinite(inferredExtra)) {
            throw new InvalidContentException("rule " + role + ": inferredExtra must be >= 0 (m), got "
                    + inferredExtra);
        }
    }
}
