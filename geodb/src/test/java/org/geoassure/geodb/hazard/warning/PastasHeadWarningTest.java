package org.geoassure.geodb.hazard.warning;

import static org.geoassure.geodb.hazard.warning.WarningFixtures.DAY;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.brief;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.day;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.limits;
import static org.geoassure.geodb.hazard.warning.WarningLevel.BLUE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.ORANGE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules on a real groundwater head series: pastas_head_nb1.csv (DINO well B58C0698, 644 readings 1985–2015, see
 * resources/timeseries/SOURCES.md). The expected events were found by reading the file (line numbers count the
 * header as line 1), independently of the evaluator: the line where the head first passes a limit, the line where it
 * first comes back to the clear limit, the gaps between consecutive dates.
 */
class PastasHeadWarningTest {
    private static final WarningFixtures.Series HEAD = WarningFixtures.csv("pastas_head_nb1.csv");
    private static final String STATION = "B58C0698-1";

    /** blue above 28.50 m (clear 28.40), yellow above 28.75 (clear 28.60), orange above 28.90 (clear 28.80). */
    private static final ThresholdRule HIGH = new ThresholdRule("head-high", "nb1/phreatic", STATION, Bound.ABOVE,
            limits(BLUE, 28.50, 28.40, YELLOW, 28.75, 28.60, ORANGE, 28.90, 28.80));

    /** Rise of more than 0.5 m within 31 days, cleared when the 31-day change is back to 0.3 m. */
    private static final RateRule RISE = new RateRule("head-rise", "nb1/phreatic", STATION, 31 * DAY, Bound.ABOVE,
            limits(YELLOW, 0.5, 0.3));

    /** No reading for more than 60 days blue, 90 days yellow. */
    private static final NoDataRule SILENT = new NoDataRule("head-silent", "nb1/phreatic", STATION,
            Map.of(BLUE, 60 * DAY, YELLOW, 90 * DAY));

    private static List<String> expected(String... lineKindLevel) {
        List<String> out = new ArrayList<>();
        for (String s : lineKindLevel) {
            String[] f = s.split(" ");
            out.add(f[1] + " " + f[2] + " " + WarningFixtures.iso(HEAD.timeOfLine(Integer.parseInt(f[0]))));
        }
        return out;
    }

    @Test
    void theSeriesIsTheOneDescribed() {
        assertEquals(644, HEAD.times().length);
        assertEquals(day("1985-11-14"), HEAD.timeOfLine(2));
        assertEquals(28.96, HEAD.valueOfLine(56), "the maximum, 1988-03-28");
    }

    @Test
    void thresholdLadder() {
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(HIGH))),
                HEAD.readings(STATION));
        // line kind level; values from the file: line 7 28.55 > 28.50; line 8 28.31 <= 28.40; line 55 28.83 > 28.75;
        // line 56 28.96 > 28.90; line 57 28.56: <= 28.80 and <= 28.60, > 28.40 holds blue; line 187 28.5 <= 28.60
        // leaves yellow, > 28.40 holds blue; line 213 28.6 is not above yellow's clear 28.60.
        assertEquals(expected(
                "7 RAISED blue", "8 CLEARED blue",
                "12 RAISED blue", "15 CLEARED blue",
                "33 RAISED blue", "35 CLEARED blue",
                "52 RAISED blue", "55 ESCALATED yellow", "56 ESCALATED orange", "57 DEESCALATED blue",
                "58 CLEARED blue",
                "81 RAISED blue", "82 CLEARED blue",
                "163 RAISED blue", "164 CLEARED blue",
                "184 RAISED blue", "186 ESCALATED yellow", "187 DEESCALATED blue", "192 CLEARED blue",
                "210 RAISED blue", "212 ESCALATED yellow", "213 DEESCALATED blue", "217 CLEARED blue",
                "291 RAISED blue", "295 ESCALATED yellow", "301 DEESCALATED blue", "302 CLEARED blue",
                "341 RAISED blue", "345 CLEARED blue",
                "361 RAISED blue", "363 CLEARED blue",
                "371 RAISED blue", "374 CLEARED blue",
                "375 RAISED blue", "376 CLEARED blue",
                "453 RAISED blue", "454 CLEARED blue",
                "540 RAISED blue", "545 CLEARED blue"), brief(events));
        // the file's 28.700000000000006 on line 291 is above 28.50: the value is taken exactly as written
        assertEquals(28.700000000000006, events.get(23).value());
    }

    @Test
    void riseOverThirtyOneDays() {
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(RISE))),
                HEAD.readings(STATION));
        // e.g. line 117 (1991-01-14, 28.24) minus line 116 (1990-12-14, 27.63: exactly 31 days before, so inside the
        // closed window) is 0.61 > 0.5; on line 118 (1991-01-28, 28.18) the first line in the window is 117 and the
        // change is -0.06.
        assertEquals(expected(
                "117 RAISED yellow", "118 CLEARED yellow",
                "135 RAISED yellow", "136 CLEARED yellow",
                "160 RAISED yellow", "161 CLEARED yellow",
                "178 RAISED yellow", "180 CLEARED yellow",
                "184 RAISED yellow", "186 CLEARED yellow",
                "243 RAISED yellow", "244 CLEARED yellow",
                "287 RAISED yellow", "289 CLEARED yellow",
                "315 RAISED yellow", "317 CLEARED yellow",
                "352 RAISED yellow", "354 CLEARED yellow",
                "442 RAISED yellow", "443 CLEARED yellow",
                "517 RAISED yellow", "519 CLEARED yellow",
                "564 RAISED yellow", "565 CLEARED yellow",
                "586 RAISED yellow", "588 CLEARED yellow"), brief(events));
        assertEquals(HEAD.valueOfLine(117) - HEAD.valueOfLine(116), events.get(0).value(), 1e-12);
        assertTrue(HEAD.timeOfLine(117) - HEAD.timeOfLine(115) > 31 * DAY, "line 115 is outside the window");
    }

    @Test
    void gapsLongerThanSixtyDays() {
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(SILENT))),
                HEAD.readings(STATION));
        // the three gaps of more than 60 days between consecutive lines: 369 -> 370 (2002-08-28 -> 2002-11-15,
        // 79 d), 370 -> 371 (2002-11-15 -> 2003-01-15, 61 d) and 384 -> 385 (2003-09-15 -> 2004-01-30, 137 d,
        // also more than 90 d)
        assertEquals(List.of(
                "RAISED blue 2002-10-27T00:00:00Z", "CLEARED blue 2002-11-15T00:00:00Z",
                "RAISED blue 2003-01-14T00:00:00Z", "CLEARED blue 2003-01-15T00:00:00Z",
                "RAISED blue 2003-11-14T00:00:00Z", "ESCALATED yellow 2003-12-14T00:00:00Z",
                "CLEARED yellow 2004-01-30T00:00:00Z"), brief(events));
    }

    @Test
    void chunksGiveTheSameLogAsOneEvaluation() {
        Evaluator ev = new Evaluator(RuleSet.of(List.of(HIGH, RISE, SILENT,
                new CombinationRule("high-and-rising", "nb1/phreatic", CombinationRule.Mode.ALL_OF,
                        List.of("head-high", "head-rise")))));
        StationReadings all = HEAD.readings(STATION);
        List<AlertEvent> whole = WarningFixtures.whole(ev, all);
        assertEquals(39 + 26 + 7, whole.stream().filter(e -> !e.ruleId().equals("high-and-rising")).count());
        assertTrue(whole.stream().anyMatch(e -> e.ruleId().equals("high-and-rising")), "line 184: high and rising");
        for (int chunk : new int[] {1, 5, 64, 643}) {
            assertEquals(whole, WarningFixtures.chunked(ev, all, chunk), "chunks of " + chunk);
        }
    }
}
