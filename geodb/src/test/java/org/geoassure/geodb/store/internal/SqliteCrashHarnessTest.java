package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceDigest;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness (issue 12): child JVMs ingest a second batch into copies of a workspace that holds a first
 * batch and are killed (SIGKILL) after a random, seeded delay. Each reopened copy must pass {@link
 * WorkspaceStore#check()} and hold all of the second batch or none of it: its counts and the digest of every readable
 * row equal the state before the ingest or the state after it, never anything between.
 *
 * <p>{@code -Dgeoassure.crash.kills=200} runs a longer series, {@code -Dgeoassure.seed=S} repeats one; the seed and
 * the delays are printed. See docs/reliability.md.
 */
class SqliteCrashHarnessTest {
    static final int FIRST_HOLES = 200;
    static final int SECOND_HOLES = 400;

    @TempDir
    Path dir;

    static DrillholeBatch secondBatch(int holes) {
        return ReliabilityBatches.batch("B", holes, 3, null);
    }

    /**
     * Version {@code version} of a 160 x 160 x 64 block model (1 638 400 cells, 50 bricks, two attributes), its values
     * a closed form of the cell and the version.
     */
    static org.geoassure.geodb.grid.BlockData model(int version) {
        var m = new org.geoassure.geodb.grid.BlockModel("grade_model", 500_000, 3_800_000, -400, 15, 10, 10, 5, 160,
                160, 64, List.of(org.geoassure.geodb.grid.BlockAttribute.of("au",
                        org.geoassure.geodb.grid.AttributeType.FLOAT32),
                    org.geoassure.geodb.grid.BlockAttribute.of("density", org.geoassure.geodb.grid.AttributeType.FLOAT64)));
        var b = org.geoassure.geodb.grid.BlockData.builder(m);
        double[] v = new double[2];
        for (int k = 0; k < 64; k++) {
            for (int j = 0; j < 160; j++) {
                for (int i = 0; i < 160; i++) {
                    v[0] = version + Math.sin(i * 0.1) * Math.cos(j * 0.07) + k * 0.01;
                    v[1] = 2.6 + 0.001 * ((i + j + k + version) % 50);
                    b.put(i, j, k, v);
                }
            }
        }
        return b.build();
    }

    /**
     * The same harness for a model update: the workspace holds version 1 of a block model, the child writes version 2
     * (every brick of every attribute, one transaction); each killed copy holds version 1 alone or both, whole.
     */
    @Test
    void everyKilledModelUpdateLeavesAllOrNothing() throws Exception {
        int kills = Integer.getInteger("geoassure.crash.modelKills", 10);
        long seed = Long.getLong("geoassure.seed", System.nanoTime());
        Random rnd = new Random(seed);
        System.out.println("crash harness (model update): seed " + seed + ", " + kills + " kills");
        Path base = dir.resolve("base.gpkg");
        try (WorkspaceStore ws = Workspaces.create(base, WorkspaceInfo.of("crash", "EPSG:4527", "unspecified"))) {
            ((org.geoassure.geodb.store.BlockModelStore) ws).writeBlockModel(model(1), "first estimate",
                    new org.geoassure.geodb.model.Provenance(List.of(), "crash", java.util.Map.of(), List.of()));
        }
        String before = digest(base);
        Path full = dir.resolve("full.gpkg");
        Files.copy(base, full);
        long writeMillis = Math.max(1, runAndKill(full, 120_000, "model"));
        String after = digest(full);
        assertTrue(!before.equals(after));
        int window = (int) (writeMillis * 1.2);
        System.out.println("crash harness (model update): a child writes version 2 in " + writeMillis + " ms");
        int none = 0;
        int all = 0;
        for (int k = 0; k < kills; k++) {
            int delay = rnd.nextInt(window);
            Path copy = dir.resolve("model" + k + ".gpkg");
            Files.copy(base, copy);
            runAndKill(copy, delay, "model");
            try (WorkspaceStore ws = Workspaces.open(copy)) {
                assertEquals(List.of(), ws.check(), "seed " + seed + ", kill " + k + " after " + delay + " ms");
            }
            String state = digest(copy);
            if (state.equals(before)) {
                none++;
            } else if (state.equals(after)) {
                all++;
            } else {
                fail("seed " + seed + ", kill " + k + " after " + delay + " ms: the workspace holds part of version 2");
            }
            Files.delete(copy);
        }
        System.out.println("crash harness (model update): " + kills + " kills survived (" + none + " none, " + all
                + " all)");
    }

    @Test
    void everyKilledIngestLeavesAllOrNothing() throws Exception {
        int kills = Integer.getInteger("geoassure.crash.kills", 25);
        long seed = Long.getLong("geoassure.seed", System.nanoTime());
        Random rnd = new Random(seed);
        System.out.println("crash harness: seed " + seed + ", " + kills + " kills (repeat with -Dgeoassure.seed=" + seed + ")");

        Path base = dir.resolve("base.gpkg");
        try (WorkspaceStore ws = Workspaces.create(base, WorkspaceInfo.of("crash", "EPSG:4527", "unspecified"))) {
            ws.ingest(ReliabilityBatches.batch("A", FIRST_HOLES, 0, null));
            ws.ingest(ReliabilityBatches.batch("A", FIRST_HOLES / 3, 1, null)); // history: a correction
        }
        String before = digest(base);
        // the "after" state, and the child's ingest time: one child left to finish
        Path full = dir.resolve("full.gpkg");
        Files.copy(base, full);
        long ingestMillis = runAndKill(full, 120_000);
        assertTrue(ingestMillis >= 0, "the calibration child finishes");
        ingestMillis = Math.max(1, ingestMillis);
        String after = digest(full);
        assertTrue(!before.equals(after));
        // kill anywhere from the start of the ingest to a little past its end (the commit and checkpoint)
        int window = (int) (ingestMillis * 1.2);
        System.out.println("crash harness: a child ingests " + SECOND_HOLES + " holes in " + ingestMillis
                + " ms; kill delays drawn from [0, " + window + ") ms after READY");

        int none = 0;
        int all = 0;
        List<String> delays = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            int delay = rnd.nextInt(window);
            Path copy = dir.resolve("run" + k + ".gpkg");
            Files.copy(base, copy);
            boolean finished = runAndKill(copy, delay) >= 0;
            try (WorkspaceStore ws = Workspaces.open(copy)) {
                List<String> findings = ws.check();
                assertEquals(List.of(), findings, "seed " + seed + ", kill " + k + " after " + delay + " ms");
            }
            String state = digest(copy);
            if (state.equals(before)) {
                none++;
                delays.add(delay + "ms:none");
            } else if (state.equals(after)) {
                all++;
                delays.add(delay + "ms:all" + (finished ? "(finished)" : ""));
            } else {
                fail("seed " + seed + ", kill " + k + " after " + delay + " ms: the workspace holds part of the batch: "
                        + state);
            }
            Files.delete(copy);
        }
        System.out.println("crash harness: " + kills + " kills survived (" + none + " none, " + all + " all); delays "
                + delays);
    }

    /**
     * Starts the child and kills it {@code delay} ms after it is ready.
     *
     * @return ms from ready to a successful exit when it finished before the kill, else -1
     */
    private static long runAndKill(Path file, int delay) throws Exception {
        return runAndKill(file, delay, Integer.toString(SECOND_HOLES));
    }

    /** As {@link #runAndKill(Path, int)}; {@code what} is the child's second argument (holes, or "model"). */
    private static long runAndKill(Path file, int delay, String what) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                CrashHarnessChild.class.getName(), file.toString(), what)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertEquals("READY", line, "the child reports that it is ready");
            long ready = System.nanoTime();
            boolean exited = child.waitFor(delay, TimeUnit.MILLISECONDS);
            long millis = (System.nanoTime() - ready) / 1_000_000;
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            return exited && child.exitValue() == 0 ? millis : -1;
        }
    }

    /** Counts and a SHA-256 of every readable current row, without record times: {@link WorkspaceDigest}. */
    static String digest(Path file) {
        return WorkspaceDigest.of(file);
    }
}
