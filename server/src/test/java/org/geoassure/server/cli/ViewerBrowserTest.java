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
        Path ws = dir.resolve("kaiyuan.gpkg");
        org.geoassure.samples.mine.DemoMine.Files files = org.geoassure.samples.mine.DemoMine.write(
                dir.resolve("kaiyuan-data"), org.geoassure.samples.mine.DemoMine.SEED);
        try (var s = Workspaces.create(ws, org.geoassure.geodb.model.WorkspaceInfo.of("Kaiyuan demo mine",
                org.geoassure.samples.mine.DemoMine.CRS, "Yellow Sea 1985"))) {
            org.geoassure.samples.mine.DemoMineLoader.load(s, files, "test");
        }
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
        Path log = Files.createTempFile("browser-test", ".log");
        Process p = new ProcessBuilder("node", "browser-test.mjs", url, shot.toAbsolutePath().toString())
                .directory(TOOLS.toFile()).redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("browser test timed out; stderr: " + Files.readString(log));
        }
        String text = new String(out, StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), "browser-test.mjs failed: " + text + "\n" + Files.readString(log));
        assertNotEquals("", text, Files.readString(log));
        String last = text.lines().reduce((a, b) -> b).orElseThrow();
        return new ObjectMapper().readTree(last);
    }
}
