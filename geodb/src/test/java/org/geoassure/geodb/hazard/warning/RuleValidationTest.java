package org.geoassure.geodb.hazard.warning;

import static org.geoassure.geodb.hazard.warning.WarningFixtures.limits;
import static org.geoassure.geodb.hazard.warning.WarningLevel.BLUE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.RED;
import static org.geoassure.geodb.hazard.warning.WarningLevel.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad rules are refused with a message that starts with the field. */
class RuleValidationTest {
    private static String message(Executable e) {
        return assertThrows(InvalidContentException.class, e).getMessage();
    }

    @Test
    void clearLimitOnTheDangerousSide() {
        assertEquals("levels.red.clear: 3.5 is above the raise limit 3.0; it must be at or on the safe side of it",
                message(() -> new ThresholdRule("r", "i", "s", Bound.ABOVE, limits(RED, 3.0, 3.5))));
        assertEquals("levels.yellow.clear: 9.0 is below the raise limit 10.0; it must be at or on the safe side of it",
                message(() -> new ThresholdRule("r", "i", "s", Bound.BELOW, limits(YELLOW, 10.0, 9.0))));
    }

    @Test
    void raiseLimitsMustGrowWithTheLevel() {
        assertEquals("levels.yellow.above: 1.0 must be greater than the blue limit 2.0",
                message(() -> new RateRule("r", "i", "s", 1, Bound.ABOVE, limits(BLUE, 2.0, 2.0, YELLOW, 1.0,
                        1.0))));
        assertEquals("levels.red: must be longer than the blue age",
                message(() -> new NoDataRule("r", "i", "s", Map.of(BLUE, 10L, RED, 10L))));
    }

    @Test
    void namesAndWindows() {
        assertEquals("id: missing or blank", message(() -> new ThresholdRule(" ", "i", "s", Bound.ABOVE,
                limits(RED, 1, 1))));
        assertEquals("station: ' s' has leading or trailing spaces", message(() -> new ThresholdRule("r", "i", " s",
                Bound.ABOVE, limits(RED, 1, 1))));
        assertEquals("window: 0 µs is not a positive duration", message(() -> new RateRule("r", "i", "s", 0,
                Bound.ABOVE, limits(RED, 1, 1))));
        assertEquals("levels: at least one level is needed", message(() -> new ThresholdRule("r", "i", "s",
                Bound.ABOVE, Map.of())));
    }

    @Test
    void ruleSetNamesTheRule() {
        ThresholdRule a = new ThresholdRule("a", "i", "s", Bound.ABOVE, limits(RED, 1, 1));
        assertEquals("rules[1].id: 'a' is already the id of rules[0]", message(() -> RuleSet.of(List.of(a, a))));
        CombinationRule c = new CombinationRule("c", "i", CombinationRule.Mode.ALL_OF, List.of("a", "later"));
        assertEquals("rules[1].parts[1]: 'later' is not the id of an earlier rule",
                message(() -> RuleSet.of(List.of(a, c))));
        assertEquals("parts[1]: 'a' is listed twice", message(() -> new CombinationRule("c", "i",
                CombinationRule.Mode.ANY_OF, List.of("a", "a"))));
    }
}
