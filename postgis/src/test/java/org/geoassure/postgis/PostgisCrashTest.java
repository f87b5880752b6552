package org.geoassure.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceDigest;
import org.geoassure.geodb.store.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crash harness for the PostGIS engine (issue 12): a child JVM opens a workspace that holds a base state and makes
 * four writes, each one transaction ({@link PostgisCrashWorkload#STEPS}: drillholes whose new interval table is
 * created inside the transaction, features, a block model version, readings whose yearly partitions are created
 * inside the transaction), and is killed (SIGKILL) after a seeded delay. Once PostgreSQL has ended the dead client's
 * session, the reopened workspace must pass {@link WorkspaceStore#check()} with no finding and its digest
 * ({@link WorkspaceDigest}) with the schema's table list must equal one of the five committed states: the base, or the
 * base plus the first 1, 2, 3 or 4 writes, whole. A first child, paused after each write, gives those five states and
 * the time of each write.
 *
 * <p>Kill {@code k} falls inside write {@code k mod 4}: the child prints {@code BEGIN i} as it starts write {@code i},
 * and the delay after that line is drawn from [0, 1.1 T) with T the write's time in the paused run, so every write,
 * and both transactions that create tables, is cut at a random point, or just after its commit. Besides the digest,
 * the schema's table list must match the state, so a rolled-back {@code CREATE TABLE} leaves no table behind. The
 * seed is printed; it is fixed when {@code CI=true}, and {@code -Dgeoassure.seed=S} sets it;
 * {@code -Dgeoassure.crash.pgKills=N} runs more kills.
 * The delays repeat with a seed, the point in the write they hit only roughly (the child's speed varies).
 */
@ExtendWith(RequiresPostgis.class)
class PostgisCrashTest {
    /** The seed when CI=true and none is given: CI runs draw the same delays. */
    static final long CI_SEED = 20261130L;

    @Test
    void everyKilledWriteLeavesEachBatchWholeOrAbsent() throws Exception {
        int kills = Integer.getInteger("geoassure.crash.pgKills", 8);
        long seed = seed();
        Random rnd = new Random(seed);
        int steps = PostgisCrashWorkload.STEPS.size();
        System.out.println("PostGIS crash harness: seed " + seed + ", " + kills + " kills (repeat with "
                + "-Dgeoassure.seed=" + seed + ")");
        long started = System.nanoTime();

        // the committed states, and the time of each write: one child paused after each write
        List<String> states = new ArrayList<>();
        long[] millis = new long[steps];
        String calib = newBase("crashcal");
        try {
            states.add(digest(calib));
            runPaused(calib, states, millis);
        } finally {
            drop(calib);
        }
        assertEquals(steps + 1, states.stream().distinct().count(), "each write changes the digest: " + states);
        System.out.println("PostGIS crash harness: the writes take " + java.util.Arrays.toString(millis) + " ms "
                + PostgisCrashWorkload.STEPS);

        int[] outcomes = new int[steps + 1];
        List<String> log = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            int s = k % steps;
            int delay = rnd.nextInt((int) Math.max(1, millis[s] * 11 / 10));
            String schema = newBase("crash" + k);
            try {
                String app = "geoassure-crash-" + ProcessHandle.current().pid() + "-" + k;
                boolean finished = runAndKill(schema, app, s, delay);
                awaitSessionEnd(app);
                String where = "seed " + seed + ", kill " + k + " " + delay + " ms into write " + s + " ("
                        + PostgisCrashWorkload.STEPS.get(s) + ")";
                try (WorkspaceStore ws = PostgisWorkspaces.open(RequiresPostgis.url(), new Properties(), schema)) {
                    assertEquals(List.of(), ws.check(), where);
                    String now = state(ws, schema);
                    int state = states.indexOf(now);
                    if (state < 0) {
                        fail(where + ": the workspace holds part of a write: " + now + "; committed states "
                                + states);
                    }
                    outcomes[state]++;
                    log.add(s + "+" + delay + "ms:" + state + (finished ? "(finished)" : ""));
                }
            } finally {
                drop(schema);
            }
        }
        System.out.println("PostGIS crash harness: " + kills + " kills survived in "
                + (System.nanoTime() - started) / 1_000_000 + " ms; writes committed when killed (0-" + steps + "): "
                + java.util.Arrays.toString(outcomes) + "; write+delay:state " + log);
    }

    /**
     * The closest thing to power loss here: the PostgreSQL server itself is stopped with {@code pg_ctl -m immediate}
     * (every backend killed, no checkpoint, WAL replayed at the next start) at a seeded point in one of the writes, and
     * started again; the workspace must then pass {@code check()} and hold whole writes only, as above. It stops the
     * cluster, so it runs only on a throwaway one whose data directory is named by {@code GEODB_PG_DATA} (or
     * {@code -Dgeoassure.crash.pgdata=DIR}; e.g. {@code /tmp/geodb-pg-55432/data} from
     * {@code scripts/pg-throwaway.sh start}; .ci/run sets it), and is skipped, saying so, otherwise (failed when
     * {@code CI=true}). The cluster's {@code fsync=off} means this is a server crash with the OS surviving, not a
     * machine crash.
     */
    @Test
    void serverKilledInWritesLeavesEachBatchWholeOrAbsent() throws Exception {
        String pgdata = System.getProperty("geoassure.crash.pgdata", System.getenv("GEODB_PG_DATA"));
        if (pgdata == null || pgdata.isBlank()) {
            String missing = "the server crash run stops the PostgreSQL server: give it the throwaway cluster's data "
                    + "directory in GEODB_PG_DATA (or -Dgeoassure.crash.pgdata=DIR), e.g. /tmp/geodb-pg-55432/data "
                    + "from scripts/pg-throwaway.sh start";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(missing);
            }
            org.junit.jupiter.api.Assumptions.abort(missing);
        }
        int kills = Integer.getInteger("geoassure.crash.serverKills", 4);
        long seed = seed();
        Random rnd = new Random(seed);
        int steps = PostgisCrashWorkload.STEPS.size();
        System.out.println("PostGIS server crash run: seed " + seed + ", " + kills + " server kills");
        long started = System.nanoTime();
        List<String> states = new ArrayList<>();
        long[] millis = new long[steps];
        String calib = newBase("crashcal");
        try {
            states.add(digest(calib));
            runPaused(calib, states, millis);
        } finally {
            drop(calib);
        }
        int[] outcomes = new int[steps + 1];
        List<String> log = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            int s = k % steps;
            int delay = rnd.nextInt((int) Math.max(1, millis[s] * 11 / 10));
            String schema = newBase("srvcrash" + k);
            try {
                Process child = child(schema, "geoassure-srvcrash-" + k, false);
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    readUntil(out, "BEGIN " + s, new ArrayList<>());
                    Thread.sleep(delay);
                    pgCtl(pgdata, "-m", "immediate", "-w", "-t", "60", "restart");
                    child.waitFor(30, TimeUnit.SECONDS);
                } finally {
                    child.destroyForcibly();
                    child.waitFor(30, TimeUnit.SECONDS);
                }
                String where = "seed " + seed + ", server kill " + k + " " + delay + " ms into write " + s + " ("
                        + PostgisCrashWorkload.STEPS.get(s) + ")";
                try (WorkspaceStore ws = PostgisWorkspaces.open(RequiresPostgis.url(), new Properties(), schema)) {
                    assertEquals(List.of(), ws.check(), where);
                    String now = state(ws, schema);
                    int state = states.indexOf(now);
                    if (state < 0) {
                        fail(where + ": the workspace holds part of a write: " + now + "; committed states "
                                + states);
                    }
                    outcomes[state]++;
                    log.add(s + "+" + delay + "ms:" + state);
                }
            } finally {
                drop(schema);
            }
        }
        System.out.println("PostGIS server crash run: " + kills + " server kills survived in "
                + (System.nanoTime() - started) / 1_000_000 + " ms; writes committed (0-" + steps + "): "
                + java.util.Arrays.toString(outcomes) + "; write+delay:state " + log);
    }

    /** Runs pg_ctl on the cluster in {@code pgdata} (as its owner, postgres, when run as root); its log beside it. */
    private static void pgCtl(String pgdata, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(System.getProperty("geoassure.crash.pgbin", "/usr/lib/postgresql/15/bin") + "/pg_ctl",
                "-D", pgdata, "-l", Path.of(pgdata).resolveSibling("server.log").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pg_ctl " + List.of(args) + " ends");
        assertEquals(0, p.exitValue(), "pg_ctl " + List.of(args) + ": " + out);
    }

    static long seed() {
        Long given = Long.getLong("geoassure.seed");
        if (given != null) {
            return given;
        }
        return "true".equalsIgnoreCase(System.getenv("CI")) ? CI_SEED : System.nanoTime();
    }

    /** A new workspace schema holding the base state. */
    private static String newBase(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
        try (WorkspaceStore ws = PostgisWorkspaces.create(RequiresPostgis.url(), new Properties(), name,
                WorkspaceInfo.of("crash", "EPSG:4527", "unspecified"))) {
            PostgisCrashWorkload.base(ws);
        }
        return name;
    }

    private static void drop(String schema) {
        PostgisWorkspaces.drop(RequiresPostgis.url(), new Properties(), schema);
    }

    private static String digest(String schema) throws Exception {
        try (WorkspaceStore ws = PostgisWorkspaces.open(RequiresPostgis.url(), new Properties(), schema)) {
            return state(ws, schema);
        }
    }

    /**
     * The workspace digest and the schema's tables (partitions included), so that a table left behind by a rolled
     * back ingest (an interval table, a readings partition) would show even without a catalog row.
     */
    private static String state(WorkspaceStore ws, String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(RequiresPostgis.url());
                PreparedStatement ps = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ? "
                        + "ORDER BY tablename")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return WorkspaceDigest.of(ws) + " tables=" + tables;
    }

    private static Process child(String schema, String app, boolean pause) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                PostgisCrashChild.class.getName(), RequiresPostgis.url(), schema, app));
        if (pause) {
            cmd.add("pause");
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Runs a child that pauses after each write; adds the digest after each write and sets the write times. */
    private static void runPaused(String schema, List<String> states, long[] millis) throws Exception {
        Process child = child(schema, "geoassure-crash-calibration", true);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)); Writer in = new OutputStreamWriter(child.getOutputStream(),
                        StandardCharsets.UTF_8)) {
            List<String> seen = new ArrayList<>();
            for (int s = 0; s < millis.length; s++) {
                String line = readUntil(out, "STEP " + s + " ", seen);
                millis[s] = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                states.add(digest(schema));
                in.write("go\n");
                in.flush();
            }
            readUntil(out, "FINISHED", seen);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue(), "the calibration child exits normally: " + seen);
        } finally {
            child.destroyForcibly();
        }
    }

    private static String readUntil(BufferedReader out, String prefix, List<String> seen) throws Exception {
        String line;
        do {
            line = out.readLine();
            if (line != null) {
                seen.add(line);
            }
        } while (line != null && !line.startsWith(prefix));
        if (line == null) {
            fail("the child ended before printing '" + prefix + "': " + seen);
        }
        return line;
    }

    /**
     * Starts the child and kills it {@code delay} ms after it begins write {@code step}.
     *
     * @return whether it finished every write first
     */
    private static boolean runAndKill(String schema, String app, int step, int delay) throws Exception {
        Process child = child(schema, app, false);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            readUntil(out, "BEGIN " + step, new ArrayList<>());
            boolean exited = child.waitFor(delay, TimeUnit.MILLISECONDS);
            child.destroyForcibly(); // SIGKILL: no rollback, no close, the socket just drops
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            return exited && child.exitValue() == 0;
        }
    }

    /**
     * Waits until PostgreSQL has ended the killed client's session (it notices the closed socket when it next reads
     * or writes it, and rolls back an open transaction), so the digest reads a settled state.
     */
    private static void awaitSessionEnd(String app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = DriverManager.getConnection(RequiresPostgis.url());
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE application_name = ?")) {
            ps.setString(1, app);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    fail("PostgreSQL still runs the session of the killed client " + app + " after 60 s");
                }
                Thread.sleep(20);
            }
        }
    }
}
