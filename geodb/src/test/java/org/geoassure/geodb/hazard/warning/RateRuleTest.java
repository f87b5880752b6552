package org.geoassure.geodb.hazard.warning;

import static org.geoassure.geodb.hazard.warning.WarningFixtures.HOUR;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.brief;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.hourly;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.limits;
import static org.geoassure.geodb.hazard.warning.WarningLevel.ORANGE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate-of-change rules: change = last minus first reading in the closed window [t − W, t]. */
class RateRuleTest {
    private static final RateRule RISE = new RateRule("w1-rise", "dam-1/phreatic", "W1", 10 * HOUR, Bound.ABOVE,
            limits(YELLOW, 0.5, 0.2, ORANGE, 1.0, 0.8));

    @Test
    void windowIsClosedAtItsStart() {
        // at 10 h the window [0 h, 10 h] still holds the reading at 0 h: change 0.6 - 0.0 > 0.5 raises yellow;
        // at 11 h the first reading in [1 h, 11 h] is the one at 5 h: 0.6 - 0.3 = 0.3 > 0.2 holds yellow;
        // at 16 h the first in [6 h, 16 h] is at 10 h: change 0 clears.
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(RISE))),
                hourly("W1", new double[] {0, 5, 10, 11, 16}, new double[] {0.0, 0.3, 0.6, 0.6, 0.6}));
        assertEquals(List.of("RAISED yellow 1970-01-01T10:00:00Z", "CLEARED yellow 1970-01-01T16:00:00Z"),
                brief(events));
        assertEquals(0.6, events.get(0).value(), 1e-12);
    }

    @Test
    void aChangeJustOutsideTheWindowDoesNotCount() {
        // the 0 h reading is 10 h + 1 µs before the last one: out of the window, the change is 0
        StationReadings r = new StationReadings("W1", new long[] {0, 5 * HOUR, 10 * HOUR + 1},
                new double[] {0.0, 0.6, 0.6});
        assertEquals(List.of("RAISED yellow 1970-01-01T05:00:00Z", "CLEARED yellow 1970-01-01T10:00:00Z"),
                brief(WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(RISE))), r)));
    }

    @Test
    void aLoneReadingInItsWindowHasNoChangeAndMissingValuesAreSkipped() {
        // 0 h: 5.0 alone; 20 h: 7.0 alone in [10 h, 20 h] (the NaN at 15 h is not a reading): change 0
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(RISE))),
                hourly("W1", new double[] {0, 15, 20, 21}, new double[] {5.0, Double.NaN, 7.0, 8.1}));
        // at 21 h: 8.1 - 7.0 = 1.1 > 1.0: straight to orange
        assertEquals(List.of("RAISED orange 1970-01-01T21:00:00Z"), brief(events));
    }

    @Test
    void fallWithNegativeLimits() {
        RateRule fall = new RateRule("w1-fall", "dam-1/pond", "W1", 24 * HOUR, Bound.BELOW,
                limits(YELLOW, -0.5, -0.3));
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(fall))),
                hourly("W1", new double[] {0, 6, 12, 30}, new double[] {10.0, 9.6, 9.4, 9.4}));
        // 12 h: 9.4 - 10.0 = -0.6 < -0.5 raises; 30 h: first in [6 h, 30 h] is 9.6, change -0.2 >= -0.3 clears
        assertEquals(List.of("RAISED yellow 1970-01-01T12:00:00Z", "CLEARED yellow 1970-01-02T06:00:00Z"),
                brief(events));
    }

    @Test
    void windowsSpanningChunksGiveTheSameEvents() {
        double[] h = new double[40];
        double[] v = new double[40];
        for (int i = 0; i < h.length; i++) {
            h[i] = i * 1.5;
            v[i] = Math.sin(i * 0.4) * (i % 7 == 3 ? Double.NaN : 1.0);
        }
        StationReadings r = hourly("W1", h, v);
        Evaluator ev = new Evaluator(RuleSet.of(List.of(RISE)));
        List<AlertEvent> whole = WarningFixtures.whole(ev, r);
        assertEquals(true, whole.size() >= 4, "the sine should raise and clear several times: " + brief(whole));
        for (int chunk : new int[] {1, 2, 3, 7, 39}) {
            assertEquals(whole, WarningFixtures.chunked(ev, r, chunk), "chunks of " + chunk);
        }
    }
}
