package org.geoassure.geodb.hazard.warning;

import static org.geoassure.geodb.hazard.warning.WarningFixtures.HOUR;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.hourly;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.limits;
import static org.geoassure.geodb.hazard.warning.WarningLevel.BLUE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.RED;
import static org.geoassure.geodb.hazard.warning.WarningLevel.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;

/** The alert lifecycle, and the current alerts as a pure function of the log. */
class AlertLogTest {
    private static final ThresholdRule P1 = new ThresholdRule("p1", "dam", "P1", Bound.ABOVE,
            limits(BLUE, 1, 0.9, YELLOW, 2, 1.9, RED, 3, 2.9));
    private final Evaluator ev = new Evaluator(RuleSet.of(List.of(P1)));

    private List<AlertEvent> feed(List<AlertEvent> log, WarningState[] state, double hour, double value) {
        Evaluation e = ev.evaluate(state[0], hourly("P1", new double[] {hour}, new double[] {value}),
                Math.round(hour * HOUR));
        state[0] = e.state();
        return AlertLog.append(log, e.events());
    }

    @Test
    void acknowledgeThenEscalationNeedsANewAcknowledgement() {
        WarningState[] s = {WarningState.initial()};
        List<AlertEvent> log = feed(List.of(), s, 0, 1.5);
        String id = "p1@1970-01-01T00:00:00Z";
        log = AlertLog.append(log, List.of(AlertLog.acknowledge(log, id, "li.wei", "piezometer checked on site",
                HOUR / 2)));
        Alert a = AlertLog.current(log).get(0);
        assertEquals(Optional.of(new Acknowledgement("li.wei", "piezometer checked on site", HOUR / 2)),
                a.acknowledgement());

        log = feed(log, s, 1, 2.5); // escalates to yellow: the acknowledgement of blue no longer holds
        a = AlertLog.current(log).get(0);
        assertEquals(YELLOW, a.level());
        assertFalse(a.acknowledged());

        log = AlertLog.append(log, List.of(AlertLog.acknowledge(log, id, "zhang.min", "pumping started",
                HOUR + 1)));
        log = feed(log, s, 2, 1.5); // de-escalates to blue: the acknowledgement stays
        a = AlertLog.current(log).get(0);
        assertEquals(BLUE, a.level());
        assertEquals("zhang.min", a.acknowledgement().orElseThrow().who());
        assertEquals(2 * HOUR, a.changedMicros());
        assertEquals(0, a.raisedMicros());

        log = feed(log, s, 3, 0.5);
        assertEquals(List.of(), AlertLog.current(log));
        assertEquals(List.of(AlertEvent.Kind.RAISED, AlertEvent.Kind.ACKNOWLEDGED, AlertEvent.Kind.ESCALATED,
                AlertEvent.Kind.ACKNOWLEDGED, AlertEvent.Kind.DEESCALATED, AlertEvent.Kind.CLEARED),
                log.stream().map(AlertEvent::kind).toList());
    }

    @Test
    void badAcknowledgementsAreRefusedNamingTheField() {
        WarningState[] s = {WarningState.initial()};
        List<AlertEvent> log = feed(List.of(), s, 0, 1.5);
        String id = "p1@1970-01-01T00:00:00Z";
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> AlertLog.acknowledge(List.of(), id, "li.wei", "x", 0));
        assertTrue(e.getMessage().startsWith("alertId: "), e.getMessage());
        e = assertThrows(InvalidContentException.class, () -> AlertLog.acknowledge(log, id, " ", "x", 0));
        assertTrue(e.getMessage().startsWith("who: "), e.getMessage());
        e = assertThrows(InvalidContentException.class, () -> AlertLog.acknowledge(log, id, "li.wei", "", 0));
        assertTrue(e.getMessage().startsWith("why: "), e.getMessage());
        List<AlertEvent> acked = AlertLog.append(log, List.of(AlertLog.acknowledge(log, id, "li.wei", "ok", 0)));
        e = assertThrows(InvalidContentException.class, () -> AlertLog.acknowledge(acked, id, "wang", "ok", 1));
        assertTrue(e.getMessage().contains("already acknowledged"), e.getMessage());
    }

    @Test
    void anInconsistentLogIsRefused() {
        AlertEvent clear = new AlertEvent(0, AlertEvent.Kind.CLEARED, "x@0", "x", "S", "dam", BLUE, 0,
                AlertEvent.SYSTEM, "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlertLog.current(List.of(clear)));
        assertTrue(e.getMessage().contains("event 0"), e.getMessage());
    }

    @Test
    void replayingTheLogGivesTheEvaluatorsStateAtEveryStep() {
        long seed = 20261129L;
        Random rnd = new Random(seed);
        RateRule rise = new RateRule("rise", "dam", "P1", 5 * HOUR, Bound.ABOVE, limits(BLUE, 0.5, 0.2));
        NoDataRule silent = new NoDataRule("silent", "dam", "P1", Map.of(BLUE, 3 * HOUR, RED, 8 * HOUR));
        CombinationRule any = new CombinationRule("any", "dam-all", CombinationRule.Mode.ANY_OF,
                List.of("p1", "rise", "silent"));
        Evaluator evaluator = new Evaluator(RuleSet.of(List.of(P1, rise, silent, any)));
        WarningState s = WarningState.initial();
        List<AlertEvent> log = new ArrayList<>();
        double hour = 0;
        for (int step = 0; step < 300; step++) {
            hour += rnd.nextInt(10) == 0 ? 4 + rnd.nextInt(8) : 1;
            double v = rnd.nextInt(12) == 0 ? Double.NaN : 3.5 * rnd.nextDouble();
            Evaluation e = evaluator.evaluate(s, hourly("P1", new double[] {hour}, new double[] {v}),
                    Math.round(hour * HOUR));
            s = e.state();
            log.addAll(e.events());
            if (rnd.nextInt(5) == 0) {
                for (Alert a : AlertLog.current(log)) {
                    if (!a.acknowledged()) {
                        log.add(AlertLog.acknowledge(log, a.id(), "duty", "seen", Math.round(hour * HOUR)));
                    }
                }
            }
            Map<String, WarningLevel> replayed = new TreeMap<>();
            Map<String, String> replayedIds = new TreeMap<>();
            for (Alert a : AlertLog.current(log)) {
                replayed.put(a.ruleId(), a.level());
                replayedIds.put(a.ruleId(), a.id());
            }
            Map<String, WarningLevel> state = new TreeMap<>();
            Map<String, String> stateIds = new TreeMap<>();
            s.rules().forEach((id, r) -> {
                state.put(id, r.level().orElseThrow());
                stateIds.put(id, r.alertId());
            });
            assertEquals(state, replayed, "seed " + seed + ", step " + step);
            assertEquals(stateIds, replayedIds, "seed " + seed + ", step " + step);
        }
        assertTrue(log.size() > 100, "the random series should make a lively log: " + log.size());
        assertTrue(log.stream().anyMatch(e -> e.ruleId().equals("silent")), "some gaps raise no-data alerts");
    }
}
