package org.geoassure.geodb.hazard.warning;

import java.util.Objects;
import org.geoassure.geodb.hazard.warning.internal.Checks;

/**
 * One entry of the alert log. The log is the list of events in the order they were appended; the current alerts are
 * derived from it by {@link AlertLog#current}. Events are plain values meant to be stored as one row each.
 *
 * @param timeMicros when it happened, UTC microseconds (for rule events the time of the reading, or of the moment a
 *     no-data limit was passed; for an acknowledgement the time it was given)
 * @param kind what happened
 * @param alertId the alert it is about ({@code ruleId@raise-time}, see {@link Evaluator})
 * @param ruleId the rule of the alert
 * @param station the rule's station, or {@link Rule#NO_STATION} for a combination
 * @param item the rule's monitored item
 * @param level the alert's level after the event; for {@link Kind#CLEARED} the level it had when cleared; for
 *     {@link Kind#ACKNOWLEDGED} the level acknowledged
 * @param value the reading or change that caused the event, NaN when there is none (no-data, combination,
 *     acknowledgement)
 * @param who {@link #SYSTEM} for events of the evaluator, otherwise the person who acknowledged
 * @param message why: the limit passed for rule events, the reason given for an acknowledgement
 */
public record AlertEvent(long timeMicros, Kind kind, String alertId, String ruleId, String station, String item,
        WarningLevel level, double value, String who, String message) {
    /** The {@link #who} of events written by the evaluator. */
    public static final String SYSTEM = "system";

    /** The kinds of event in an alert's life. */
    public enum Kind {
        /** A rule reached a level from none: a new alert. */
        RAISED,
        /** The alert's level went up; an earlier acknowledgement no longer holds. */
        ESCALATED,
        /** The alert's level went down (still active); an acknowledgement still holds. */
        DEESCALATED,
        /** Someone acknowledged the alert at its current level, saying who and why. */
        ACKNOWLEDGED,
        /** The rule's condition no longer holds (past the clear limit): the alert ends. */
        CLEARED
    }

    public AlertEvent {
        Objects.requireNonNull(kind, "kind");
        Checks.name("alertId", alertId);
        Checks.name("ruleId", ruleId);
        Objects.requireNonNull(station, "station");
        Checks.name("item", item);
        Objects.requireNonNull(level, "level");
        Checks.name("who", who);
        Objects.requireNonNull(message, "message");
    }
}
