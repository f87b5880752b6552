package org.geoassure.geodb.hazard.warning;

import java.util.List;
import java.util.Objects;

/**
 * The result of one {@link Evaluator} call.
 *
 * @param state the state after the call
 * @param events the alert events of the call, in time order (append them to the log)
 */
public record Evaluation(WarningState state, List<AlertEvent> events) {
    public Evaluation {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }
}
