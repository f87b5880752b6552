package org.geoassure.geodb.hazard.warning;

import static org.geoassure.geodb.hazard.warning.WarningFixtures.brief;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.hourly;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.limits;
import static org.geoassure.geodb.hazard.warning.WarningLevel.BLUE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.RED;
import static org.geoassure.geodb.hazard.warning.WarningLevel.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Threshold rules on hand-made series; each expected event is worked out from the ladder's definition. */
class ThresholdRuleTest {
    private static final ThresholdRule ABOVE = new ThresholdRule("p1-high", "dam-1/phreatic", "P1", Bound.ABOVE,
            limits(BLUE, 1.0, 0.8, YELLOW, 2.0, 1.8, RED, 3.0, 2.5));

    @Test
    void raiseHoldEscalateDeescalateClear() {
        double[] h = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        double[] v = {0.5, 1.0, 1.1, 0.9, 0.8, 2.5, 3.2, 2.6, 2.5, 1.9, 1.8, Double.NaN, 0.7};
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(ABOVE))),
                hourly("P1", h, v));
        // 1.0 is not strictly above 1.0; 0.9 > 0.8 holds blue; 0.8 clears; 2.5 jumps to yellow; 2.6 > 2.5 holds red;
        // 2.5 leaves red (not > 2.5) for yellow; 1.9 > 1.8 holds yellow; 1.8 leaves yellow for blue (1.8 > 1.0 raises
        // blue); NaN changes nothing; 0.7 clears blue.
        assertEquals(List.of(
                "RAISED blue 1970-01-01T02:00:00Z",
                "CLEARED blue 1970-01-01T04:00:00Z",
                "RAISED yellow 1970-01-01T05:00:00Z",
                "ESCALATED red 1970-01-01T06:00:00Z",
                "DEESCALATED yellow 1970-01-01T08:00:00Z",
                "DEESCALATED blue 1970-01-01T10:00:00Z",
                "CLEARED blue 1970-01-01T12:00:00Z"), brief(events));
        assertEquals(3.2, events.get(3).value());
        assertEquals("p1-high@1970-01-01T05:00:00Z", events.get(3).alertId(), "escalation keeps the alert id");
        assertTrue(events.get(3).message().contains("red limit 3.0"), events.get(3).message());
        assertTrue(events.get(6).message().contains("blue clear limit 0.8"), events.get(6).message());
    }

    @Test
    void belowLimitsMirrorAbove() {
        // dry beach length of a tailings dam: short is dangerous
        ThresholdRule beach = new ThresholdRule("beach-short", "dam-1/beach", "B1", Bound.BELOW,
                limits(YELLOW, 50.0, 55.0, RED, 40.0, 42.0));
        double[] h = {0, 1, 2, 3, 4, 5, 6};
        double[] v = {60, 50, 49.9, 54.9, 39.0, 42.0, 55.0};
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(beach))),
                hourly("B1", h, v));
        assertEquals(List.of(
                "RAISED yellow 1970-01-01T02:00:00Z",
                "ESCALATED red 1970-01-01T04:00:00Z",
                "DEESCALATED yellow 1970-01-01T05:00:00Z",
                "CLEARED yellow 1970-01-01T06:00:00Z"), brief(events));
    }

    @Test
    void readingsOfOtherStationsAreIgnored() {
        Evaluation e = new Evaluator(RuleSet.of(List.of(ABOVE))).evaluate(WarningState.initial(),
                hourly("P2", new double[] {0}, new double[] {9.0}), 0);
        assertEquals(List.of(), e.events());
        assertTrue(e.state().rule("p1-high").level().isEmpty());
    }

    @Test
    void readingsNotAfterTheLastOneAreRefused() {
        Evaluator ev = new Evaluator(RuleSet.of(List.of(ABOVE)));
        WarningState s = ev.evaluate(WarningState.initial(), hourly("P1", new double[] {5}, new double[] {1}),
                5 * WarningFixtures.HOUR).state();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ev.evaluate(s, hourly("P1", new double[] {5}, new double[] {1}), 6 * WarningFixtures.HOUR));
        assertTrue(e.getMessage().contains("is not after the last reading"), e.getMessage());
    }

    @Test
    void theLadderIsTheHighestOfIndependentPerLevelTriggers() {
        // reference: each level on its own is a Schmitt trigger (on when v > raise, stays on while v > clear); the
        // rule's level is the highest level that is on. Random ladders and series, seed printed on failure.
        long seed = 7_2026L;
        java.util.Random rnd = new java.util.Random(seed);
        for (int round = 0; round < 200; round++) {
            java.util.Map<WarningLevel, Limit> limits = new java.util.EnumMap<>(WarningLevel.class);
            double raise = rnd.nextDouble();
            for (WarningLevel l : WarningLevel.values()) {
                if (rnd.nextInt(4) > 0) {
                    limits.put(l, new Limit(raise, raise - rnd.nextDouble()));
                    raise += 0.01 + rnd.nextDouble();
                }
            }
            if (limits.isEmpty()) {
                continue;
            }
            ThresholdRule rule = new ThresholdRule("r", "i", "S", Bound.ABOVE, limits);
            Evaluator ev = new Evaluator(RuleSet.of(List.of(rule)));
            WarningState state = WarningState.initial();
            boolean[] on = new boolean[4];
            for (int step = 0; step < 60; step++) {
                double v = rnd.nextDouble() * (raise + 1) - 0.5;
                int expected = -1;
                for (java.util.Map.Entry<WarningLevel, Limit> e : limits.entrySet()) {
                    int l = e.getKey().ordinal();
                    on[l] = v > e.getValue().raise() || (on[l] && v > e.getValue().clear());
                    if (on[l]) {
                        expected = l;
                    }
                }
                state = ev.evaluate(state, hourly("S", new double[] {step}, new double[] {v}),
                        step * WarningFixtures.HOUR).state();
                assertEquals(expected, state.rule("r").level().map(Enum::ordinal).orElse(-1),
                        "seed " + seed + ", round " + round + ", step " + step + ", limits " + limits);
            }
        }
    }
}
