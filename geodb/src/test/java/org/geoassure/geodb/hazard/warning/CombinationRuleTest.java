package org.geoassure.geodb.hazard.warning;

import static org.geoassure.geodb.hazard.warning.WarningFixtures.HOUR;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.briefWithRule;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.hourly;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.limits;
import static org.geoassure.geodb.hazard.warning.WarningLevel.BLUE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.ORANGE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** All-of takes the lowest level of its parts (only when all are active), any-of the highest. */
class CombinationRuleTest {
    private static final ThresholdRule A = new ThresholdRule("a", "dam", "SA", Bound.ABOVE,
            limits(BLUE, 1, 1, YELLOW, 2, 2, ORANGE, 3, 3));
    private static final ThresholdRule B = new ThresholdRule("b", "dam", "SB", Bound.ABOVE,
            limits(BLUE, 1, 1, YELLOW, 2, 2, ORANGE, 3, 3));
    private static final CombinationRule ALL = new CombinationRule("all", "dam-combined",
            CombinationRule.Mode.ALL_OF, List.of("a", "b"));
    private static final CombinationRule ANY = new CombinationRule("any", "dam-combined",
            CombinationRule.Mode.ANY_OF, List.of("a", "b"));

    @Test
    void partsOnTwoStations() {
        Evaluator ev = new Evaluator(RuleSet.of(List.of(A, B, ALL, ANY)));
        List<AlertEvent> log = new ArrayList<>();
        WarningState s = WarningState.initial();
        Object[][] steps = {{"SA", 1.0, 2.5}, {"SB", 2.0, 1.5}, {"SB", 3.0, 3.5}, {"SA", 4.0, 0.5}};
        for (Object[] step : steps) {
            double h = (Double) step[1];
            Evaluation e = ev.evaluate(s, hourly((String) step[0], new double[] {h}, new double[] {(Double) step[2]}),
                    Math.round(h * HOUR));
            log.addAll(e.events());
            s = e.state();
        }
        assertEquals(List.of(
                // 1 h: a yellow, b none -> any-of yellow, all-of nothing
                "a RAISED yellow 1970-01-01T01:00:00Z",
                "any RAISED yellow 1970-01-01T01:00:00Z",
                // 2 h: b blue -> all-of blue (the lower of yellow and blue); any-of stays yellow
                "b RAISED blue 1970-01-01T02:00:00Z",
                "all RAISED blue 1970-01-01T02:00:00Z",
                // 3 h: b orange -> all-of yellow (min), any-of orange (max)
                "b ESCALATED orange 1970-01-01T03:00:00Z",
                "all ESCALATED yellow 1970-01-01T03:00:00Z",
                "any ESCALATED orange 1970-01-01T03:00:00Z",
                // 4 h: a clears -> all-of clears, any-of stays orange with b
                "a CLEARED yellow 1970-01-01T04:00:00Z",
                "all CLEARED yellow 1970-01-01T04:00:00Z"), briefWithRule(log));
        assertEquals(Rule.NO_STATION, log.get(1).station());
        assertTrue(Double.isNaN(log.get(1).value()));
    }

    @Test
    void changesAtOneInstantAreCombinedOnce() {
        // two rules on one station change on the same reading: all-of goes straight to its level, with no
        // transient raise-and-clear between the two parts' changes
        ThresholdRule low = new ThresholdRule("low", "dam", "S", Bound.ABOVE, limits(BLUE, 1, 1));
        ThresholdRule high = new ThresholdRule("high", "dam", "S", Bound.ABOVE, limits(YELLOW, 2, 2));
        CombinationRule both = new CombinationRule("both", "dam", CombinationRule.Mode.ALL_OF,
                List.of("low", "high"));
        CombinationRule nested = new CombinationRule("nested", "dam", CombinationRule.Mode.ANY_OF,
                List.of("both", "a"));
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(A, low, high, both,
                nested))), hourly("S", new double[] {0, 1}, new double[] {2.5, 0.0}));
        assertEquals(List.of(
                "low RAISED blue 1970-01-01T00:00:00Z",
                "high RAISED yellow 1970-01-01T00:00:00Z",
                "both RAISED blue 1970-01-01T00:00:00Z",
                "nested RAISED blue 1970-01-01T00:00:00Z",
                "low CLEARED blue 1970-01-01T01:00:00Z",
                "high CLEARED yellow 1970-01-01T01:00:00Z",
                "both CLEARED blue 1970-01-01T01:00:00Z",
                "nested CLEARED blue 1970-01-01T01:00:00Z"), briefWithRule(events));
    }
}
