package org.geoassure.geodb.hazard.warning;

import static org.geoassure.geodb.hazard.warning.WarningFixtures.hourly;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.limits;
import static org.geoassure.geodb.hazard.warning.WarningLevel.BLUE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.ORANGE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.RED;
import static org.geoassure.geodb.hazard.warning.WarningLevel.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;

/** The GB 39496 roll-up (4 blue → yellow, 3 yellow → orange, 2 orange → red) at its boundary counts. */
class RollUpTest {
    private static final RollUp GB = RollUp.GB39496;

    private static List<WarningLevel> n(int count, WarningLevel l) {
        return Collections.nCopies(count, l);
    }

    private static List<WarningLevel> join(List<WarningLevel> a, List<WarningLevel> b) {
        List<WarningLevel> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void blueBoundary() {
        assertEquals(Optional.of(BLUE), GB.level(n(3, BLUE)));
        assertEquals(Optional.of(YELLOW), GB.level(n(4, BLUE)));
        assertEquals(Optional.of(YELLOW), GB.level(n(9, BLUE)), "no further cascade from many blues");
    }

    @Test
    void yellowBoundary() {
        assertEquals(Optional.of(YELLOW), GB.level(n(2, YELLOW)));
        assertEquals(Optional.of(ORANGE), GB.level(n(3, YELLOW)));
    }

    @Test
    void orangeBoundary() {
        assertEquals(Optional.of(ORANGE), GB.level(n(1, ORANGE)));
        assertEquals(Optional.of(RED), GB.level(n(2, ORANGE)));
    }

    @Test
    void noCascadeWithinOneStageAndEmptyIsNone() {
        // the yellow made of 4 blues is not a third yellow
        assertEquals(Optional.of(YELLOW), GB.level(join(n(4, BLUE), n(2, YELLOW))));
        assertEquals(Optional.of(RED), GB.level(join(n(3, BLUE), List.of(RED))));
        assertEquals(Optional.empty(), GB.level(List.of()));
    }

    @Test
    void countsAreConfigurable() {
        RollUp strict = new RollUp(2, 2, 3);
        assertEquals(Optional.of(YELLOW), strict.level(n(2, BLUE)));
        assertEquals(Optional.of(ORANGE), strict.level(n(2, ORANGE)));
        assertEquals(Optional.of(RED), strict.level(n(3, ORANGE)));
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> new RollUp(4, 1, 2));
        assertEquals("rollUp.yellowToOrange: 1 is less than 2", e.getMessage());
    }

    @Test
    void itemsThenFacilityFromActiveAlertsOfTheEvaluator() {
        // four piezometers of item "dam-1/phreatic" at blue, one at item "dam-1/beach" yellow;
        // the facility sees one yellow item (from 4 blues) and one yellow item: 2 yellow items stay yellow
        List<Rule> rules = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            rules.add(new ThresholdRule("p" + i, "dam-1/phreatic", "P" + i, Bound.ABOVE, limits(BLUE, 1, 1, YELLOW,
                    2, 2)));
        }
        rules.add(new ThresholdRule("beach", "dam-1/beach", "B", Bound.BELOW, limits(YELLOW, 50, 50)));
        rules.add(new ThresholdRule("pond", "dam-1/pond", "W", Bound.ABOVE, limits(YELLOW, 5, 5)));
        Evaluator ev = new Evaluator(RuleSet.of(rules));
        WarningState s = WarningState.initial();
        List<AlertEvent> log = new ArrayList<>();
        String[] stations = {"P1", "P2", "P3", "B"};
        double[] values = {1.5, 1.5, 1.5, 40};
        for (int i = 0; i < stations.length; i++) {
            Evaluation e = ev.evaluate(s, hourly(stations[i], new double[] {i}, new double[] {values[i]}),
                    i * WarningFixtures.HOUR);
            s = e.state();
            log.addAll(e.events());
        }
        List<Alert> active = AlertLog.current(log);
        assertEquals(Map.of("dam-1/phreatic", BLUE, "dam-1/beach", YELLOW), GB.items(active), "3 blue stay blue");
        assertEquals(Optional.of(YELLOW), GB.facility(active));

        Evaluation e = ev.evaluate(s, hourly("P4", new double[] {5}, new double[] {1.5}), 5 * WarningFixtures.HOUR);
        log.addAll(e.events());
        active = AlertLog.current(log);
        assertEquals(Map.of("dam-1/phreatic", YELLOW, "dam-1/beach", YELLOW), GB.items(active), "4 blue: yellow");
        assertEquals(Optional.of(YELLOW), GB.facility(active), "2 yellow items stay yellow");

        e = ev.evaluate(e.state(), hourly("W", new double[] {6}, new double[] {6}), 6 * WarningFixtures.HOUR);
        log.addAll(e.events());
        active = AlertLog.current(log);
        assertEquals(Optional.of(ORANGE), GB.facility(active), "3 yellow items: orange");
        assertTrue(GB.items(active).values().stream().allMatch(l -> l == YELLOW));
    }
}
