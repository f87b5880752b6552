package org.geoassure.server.cli;

import static org.geoassure.server.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.geoassure.server.cli.CliTest.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geoassure check}, {@code backup}, {@code restore}: exit codes, and bad input named without a stack trace. */
class ReliabilityCliTest {
    @TempDir
    Path dir;
    Path ws;

    @BeforeEach
    void workspace() {
        ws = dir.resolve("mine.gpkg");
        assertEquals(0, run("init", ws.toString(), "--crs", "EPSG:4527", "--vertical-datum", "Yellow Sea 1985").code());
        Result r = CliTest.ingestDemo1(ws);
        assertEquals(0, r.code(), r.err());
    }

    private static void assertBadInput(Result r, Path named) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(named.toString()), "expected " + named + " in: " + r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void checkOfASoundWorkspaceExitsZero() {
        Result r = run("check", ws.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(ws + ": sound", r.out().strip());
    }

    @Test
    void checkListsFindingsAndExitsTwo() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ws); var s = c.createStatement()) {
            s.execute("UPDATE boreholes SET valid_to = valid_from WHERE fid = 1");
        }
        Result r = run("check", ws.toString());
        assertBadInput(r, ws);
        assertTrue(r.out().contains("boreholes: empty or reversed valid period"), r.out());
    }

    @Test
    void backupAndRestoreRoundTrip() {
        Path backup = dir.resolve("mine.backup");
        Path restored = dir.resolve("restored.gpkg");
        assertEquals(0, run("backup", ws.toString(), backup.toString()).code());
        Result r = run("restore", backup.toString(), restored.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(run("info", ws.toString()).out(), run("info", restored.toString()).out());
        assertBadInput(run("restore", backup.toString(), restored.toString()), restored);
        assertEquals(0, run("restore", backup.toString(), restored.toString(), "--force").code());
        assertEquals(0, run("check", restored.toString()).code());
    }

    @Test
    void missingAndForeignFilesAreNamed() throws Exception {
        Path missing = dir.resolve("missing.gpkg");
        Path text = dir.resolve("notes.gpkg");
        Files.writeString(text, "not a workspace\n".repeat(200));
        for (Path bad : new Path[] {missing, text}) {
            assertBadInput(run("check", bad.toString()), bad);
            assertBadInput(run("backup", bad.toString(), dir.resolve("b" + bad.getFileName()).toString()), bad);
            assertBadInput(run("restore", bad.toString(), dir.resolve("r" + bad.getFileName()).toString()), bad);
        }
    }

    @Test
    void corruptedCopiesGiveFindingsOrANamedReasonNeverAStackTrace() throws Exception {
        long seed = Long.getLong("geoassure.seed", System.nanoTime());
        Random rnd = new Random(seed);
        byte[] original = Files.readAllBytes(ws);
        for (int trial = 0; trial < 10; trial++) {
            byte[] bytes = original.clone();
            for (int i = 0; i < 200; i++) {
                int at = rnd.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 + rnd.nextInt(255));
            }
            Path copy = dir.resolve("corrupt" + trial + ".gpkg");
            Files.write(copy, bytes);
            Result r = run("check", copy.toString());
            assertFalse(r.err().contains("internal error") || r.err().contains("\tat "),
                    "seed " + seed + ", trial " + trial + ": " + r.err());
            if (r.code() != 0) {
                assertBadInput(r, copy);
            }
            Result restore = run("restore", copy.toString(), dir.resolve("r" + trial + ".gpkg").toString());
            assertFalse(restore.err().contains("internal error"), "seed " + seed + ": " + restore.err());
        }
    }
}
