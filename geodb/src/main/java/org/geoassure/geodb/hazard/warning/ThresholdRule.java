package org.geoassure.geodb.hazard.warning;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.geoassure.geodb.hazard.warning.internal.Checks;

/**
 * The reading itself against per-level limits. For {@link Bound#ABOVE}, level L is raised by a reading
 * {@code v > limits[L].raise} and held while {@code v > limits[L].clear}; the rule is at the highest level that is
 * raised or held (the exact rule is in {@link Evaluator}). Missing readings (NaN) change nothing.
 *
 * @param id rule id
 * @param item monitored item
 * @param station station id
 * @param bound which side of the limits is dangerous
 * @param limits limits per level (rules-file field {@code levels}), at least one level; raise limits strictly
 *     increasing with the level for ABOVE (decreasing for BELOW), each clear limit at or on the safe side of its raise
 *     limit
 */
public record ThresholdRule(String id, String item, String station, Bound bound, Map<WarningLevel, Limit> limits)
        implements Rule {
    public ThresholdRule {
        Checks.name("id", id);
        Checks.name("item", item);
        Checks.name("station", station);
        Objects.requireNonNull(bound, "bound");
        limits = Checks.ladder(bound, limits);
    }

    @Override
    public List<WarningLevel> levels() {
        return List.copyOf(limits.keySet());
    }
}
