package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.Acknowledgement;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WarningStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.WarningStore.StoredAcknowledgement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine against the warning conformance suite, plus what it checks of its own file: acknowledgements
 * survive a reopen, refused writes leave the file byte for byte as it was, the integrity check covers the two
 * tables, and a version 3 file gains them on open.
 */
class WarningStoreTest extends WarningStoreConformance {
    @TempDir
    Path dir;

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return SqliteStore.create(dir.resolve("warnings.gpkg"), info);
    }

    private static final WorkspaceInfo INFO = new WorkspaceInfo("t", "EPSG:4527", "", "m",
            Instant.parse("2026-01-01T00:00:00Z"));
    private static final Provenance ANN = new Provenance(List.of(), "ann", Map.of(), List.of());
    private static final String RULES_1 = "{\"rules\": []}";
    private static final String RULES_2 = "{\n  \"rules\": [ ]\n}\n";
    private static final long T = 1_750_000_000_000_000L;

    @Test
    void acknowledgementsArePersistedAndSlicedByRecordTime() {
        Path f = dir.resolve("ws.gpkg");
        StoredAcknowledgement first;
        try (SqliteStore s = SqliteStore.create(f, INFO)) {
            first = s.writeAcknowledgement("pz3-head@2025-06-20T13:00:00Z",
                    new Acknowledgement("bo", "pumping started at sump 2", T + 10), ANN);
            s.writeAcknowledgement("pz1-head@2025-01-01T00:00:00Z", new Acknowledgement("cy", "sensor checked", T), ANN);
        }
        try (SqliteStore s = SqliteStore.open(f)) {
            List<StoredAcknowledgement> all = s.acknowledgements(null);
            assertEquals(List.of("pz1-head@2025-01-01T00:00:00Z", "pz3-head@2025-06-20T13:00:00Z"),
                    all.stream().map(StoredAcknowledgement::alertId).toList(), "in order of their time");
            assertEquals(first, all.get(1));
            assertEquals(List.of(first), s.acknowledgements(first.recordedAt()));
            assertEquals(List.of("acknowledgement", "acknowledgement"), s.ingests().stream().map(i -> i.kind())
                    .toList());
            assertEquals(List.of(), s.check());
        }
    }

    @Test
    void refusedWritesLeaveTheFileAsItWas() throws Exception {
        Path f = dir.resolve("ws.gpkg");
        try (SqliteStore s = SqliteStore.create(f, INFO)) {
            s.writeRules(RULES_1, "", ANN);
        }
        byte[] before = Files.readAllBytes(f);
        try (SqliteStore s = SqliteStore.open(f)) {
            InvalidContentException blank = assertThrows(InvalidContentException.class,
                    () -> s.writeRules("  ", "empty", ANN));
            assertTrue(blank.getMessage().startsWith("json:"), blank.getMessage());
            InvalidContentException id = assertThrows(InvalidContentException.class, () -> s.writeAcknowledgement(
                    " x@2025-01-01T00:00:00Z", new Acknowledgement("bo", "why", T), ANN));
            assertTrue(id.getMessage().startsWith("alertId:"), id.getMessage());
            assertEquals(1, s.ingests().size(), "no ingest entry for a refused write");
            assertEquals(List.of(), s.acknowledgements(null));
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)), "the file is unchanged");
    }

    @Test
    void integrityCheckFindsRowsWithoutTheirIngest() throws SQLException {
        Path f = dir.resolve("ws.gpkg");
        try (SqliteStore s = SqliteStore.create(f, INFO)) {
            s.writeRules(RULES_1, "", ANN);
            s.writeAcknowledgement("a@2025-01-01T00:00:00Z", new Acknowledgement("bo", "why", T), ANN);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("UPDATE ga_warning_rules SET version = 5");
            st.execute("UPDATE ga_warning_ack SET recorded_at = recorded_at + 1");
        }
        try (SqliteStore s = SqliteStore.open(f)) {
            List<String> found = s.check();
            assertTrue(found.contains("ga_warning_rules: versions not numbered 1, 2, ... in record order: v5"),
                    found.toString());
            assertTrue(found.contains("ga_warning_ack: no acknowledgement ingest in the ingest log (ga_ingest) at its "
                    + "record time: a@2025-01-01T00:00:00Z"), found.toString());
        }
    }

    @Test
    void versionThreeFileGainsTheWarningTables() throws SQLException {
        Path f = dir.resolve("old.gpkg");
        SqliteStore.create(f, INFO).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            SeriesStoreTest.dropSeriesTables(s);
            s.execute("UPDATE ga_workspace SET value = '3' WHERE key = 'schema_version'");
        }
        try (SqliteStore ws = SqliteStore.open(f)) {
            ws.writeRules(RULES_1, "after the upgrade", ANN);
            assertEquals(1, ws.rules(null).orElseThrow().version());
            assertEquals(List.of(), ws.check());
        }
    }
}
