package org.geoassure.server.cli;

import static org.geoassure.server.cli.CliTest.ingestDemo1;
import static org.geoassure.server.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.postgis.PostgisWorkspaces;
import org.geoassure.samples.mine.DemoMine;
import org.geoassure.samples.mine.DemoMineLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init --store postgis} and every later command on the locator file, against the same commands on an embedded
 * workspace: the outputs must be identical. Needs {@code GEODB_PG_URL} (fails under CI=true without it, else skips).
 */
class PostgisCliTest {
    @TempDir
    Path dir;

    private String url;
    private String schema;

    @BeforeEach
    void cluster() {
        url = System.getenv("GEODB_PG_URL");
        if (url == null || url.isBlank()) {
            String missing = "GEODB_PG_URL is not set: the PostGIS CLI test needs a PostgreSQL 15 + PostGIS cluster "
                    + "(start one with 'bash scripts/pg-throwaway.sh start' and export the URL it prints)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        schema = "cli_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
    }

    @AfterEach
    void drop() {
        if (schema != null && url != null) {
            PostgisWorkspaces.drop(url, new Properties(), schema);
        }
    }

    @Test
    void everyCommandWorksOnAPostgisWorkspaceAsOnAGeoPackage() throws Exception {
        Path gpkg = dir.resolve("mine.gpkg");
        Path pg = dir.resolve("mine.pgws");
        assertEquals(0, run("init", gpkg.toString(), "--crs", "EPSG:4527").code());
        CliTest.Result init = run("init", pg.toString(), "--crs", "EPSG:4527", "--store", "postgis", "--url", url,
                "--schema", schema);
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("PostGIS schema " + schema), init.out());
        String locator = Files.readString(pg);
        assertTrue(locator.startsWith(PostgisLocation.HEADER) && !locator.contains("password"), locator);

        for (Path ws : List.of(gpkg, pg)) {
            CliTest.Result in = ingestDemo1(ws);
            assertEquals(0, in.code(), in.err());
            assertTrue(in.out().contains("29 new"), in.out());
            // the pygslib Demo1 block model (BlockModelCliTest checks its published figures on the embedded engine)
            CliTest.Result bm = run("ingest", ws.toString(), "blockmodel", BlockModelCliTest.DEMO1.toString(), "--name",
                    "demo1", "--ijk", "IX,IY,IZ", "--size", "5,5,5", "--ignore", "XC,YC,ZC", "--type", "IJK=int32",
                    "--type", "Au_OK=float32");
            assertEquals(0, bm.code(), bm.err());
            assertTrue(bm.out().contains("5572 stored in 4 bricks"), bm.out());
        }
        List<List<String>> commands = List.of(
                List.of("export", "traces", "--format", "csv"),
                List.of("query", "intervals", "--table", "assays", "--near", "4.533053515215002,0,99.7271773347324",
                        "--within", "30", "--format", "csv"),
                List.of("query", "intervals", "--table", "assays", "--where", "Au > 2", "--format", "csv"),
                List.of("query", "boreholes", "--format", "csv"),
                List.of("query", "--sql", "SELECT hole_id, count(*) AS n FROM assays GROUP BY hole_id ORDER BY hole_id"),
                List.of("query", "blocks", "--model", "demo1", "--aggregate", "count,mean:Au_OK,min:Au_OK,max:Au_OK",
                        "--format", "csv"),
                List.of("export", "blocks", "--model", "demo1", "--where", "Au_OK > 3", "--format", "csv"));
        for (List<String> c : commands) {
            String[] g = args(c, gpkg);
            String[] p = args(c, pg);
            CliTest.Result a = run(g);
            CliTest.Result b = run(p);
            assertEquals(0, a.code(), a.err());
            assertEquals(0, b.code(), String.join(" ", p) + ": " + b.err());
            assertFalse(a.out().isBlank(), String.join(" ", g));
            // record times differ (two ingests); everything else must not
            assertEquals(withoutTimes(a.out()), withoutTimes(b.out()), String.join(" ", c));
        }
        CliTest.Result info = run("info", pg.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("EPSG:4527"), info.out());
        CliTest.Result history = run("history", pg.toString(), "0", "--table", "assays");
        assertEquals(0, history.code(), history.err());
    }

    /**
     * The whole demo mine (holes, mine layout, faults, topography, the resistivity block model, piezometers and their
     * rules) loaded into both engines through the same SPI calls: hazards, alerts and block queries answer alike.
     */
    @Test
    void theDemoMineOnPostgisAnswersAsOnAGeoPackage() throws Exception {
        Path gpkg = dir.resolve("kaiyuan.gpkg");
        Path pg = dir.resolve("kaiyuan.pgws");
        assertEquals(0, run("init", gpkg.toString(), "--crs", DemoMine.CRS).code());
        assertEquals(0, run("init", pg.toString(), "--crs", DemoMine.CRS, "--store", "postgis", "--url", url,
                "--schema", schema).code());
        DemoMine.Files files = DemoMine.write(dir.resolve("data"), DemoMine.SEED);
        for (Path ws : List.of(gpkg, pg)) {
            try (WorkspaceStore s = WorkspaceArg.open(ws)) {
                DemoMineLoader.load(s, files, "test");
            }
        }
        List<List<String>> commands = List.of(
                List.of("hazard", "proximity", "--as-of", "2025-11-15", "--format", "json"),
                List.of("hazard", "water-inrush", "--as-of", "2025-11-15", "--format", "json"),
                List.of("alerts", "--at", "2025-12-31", "--format", "json"),
                List.of("query", "blocks", "--model", DemoMineLoader.RESISTIVITY, "--where", "RHO < 20", "--aggregate",
                        "count,volume,mean:RHO", "--format", "csv"));
        for (List<String> c : commands) {
            CliTest.Result a = run(args(c, gpkg));
            CliTest.Result b = run(args(c, pg));
            assertEquals(0, a.code(), c + ": " + a.err());
            assertEquals(0, b.code(), c + " on PostGIS: " + b.err());
            assertFalse(a.out().isBlank(), String.join(" ", c));
            assertEquals(withoutTimes(a.out()), withoutTimes(b.out()), String.join(" ", c));
        }
        CliTest.Result check = run("check", pg.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        assertEquals(pg + ": sound", check.out().strip());
    }

    /**
     * {@code copy}: the demo mine from a GeoPackage into PostGIS and back into a new GeoPackage. Record times come
     * along, so the history, the hazards as of a date and the block query answer exactly alike, times included; and
     * a copy onto anything that exists is refused and changes nothing.
     */
    @Test
    void theDemoMineCopiesToPostgisAndBackWithItsHistory() throws Exception {
        Path gpkg = dir.resolve("kaiyuan.gpkg");
        Path pg = dir.resolve("kaiyuan.pgws");
        Path back = dir.resolve("back.gpkg");
        assertEquals(0, run("init", gpkg.toString(), "--crs", DemoMine.CRS).code());
        try (WorkspaceStore s = WorkspaceArg.open(gpkg)) {
            DemoMineLoader.load(s, DemoMine.write(dir.resolve("data"), DemoMine.SEED), "test");
        }
        CliTest.Result there = run("copy", gpkg.toString(), pg.toString(), "--store", "postgis", "--url", url,
                "--schema", schema);
        assertEquals(0, there.code(), there.err());
        assertTrue(there.out().contains("both read back alike") && there.out().contains("PostGIS schema " + schema),
                there.out());
        assertTrue(there.out().contains("series_readings"), there.out());
        CliTest.Result again = run("copy", pg.toString(), back.toString());
        assertEquals(0, again.code(), again.err());
        String digest = there.out().replaceAll("(?s).*digest (\\w+)\\).*", "$1");
        assertTrue(again.out().contains("digest " + digest + ")"), again.out());
        List<List<String>> commands = List.of(
                List.of("info"),
                List.of("hazard", "proximity", "--as-of", "2025-11-15", "--format", "json"),
                List.of("hazard", "water-inrush", "--as-of", "2025-11-15", "--format", "json"),
                List.of("alerts", "--at", "2025-12-31", "--format", "json"),
                List.of("query", "blocks", "--model", DemoMineLoader.RESISTIVITY, "--where", "RHO < 20", "--aggregate",
                        "count,volume,mean:RHO", "--format", "csv"));
        for (List<String> c : commands) {
            CliTest.Result a = run(args(c, gpkg));
            assertEquals(0, a.code(), c + ": " + a.err());
            assertFalse(a.out().isBlank(), String.join(" ", c));
            for (Path copy : List.of(pg, back)) {
                CliTest.Result b = run(args(c, copy));
                assertEquals(0, b.code(), c + " on " + copy + ": " + b.err());
                assertEquals(a.out().replace(gpkg.toString(), "WS"), b.out().replace(copy.toString(), "WS"),
                        String.join(" ", c) + " on " + copy);
            }
        }
        assertEquals(0, run("check", pg.toString()).code());
        assertEquals(0, run("check", back.toString()).code());

        // refused: DST exists (a workspace, or any file), or the schema already holds a workspace; nothing changes
        String before = run("info", back.toString()).out();
        long size = Files.size(back);
        CliTest.Result onto = run("copy", gpkg.toString(), back.toString());
        assertEquals(2, onto.code(), onto.out() + onto.err());
        assertTrue(onto.err().contains(back + ": a file already exists there"), onto.err());
        assertEquals(size, Files.size(back));
        Path other = dir.resolve("other.pgws");
        CliTest.Result sameSchema = run("copy", gpkg.toString(), other.toString(), "--store", "postgis", "--url", url,
                "--schema", schema);
        assertEquals(2, sameSchema.code(), sameSchema.out() + sameSchema.err());
        assertTrue(sameSchema.err().contains("schema " + schema + " already holds tables"), sameSchema.err());
        assertFalse(Files.exists(other));
        assertEquals(0, run("check", pg.toString()).code());
        assertEquals(run("info", gpkg.toString()).out().replace(gpkg.toString(), "WS"),
                run("info", pg.toString()).out().replace(pg.toString(), "WS"));
        assertEquals(before, run("info", back.toString()).out());
        CliTest.Result urlAlone = run("copy", gpkg.toString(), dir.resolve("x.gpkg").toString(), "--url", url);
        assertEquals(2, urlAlone.code());
        assertTrue(urlAlone.err().contains("--url, --schema and --credentials need --store postgis"), urlAlone.err());
        assertFalse(Files.exists(dir.resolve("x.gpkg")));
    }

    @Test
    void checkBackupAndRestoreOfAPostgisWorkspace() throws Exception {
        Path pg = dir.resolve("mine.pgws");
        assertEquals(0, run("init", pg.toString(), "--crs", "EPSG:4527", "--store", "postgis", "--url", url, "--schema",
                schema).code());
        assertEquals(0, ingestDemo1(pg).code());
        assertEquals(0, run("check", pg.toString()).code());
        String info = run("info", pg.toString()).out();
        Path dump = dir.resolve("mine.dump");
        CliTest.Result backup = run("backup", pg.toString(), dump.toString());
        assertEquals(0, backup.code(), backup.err());
        CliTest.Result refused = run("restore", dump.toString(), pg.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(2, run("restore", dump.toString(), dir.resolve("x.gpkg").toString()).code());
        CliTest.Result restored = run("restore", dump.toString(), pg.toString(), "--force");
        assertEquals(0, restored.code(), restored.err());
        assertEquals(info, run("info", pg.toString()).out());
        assertEquals(0, run("check", pg.toString()).code());
    }

    @Test
    void passwordInTheUrlIsRefused() {
        CliTest.Result r = run("init", dir.resolve("x.pgws").toString(), "--crs", "EPSG:4527", "--store", "postgis",
                "--url", url + "&password=secret", "--schema", schema);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("password"), r.err());
        assertFalse(Files.exists(dir.resolve("x.pgws")));
    }

    private static String withoutTimes(String s) {
        return s.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>");
    }

    private static String[] args(List<String> c, Path ws) {
        String[] out = new String[c.size() + 1];
        out[0] = c.get(0);
        out[1] = ws.toString();
        for (int i = 1; i < c.size(); i++) {
            out[i + 1] = c.get(i);
        }
        return out;
    }
}
