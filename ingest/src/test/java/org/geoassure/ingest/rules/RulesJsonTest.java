package org.geoassure.ingest.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.Bound;
import org.geoassure.geodb.hazard.warning.CombinationRule;
import org.geoassure.geodb.hazard.warning.Limit;
import org.geoassure.geodb.hazard.warning.NoDataRule;
import org.geoassure.geodb.hazard.warning.RateRule;
import org.geoassure.geodb.hazard.warning.RollUp;
import org.geoassure.geodb.hazard.warning.RuleSet;
import org.geoassure.geodb.hazard.warning.ThresholdRule;
import org.geoassure.geodb.hazard.warning.WarningLevel;
import org.junit.jupiter.api.Test;

/** The rules file: docs/examples/rules-water.json read field by field, and errors that name file, line and field. */
class RulesJsonTest {
    static final Path EXAMPLE = Path.of("..", "docs", "examples", "rules-water.json");
    private static final long DAY = 86_400_000_000L;

    private static String error(String json) {
        return assertThrows(InvalidContentException.class, () -> RulesJson.read(new StringReader(json), "r.json"))
                .getMessage();
    }

    @Test
    void theExampleFileIsTheRuleSetTheDocsDescribe() throws IOException {
        RuleSet rules = RulesJson.read(EXAMPLE);
        String station = "B58C0698-1";
        RuleSet expected = new RuleSet(List.of(
                new ThresholdRule("head-high", "nb1/phreatic", station, Bound.ABOVE, Map.of(
                        WarningLevel.BLUE, new Limit(28.50, 28.40),
                        WarningLevel.YELLOW, new Limit(28.75, 28.60),
                        WarningLevel.ORANGE, new Limit(28.90, 28.80))),
                new RateRule("head-rise", "nb1/phreatic", station, 31 * DAY, Bound.ABOVE,
                        Map.of(WarningLevel.YELLOW, new Limit(0.25, 0.15))),
                new NoDataRule("head-silent", "nb1/phreatic", station,
                        Map.of(WarningLevel.BLUE, 30 * DAY, WarningLevel.YELLOW, 60 * DAY)),
                new CombinationRule("high-and-rising", "nb1/phreatic", CombinationRule.Mode.ALL_OF,
                        List.of("head-high", "head-rise"))), new RollUp(4, 3, 2));
        assertEquals(expected, rules);
    }

    @Test
    void aLevelLimitThatIsNotANumber() {
        String json = """
                {"rules": [
                  {"id": "a", "type": "threshold", "item": "i", "station": "s",
                   "levels": {"blue": {"above": 1}}},
                  {"id": "b", "type": "noData", "item": "i", "station": "s", "levels": {"blue": "PT6H"}},
                  {"id": "c", "type": "threshold", "item": "i", "station": "s",
                   "levels": {"red": {"above": "high"}}}
                ]}""";
        assertEquals("r.json:6: rules[2].levels.red.above: not a number", error(json));
    }

    @Test
    void checksOfTheRuleRecordsGetTheirPathAndLine() {
        String json = """
                {"rules": [
                  {"id": "a", "type": "threshold", "item": "i", "station": "s",
                   "levels": {"blue": {"above": 1, "clear": 0.5},
                              "red": {"above": 3, "clear": 3.5}}}
                ]}""";
        assertEquals("r.json:4: rules[0].levels.red.clear: 3.5 is above the raise limit 3.0; it must be at or on "
                + "the safe side of it", error(json));
    }

    @Test
    void fieldErrors() {
        assertEquals("r.json:1: rules[0].type: 'sometimes' is not one of threshold, rate, noData, allOf, anyOf",
                error("{\"rules\": [{\"id\": \"a\", \"type\": \"sometimes\", \"item\": \"i\"}]}"));
        assertEquals("r.json:1: rules[0].colour: unknown field; expected one of [id, item, parts, type]",
                error("{\"rules\": [{\"id\": \"a\", \"type\": \"anyOf\", \"item\": \"i\", \"colour\": 1}]}"));
        assertEquals("r.json:1: rules[0].window: 'P1M' is not an ISO-8601 duration like \"PT6H\" or \"P30D\"",
                error("{\"rules\": [{\"id\": \"a\", \"type\": \"rate\", \"item\": \"i\", \"station\": \"s\", "
                        + "\"window\": \"P1M\", \"levels\": {\"red\": {\"above\": 1}}}]}"));
        assertEquals("r.json:1: rules[0].levels.purple: not a level; use blue, yellow, orange or red",
                error("{\"rules\": [{\"id\": \"a\", \"type\": \"threshold\", \"item\": \"i\", \"station\": \"s\", "
                        + "\"levels\": {\"purple\": {\"above\": 1}}}]}"));
        assertEquals("r.json:1: rules[0].levels.red.above: the blue level uses \"below\"; all levels of a rule "
                + "must use the same side", error("{\"rules\": [{\"id\": \"a\", \"type\": \"threshold\", \"item\": "
                + "\"i\", \"station\": \"s\", \"levels\": {\"blue\": {\"below\": 1}, \"red\": {\"above\": 2}}}]}"));
        assertEquals("r.json:1: rules[1].parts[1]: 'x' is not the id of an earlier rule",
                error("{\"rules\": [{\"id\": \"a\", \"type\": \"noData\", \"item\": \"i\", \"station\": \"s\", "
                        + "\"levels\": {\"red\": \"PT1H\"}}, {\"id\": \"c\", \"type\": \"allOf\", \"item\": \"i\", "
                        + "\"parts\": [\"a\", \"x\"]}]}"));
        assertEquals("r.json:1: rollUp.orangeToRed: 1 is less than 2",
                error("{\"rollUp\": {\"orangeToRed\": 1}, \"rules\": []}"));
        assertEquals("r.json:1: rules: missing", error("{}"));
    }

    @Test
    void malformedJsonAndDuplicateKeys() {
        String m = error("{\"rules\": [\n{\"id\": \"a\", \"id\": \"b\"}]}");
        assertEquals(true, m.startsWith("r.json:2: not valid JSON: Duplicate field 'id'"), m);
        m = error("{\"rules\": [\n\n}");
        assertEquals(true, m.startsWith("r.json:3: not valid JSON"), m);
    }
}
