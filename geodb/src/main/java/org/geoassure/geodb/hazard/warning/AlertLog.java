package org.geoassure.geodb.hazard.warning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;

/**
 * The alert log as a pure function of its events: {@link #current} replays a log into the active alerts, and
 * {@link #acknowledge} makes the event that acknowledges one. The log itself is a plain {@code List<AlertEvent>}
 * kept by the caller (in memory, or a table of the workspace).
 *
 * <p>Replay rules: RAISED opens an alert; ESCALATED raises its level and drops its acknowledgement (an escalated
 * alert needs a new one); DEESCALATED lowers its level and keeps the acknowledgement; ACKNOWLEDGED records who, why
 * and when; CLEARED removes it.
 */
public final class AlertLog {
    private AlertLog() {
    }

    /**
     * The alerts active after the given events, in the order they were raised.
     *
     * @throws IllegalArgumentException if the log is inconsistent (an event about an alert that is not active, a
     *     second RAISED of an id, a level change that does not change the level the right way)
     */
    public static List<Alert> current(List<AlertEvent> log) {
        Map<String, Alert> active = new LinkedHashMap<>();
        for (int i = 0; i < log.size(); i++) {
            AlertEvent e = log.get(i);
            Alert a = active.get(e.alertId());
            if (e.kind() == AlertEvent.Kind.RAISED) {
                if (a != null) {
                    throw bad(i, e, "raised twice");
                }
                active.put(e.alertId(), new Alert(e.alertId(), e.ruleId(), e.station(), e.item(), e.level(),
                        e.timeMicros(), e.timeMicros(), e.value(), Optional.empty()));
                continue;
            }
            if (a == null) {
                throw bad(i, e, "is not active");
            }
            switch (e.kind()) {
                case ESCALATED -> {
                    if (e.level().compareTo(a.level()) <= 0) {
                        throw bad(i, e, "does not escalate from " + a.level());
                    }
                    active.put(a.id(), new Alert(a.id(), a.ruleId(), a.station(), a.item(), e.level(),
                            a.raisedMicros(), e.timeMicros(), e.value(), Optional.empty()));
                }
                case DEESCALATED -> {
                    if (e.level().compareTo(a.level()) >= 0) {
                        throw bad(i, e, "does not de-escalate from " + a.level());
                    }
                    active.put(a.id(), new Alert(a.id(), a.ruleId(), a.station(), a.item(), e.level(),
                            a.raisedMicros(), e.timeMicros(), e.value(), a.acknowledgement()));
                }
                case ACKNOWLEDGED -> active.put(a.id(), new Alert(a.id(), a.ruleId(), a.station(), a.item(),
                        a.level(), a.raisedMicros(), a.changedMicros(), a.value(),
                        Optional.of(new Acknowledgement(e.who(), e.message(), e.timeMicros()))));
                case CLEARED -> active.remove(a.id());
                default -> throw new AssertionError(e.kind());
            }
        }
        return List.copyOf(active.values());
    }

    private static IllegalArgumentException bad(int index, AlertEvent e, String reason) {
        return new IllegalArgumentException("alert log event " + index + " (" + e.kind() + " " + e.alertId() + "): "
                + "alert " + reason);
    }

    /**
     * The event acknowledging an active alert at its current level. Append it to the log.
     *
     * @param log the log so far
     * @param alertId an active alert
     * @param who the person, not blank
     * @param why the reason or action, not blank
     * @param whenMicros when, UTC microseconds, not before the alert's last level change
     * @throws InvalidContentException if the alert is not active, is already acknowledged at its level, or an
     *     argument is bad (the message names it)
     */
    public static AlertEvent acknowledge(List<AlertEvent> log, String alertId, String who, String why,
            long whenMicros) {
        Acknowledgement ack = new Acknowledgement(who, why, whenMicros);
        Alert a = current(log).stream().filter(x -> x.id().equals(alertId)).findFirst()
                .orElseThrow(() -> new InvalidContentException("alertId: '" + alertId + "' is not an active alert"));
        if (a.acknowledged()) {
            throw new InvalidContentException("alertId: '" + alertId + "' is already acknowledged at level "
                    + a.level().key() + " by " + a.acknowledgement().orElseThrow().who());
        }
        if (whenMicros < a.changedMicros()) {
            throw new InvalidContentException("when: before the alert's last change at " + a.changedMicros()
                    + " µs");
        }
        return new AlertEvent(whenMicros, AlertEvent.Kind.ACKNOWLEDGED, a.id(), a.ruleId(), a.station(), a.item(),
                a.level(), Double.NaN, ack.who(), ack.why());
    }

    /** The log with events appended, as a new unmodifiable list. */
    public static List<AlertEvent> append(List<AlertEvent> log, List<AlertEvent> events) {
        List<AlertEvent> out = new ArrayList<>(log.size() + events.size());
        out.addAll(log);
        out.addAll(events);
        return List.copyOf(out);
    }
}
