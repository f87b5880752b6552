package org.geoassure.geodb.hazard.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.series.StationKind;
import org.geoassure.geodb.store.internal.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts of a workspace replayed from its stored readings and acknowledgements, on two small hand-made series:
 * PZ1 (threshold ladder blue 10 / yellow 11 m, clear 0.5 m lower) walks through raise, escalate, de-escalate and
 * clear; PZ2 (no data for more than 3 h is blue) falls silent from 01:00 to 07:00, and again from 07:00 on.
 */
class WorkspaceAlertsTest {
    @TempDir
    Path dir;

    private static final WorkspaceInfo INFO = new WorkspaceInfo("t", "EPSG:4527", "", "m",
            Instant.parse("2026-01-01T00:00:00Z"));
    private static final Provenance P = new Provenance(List.of(), "tester", Map.of(), List.of());
    private static final long HOUR = 3_600_000_000L;
    private static final long T0 = Readings.micros(Instant.parse("2025-06-01T00:00:00Z"));
    private static final RuleSet RULES = RuleSet.of(List.of(
            new ThresholdRule("pz1-high", "aquifer", "PZ1", Bound.ABOVE, Map.of(
                    WarningLevel.BLUE, new Limit(10, 9.5), WarningLevel.YELLOW, new Limit(11, 10.5))),
            new NoDataRule("pz2-silent", "aquifer", "PZ2", Map.of(WarningLevel.BLUE, 3 * HOUR))));
    // hours and values: PZ1 09.0 10.2 11.5 10.8 10.0 9.0 (at 0..5 h); PZ2 at 0, 1 and 7 h
    private static final double[] PZ1 = {9.0, 10.2, 11.5, 10.8, 10.0, 9.0};

    private static Instant at(double hours) {
        return Readings.toInstant(T0 + (long) (hours * HOUR));
    }

    private static Readings pz1(int from, int to) {
        long[] t = new long[to - from];
        double[] v = new double[to - from];
        for (int i = from; i < to; i++) {
            t[i - from] = T0 + i * HOUR;
            v[i - from] = PZ1[i];
        }
        return new Readings("PZ1", t, v, null);
    }

    private static Readings pz2() {
        return new Readings("PZ2", new long[] {T0, T0 + HOUR, T0 + 7 * HOUR}, new double[] {5, 5, 5}, null);
    }

    private SqliteStore store() {
        SqliteStore s = SqliteStore.create(dir.resolve("ws.gpkg"), INFO);
        s.ingestStations(List.of(station("PZ1"), station("PZ2")), P);
        s.ingestReadings(List.of(pz1(0, 6), pz2()), P);
        return s;
    }

    private static Station station(String id) {
        return new Station(id, id, StationKind.PIEZOMETER, 0, 0, 0, "m", "aquifer", Map.of());
    }

    /** The engine's own log of the same readings: one call per station, then the clock tick, sorted by time. */
    private static List<AlertEvent> engine(Instant end) {
        Evaluator ev = new Evaluator(RULES);
        WarningState s = WarningState.initial();
        List<AlertEvent> out = new ArrayList<>();
        for (Readings r : List.of(pz1(0, 6), pz2())) {
            Evaluation e = ev.evaluate(s, new StationReadings(r.stationId(), r.times(), r.values()),
                    r.time(r.size() - 1));
            s = e.state();
            out.addAll(e.events());
        }
        out.addAll(ev.tick(s, Readings.micros(end)).events());
        out.sort(Comparator.comparingLong(AlertEvent::timeMicros));
        return out;
    }

    @Test
    void replayedLogEqualsTheEnginesLog() {
        try (SqliteStore s = store()) {
            List<AlertEvent> log = new WorkspaceAlerts(s, s, RULES).log(at(24), null);
            assertEquals(engine(at(24)), log);
            assertEquals(List.of("RAISED pz1-high@2025-06-01T01:00:00Z", "ESCALATED pz1-high@2025-06-01T01:00:00Z",
                    "DEESCALATED pz1-high@2025-06-01T01:00:00Z", "RAISED pz2-silent@2025-06-01T04:00:00Z",
                    "CLEARED pz1-high@2025-06-01T01:00:00Z", "CLEARED pz2-silent@2025-06-01T04:00:00Z",
                    "RAISED pz2-silent@2025-06-01T10:00:00Z"),
                    log.stream().map(e -> e.kind() + " " + e.alertId()).toList());
            assertEquals(log, new WorkspaceAlerts(s, s, RULES).log(at(24), null), "the same on every run");
        }
    }

    @Test
    void logStopsAtTheGivenTimeAndTheClockRaisesNoData() {
        try (SqliteStore s = store()) {
            WorkspaceAlerts w = new WorkspaceAlerts(s, s, RULES);
            List<Alert> at230 = w.current(at(2.5), null);
            assertEquals(1, at230.size());
            assertEquals(WarningLevel.YELLOW, at230.get(0).level());
            // PZ2 is silent from 01:00: more than 3 h at 04:30, not yet at 03:30
            assertTrue(w.current(at(3.5), null).stream().noneMatch(a -> a.ruleId().equals("pz2-silent")));
            assertTrue(w.current(at(4.5), null).stream().anyMatch(a -> a.id().equals("pz2-silent@2025-06-01T04:00:00Z")));
        }
    }

    @Test
    void acknowledgementsApplyUntilEscalationAndAreRefusedForInactiveAlerts() {
        try (SqliteStore s = store()) {
            WorkspaceAlerts w = new WorkspaceAlerts(s, s, RULES);
            String id = "pz1-high@2025-06-01T01:00:00Z";
            AlertEvent ack = w.acknowledge(id, "bo", "pump 2 started", at(1.5), P);
            assertEquals(AlertEvent.Kind.ACKNOWLEDGED, ack.kind());
            assertEquals(WarningLevel.BLUE, ack.level());
            assertEquals("bo", w.current(at(1.75), null).get(0).acknowledgement().orElseThrow().who());
            assertFalse(w.current(at(2.5), null).get(0).acknowledged(), "escalated to yellow: needs a new one");
            w.acknowledge(id, "cy", "second pump", at(3), P);
            Alert deescalated = w.current(at(4.5), null).get(0);
            assertEquals(WarningLevel.BLUE, deescalated.level());
            assertEquals("second pump", deescalated.acknowledgement().orElseThrow().why(), "kept on de-escalation");
            assertEquals(2, w.log(at(24), null).stream().filter(e -> e.kind() == AlertEvent.Kind.ACKNOWLEDGED)
                    .count());

            int ingests = s.ingests().size();
            for (Object[] bad : new Object[][] {{"pz1-high@2025-06-01T02:00:00Z", at(3)}, {id, at(6)},
                    {id, at(3.5)}}) {
                InvalidContentException e = assertThrows(InvalidContentException.class,
                        () -> w.acknowledge((String) bad[0], "bo", "why", (Instant) bad[1], P));
                assertTrue(e.getMessage().startsWith("alertId:"), e.getMessage());
            }
            assertThrows(InvalidContentException.class, () -> w.acknowledge(id, "bo", " ", at(4.5), P));
            assertEquals(ingests, s.ingests().size(), "a refused acknowledgement writes nothing");
            assertEquals(2, s.acknowledgements(null).size());
        }
    }

    @Test
    void newEventsAreWhatAnIngestCaused() {
        try (SqliteStore s = SqliteStore.create(dir.resolve("ws.gpkg"), INFO)) {
            s.ingestStations(List.of(station("PZ1"), station("PZ2")), P);
            s.ingestReadings(List.of(pz1(0, 3)), P);
            Instant second = s.ingestReadings(List.of(pz1(3, 6)), P).recordedAt();
            WorkspaceAlerts w = new WorkspaceAlerts(s, s, RULES);
            List<AlertEvent> before = w.log(at(24), second.minusNanos(1000));
            List<AlertEvent> after = w.log(at(24), second);
            assertEquals(List.of(AlertEvent.Kind.RAISED, AlertEvent.Kind.ESCALATED),
                    before.stream().map(AlertEvent::kind).toList());
            assertEquals(List.of("DEESCALATED BLUE 10.0", "CLEARED BLUE 9.0"), WorkspaceAlerts.newEvents(before,
                    after).stream().map(e -> e.kind() + " " + e.level() + " " + e.value()).toList());
        }
    }
}
