package org.geoassure.ingest.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoassure.geodb.hazard.warning.Alert;
import org.geoassure.geodb.hazard.warning.AlertEvent;
import org.geoassure.geodb.hazard.warning.AlertLog;
import org.geoassure.geodb.hazard.warning.Evaluation;
import org.geoassure.geodb.hazard.warning.Evaluator;
import org.geoassure.geodb.hazard.warning.RuleSet;
import org.geoassure.geodb.hazard.warning.StationReadings;
import org.geoassure.geodb.hazard.warning.WarningLevel;
import org.geoassure.geodb.hazard.warning.WarningState;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/warnings.md: docs/examples/rules-water.json on lines 51–59 of pastas_head_nb1.csv (DINO
 * well B58C0698, 1988-01-14 … 1988-05-14, copied below), delivered in three calls with an acknowledgement between,
 * then a clock tick. The event log must be the block under "Worked example" in the page, line for line.
 */
class WarningsWorkedExampleTest {
    static final Path PAGE = Path.of("..", "docs", "warnings.md");
    private static final String STATION = "B58C0698-1";
    /** Lines 51–59 of pastas_head_nb1.csv. */
    private static final String[][] HEAD = {
        {"1988-01-14", "28.31"}, {"1988-01-28", "28.58"}, {"1988-02-13", "28.680000000000003"},
        {"1988-02-27", "28.57"}, {"1988-03-14", "28.83"}, {"1988-03-28", "28.96"}, {"1988-04-14", "28.56"},
        {"1988-04-28", "28.37"}, {"1988-05-14", "28.16"}};

    private static long day(String d) {
        return LocalDate.parse(d).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
    }

    private static StationReadings lines(int from, int to) {
        long[] t = new long[to - from];
        double[] v = new double[to - from];
        for (int i = from; i < to; i++) {
            t[i - from] = day(HEAD[i][0]);
            v[i - from] = Double.parseDouble(HEAD[i][1]);
        }
        return new StationReadings(STATION, t, v);
    }

    private static String row(AlertEvent e) {
        String value = Double.isNaN(e.value()) ? "-" : String.valueOf(Math.round(e.value() * 100) / 100.0);
        return Instant.ofEpochSecond(e.timeMicros() / 1_000_000L) + " " + e.ruleId() + " " + e.kind() + " "
                + e.level().key() + " " + value + (e.who().equals(AlertEvent.SYSTEM) ? "" : " " + e.who());
    }

    /** The fenced block after the line {@code <!-- worked-example-log -->}, whitespace runs made single. */
    private static List<String> documentedLog() throws IOException {
        List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        int at = lines.indexOf("<!-- worked-example-log -->");
        assertTrue(at >= 0, "docs/warnings.md has lost its worked-example marker");
        List<String> out = new ArrayList<>();
        for (int i = at + 2; !lines.get(i).startsWith("```"); i++) {
            out.add(lines.get(i).strip().replaceAll("\\s+", " "));
        }
        return out;
    }

    @Test
    void theLogOfTheWorkedExampleIsTheOneInTheDocs() throws IOException {
        Evaluator ev = new Evaluator(RulesJson.read(RulesJsonTest.EXAMPLE));
        RuleSet rules = ev.ruleSet();
        List<AlertEvent> log = new ArrayList<>();

        Evaluation e = ev.evaluate(WarningState.initial(), lines(0, 5), day("1988-03-14"));
        log.addAll(e.events());
        log.add(AlertLog.acknowledge(log, "head-high@1988-01-28T00:00:00Z", "li.wei",
                "read by hand 28.82 m; pumping well started", day("1988-03-15") + 8 * 3_600_000_000L));

        e = ev.evaluate(e.state(), lines(5, 6), day("1988-03-28"));
        log.addAll(e.events());
        List<Alert> active = AlertLog.current(log);
        // 28 March: head-high orange, head-rise yellow, high-and-rising yellow: 2 yellow < 3, so the item is orange
        assertEquals(Map.of("nb1/phreatic", WarningLevel.ORANGE), rules.rollUp().items(active));
        assertEquals(Optional.of(WarningLevel.ORANGE), rules.rollUp().facility(active));
        assertTrue(active.stream().noneMatch(Alert::acknowledged), "the escalation to orange dropped li.wei's ack");

        e = ev.evaluate(e.state(), lines(6, 9), day("1988-05-14"));
        log.addAll(e.events());
        e = ev.tick(e.state(), day("1988-06-20"));
        log.addAll(e.events());

        assertEquals(documentedLog(), log.stream().map(WarningsWorkedExampleTest::row).toList());
        assertEquals(List.of("head-silent@1988-06-13T00:00:00Z"),
                AlertLog.current(log).stream().map(Alert::id).toList());
    }
}
