package org.geoassure.geodb.hazard.warning;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evaluator's state between two calls: every rule's {@link RuleState} and every station's
 * {@link StationHistory}, keyed by id. Immutable; {@link Evaluator#evaluate} returns a new one.
 *
 * @param rules state by rule id (a rule absent from the map is inactive)
 * @param stations history by station id (a station absent from the map has not been seen)
 */
public record WarningState(Map<String, RuleState> rules, Map<String, StationHistory> stations) {
    public WarningState {
        rules = Collections.unmodifiableMap(new TreeMap<>(rules));
        stations = Collections.unmodifiableMap(new TreeMap<>(stations));
    }

    /** The state before any reading: no rule active, no station seen. */
    public static WarningState initial() {
        return new WarningState(Map.of(), Map.of());
    }

    /** The state of a rule (inactive when absent). */
    public RuleState rule(String id) {
        return rules.getOrDefault(id, RuleState.inactive(id));
    }

    /** The history of a station (empty when absent). */
    public StationHistory station(String id) {
        return stations.getOrDefault(id, StationHistory.empty(id));
    }
}
