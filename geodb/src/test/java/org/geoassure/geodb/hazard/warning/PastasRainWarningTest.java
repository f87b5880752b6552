package org.geoassure.geodb.hazard.warning;

import static org.geoassure.geodb.hazard.warning.WarningFixtures.DAY;
import static org.geoassure.geodb.hazard.warning.WarningFixtures.limits;
import static org.geoassure.geodb.hazard.warning.WarningLevel.BLUE;
import static org.geoassure.geodb.hazard.warning.WarningLevel.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heavy-rain threshold on a real daily series: pastas_rain_nb1.csv (KNMI, m/day, 13 454 days 1980–2016, see
 * resources/timeseries/SOURCES.md). Expected: the 11 lines whose rain is above 0.040 m/day, found by reading the file
 * (no two of them consecutive, so each is raised on its day and cleared the next day).
 */
class PastasRainWarningTest {
    private static final WarningFixtures.Series RAIN = WarningFixtures.csv("pastas_rain_nb1.csv");
    private static final int[] ABOVE_40_MM = {204, 1612, 6087, 6494, 8999, 9344, 10875, 11276, 12568, 13013, 13304};

    @Test
    void daysAboveFortyMillimetres() {
        ThresholdRule heavy = new ThresholdRule("rain-heavy", "nb1/rain", "KNMI-nb1", Bound.ABOVE,
                limits(BLUE, 0.040, 0.040, YELLOW, 0.060, 0.060));
        List<AlertEvent> events = WarningFixtures.whole(new Evaluator(RuleSet.of(List.of(heavy))),
                RAIN.readings("KNMI-nb1"));
        assertEquals(13454, RAIN.times().length);
        assertEquals(2 * ABOVE_40_MM.length, events.size());
        for (int i = 0; i < ABOVE_40_MM.length; i++) {
            int line = ABOVE_40_MM[i];
            AlertEvent raised = events.get(2 * i);
            AlertEvent cleared = events.get(2 * i + 1);
            assertEquals(AlertEvent.Kind.RAISED, raised.kind(), "line " + line);
            assertEquals(RAIN.timeOfLine(line), raised.timeMicros(), "line " + line);
            assertEquals(RAIN.valueOfLine(line), raised.value(), "line " + line);
            // 0.0728 (line 6087, 1996-08-29) and 0.0658 (line 10875, 2009-10-08) are above 0.060: yellow
            assertEquals(line == 6087 || line == 10875 ? YELLOW : BLUE, raised.level(), "line " + line);
            assertEquals(AlertEvent.Kind.CLEARED, cleared.kind(), "line " + (line + 1));
            assertEquals(RAIN.timeOfLine(line) + DAY, cleared.timeMicros(), "line " + (line + 1));
        }
    }

    @Test
    void chunksOfAThousandDaysGiveTheSameLog() {
        Evaluator ev = new Evaluator(RuleSet.of(List.of(
                new ThresholdRule("rain-heavy", "nb1/rain", "KNMI-nb1", Bound.ABOVE, limits(BLUE, 0.030, 0.020)),
                new RateRule("rain-jump", "nb1/rain", "KNMI-nb1", 3 * DAY, Bound.ABOVE, limits(BLUE, 0.025, 0.010)),
                new NoDataRule("rain-silent", "nb1/rain", "KNMI-nb1", java.util.Map.of(BLUE, DAY / 2)))));
        StationReadings all = RAIN.readings("KNMI-nb1");
        List<AlertEvent> whole = WarningFixtures.whole(ev, all);
        // daily readings: every day the half-day no-data limit is passed at noon and cleared at the next midnight
        assertEquals(2 * (13454 - 1), whole.stream().filter(e -> e.ruleId().equals("rain-silent")).count());
        for (int chunk : new int[] {1000, 4097}) {
            assertEquals(whole, WarningFixtures.chunked(ev, all, chunk), "chunks of " + chunk);
        }
    }
}
