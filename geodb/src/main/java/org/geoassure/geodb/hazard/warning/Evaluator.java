package org.geoassure.geodb.hazard.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.geoassure.geodb.hazard.warning.internal.Ladder;

/**
 * Evaluates a {@link RuleSet} incrementally: {@code evaluate(state, newReadingsOfOneStation, now)} gives the next
 * state and the alert events of those readings. Delivering a series in chunks gives the same events as delivering it
 * at once, provided each call's {@code now} is not later than the next chunk's first reading (the clock never runs
 * ahead of data that is merely late; if it does, no-data alerts are raised that a single call would not raise — as
 * they should be in real time).
 *
 * <h2>Exact behaviour</h2>
 * <ul>
 *   <li>Readings of a station are taken in time order; a reading not after the station's last one is refused.
 *       NaN values are missing: they change no rule and are not data for {@link NoDataRule}.</li>
 *   <li>{@link ThresholdRule} and {@link RateRule}: at each non-missing reading the signal (the value, or the change
 *       over the window) gives the next level {@code next = max L} over the rule's levels with
 *       {@code s·x > s·raise[L]} or ({@code L ≤ current} and {@code s·x > s·clear[L]}), s = +1 for
 *       {@link Bound#ABOVE} and -1 for {@link Bound#BELOW}; none if no level qualifies. So a level is entered
 *       strictly past its raise limit and left at its clear limit, and a fall from red past red's clear limit lands
 *       on the highest lower level still held.</li>
 *   <li>{@link NoDataRule}: see its class comment; events are stamped {@code t_last + maxAge[L]}.</li>
 *   <li>{@link CombinationRule}: after all changes of one instant are applied, combinations are recomputed in rule
 *       order, so a combination sees its parts' levels at that instant (parts on other stations as the state has
 *       them).</li>
 *   <li>A rule going from none to a level raises an alert with id {@code ruleId@ISO-instant} of that moment; a
 *       level change of an active rule is an ESCALATED or DEESCALATED event; the rule returning to none clears its
 *       alert. Events of one call are sorted by time, then by rule order.</li>
 * </ul>
 * No-data rules of stations without new readings are checked by {@link #tick}. An evaluator holds no mutable state
 * (everything is in the {@link WarningState} passed in and returned) and may be shared between threads.
 */
public final class Evaluator {
    private final RuleSet ruleSet;
    private final Rule[] rules;
    private final Ladder[] ladders;
    private final long[][] ages;
    private final Map<String, int[]> byStation = new HashMap<>();
    private final Map<String, Long> maxWindow = new HashMap<>();
    private final int[][] parts;
    private final int[] combinations;
    private final int[] noData;

    /** An evaluator of these rules. */
    public Evaluator(RuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.rules = ruleSet.rules().toArray(new Rule[0]);
        int n = rules.length;
        ladders = new Ladder[n];
        ages = new long[n][];
        parts = new int[n][];
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<Integer>> stationRules = new HashMap<>();
        List<Integer> combos = new ArrayList<>();
        List<Integer> nd = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            Rule rule = rules[r];
            index.put(rule.id(), r);
            if (!(rule instanceof CombinationRule)) {
                stationRules.computeIfAbsent(rule.station(), k -> new ArrayList<>()).add(r);
            }
            if (rule instanceof ThresholdRule t) {
                ladders[r] = new Ladder(t.bound(), t.limits());
            } else if (rule instanceof RateRule t) {
                ladders[r] = new Ladder(t.bound(), t.limits());
                maxWindow.merge(t.station(), t.windowMicros(), Math::max);
            } else if (rule instanceof NoDataRule t) {
                long[] a = new long[4];
                t.maxAgeMicros().forEach((l, age) -> a[l.ordinal()] = age);
                ages[r] = a;
                nd.add(r);
            } else if (rule instanceof CombinationRule c) {
                parts[r] = c.parts().stream().mapToInt(index::get).toArray();
                combos.add(r);
            }
        }
        stationRules.forEach((s, l) -> byStation.put(s, l.stream().mapToInt(Integer::intValue).toArray()));
        combinations = combos.stream().mapToInt(Integer::intValue).toArray();
        noData = nd.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rules evaluated. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /**
     * Evaluates new readings of one station, then the no-data rules of that station at {@code now}.
     *
     * @param state the state after the previous call ({@link WarningState#initial()} at first)
     * @param readings readings of one station, all after the station's last reading in {@code state}
     * @param nowMicros the clock, UTC microseconds, not before the last reading
     * @return the new state and the events, in time order
     * @throws IllegalArgumentException if a reading is not after the station's last one, or {@code now} is before
     *     the last reading
     */
    public Evaluation evaluate(WarningState state, StationReadings readings, long nowMicros) {
        String st = readings.station();
        StationHistory h = state.station(st);
        long[] ts = readings.timesMicros();
        double[] vs = readings.values();
        int m = ts.length;
        if (m > 0 && ts[0] <= h.lastMicros()) {
            throw new IllegalArgumentException("station " + st + ": reading at " + iso(ts[0])
                    + " is not after the last reading evaluated, at " + iso(h.lastMicros()));
        }
        if (m > 0 && nowMicros < ts[m - 1]) {
            throw new IllegalArgumentException("station " + st + ": now " + iso(nowMicros)
                    + " is before the last reading, at " + iso(ts[m - 1]));
        }
        Levels lv = new Levels(state);
        List<Change> changes = new ArrayList<>();
        int[] mine = byStation.getOrDefault(st, new int[0]);

        // non-missing readings: the remembered window followed by the new ones
        long[] wt = h.windowTimesMicros();
        double[] wv = h.windowValues();
        int valid = 0;
        for (double v : vs) {
            if (!Double.isNaN(v)) {
                valid++;
            }
        }
        long[] mt = Arrays.copyOf(wt, wt.length + valid);
        double[] mv = Arrays.copyOf(wv, wv.length + valid);
        for (int i = 0, k = wt.length; i < m; i++) {
            if (!Double.isNaN(vs[i])) {
                mt[k] = ts[i];
                mv[k++] = vs[i];
            }
        }
        for (int r : mine) {
            Rule rule = rules[r];
            if (rule instanceof ThresholdRule t) {
                threshold(r, t, ts, vs, lv.level[r], changes);
            } else if (rule instanceof RateRule t) {
                rate(r, t, mt, mv, wt.length, lv.level[r], changes);
            } else if (rule instanceof NoDataRule t) {
                noData(r, t, ts, vs, h.lastValidMicros(), nowMicros, lv.level[r], changes);
            }
        }
        List<AlertEvent> events = walk(changes, lv);

        long lastValid = valid > 0 ? mt[mt.length - 1] : h.lastValidMicros();
        StationHistory next = h;
        if (m > 0) {
            Long w = maxWindow.get(st);
            int from = mt.length;
            if (w != null) {
                from = 0;
                while (from < mt.length && mt[from] < lastValid - w) {
                    from++;
                }
            }
            next = new StationHistory(st, ts[m - 1], lastValid, Arrays.copyOfRange(mt, from, mt.length),
                    Arrays.copyOfRange(mv, from, mv.length));
        }
        Map<String, StationHistory> stations = new HashMap<>(state.stations());
        stations.put(st, next);
        return new Evaluation(new WarningState(lv.states(), stations), events);
    }

    /**
     * Checks the no-data rules of every station at {@code now} (a clock tick without readings).
     *
     * @param state the state after the previous call
     * @param nowMicros the clock, UTC microseconds
     * @return the new state and the events (no-data alerts raised or escalated, and combinations following them)
     */
    public Evaluation tick(WarningState state, long nowMicros) {
        Levels lv = new Levels(state);
        List<Change> changes = new ArrayList<>();
        for (int r : noData) {
            NoDataRule t = (NoDataRule) rules[r];
            noData(r, t, new long[0], new double[0], state.station(t.station()).lastValidMicros(), nowMicros,
                    lv.level[r], changes);
        }
        List<AlertEvent> events = walk(changes, lv);
        return new Evaluation(new WarningState(lv.states(), state.stations()), events);
    }

    private void threshold(int r, ThresholdRule t, long[] ts, double[] vs, int cur, List<Change> out) {
        Ladder ladder = ladders[r];
        for (int i = 0; i < ts.length; i++) {
            double v = vs[i];
            if (Double.isNaN(v)) {
                continue;
            }
            int n = ladder.next(cur, v);
            if (n != cur) {
                out.add(new Change(ts[i], r, n, v, limitMessage("value " + v, t.bound(), t.limits(), cur, n)));
                cur = n;
            }
        }
    }

    private void rate(int r, RateRule t, long[] mt, double[] mv, int firstNew, int cur, List<Change> out) {
        Ladder ladder = ladders[r];
        long w = t.windowMicros();
        int j = 0;
        for (int k = firstNew; k < mt.length; k++) {
            while (mt[j] < mt[k] - w) {
                j++;
            }
            double change = mv[k] - mv[j];
            int n = ladder.next(cur, change);
            if (n != cur) {
                out.add(new Change(mt[k], r, n, change, limitMessage("change " + change + " since " + iso(mt[j])
                        + " (window " + Duration.ofNanos(w * 1000) + ")", t.bound(), t.limits(), cur, n)));
                cur = n;
            }
        }
    }

    private void noData(int r, NoDataRule t, long[] ts, double[] vs, long last, long now, int cur,
            List<Change> out) {
        long[] age = ages[r];
        for (int i = 0; i < ts.length; i++) {
            if (Double.isNaN(vs[i])) {
                continue;
            }
            if (last != Long.MIN_VALUE) {
                cur = noDataUntil(r, age, last, ts[i], cur, out);
            }
            if (cur >= 0) {
                // a reading that arrives late, after the clock raised the alert, is stamped earlier than the alert
                // itself: the alert is cleared at its own time instead, so that no alert ends before it began
                long at = Math.max(ts[i], last + age[cur]);
                out.add(new Change(at, r, -1, vs[i], "reading " + vs[i] + " after a gap of "
                        + Duration.ofNanos((ts[i] - last) * 1000)));
                cur = -1;
            }
            last = ts[i];
        }
        if (last != Long.MIN_VALUE) {
            noDataUntil(r, age, last, now, cur, out);
        }
    }

    /** Raises the no-data levels whose age limit is passed strictly before {@code until}. */
    private int noDataUntil(int r, long[] age, long last, long until, int cur, List<Change> out) {
        for (int l = cur + 1; l < 4; l++) {
            if (age[l] > 0 && until - last > age[l]) {
                out.add(new Change(last + age[l], r, l, Double.NaN, "no reading since " + iso(last)
                        + " for more than " + Duration.ofNanos(age[l] * 1000) + " ("
                        + WarningLevel.values()[l].key() + " limit)"));
                cur = l;
            }
        }
        return cur;
    }

    private static String limitMessage(String what, Bound bound, Map<WarningLevel, Limit> limits, int cur, int n) {
        if (n > cur) {
            WarningLevel l = WarningLevel.values()[n];
            return what + " " + bound.key() + " the " + l.key() + " limit " + limits.get(l).raise();
        }
        WarningLevel l = WarningLevel.values()[cur];
        return what + " back " + (bound == Bound.ABOVE ? "at or below" : "at or above") + " the " + l.key()
                + " clear limit " + limits.get(l).clear();
    }

    /** Applies the changes in time order; after each instant, recomputes the combinations. */
    private List<AlertEvent> walk(List<Change> changes, Levels lv) {
        changes.sort(Comparator.comparingLong(Change::time).thenComparingInt(Change::rule));
        List<AlertEvent> events = new ArrayList<>();
        int i = 0;
        while (i < changes.size()) {
            long t = changes.get(i).time();
            while (i < changes.size() && changes.get(i).time() == t) {
                apply(changes.get(i++), lv, events);
            }
            for (int c : combinations) {
                CombinationRule rule = (CombinationRule) rules[c];
                int n = combine(rule.mode(), parts[c], lv.level);
                if (n != lv.level[c]) {
                    String verb = rule.mode() == CombinationRule.Mode.ALL_OF ? "all of " : "any of ";
                    apply(new Change(t, c, n, Double.NaN, verb + rule.parts() + (n < 0 ? " no longer active"
                            : " active, level " + WarningLevel.values()[n].key())), lv, events);
                }
            }
        }
        return events;
    }

    private static int combine(CombinationRule.Mode mode, int[] parts, int[] level) {
        if (mode == CombinationRule.Mode.ALL_OF) {
            int min = Integer.MAX_VALUE;
            for (int p : parts) {
                min = Math.min(min, level[p]);
            }
            return min;
        }
        int max = -1;
        for (int p : parts) {
            max = Math.max(max, level[p]);
        }
        return max;
    }

    private void apply(Change c, Levels lv, List<AlertEvent> events) {
        Rule rule = rules[c.rule()];
        int old = lv.level[c.rule()];
        if (old == c.level()) {
            return;
        }
        AlertEvent.Kind kind;
        if (old < 0) {
            kind = AlertEvent.Kind.RAISED;
            lv.alertId[c.rule()] = rule.id() + "@" + iso(c.time());
        } else if (c.level() < 0) {
            kind = AlertEvent.Kind.CLEARED;
        } else {
            kind = c.level() > old ? AlertEvent.Kind.ESCALATED : AlertEvent.Kind.DEESCALATED;
        }
        WarningLevel level = WarningLevel.values()[c.level() < 0 ? old : c.level()];
        events.add(new AlertEvent(c.time(), kind, lv.alertId[c.rule()], rule.id(), rule.station(), rule.item(),
                level, c.value(), AlertEvent.SYSTEM, c.message()));
        lv.level[c.rule()] = c.level();
        if (c.level() < 0) {
            lv.alertId[c.rule()] = "";
        }
    }

    /** ISO-8601 text of UTC microseconds. */
    static String iso(long micros) {
        if (micros == Long.MIN_VALUE) {
            return "(none)";
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
                .toString();
    }

    /** A level change of one rule at one instant, before it becomes an event. */
    private record Change(long time, int rule, int level, double value, String message) {
    }

    /** Mutable levels and alert ids of all rules during one call. */
    private final class Levels {
        final int[] level = new int[rules.length];
        final String[] alertId = new String[rules.length];

        Levels(WarningState state) {
            for (int r = 0; r < rules.length; r++) {
                RuleState s = state.rule(rules[r].id());
                level[r] = s.level().map(Enum::ordinal).orElse(-1);
                alertId[r] = s.alertId();
            }
        }

        Map<String, RuleState> states() {
            Map<String, RuleState> out = new HashMap<>();
            for (int r = 0; r < rules.length; r++) {
                if (level[r] >= 0) {
                    out.put(rules[r].id(), new RuleState(rules[r].id(),
                            Optional.of(WarningLevel.values()[level[r]]), alertId[r]));
                }
            }
            return out;
        }
    }
}
