package org.geoassure.geodb.hazard.warning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.store.SeriesStore;
import org.geoassure.geodb.store.WarningStore;
import org.geoassure.geodb.store.WarningStore.StoredAcknowledgement;

/**
 * The alerts of a workspace: its stored readings and acknowledgements replayed through the {@link Evaluator}. Shared
 * by the command line and the HTTP API; the rules are given parsed (the JSON text the {@link WarningStore} keeps is
 * read by the caller).
 *
 * <h2>The log at time T</h2>
 * Deterministic, with no stored engine state: the readings of every station a rule names, with times up to and
 * including T (as the store knew them at {@code recordedAsOf}), are merged into one time order and given to the
 * evaluator in runs of one station (a single station's series in one call), then the clock ticks to T for the
 * no-data rules. The events, stable-sorted by time, are merged with the stored acknowledgements of times up to T:
 * an acknowledgement comes after the rule events of its instant and applies only when its alert is active and not
 * yet acknowledged at its level there; otherwise it is left out of the log (an alert cleared or escalated by readings
 * that arrived later). Alert ids are {@code ruleId@raise-time} and do not depend on the run, so an acknowledgement
 * stored by id applies in every later replay. A station a rule names that is not in the workspace has no readings.
 *
 * <p>Cost: every call reads the named stations' readings from the start; fine for rules over years of hourly readings
 * of a few hundred stations, a cache of the engine state comes when that is too slow.
 */
public final class WorkspaceAlerts {
    private final SeriesStore series;
    private final WarningStore warnings;
    private final RuleSet rules;
    private final Evaluator evaluator;

    /** The alerts of a workspace's readings and acknowledgements under these rules. */
    public WorkspaceAlerts(SeriesStore series, WarningStore warnings, RuleSet rules) {
        this.series = Objects.requireNonNull(series, "series");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.evaluator = new Evaluator(rules);
    }

    /** The rules evaluated. */
    public RuleSet rules() {
        return rules;
    }

    /** The stations the rules name, sorted. */
    public Set<String> stations() {
        Set<String> out = new TreeSet<>();
        for (Rule r : rules.rules()) {
            if (!r.station().equals(Rule.NO_STATION)) {
                out.add(r.station());
            }
        }
        return out;
    }

    /**
     * The alert log up to {@code at} (see the class comment).
     *
     * @param at valid time: events up to and including it
     * @param recordedAsOf record time: what the workspace knew then ({@code null}: now)
     */
    public List<AlertEvent> log(Instant at, Instant recordedAsOf) {
        long t = Readings.micros(Objects.requireNonNull(at, "at"));
        List<AlertEvent> events = engineLog(t, recordedAsOf);
        return merge(events, warnings.acknowledgements(recordedAsOf), t);
    }

    /** The alerts active at {@code at}, in the order they were raised ({@link AlertLog#current} of {@link #log}). */
    public List<Alert> current(Instant at, Instant recordedAsOf) {
        return AlertLog.current(log(at, recordedAsOf));
    }

    /**
     * Acknowledges an alert active at {@code at} and stores the acknowledgement (one ingest of kind
     * {@code acknowledgement}).
     *
     * @return the ACKNOWLEDGED event
     * @throws org.geoassure.geodb.InvalidContentException if the alert is not active at {@code at} (unknown or
     *     cleared), is already acknowledged at its level, or who or why is blank; nothing is written then
     */
    public AlertEvent acknowledge(String alertId, String who, String why, Instant at, Provenance provenance) {
        List<AlertEvent> log = log(at, null);
        AlertEvent e = AlertLog.acknowledge(log, alertId, who, why, Readings.micros(at));
        warnings.writeAcknowledgement(alertId, new Acknowledgement(who, why, e.timeMicros()), provenance);
        return e;
    }

    /**
     * The events of {@code after} that are not in {@code before}, counted with multiplicity and in the order of
     * {@code after}: what an ingest caused, given the log before and after it at the same time.
     */
    public static List<AlertEvent> newEvents(List<AlertEvent> before, List<AlertEvent> after) {
        Map<AlertEvent, Integer> seen = new HashMap<>();
        for (AlertEvent e : before) {
            seen.merge(e, 1, Integer::sum);
        }
        List<AlertEvent> out = new ArrayList<>();
        for (AlertEvent e : after) {
            Integer n = seen.get(e);
            if (n == null || n == 0) {
                out.add(e);
            } else {
                seen.put(e, n - 1);
            }
        }
        return out;
    }

    private List<AlertEvent> engineLog(long at, Instant recordedAsOf) {
        Set<String> known = new HashSet<>();
        series.seriesStations(recordedAsOf).forEach(s -> known.add(s.id()));
        List<Readings> all = new ArrayList<>();
        for (String st : stations()) {
            if (known.contains(st)) {
                Readings r = series.readings(st, null, at == Long.MAX_VALUE ? null
                        : Readings.toInstant(at + 1), recordedAsOf);
                if (r.size() > 0) {
                    all.add(r);
                }
            }
        }
        List<AlertEvent> events = new ArrayList<>();
        WarningState state = WarningState.initial();
        if (all.size() == 1) {
            Readings r = all.get(0);
            Evaluation e = evaluator.evaluate(state, new StationReadings(r.stationId(), r.times(), r.values()),
                    r.time(r.size() - 1));
            state = e.state();
            events.addAll(e.events());
        } else if (!all.isEmpty()) {
            state = interleaved(all, state, events);
        }
        events.addAll(evaluator.tick(state, at).events());
        events.sort(Comparator.comparingLong(AlertEvent::timeMicros));
        return events;
    }

    /** Feeds several stations' readings in one time order, a run of one station per call. */
    private WarningState interleaved(List<Readings> all, WarningState state, List<AlertEvent> events) {
        int[] next = new int[all.size()];
        while (true) {
            int best = -1;
            for (int k = 0; k < all.size(); k++) {
                if (next[k] < all.get(k).size() && (best < 0
                        || all.get(k).time(next[k]) < all.get(best).time(next[best]))) {
                    best = k;
                }
            }
            if (best < 0) {
                return state;
            }
            Readings r = all.get(best);
            // the run of this station up to the next reading of any other station
            long limit = Long.MAX_VALUE;
            for (int k = 0; k < all.size(); k++) {
                if (k != best && next[k] < all.get(k).size()) {
                    limit = Math.min(limit, all.get(k).time(next[k]));
                }
            }
            int from = next[best];
            int to = from;
            while (to < r.size() && (r.time(to) < limit || (r.time(to) == limit && to == from))) {
                to++;
            }
            long[] ts = java.util.Arrays.copyOfRange(r.times(), from, to);
            double[] vs = java.util.Arrays.copyOfRange(r.values(), from, to);
            Evaluation e = evaluator.evaluate(state, new StationReadings(r.stationId(), ts, vs), ts[ts.length - 1]);
            state = e.state();
            events.addAll(e.events());
            next[best] = to;
        }
    }

    /** Merges the acknowledgements up to {@code at} into the time-ordered rule events. */
    private static List<AlertEvent> merge(List<AlertEvent> events, List<StoredAcknowledgement> acks, long at) {
        List<AlertEvent> out = new ArrayList<>(events.size() + acks.size());
        Map<String, AlertEvent> active = new HashMap<>();
        Set<String> acknowledged = new HashSet<>();
        int i = 0;
        for (StoredAcknowledgement s : acks) {
            Acknowledgement a = s.acknowledgement();
            if (a.timeMicros() > at) {
                break;
            }
            while (i < events.size() && events.get(i).timeMicros() <= a.timeMicros()) {
                track(events.get(i), active, acknowledged);
                out.add(events.get(i++));
            }
            AlertEvent alert = active.get(s.alertId());
            if (alert != null && acknowledged.add(s.alertId())) {
                out.add(new AlertEvent(a.timeMicros(), AlertEvent.Kind.ACKNOWLEDGED, s.alertId(), alert.ruleId(),
                        alert.station(), alert.item(), alert.level(), Double.NaN, a.who(), a.why()));
            }
        }
        out.addAll(events.subList(i, events.size()));
        return out;
    }

    private static void track(AlertEvent e, Map<String, AlertEvent> active, Set<String> acknowledged) {
        switch (e.kind()) {
            case RAISED, DEESCALATED -> active.put(e.alertId(), e);
            case ESCALATED -> {
                active.put(e.alertId(), e);
                acknowledged.remove(e.alertId());
            }
            case CLEARED -> {
                active.remove(e.alertId());
                acknowledged.remove(e.alertId());
            }
            default -> {
            }
        }
    }
}
