package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line end to end, in process, on the real pygslib Demo1 drillholes (MIT, samples/data/SOURCES.md) and
 * a real GeoPackage workspace in a temporary directory.
 */
class CliTest {
    static final Path DATA = Path.of("..", "samples", "data", "drillholes");

    @TempDir
    Path dir;

    Path ws;

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GeoAssureCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static String data(String name) {
        Path p = DATA.resolve(name);
        assertTrue(Files.isRegularFile(p), "sample file missing: " + p.toAbsolutePath());
        return p.toString();
    }

    @BeforeEach
    void initWorkspace() {
        ws = dir.resolve("mine.gpkg");
        Result r = run("init", ws.toString(), "--crs", "EPSG:4527", "--vertical-datum", "Yellow Sea 1985");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("EPSG:4527"), r.out());
    }

    private Result ingestDemo1(String... extra) {
        return ingestDemo1(ws, extra);
    }

    /** Ingests the pygslib Demo1 collar, survey and assays (as table {@code assays}) into {@code ws}. */
    static Result ingestDemo1(Path ws, String... extra) {
        String[] base = {"ingest", ws.toString(), "drillholes", "--collar", data("pygslib_demo1_collar.csv"), "--survey",
            data("pygslib_demo1_survey.csv"), "--intervals", "assays=" + data("pygslib_demo1_assay.csv"),
            "--dip-convention", "positive-down", "--beyond-total-depth", "warn"};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(args);
    }

    @Test
    void ingestThenExportTraces() {
        Result in = ingestDemo1();
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("29 new"), in.out());
        Result traces = run("export", ws.toString(), "traces", "--format", "csv");
        assertEquals(0, traces.code(), traces.err());
        List<String> lines = traces.lines();
        assertEquals("hole_id,depth,x,y,z", lines.get(0));
        assertEquals(1 + 372, lines.size(), "header + 372 survey stations of pygslib Demo1");
        // hole 0: collar 4.533053515215002, 0.0, 99.7271773347324 (pygslib_demo1_collar.csv), first station at depth 0
        assertEquals("0,0,4.533053515215002,0,99.7271773347324", lines.get(1));
    }

    @Test
    void exportIntervalsAsJsonHasPositions() {
        assertEquals(0, ingestDemo1().code());
        Result r = run("export", ws.toString(), "intervals", "--table", "assays", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("[\n  {\"hole_id\": \"0\", \"from\": 0, \"to\": 1, \"Au\": 0, \"x_from\": "), r.out()
                .substring(0, 200));
        assertEquals(1882, r.out().lines().filter(l -> l.startsWith("  {")).count());
        for (String key : List.of("x_from", "y_from", "z_from", "x_to", "y_to", "z_to", "x_mid", "y_mid", "z_mid")) {
            assertTrue(r.out().contains("\"" + key + "\": "), key);
        }
    }

    @Test
    void badInputExitsTwoNamesFileAndLineAndWritesNothing() throws IOException {
        assertEquals(0, ingestDemo1().code());
        String before = run("export", ws.toString(), "intervals", "--table", "assays").out()
                + run("info", ws.toString()).out();
        Path bad = dir.resolve("bad_assay.csv");
        Files.writeString(bad, "BHID,FROM,TO,Au\n0,0,1,0.5\n0,3,2,0.1\n");
        Result r = run("ingest", ws.toString(), "drillholes", "--collar", data("pygslib_demo1_collar.csv"), "--survey",
                data("pygslib_demo1_survey.csv"), "--intervals", "assays=" + bad, "--dip-convention", "positive-down",
                "--beyond-total-depth", "warn");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(bad + ":3:"), r.err());
        String after = run("export", ws.toString(), "intervals", "--table", "assays").out()
                + run("info", ws.toString()).out();
        assertEquals(before, after);
    }

    @Test
    void unchangedReingestWritesNoNewVersion() {
        assertEquals(0, ingestDemo1().code());
        Result again = ingestDemo1();
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 new, 0 changed, 29 unchanged holes; 0 interval rows"), again.out());
        Result h = run("history", ws.toString(), "0");
        assertEquals(2, h.lines().size(), h.out());
    }

    @Test
    void historyOfIntervalRowsShowsWhatChanged() throws IOException {
        assertEquals(0, ingestDemo1().code());
        // a corrected assay for hole 0: 0-1 m now 0.75 g/t
        Path fixed = dir.resolve("assay_fixed.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of(data("pygslib_demo1_assay.csv"))));
        assertEquals("0,0,1,0", lines.get(1));
        lines.set(1, "0,0,1,0.75");
        Files.write(fixed, lines);
        Result again = run("ingest", ws.toString(), "drillholes", "--collar", data("pygslib_demo1_collar.csv"), "--survey",
                data("pygslib_demo1_survey.csv"), "--intervals", "assays=" + fixed, "--dip-convention", "positive-down",
                "--beyond-total-depth", "warn");
        assertEquals(0, again.code(), again.err());
        Result h = run("history", ws.toString(), "0", "--table", "assays");
        assertEquals(0, h.code(), h.err());
        List<String> first = h.lines().stream().filter(l -> l.startsWith("0,0,1,")).toList();
        assertEquals(2, first.size(), h.out());
        assertTrue(first.get(0).startsWith("0,0,1,0,"), first.get(0));
        assertTrue(first.get(1).startsWith("0,0,1,0.75,"), first.get(1));
        // the old value's record period ends where the new one's starts
        String[] old = first.get(0).split(",", -1);
        String[] now = first.get(1).split(",", -1);
        assertEquals(old[old.length - 1], now[now.length - 2], "superseded_at of the old row = recorded_at of the new");
        assertEquals("", now[now.length - 1], "the new row is current: open record period");
    }

    @Test
    void queryNearAndWhereAndAsOf() {
        assertEquals(0, ingestDemo1().code());
        Result near = run("query", ws.toString(), "intervals", "--table", "assays", "--near", "4.533053515215002,0,99.7271773347324",
                "--within", "1.5");
        assertEquals(0, near.code(), near.err());
        // hole 0 dips 86.8 degrees: within 1.5 m of its collar lie its first intervals (0-1 m and 1-2 m)
        assertEquals(List.of("0,0,1", "0,1,2"), near.lines().stream().skip(1).map(l -> String.join(",",
                Arrays.asList(l.split(",")).subList(0, 3))).toList());
        // 73 rows of pygslib_demo1_assay.csv have Au > 2 (counted with awk); the highest is 9.559306666 in hole 16
        Result where = run("query", ws.toString(), "intervals", "--table", "assays", "--where", "Au > 2");
        assertEquals(0, where.code(), where.err());
        assertEquals(1 + 73, where.lines().size(), where.out());
        Result top = run("query", ws.toString(), "intervals", "--table", "assays", "--where", "Au >= 9.559306666");
        assertEquals(List.of("16", "36", "37", "9.559306666"), Arrays.asList(top.lines().get(1).split(",")).subList(0, 4));
        Result past = run("query", ws.toString(), "boreholes", "--as-of", "2000-01-01");
        assertEquals(0, past.code(), past.err());
        assertEquals(1, past.lines().size(), "nothing was valid in 2000: header only");
        Result now = run("query", ws.toString(), "boreholes", "--format", "json");
        assertEquals(29, now.out().lines().filter(l -> l.startsWith("  {")).count());
    }

    @Test
    void sqlQueriesTheSameRowsAsTheOptions() {
        assertEquals(0, ingestDemo1().code());
        Result sql = run("query", ws.toString(), "--sql", "SELECT hole_id, depth_from, depth_to FROM assays "
                + "WHERE ST_3DDWithin(geom, ST_MakePoint(4.533053515215002, 0, 99.7271773347324), 1.5) "
                + "ORDER BY hole_id, depth_from");
        assertEquals(0, sql.code(), sql.err());
        assertEquals(List.of("hole_id,depth_from,depth_to", "0,0,1", "0,1,2"), sql.lines());
        Result count = run("query", ws.toString(), "--format", "json", "--sql", "SELECT count(*) AS n FROM assays WHERE Au > 2");
        assertEquals("[\n  {\"n\": 73}\n]\n", count.out());
        Result past = run("query", ws.toString(), "--as-of", "2000-01-01", "--sql", "SELECT count(*) AS n FROM boreholes");
        assertEquals(List.of("n", "0"), past.lines());
        Result plan = run("query", ws.toString(), "--explain", "--sql", "SELECT hole_id FROM assays WHERE Au > 2");
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains("BindableTableScan(table=[[ws, assays]], filters=[[>($3, 2.0E0)]]"), plan.out());
        assertTrue(plan.out().contains("ws.assays: table intervals_assays (time, hole and attribute conditions in "
                + "SQLite): 73 rows examined, 73 returned\n    pushed down: Au > 2.0; valid at now, recorded now"), plan.out());
        assertTrue(plan.out().endsWith("rows returned: 73\n"), plan.out());
    }

    @Test
    void jsonQueriesTheSameRowsAsTheOptions() throws IOException {
        assertEquals(0, ingestDemo1().code());
        Path q = dir.resolve("near.json");
        Files.writeString(q, "{\"from\": \"intervals\", \"table\": \"assays\",\n"
                + " \"near\": {\"point\": [4.533053515215002, 0, 99.7271773347324], \"within\": 1.5}}\n");
        Result json = run("query", ws.toString(), "--json", q.toString());
        Result options = run("query", ws.toString(), "intervals", "--table", "assays", "--near",
                "4.533053515215002,0,99.7271773347324", "--within", "1.5");
        assertEquals(0, json.code(), json.err());
        assertEquals(3, json.lines().size(), json.out());
        assertEquals(options.out(), json.out());
        Result explain = run("query", ws.toString(), "--json", q.toString(), "--explain");
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().contains("assays: R*Tree ga_rtree_chunks_assays (chunks of up to 32 rows), refine rows "
                + "in double: "), explain.out());
        assertTrue(explain.out().contains("pushed down: 3D distance <= 1.5 m from POINT Z (4.533053515215002 0.0 "
                + "99.7271773347324); valid at now, recorded now"), explain.out());
        assertTrue(explain.out().endsWith(" 2 returned\n    pushed down: 3D distance <= 1.5 m from POINT Z "
                + "(4.533053515215002 0.0 99.7271773347324); valid at now, recorded now\nrows returned: 2\n"), explain.out());
        Files.writeString(q, "{\"from\": \"intervals\", \"table\": \"assays\",\n \"near\": {\"point\": [0, 0, 0], "
                + "\"whithin\": 1.5}}\n");
        Result typo = run("query", ws.toString(), "--json", q.toString());
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("near.json:2: $.near.whithin: unknown field"), typo.err());
        assertEquals(2, run("query", ws.toString(), "--json", q.toString(), "--sql", "SELECT 1").code());
        Result missing = run("query", ws.toString(), "--json", dir.resolve("none.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none.json"), missing.err());
    }

    @Test
    void outFileAppearsOnlyWhenComplete() throws IOException {
        assertEquals(0, ingestDemo1().code());
        Path out = dir.resolve("assays.csv");
        Result ok = run("export", ws.toString(), "intervals", "--table", "assays", "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(1 + 1882, Files.readAllLines(out).size());
        Path bad = dir.resolve("bad.csv");
        Result failed = run("query", ws.toString(), "intervals", "--table", "assays", "--where", "Au > x", "--out",
                bad.toString());
        assertEquals(2, failed.code());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("bad.csv") || n.startsWith(".bad.csv")).toList(), "no partial file left");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "query WS intervals --table assays --where Au>>1|where 'Au > >1'",
        "query WS intervals --table assays --where Au~1|expected COLUMN op VALUE",
        "query WS intervals --table nope|no interval table 'nope'",
        "query WS intervals --table assays --where Zn>1|no column 'Zn'",
        "query WS boreholes --box 1,2,3|--box",
        "query WS boreholes --near 1,2,3|--near: needs --within",
        "query WS boreholes --as-of yesterday|--as-of",
        "query WS boreholes --format xml|--format",
        "query WS --sql SELECT~1 --format parquet|--format: 'parquet' is not one of csv, json, arrow",
        "export WS traces --format parquet|--format: 'parquet' is not one of csv, json, arrow",
        "history WS 0 --format arrow|--format: arrow is not offered by history; use csv or json",
        "export WS nothing|DATASET",
        "history WS NO_SUCH_HOLE|no hole 'NO_SUCH_HOLE'",
        "ingest WS drillholes --collar missing.csv|missing.csv",
        "ingest WS drillholes --collar C --units yards|--units",
        "ingest WS drillholes --collar C --dip-convention sideways|--dip-convention",
        "ingest WS drillholes --collar C --crs EPSG:1|EPSG:1",
        "ingest WS drillholes --collar C --encoding klingon|--encoding: unknown encoding 'klingon'",
        "ingest WS lasfiles --collar C|KIND",
        "init NEW --crs WGS84|CRS 'WGS84'",
        "info NOWS|geoassure init",
        "query WS --sql SELECT~hole_id~FROM~assays~WHERE|line 1, column 32",
        "query WS --sql DELETE~FROM~boreholes|only queries are allowed",
        "query WS --sql SELECT~zinc~FROM~assays|Column 'zinc' not found",
        "query WS boreholes --sql SELECT~1|TARGET: not with --sql",
        "query WS|TARGET: give boreholes"})
    void badArgumentsExitTwoWithAReason(String spec) {
        assertEquals(0, ingestDemo1().code());
        String[] parts = spec.split("\\|");
        String[] args = parts[0].replace("WS", ws.toString()).replace("NOWS", dir.resolve("none.gpkg").toString())
                .replace("NEW", dir.resolve("new.gpkg").toString()).replace(" C", " " + data("pygslib_demo1_collar.csv"))
                .split(" ");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].replace('~', ' '); // SQL in one argument: '~' stands for a blank here
        }
        Result r = run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(parts[1]), "expected '" + parts[1] + "' in: " + r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "ingest", "export", "query", "info", "history", "check", "backup", "restore", "render",
        "demo", "bench", "serve", "hazard", "model", "alerts"})
    void everyCommandHasHelp(String command) {
        Result r = run(command, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: geoassure " + command), r.out());
    }

    @Test
    void demoBuildsAWorkspaceFromTheSamples() {
        Path demo = dir.resolve("demo").resolve("demo.gpkg");
        Result r = run("demo", "--workspace", demo.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(demo));
        assertTrue(r.out().contains("crs            EPSG:28350"), r.out());
        assertTrue(r.out().contains("query 1"), r.out());
        // re-running re-creates the workspace
        assertEquals(0, run("demo", "--workspace", demo.toString()).code());
        // --dir puts both workspaces in one directory
        Path d = dir.resolve("demo-dir");
        assertEquals(0, run("demo", "--dir", d.toString()).code());
        assertTrue(Files.isRegularFile(d.resolve("geoassure-demo.gpkg")));
        assertTrue(Files.isRegularFile(d.resolve("kaiyuan-mine.gpkg")));
    }
}
