package org.geoassure.geodb.hazard.warning;

import java.util.Objects;
import java.util.Optional;
import org.geoassure.geodb.hazard.warning.internal.Checks;

/**
 * Where one rule stands: its level and its active alert.
 *
 * @param ruleId the rule
 * @param level its level, empty when the rule is not active
 * @param alertId the id of its active alert, empty string exactly when {@code level} is empty
 */
public record RuleState(String ruleId, Optional<WarningLevel> level, String alertId) {
    public RuleState {
        Checks.name("ruleId", ruleId);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(alertId, "alertId");
        if (level.isPresent() == alertId.isEmpty()) {
            throw new IllegalArgumentException("rule " + ruleId + ": an alert id goes with a level and only then");
        }
    }

    /** A rule that is not active. */
    public static RuleState inactive(String ruleId) {
        return new RuleState(ruleId, Optional.empty(), "");
    }
}
