package org.geoassure.geodb.hazard.warning;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.internal.Checks;

/**
 * The change of the readings over a trailing time window against per-level limits, e.g. "a rise of more than 0.5 m
 * within 24 h". At each (non-missing) reading {@code (t_i, v_i)} the signal is
 *
 * <pre>  change_i = v_i − v_j,  j = the earliest non-missing reading with t_j ≥ t_i − window</pre>
 *
 * <p>(last minus first in the closed window {@code [t_i − window, t_i]}; 0 when {@code v_i} is the only reading in
 * it). It is not a least-squares slope: a single spike counts fully, as a field engineer comparing two readings
 * would count it. The change is in the unit of the readings per window (not per second). The signal goes through
 * the same raise/clear ladder as a {@link ThresholdRule}: {@link Bound#ABOVE} with positive limits for a rise,
 * {@link Bound#BELOW} with negative limits for a fall.
 *
 * @param id rule id
 * @param item monitored item
 * @param station station id
 * @param windowMicros window length, UTC microseconds, &gt; 0
 * @param bound which side of the limits is dangerous
 * @param limits limits on the change per level (rules-file field {@code levels}), as for {@link ThresholdRule}
 */
public record RateRule(String id, String item, String station, long windowMicros, Bound bound,
        Map<WarningLevel, Limit> limits) implements Rule {
    public RateRule {
        Checks.name("id", id);
        Checks.name("item", item);
        Checks.name("station", station);
        if (windowMicros <= 0) {
            throw new InvalidContentException("window: " + windowMicros + " µs is not a positive duration");
        }
        Objects.requireNonNull(bound, "bound");
        limits = Checks.ladder(bound, limits);
    }

    @Override
    public List<WarningLevel> levels() {
        return List.copyOf(limits.keySet());
    }
}
