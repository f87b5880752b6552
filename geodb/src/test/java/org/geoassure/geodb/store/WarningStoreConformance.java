package org.geoassure.geodb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.Acknowledgement;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WarningStore.RulesVersion;
import org.geoassure.geodb.store.WarningStore.StoredAcknowledgement;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@link WarningStore}: rule set versions by record time with their text kept as given,
 * acknowledgements ordered by their time and sliced by record time, one ingest per write, and refused writes that
 * leave no trace. Every engine with warnings extends it and supplies {@link #newStore}; the tests use only the SPI.
 */
public abstract class WarningStoreConformance {
    protected static final WorkspaceInfo INFO = new WorkspaceInfo("t", "EPSG:4527", "", "m",
            Instant.parse("2026-01-01T00:00:00Z"));
    private static final Provenance ANN = new Provenance(List.of(), "ann", Map.of(), List.of());
    private static final String RULES_1 = "{\"rules\": []}";
    private static final String RULES_2 = "{\n  \"rules\": [ ]\n}\n";
    private static final long T = 1_750_000_000_000_000L;

    /** A new, empty store for one test; it must implement {@link WarningStore}. */
    protected abstract WorkspaceStore newStore(WorkspaceInfo info);

    private static WarningStore warnings(WorkspaceStore ws) {
        return assertInstanceOf(WarningStore.class, ws, "the engine under test has no warning store");
    }

    @Test
    void rulesAreVersionedByRecordTime() {
        try (WorkspaceStore ws = newStore(INFO)) {
            WarningStore s = warnings(ws);
            assertTrue(s.rules(null).isEmpty());
            RulesVersion v1 = s.writeRules(RULES_1, "first cut", ANN);
            RulesVersion v2 = s.writeRules(RULES_2, "", ANN);
            assertEquals(1, v1.version());
            assertEquals(2, v2.version());
            assertEquals(RULES_2, s.rules(null).orElseThrow().json(), "the text as given, spaces and all");
            assertEquals(v1, s.rules(v1.recordedAt()).orElseThrow());
            assertEquals(v1, s.rules(v2.recordedAt().minusNanos(1000)).orElseThrow());
            assertTrue(s.rules(v1.recordedAt().minusNanos(1000)).isEmpty());
            assertEquals(List.of(v1, v2), s.rulesVersions());
            assertEquals("first cut", s.rulesVersions().get(0).comment());
            assertEquals("ann", v1.user());
            assertEquals(List.of("rules", "rules"), ws.ingests().stream().map(i -> i.kind()).toList());
            assertEquals(v2.recordedAt(), ws.ingests().get(1).recordedAt());
            assertEquals(List.of(), ws.check());
        }
    }

    @Test
    void acknowledgementsAreOrderedByTimeAndSlicedByRecordTime() {
        try (WorkspaceStore ws = newStore(INFO)) {
            WarningStore s = warnings(ws);
            StoredAcknowledgement first = s.writeAcknowledgement("pz3-head@2025-06-20T13:00:00Z",
                    new Acknowledgement("bo", "pumping started at sump 2", T + 10), ANN);
            s.writeAcknowledgement("pz1-head@2025-01-01T00:00:00Z", new Acknowledgement("cy", "sensor checked", T), ANN);
            List<StoredAcknowledgement> all = s.acknowledgements(null);
            assertEquals(List.of("pz1-head@2025-01-01T00:00:00Z", "pz3-head@2025-06-20T13:00:00Z"),
                    all.stream().map(StoredAcknowledgement::alertId).toList(), "in order of their time");
            assertEquals(first, all.get(1));
            assertEquals(List.of(first), s.acknowledgements(first.recordedAt()));
            assertEquals(List.of("acknowledgement", "acknowledgement"), ws.ingests().stream().map(i -> i.kind())
                    .toList());
            assertEquals(List.of(), ws.check());
        }
    }

    @Test
    void refusedWritesLeaveNoTrace() {
        try (WorkspaceStore ws = newStore(INFO)) {
            WarningStore s = warnings(ws);
            RulesVersion v1 = s.writeRules(RULES_1, "", ANN);
            InvalidContentException blank = assertThrows(InvalidContentException.class,
                    () -> s.writeRules("  ", "empty", ANN));
            assertTrue(blank.getMessage().startsWith("json:"), blank.getMessage());
            InvalidContentException id = assertThrows(InvalidContentException.class, () -> s.writeAcknowledgement(
                    " x@2025-01-01T00:00:00Z", new Acknowledgement("bo", "why", T), ANN));
            assertTrue(id.getMessage().startsWith("alertId:"), id.getMessage());
            assertEquals(1, ws.ingests().size(), "no ingest entry for a refused write");
            assertEquals(List.of(v1), s.rulesVersions());
            assertEquals(List.of(), s.acknowledgements(null));
            RulesVersion v2 = s.writeRules(RULES_2, "after the refusals", ANN);
            assertEquals(2, v2.version(), "numbering goes on without a gap");
            assertEquals(List.of(), ws.check());
        }
    }
}
