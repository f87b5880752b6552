package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.geoassure.geodb.GeoDbException;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WorkspaceStore#check()} on the embedded engine: silent on a sound workspace, one finding per break. */
class IntegrityCheckTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void threeIngests() {
        file = ReliabilityBatches.workspaceWithHistory(dir.resolve("ws.gpkg"), 30);
    }

    private List<String> check() {
        try (WorkspaceStore ws = Workspaces.open(file)) {
            return ws.check();
        }
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private void assertFinding(String expected) {
        List<String> findings = check();
        assertTrue(findings.stream().anyMatch(f -> f.contains(expected)), "expected '" + expected + "' in " + findings);
    }

    @Test
    void soundWorkspaceHasNoFindings() {
        assertEquals(List.of(), check());
    }

    @Test
    void overlappingVersionsAreFound() throws Exception {
        sql("UPDATE boreholes SET superseded_at = " + Bitemporal.OPEN + " WHERE hole_id = 'H3'");
        assertFinding("boreholes: two versions of one hole overlap in both valid and record time: H3");
        assertFinding("boreholes: hole without exactly one current version: H3");
    }

    @Test
    void reversedPeriodIsFound() throws Exception {
        sql("UPDATE surveys SET valid_to = valid_from WHERE fid = (SELECT min(fid) FROM surveys)");
        assertFinding("surveys: empty or reversed valid period");
    }

    @Test
    void missingIngestIsFound() throws Exception {
        sql("PRAGMA foreign_keys = OFF", "DELETE FROM ga_ingest WHERE id = (SELECT max(id) FROM ga_ingest)");
        assertFinding("ga_interval_set: ingest id not in the ingest log");
        assertFinding("foreign_key_check: boreholes row");
    }

    @Test
    void missingRtreeEntryIsFound() throws Exception {
        sql("DELETE FROM ga_rtree_traces WHERE id = (SELECT min(fid) FROM traces) << " + SqliteStore.TRACE_PIECE_BITS,
                "DELETE FROM ga_rtree_chunks_assays WHERE id = (SELECT max(id) FROM ga_rtree_chunks_assays)");
        assertFinding("ga_rtree_traces: trace without an R*Tree entry: H0");
        assertFinding("ga_rtree_chunks_assays: interval chunk without an R*Tree entry");
    }

    @Test
    void danglingRtreeEntryIsFound() throws Exception {
        sql("INSERT INTO ga_rtree_chunks_lithology VALUES (999999, 0, 1, 0, 1, 0, 1)");
        assertFinding("ga_rtree_chunks_lithology: R*Tree entry of no interval chunk: 999999");
    }

    @Test
    void catalogGapsAreFound() throws Exception {
        sql("DELETE FROM gpkg_geometry_columns WHERE table_name = 'intervals_assays'");
        assertFinding("gpkg_geometry_columns: feature table intervals_assays has no geometry column row");
    }

    @Test
    void lostIntervalRowsAreFound() throws Exception {
        sql("DELETE FROM intervals_lithology WHERE fid = (SELECT max(fid) FROM intervals_lithology)");
        assertFinding("intervals_lithology: interval set whose row count is not the rows stored");
    }

    /** Flipped bytes in a copy: the check reports findings or refuses to open it, never fails another way. */
    @Test
    void corruptedCopiesAreReportedNotThrown() throws Exception {
        long seed = Long.getLong("geoassure.seed", System.nanoTime());
        Random rnd = new Random(seed);
        byte[] original = Files.readAllBytes(file);
        int found = 0;
        for (int trial = 0; trial < 20; trial++) {
            byte[] bytes = original.clone();
            int start = 100 + rnd.nextInt(bytes.length - 4196); // keep the 100-byte header: flipping it is too easy
            for (int i = 0; i < 64; i++) {
                bytes[start + rnd.nextInt(4096)] ^= (byte) (1 + rnd.nextInt(255));
            }
            Path copy = dir.resolve("corrupt" + trial + ".gpkg");
            Files.write(copy, bytes);
            try (WorkspaceStore ws = Workspaces.open(copy)) {
                found += ws.check().isEmpty() ? 0 : 1;
            } catch (GeoDbException e) {
                assertTrue(e.getMessage().contains(copy.toString()), "the error names the file: " + e.getMessage());
                found++;
            }
        }
        // flips in free or unused bytes can go unnoticed, but most land in pages that matter
        assertFalse(found == 0, "seed " + seed + ": no corrupted copy was noticed");
    }
}
