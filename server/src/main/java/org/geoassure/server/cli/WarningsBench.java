package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geoassure.geodb.hazard.warning.Bound;
import org.geoassure.geodb.hazard.warning.CombinationRule;
import org.geoassure.geodb.hazard.warning.Evaluation;
import org.geoassure.geodb.hazard.warning.Evaluator;
import org.geoassure.geodb.hazard.warning.Limit;
import org.geoassure.geodb.hazard.warning.NoDataRule;
import org.geoassure.geodb.hazard.warning.RateRule;
import org.geoassure.geodb.hazard.warning.Rule;
import org.geoassure.geodb.hazard.warning.RuleSet;
import org.geoassure.geodb.hazard.warning.StationReadings;
import org.geoassure.geodb.hazard.warning.ThresholdRule;
import org.geoassure.geodb.hazard.warning.WarningLevel;
import org.geoassure.geodb.hazard.warning.WarningState;

/**
 * Monitoring-warnings benchmark (issue 7): 10 rules on one station (4 threshold ladders, 3 rate rules with 1 h, 6 h
 * and 24 h windows, 2 no-data rules, 1 any-of combination) over 10^6 readings of a seeded random walk at one reading
 * per minute with 0.1 % missing values; evaluated in one call and in ingest-sized chunks of 10^4 readings; best and
 * median of {@link #RUNS}. Limits are set so that alerts are rare (about 2.5 standard deviations of the walk), as in
 * practice; the cost per event (a record and its message) is much higher than per reading. Prints readings/s and
 * the number of alert events (the same for both deliveries).
 */
final class WarningsBench {
    static final int READINGS = 1_000_000;
    static final int CHUNK = 10_000;
    static final int RUNS = 5;
    private static final long MINUTE = 60_000_000L;

    private WarningsBench() {
    }

    static void run(PrintWriter out) {
        Evaluator ev = new Evaluator(RuleSet.of(rules()));
        StationReadings all = series();
        out.printf("warnings  %d rules, %,d readings (1/min random walk, seed 7), chunks of %,d%n",
                ev.ruleSet().rules().size(), READINGS, CHUNK);
        int events = -1;
        double[] whole = new double[RUNS];
        double[] chunked = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long a = System.nanoTime();
            Evaluation e = ev.evaluate(WarningState.initial(), all, all.timesMicros()[READINGS - 1]);
            whole[r] = (System.nanoTime() - a) / 1e9;
            long b = System.nanoTime();
            int n = chunks(ev, all);
            chunked[r] = (System.nanoTime() - b) / 1e9;
            if (n != e.events().size() || (events >= 0 && n != events)) {
                throw new IllegalStateException("chunked evaluation gave " + n + " events, whole " + e.events().size());
            }
            events = n;
        }
        print(out, "one call", whole);
        print(out, "chunked ", chunked);
        out.printf("warnings  %,d alert events in each run%n", events);
    }

    private static void print(PrintWriter out, String what, double[] s) {
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        out.printf("warnings  %s: best %.3f s (%,.0f readings/s), median %.3f s (%,.0f readings/s)%n", what,
                sorted[0], READINGS / sorted[0], sorted[RUNS / 2], READINGS / sorted[RUNS / 2]);
    }

    private static int chunks(Evaluator ev, StationReadings all) {
        WarningState s = WarningState.initial();
        int n = 0;
        for (int from = 0; from < READINGS; from += CHUNK) {
            StationReadings part = all.slice(from, Math.min(READINGS, from + CHUNK));
            Evaluation e = ev.evaluate(s, part, part.timesMicros()[part.size() - 1]);
            n += e.events().size();
            s = e.state();
        }
        return n;
    }

    private static StationReadings series() {
        SplittableRandom rnd = new SplittableRandom(7);
        long[] t = new long[READINGS];
        double[] v = new double[READINGS];
        long time = 1_700_000_000_000_000L;
        double x = 0;
        for (int i = 0; i < READINGS; i++) {
            time += rnd.nextInt(1000) == 0 ? 2 * 60 * MINUTE : MINUTE; // a 2-hour gap now and then
            x += rnd.nextGaussian() * 0.02 - x * 0.0005;
            t[i] = time;
            v[i] = rnd.nextInt(1000) == 0 ? Double.NaN : 10 + x;
        }
        return new StationReadings("S", t, v);
    }

    private static Map<WarningLevel, Limit> ladder(double base, double step) {
        Map<WarningLevel, Limit> m = new EnumMap<>(WarningLevel.class);
        for (WarningLevel l : WarningLevel.values()) {
            double raise = base + step * l.ordinal();
            m.put(l, new Limit(raise, raise - step / 2));
        }
        return m;
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rules.add(new ThresholdRule("high" + i, "item", "S", Bound.ABOVE, ladder(11.5 + 0.3 * i, 0.3)));
        }
        long[] windows = {60 * MINUTE, 6 * 60 * MINUTE, 24 * 60 * MINUTE};
        double[] rise = {0.5, 1.2, 1.5};
        for (int i = 0; i < windows.length; i++) {
            rules.add(new RateRule("rise" + i, "item", "S", windows[i], Bound.ABOVE, ladder(rise[i], 0.2)));
        }
        rules.add(new NoDataRule("silent0", "item", "S", Map.of(WarningLevel.BLUE, 30 * MINUTE)));
        rules.add(new NoDataRule("silent1", "item", "S", Map.of(WarningLevel.BLUE, 90 * MINUTE,
                WarningLevel.RED, 24 * 60 * MINUTE)));
        rules.add(new CombinationRule("any", "item", CombinationRule.Mode.ANY_OF, List.of("high0", "rise0",
                "silent0")));
        return rules;
    }
}
