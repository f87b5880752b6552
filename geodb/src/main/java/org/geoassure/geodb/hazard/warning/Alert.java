package org.geoassure.geodb.hazard.warning;

import java.util.Objects;
import java.util.Optional;

/**
 * An active alert as derived from the log by {@link AlertLog#current}.
 *
 * @param id alert id
 * @param ruleId its rule
 * @param station the rule's station ({@link Rule#NO_STATION} for a combination)
 * @param item the rule's monitored item
 * @param level current level
 * @param raisedMicros when it was raised, UTC microseconds
 * @param changedMicros when its level last changed (= raised when it never changed)
 * @param value the value of the last level change (NaN when none)
 * @param acknowledgement the acknowledgement of the current level, empty if none or if the alert escalated since
 */
public record Alert(String id, String ruleId, String station, String item, WarningLevel level, long raisedMicros,
        long changedMicros, double value, Optional<Acknowledgement> acknowledgement) {
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(acknowledgement, "acknowledgement");
    }

    /** Whether the current level has been acknowledged. */
    public boolean acknowledged() {
        return acknowledgement.isPresent();
    }
}
