package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.samples.mine.DemoMine;
import org.geoassure.samples.mine.DemoMineLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hazard WS proximity} and {@code hazard WS water-inrush} on the demo mine (samples DemoMineHazardsTest checks
 * the numbers against the ground model; here the command line: options, formats, errors).
 */
class WorkspaceHazardCliTest {
    @TempDir
    static Path dir;
    static Path ws;

    @BeforeAll
    static void mine() throws Exception {
        ws = dir.resolve("mine.gpkg");
        DemoMine.Files files = DemoMine.write(dir.resolve("data"), DemoMine.SEED);
        try (WorkspaceStore s = Workspaces.create(ws, WorkspaceInfo.of("demo", DemoMine.CRS, "Yellow Sea 1985"))) {
            DemoMineLoader.load(s, files, "test");
        }
    }

    @Test
    void proximityAsOfADate() throws Exception {
        CliTest.Result r = CliTest.run("hazard", ws.toString(), "proximity", "--as-of", "2025-11-15", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode ow = null;
        for (JsonNode h : j.get("hits")) {
            if (h.get("face").asText().equals("F1202") && h.get("feature").asText().equals("OW-1")) {
                ow = h;
            }
        }
        assertEquals(70.0, ow.get("distancePlan").asDouble(), 1e-6, r.out());
        assertEquals("warning_line", ow.get("level").asText());
        CliTest.Result text = CliTest.run("hazard", ws.toString(), "proximity", "--as-of", "2025-11-15",
                "--inferred-extra", "20", "--measure", "plan");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("F1202      OW-1       old_workings"), text.out());
        assertTrue(text.out().contains("warning_line (inferred boundary)"), text.out());
    }

    @Test
    void waterInrushAsOfADate() throws Exception {
        CliTest.Result r = CliTest.run("hazard", ws.toString(), "water-inrush", "--as-of", "2025-03-01", "--cell", "25",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.toString().contains("t_above_normal"), r.out());
        assertTrue(j.toString().contains("PZ-3"), "the piezometers are named as inputs");
        CliTest.Result text = CliTest.run("hazard", ws.toString(), "water-inrush", "--as-of", "2025-03-01", "--cell",
                "25");
        assertTrue(text.out().contains("zone exceeds_critical"), text.out());
        assertTrue(text.out().contains("valid 2025-03-01T00:00:00Z"), text.out());
    }

    @Test
    void fractureZonesPerHole() throws Exception {
        CliTest.Result r = CliTest.run("hazard", ws.toString(), "fracture-zones", "--overburden", "medium-hard",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("holes").size() >= 78, r.out());
        assertTrue(j.toString().contains("\"verdict\":\"unsafe\"") && j.toString().contains("\"verdict\":\"safe\""));
        CliTest.Result text = CliTest.run("hazard", ws.toString(), "fracture-zones", "--overburden", "hard");
        assertTrue(text.out().contains("holes unsafe"), text.out());
    }

    @Test
    void badRequestsExitTwo() {
        for (String[] args : new String[][] {
            {"hazard", ws.toString(), "landslide"},
            {"hazard", ws.toString()},
            {"hazard", ws.toString(), "water-inrush", "--cell", "-1"},
            {"hazard", ws.toString(), "water-inrush", "--unit-column", "NOPE"},
            {"hazard", ws.toString(), "proximity", "--as-of", "2020-01-01"},
            {"hazard", ws.toString(), "proximity", "--measure", "crow"},
            {"hazard", ws.toString(), "proximity", "--as-of", "yesterday"},
            {"hazard", ws.toString(), "fracture-zones"},
            {"hazard", ws.toString(), "fracture-zones", "--overburden", "granite"},
            {"hazard", ws.toString(), "fracture-zones", "--overburden", "hard", "--seam", "gold"}}) {
            CliTest.Result r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().length() > 10, r.err());
        }
        assertEquals(0, CliTest.run("hazard", "fracture-zone", "--mining-height", "3", "--overburden", "medium-hard")
                .code(), "the formula subcommands still work beside WS ANALYSIS");
    }
}
