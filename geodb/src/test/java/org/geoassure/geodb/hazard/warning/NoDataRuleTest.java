package org.geoassure.geodb.hazard.warning;

import static org.geoassure.geodb.hazard.warning.WarningFixtures.HOUR;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.brief;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.hourly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No-data rules: raised when now − t_last exceeds the age limit, stamped t_last + limit, cleared by the next reading. */
class NoDataRuleTest {
    private static final NoDataRule SILENT = new NoDataRule("p1-silent", "dam-1/phreatic", "P1",
            Map.of(WarningLevel.BLUE, 6 * HOUR, WarningLevel.YELLOW, 12 * HOUR));
    private final Evaluator ev = new Evaluator(RuleSet.of(List.of(SILENT)));

    @Test
    void theClockRaisesAndEscalatesAReadingClears() {
        List<AlertEvent> log = new ArrayList<>();
        Evaluation e = ev.evaluate(WarningState.initial(), hourly("P1", new double[] {0, 1}, new double[] {3, 3}),
                HOUR);
        log.addAll(e.events());
        e = ev.tick(e.state(), 7 * HOUR); // age exactly 6 h: not more than 6 h
        log.addAll(e.events());
        assertEquals(List.of(), log);
        e = ev.tick(e.state(), 7 * HOUR + 1);
        log.addAll(e.events());
        e = ev.tick(e.state(), 20 * HOUR);
        log.addAll(e.events());
        e = ev.evaluate(e.state(), hourly("P1", new double[] {21}, new double[] {3}), 21 * HOUR);
        log.addAll(e.events());
        assertEquals(List.of("RAISED blue 1970-01-01T07:00:00Z", "ESCALATED yellow 1970-01-01T13:00:00Z",
                "CLEARED yellow 1970-01-01T21:00:00Z"), brief(log));
        assertEquals("p1-silent@1970-01-01T07:00:00Z", log.get(2).alertId());
    }

    @Test
    void aGapBetweenReadingsIsFoundAfterwardsWithTheSameTimes() {
        List<AlertEvent> events = WarningFixtures.whole(ev, hourly("P1", new double[] {0, 30}, new double[] {1, 1}));
        assertEquals(List.of("RAISED blue 1970-01-01T06:00:00Z", "ESCALATED yellow 1970-01-01T12:00:00Z",
                "CLEARED yellow 1970-01-02T06:00:00Z"), brief(events));
    }

    @Test
    void aReadingExactlyAtTheLimitPreventsTheAlert() {
        assertEquals(List.of(), WarningFixtures.whole(ev, hourly("P1", new double[] {0, 6, 12}, new double[] {1, 1,
                1})));
    }

    @Test
    void missingValuesAreNotData() {
        Evaluation e = ev.evaluate(WarningState.initial(), hourly("P1", new double[] {0, 5, 10},
                new double[] {1, Double.NaN, Double.NaN}), 10 * HOUR);
        assertEquals(List.of("RAISED blue 1970-01-01T06:00:00Z"), brief(e.events()));
        assertEquals(10 * HOUR, e.state().station("P1").lastMicros());
        assertEquals(0, e.state().station("P1").lastValidMicros());
    }

    @Test
    void nothingIsCheckedBeforeTheFirstReading() {
        assertEquals(List.of(), ev.tick(WarningState.initial(), 1000 * HOUR).events());
    }

    @Test
    void lateDataClearAtTheAlertsOwnTime() {
        // the clock raises blue at 6 h and yellow at 12 h; then a reading stamped 8 h arrives late: it clears the
        // alert, at 12 h (the yellow stamp) rather than before the alert's last change
        Evaluation e = ev.evaluate(WarningState.initial(), hourly("P1", new double[] {0}, new double[] {1}), 0);
        e = ev.tick(e.state(), 13 * HOUR);
        List<AlertEvent> log = new ArrayList<>(e.events());
        e = ev.evaluate(e.state(), hourly("P1", new double[] {8}, new double[] {1}), 14 * HOUR);
        log.addAll(e.events());
        assertEquals(List.of("RAISED blue 1970-01-01T06:00:00Z", "ESCALATED yellow 1970-01-01T12:00:00Z",
                "CLEARED yellow 1970-01-01T12:00:00Z"), brief(log));
        assertEquals(List.of(), AlertLog.current(log));
    }

    @Test
    void aStateRebuiltFromItsFieldsContinuesTheSame() {
        // the state is plain data: copying it field by field (as a store would persist and load it) changes nothing
        StationReadings r = hourly("P1", new double[] {0, 1, 9, 10, 30, 31, 32, 60},
                new double[] {1, 2, 3, Double.NaN, 4, 5, 6, 7});
        Evaluator both = new Evaluator(RuleSet.of(List.of(SILENT, new RateRule("rise", "dam-1/phreatic", "P1",
                5 * HOUR, Bound.ABOVE, WarningFixtures.limits(WarningLevel.BLUE, 0.5, 0.5)))));
        WarningState s = WarningState.initial();
        List<AlertEvent> log = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            StationReadings one = r.slice(i, i + 1);
            Evaluation e = both.evaluate(s, one, one.timesMicros()[0]);
            log.addAll(e.events());
            Map<String, RuleState> rules = new java.util.HashMap<>();
            e.state().rules().forEach((id, x) -> rules.put(id, new RuleState(x.ruleId(), x.level(), x.alertId())));
            Map<String, StationHistory> stations = new java.util.HashMap<>();
            e.state().stations().forEach((id, h) -> stations.put(id, new StationHistory(h.station(), h.lastMicros(),
                    h.lastValidMicros(), h.windowTimesMicros().clone(), h.windowValues().clone())));
            s = new WarningState(rules, stations);
            assertEquals(e.state(), s);
        }
        assertEquals(WarningFixtures.whole(both, r), log);
        assertEquals(true, log.size() >= 6, "gaps and rises should raise alerts: " + brief(log));
    }
}
