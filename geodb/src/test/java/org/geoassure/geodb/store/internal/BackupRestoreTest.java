package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup and restore of the embedded engine: every SPI read equal after the round trip; refusals touch nothing. */
class BackupRestoreTest {
    @TempDir
    Path dir;
    Path ws;

    @BeforeEach
    void workspaceWithHistory() {
        ws = ReliabilityBatches.workspaceWithHistory(dir.resolve("ws.gpkg"), 30);
    }

    /** Every read of the SPI: info, ingests, stats, current rows, and the full history of every hole and table. */
    static List<Object> everything(Path file) {
        try (WorkspaceStore s = Workspaces.open(file)) {
            List<Object> all = new ArrayList<>();
            all.add(s.info());
            all.add(s.ingests());
            all.add(s.stats());
            all.add(s.holeIds());
            all.add(list(s.boreholes(Selection.all())));
            all.add(list(s.stations(Selection.all())));
            all.add(list(s.traces(Selection.all())).stream().map(t -> t.holeId() + java.util.Arrays.toString(t.xyz()) + t.valid() + t.recorded())
                    .toList());
            for (String t : s.intervalTables()) {
                all.add(s.intervalColumns(t));
                all.add(list(s.intervals(t, Selection.all())));
            }
            for (String id : s.holeIds()) {
                all.add(s.history(id));
                for (String t : s.intervalTables()) {
                    all.add(s.intervalHistory(t, id));
                }
            }
            return all;
        }
    }

    private static <T> List<T> list(Stream<T> s) {
        try (s) {
            return s.toList();
        }
    }

    @Test
    void roundTripKeepsEveryRead() {
        List<Object> before = everything(ws);
        Path backup = dir.resolve("ws.backup");
        Workspaces.backup(ws, backup);
        Path restored = dir.resolve("sub").resolve("restored.gpkg");
        restored.getParent().toFile().mkdirs();
        Workspaces.restore(backup, restored, false);
        assertEquals(before, everything(restored));
        try (WorkspaceStore s = Workspaces.open(restored)) {
            assertEquals(List.of(), s.check());
        }
        assertFalse(Files.exists(dir.resolve("sub").resolve("restored.gpkg.restoring")));
    }

    @Test
    void backupWhileAnotherConnectionReadsIsConsistent() {
        List<Object> before = everything(ws);
        Path backup = dir.resolve("ws.backup");
        try (WorkspaceStore reader = Workspaces.open(ws);
                Stream<?> open = reader.intervals("assays", Selection.all())) {
            open.iterator().next(); // a read transaction in progress on another connection
            Workspaces.backup(ws, backup);
        }
        assertEquals(before, everything(backup));
    }

    @Test
    void restoreRefusesAnExistingWorkspaceUnlessForced() throws Exception {
        Path backup = dir.resolve("ws.backup");
        Workspaces.backup(ws, backup);
        Path other = dir.resolve("other.gpkg");
        try (WorkspaceStore s = Workspaces.create(other, WorkspaceInfo.of("other", "EPSG:4527", "unspecified"))) {
            s.ingest(ReliabilityBatches.batch("X", 3, 0, null));
        }
        List<Object> otherBefore = everything(other);
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> Workspaces.restore(backup, other, false));
        assertTrue(e.getMessage().contains(other.toString()) && e.getMessage().contains("--force"), e.getMessage());
        assertEquals(otherBefore, everything(other));
        Workspaces.restore(backup, other, true);
        assertEquals(everything(ws), everything(other));
    }

    @Test
    void backupRefusesAnExistingFile() throws Exception {
        Path backup = dir.resolve("taken");
        Files.writeString(backup, "keep me");
        assertThrows(InvalidContentException.class, () -> Workspaces.backup(ws, backup));
        assertEquals("keep me", Files.readString(backup));
    }

    @Test
    void restoreRefusesADamagedBackupAndLeavesTheTarget() throws Exception {
        Path backup = dir.resolve("ws.backup");
        Workspaces.backup(ws, backup);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + backup); var st = c.createStatement()) {
            st.execute("DELETE FROM ga_rtree_traces WHERE id = (SELECT min(id) FROM ga_rtree_traces)");
        }
        Path target = dir.resolve("target.gpkg");
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> Workspaces.restore(backup, target, false));
        assertTrue(e.getMessage().contains("integrity check") && e.getMessage().contains("ga_rtree_traces"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("target.gpkg.restoring")));
    }

    @Test
    void missingOrForeignBackupIsRefusedByName() throws Exception {
        Path missing = dir.resolve("nope.backup");
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> Workspaces.restore(missing, dir.resolve("t.gpkg"), false));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a workspace\n".repeat(100));
        e = assertThrows(InvalidContentException.class, () -> Workspaces.restore(text, dir.resolve("t.gpkg"), false));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
        assertFalse(Files.exists(dir.resolve("t.gpkg")));
    }
}
