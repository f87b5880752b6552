package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web viewer in headless Chromium (Debian package chromium), driven by Playwright through node
 * (tools/web/browser-test.mjs, playwright-core pinned by tools/web/package-lock.json), against {@code serve} on a free
 * loopback port with the pygslib Demo1 assays. Without chromium, node or tools/web/node_modules the test is skipped
 * with the reason, and fails when {@code CI=true} (.ci/run installs them).
 */
class ViewerBrowserTest {
    static final Path TOOLS = Path.of("..", "tools", "web");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path VENDORED = Path.of("src", "main", "resources", "web", "vendor", "three");

    @TempDir
    Path dir;

    /** The demo mine, built once for the tests that show it. */
    @TempDir
    static Path mineDir;
    private static Path mine;

    @BeforeAll
    static void needsBrowser() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (apt-get install chromium)");
        }
        if (!onPath("node")) {
            missing.add("node on PATH (apt-get install nodejs)");
        }
        if (!Files.isDirectory(TOOLS.resolve("node_modules").resolve("playwright-core"))) {
            missing.add("tools/web/node_modules/playwright-core (cd tools/web && npm ci)");
        }
        if (!missing.isEmpty()) {
            String why = "browser test needs " + String.join(", ", missing);
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void viewerDrawsPicksAndSwitchesLanguage() throws Exception {
        Path ws = dir.resolve("demo1.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4547").code());
        assertEquals(0, CliTest.ingestDemo1(ws).code());
        assertEquals(0, CliTest.run("ingest", ws.toString(), "progress", FeatureCliTest.PROGRESS.toString()).code());
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Path shot = shots.resolve("viewer-demo1-assays.png");
        Files.deleteIfExists(shot);
        JsonNode seen;
        try (ApiServer server = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0)) {
            seen = runBrowser("http://127.0.0.1:" + server.port() + "/", shot);
        }
        assertTrue(seen.get("viewerError").isNull(), seen.toString());
        assertEquals(0, seen.get("consoleErrors").size(), seen.toString());
        assertEquals("en", seen.get("lang").asText(), "follows the browser's en-US");
        // the tubes cover a good part of the middle of the picture
        double covered = seen.at("/pixels/differ").asDouble() / seen.at("/pixels/total").asDouble();
        assertTrue(covered > 0.02, "only " + covered + " of the centre differs from the background: " + seen);
        // picking: the clicked tube's row (hole_id, depth_from, ...) from extras.geoassure.featureTable
        JsonNode target = seen.get("target");
        assertNotNull(target, "no feature visible to click: " + seen);
        assertEquals(target.at("/row/0").asText(), seen.get("infoHoleId").asText(), seen.toString());
        assertEquals(target.at("/row/1").asDouble(), Double.parseDouble(seen.get("infoFrom").asText()), 0.0);
        // language switch
        assertEquals("Legend", seen.get("legendBefore").asText());
        assertEquals("图例", seen.get("legendAfter").asText());
        assertEquals("zh-CN", seen.get("langAfter").asText());
        assertEquals("北", seen.get("northLabel").asText());
        // mine layout (ingest/src/test/resources/progress/progress.csv): now, the face surveyed 2025-03-01 at x = 40;
        // as of 2025-02-01 the one surveyed 2025-01-01 at x = 0
        assertEquals(1, seen.at("/overlayNow/counts/face").asInt(), seen.toString());
        assertEquals(1, seen.at("/overlayNow/counts/goaf").asInt(), seen.toString());
        assertEquals(40.0, seen.at("/overlayNow/faceX").asDouble(), seen.toString());
        assertEquals(0.0, seen.at("/overlayFeb/faceX").asDouble(), seen.toString());
        assertTrue(seen.get("layoutText").asText().contains("Working face (1)"), seen.toString());
        assertTrue(seen.get("layoutTextZh").asText().contains("工作面 (1)"), seen.toString());
        assertTrue(Files.size(shot) > 10_000, "screenshot " + shot.toAbsolutePath());
    }

    /**
     * The demo mine as a pilot mine sees it, from a shared link (table, colouring and date in the URL): the lithology
     * tubes and the mine layout as of 2025-11-15 (face 1202 surveyed 2025-11-01 at u = 400, i.e. x = X0 + 400).
     * The screenshot is the README's and docs/tour.md's.
     */
    @Test
    void demoMineFromALink() throws Exception {
        Path ws = demoMine();
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Path shot = shots.resolve("viewer-kaiyuan-mine.png");
        JsonNode seen;
        try (ApiServer server = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0)) {
            seen = runBrowser("http://127.0.0.1:" + server.port()
                    + "/?table=lithology&colorBy=LITH&asOf=2025-11-15&hazards=1", shot);
        }
        assertTrue(seen.get("viewerError").isNull(), seen.toString());
        assertEquals(0, seen.get("consoleErrors").size(), seen.toString());
        assertEquals(2, seen.at("/overlayNow/counts/face").asInt(), seen.toString());
        assertEquals("2025-11-15", seen.at("/overlayNow/asOf").asText(), seen.toString());
        assertTrue(seen.at("/target/row/0").asText().startsWith("ZK"), seen.toString());
        // hazards as of 2025-11-15 (DemoMineHazardsTest has the numbers): both faces inside a warning line, and a
        // water-inrush zone along F1
        assertTrue(seen.at("/hazardsNow/checked").asBoolean(), seen.toString());
        assertEquals(2, seen.at("/hazardsNow/counts/warning_line").asInt(), seen.toString());
        assertTrue(seen.at("/hazardsNow/counts/inrushZone").asInt() >= 1, seen.toString());
        assertTrue(Files.size(shot) > 10_000);
    }

    /**
     * The viewer's tools on the demo mine (issue 9), driven by tools/web/browser-tools.mjs: the layer tree switches
     * what is drawn without reloading; the block model layer offers the water bodies (resistivity RHO below 20 ohm.m)
     * and draws them; two clicks on collars (found by projecting their stored coordinates through the camera) measure
     * the distance the stored coordinates give; the status bar shows workspace CRS coordinates; the north arrow turns
     * with the camera and the scale bar follows the zoom; all of it in Chinese too. Screenshots: viewer-kaiyuan-*.png.
     */
    @Test
    void demoMineTools() throws Exception {
        Path ws = demoMine();
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        List<String> names = List.of("viewer-kaiyuan-water-bodies", "viewer-kaiyuan-layers", "viewer-kaiyuan-measure",
                "viewer-kaiyuan-tools-zh");
        for (String n : names) {
            Files.deleteIfExists(shots.resolve(n + ".png"));
        }
        JsonNode seen;
        JsonNode stored;
        try (ApiServer server = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            seen = runNode("browser-tools.mjs", base + "/?table=lithology&colorBy=LITH&asOf=2025-11-15&hazards=1",
                    shots.toAbsolutePath().toString());
            JsonNode pair = seen.get("pair");
            assertNotNull(pair, "no two collars clear of each other on screen: " + seen);
            // the two collars as stored, asked of the server apart from the viewer
            var http = java.net.http.HttpClient.newHttpClient();
            String body = "{\"from\": \"boreholes\", \"holes\": [\"" + pair.at("/a/id").asText() + "\", \""
                    + pair.at("/b/id").asText() + "\"]}";
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/query"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            stored = new ObjectMapper().readTree(r.body());
        }
        assertTrue(seen.get("viewerError").isNull(), seen.toString());
        assertEquals(0, seen.get("consoleErrors").size(), seen.toString());

        // layer tree: the tubes alone cover part of the middle; switched off, their pixels go (background only);
        // everything on again gives the same picture as before
        assertTrue(seen.at("/pixelsOnlyBoreholes/differ").asInt() > 5_000, seen.get("pixelsOnlyBoreholes").toString());
        assertEquals(0, seen.at("/pixelsNothing/differ").asInt(), seen.get("pixelsNothing").toString());
        assertEquals(seen.at("/pixelsAll/differ").asInt(), seen.at("/pixelsAllAgain/differ").asInt());
        for (JsonNode l : seen.get("layersNothing")) {
            if (l.get("key").asText().startsWith("role:")) {
                assertTrue(l.get("checked").asBoolean() && !l.get("visible").asBoolean(), "hidden with its parent: " + l);
            }
        }

        // block model layer: the demo mine's default is the water bodies, RHO < 20 in resistivity; drawn, the scene
        // gains its blue; switched off in the tree, the blue goes again
        assertEquals("resistivity", seen.at("/bmForm/model").asText(), seen.get("bmForm").toString());
        assertEquals("RHO", seen.at("/bmForm/attribute").asText());
        assertEquals("20", seen.at("/bmForm/level").asText());
        assertEquals("below", seen.at("/bmForm/side").asText());
        assertEquals("resistivity:RHO<20", seen.at("/isosurfaces/0/id").asText(), seen.toString());
        int blueBefore = seen.at("/pixelsBeforeIso/blue").asInt();
        int blueIso = seen.at("/pixelsIso/blue").asInt();
        assertTrue(blueIso > blueBefore + 2_000, "water-body blue: " + blueBefore + " -> " + blueIso);
        assertTrue(seen.at("/pixelsIsoOff/blue").asInt() < blueBefore + 500, seen.get("pixelsIsoOff").toString());
        assertTrue(seen.get("layerTreeText").asText().contains("resistivity RHO < 20 (water bodies)"),
                seen.get("layerTreeText").asText());

        // measuring: both clicks snapped to the collars aimed at; the distances are those of the stored coordinates
        JsonNode m = seen.get("measurement");
        assertEquals(seen.at("/pair/a/id").asText(), m.get("aCollar").asText(), m.toString());
        assertEquals(seen.at("/pair/b/id").asText(), m.get("bCollar").asText(), m.toString());
        double[] a = collar(stored, m.get("aCollar").asText());
        double[] b = collar(stored, m.get("bCollar").asText());
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double dz = b[2] - a[2];
        JsonNode text = seen.get("measureText");
        assertEquals(Math.sqrt(dx * dx + dy * dy + dz * dz), metres(text.get("d3")), 0.1, text.toString());
        assertEquals(Math.hypot(dx, dy), metres(text.get("dh")), 0.1, text.toString());
        assertEquals(dz, metres(text.get("dz")), 0.1, text.toString());
        assertEquals(text.get("d3").asText(), text.get("label").asText(), "the line's label");
        assertEquals(a[0], Double.parseDouble(text.get("ax").asText()), 0.01, "point 1 x in the workspace CRS");
        assertEquals(a[1], Double.parseDouble(text.get("ay").asText()), 0.01, "point 1 y in the workspace CRS");
        assertEquals(a[2], Double.parseDouble(text.get("az").asText()), 0.01, "point 1 z as stored");
        assertTrue(seen.get("measureHint").asText().contains("Esc"), seen.get("measureHint").asText());
        JsonNode esc = seen.get("afterEscape");
        assertTrue(esc.get("measurement").isNull() && esc.get("panelHidden").asBoolean()
                && esc.get("pressed").asText().equals("false") && esc.get("labels").asInt() == 0, esc.toString());

        // the pointer a few pixels below collar a: CRS-sized coordinates near that collar
        java.util.regex.Matcher xyz = java.util.regex.Pattern.compile("x (-?[0-9.]+)\\s+y (-?[0-9.]+)\\s+z (-?[0-9.]+)")
                .matcher(seen.get("coords").asText());
        assertTrue(xyz.find(), seen.get("coords").asText());
        double px = Double.parseDouble(xyz.group(1));
        double py = Double.parseDouble(xyz.group(2));
        double pz = Double.parseDouble(xyz.group(3));
        assertTrue(px > 4.0e7 && py > 4.0e6, "CRS-sized: " + seen.get("coords").asText());
        assertTrue(Math.sqrt((px - a[0]) * (px - a[0]) + (py - a[1]) * (py - a[1]) + (pz - a[2]) * (pz - a[2])) < 100,
                seen.get("coords").asText() + " vs collar " + java.util.Arrays.toString(a));
        assertTrue(seen.get("coords").asText().endsWith(org.geoassure.samples.mine.DemoMine.CRS));

        // north arrow turns with an orbit; the scale bar is a round length that shortens when zooming in
        double turned = Math.abs(seen.at("/compassAfter/angle").asDouble() - seen.at("/compassBefore/angle").asDouble());
        assertTrue(turned > 10, seen.get("compassBefore") + " -> " + seen.get("compassAfter"));
        assertTrue(seen.at("/compassBefore/scaleText").asText().matches("(1|2|5)0* m|(1|2|5)0* km"),
                seen.get("compassBefore").toString());
        double px0 = seen.at("/compassBefore/scalePx").asDouble();
        assertTrue(px0 >= 40 && px0 <= 130, seen.get("compassBefore").toString());
        assertTrue(seen.at("/compassZoomed/scaleMetres").asDouble() < seen.at("/compassBefore/scaleMetres").asDouble(),
                seen.get("compassZoomed").toString());

        // Chinese: a browser asking for zh-CN, the link drawing the water bodies, the same measurement
        assertEquals("zh-CN", seen.get("zhLang").asText());
        assertEquals("测量", seen.at("/zh/measureButton").asText());
        assertEquals("图层", seen.at("/zh/layersTitle").asText());
        assertTrue(seen.at("/zh/layerTree").asText().contains("钻孔")
                && seen.at("/zh/layerTree").asText().contains("含水体"), seen.get("zh").toString());
        assertTrue(seen.at("/zh/measurePanel").asText().contains("空间距离"), seen.get("zh").toString());
        assertEquals("绘制等值面", seen.at("/zh/bmShow").asText());
        assertEquals(m.get("d3").asDouble(), seen.at("/measurementZh/d3").asDouble(), 1e-9, seen.toString());
        for (String n : names) {
            assertTrue(Files.size(shots.resolve(n + ".png")) > 10_000, n);
        }
    }

    private static double[] collar(JsonNode rows, String hole) {
        for (JsonNode r : rows) {
            if (r.get("hole_id").asText().equals(hole)) {
                return new double[] {r.get("x").asDouble(), r.get("y").asDouble(), r.get("z").asDouble()};
            }
        }
        throw new AssertionError("no collar " + hole + " in " + rows);
    }

    /** "2754.42 m" or "+12.30 m" as a number. */
    private static double metres(JsonNode text) {
        String t = text.asText();
        assertTrue(t.endsWith(" m"), t);
        return Double.parseDouble(t.substring(0, t.length() - 2).replace("+", ""));
    }

    /** The demo mine workspace (DemoMine, seed DemoMine.SEED, loaded as {@code geoassure demo} does). */
    private static synchronized Path demoMine() throws IOException {
        if (mine == null) {
            Path ws = mineDir.resolve("kaiyuan.gpkg");
            org.geoassure.samples.mine.DemoMine.Files files = org.geoassure.samples.mine.DemoMine.write(
                    mineDir.resolve("kaiyuan-data"), org.geoassure.samples.mine.DemoMine.SEED);
            try (var s = Workspaces.create(ws, org.geoassure.geodb.model.WorkspaceInfo.of("Kaiyuan demo mine",
                    org.geoassure.samples.mine.DemoMine.CRS, "Yellow Sea 1985"))) {
                org.geoassure.samples.mine.DemoMineLoader.load(s, files, "test");
            }
            mine = ws;
        }
        return mine;
    }

    /** The three.js files vendored into the jar are those of the pinned npm package (tools/web/package-lock.json). */
    @Test
    void vendoredThreeIsThePinnedPackage() throws IOException {
        Path pkg = TOOLS.resolve("node_modules").resolve("three");
        for (String f : List.of("build/three.module.js", "build/three.core.js", "examples/jsm/loaders/GLTFLoader.js",
                "examples/jsm/controls/OrbitControls.js", "examples/jsm/utils/BufferGeometryUtils.js",
                "examples/jsm/utils/SkeletonUtils.js", "LICENSE")) {
            assertArrayEquals(Files.readAllBytes(pkg.resolve(f)), Files.readAllBytes(VENDORED.resolve(f)), f);
        }
        String lock = Files.readString(TOOLS.resolve("package-lock.json"));
        assertTrue(lock.contains("\"node_modules/three\": {\n      \"version\": \"0.187.0\""), "three pinned to 0.187.0");
    }

    static JsonNode runBrowser(String url, Path shot) throws IOException, InterruptedException {
        return runNode("browser-test.mjs", url, shot.toAbsolutePath().toString());
    }

    /** Runs a script of tools/web with node and reads the JSON object it prints last. */
    static JsonNode runNode(String script, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("browser-test", ".log");
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("browser test timed out; stderr: " + Files.readString(log));
        }
        String text = new String(out, StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), script + " failed: " + text + "\n" + Files.readString(log));
        assertNotEquals("", text, Files.readString(log));
        String last = text.lines().reduce((a, b) -> b).orElseThrow();
        return new ObjectMapper().readTree(last);
    }
}
