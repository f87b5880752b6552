package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WarningStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.samples.mine.DemoMine;
import org.geoassure.samples.mine.DemoMineLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alerts WS} on the demo mine, whose piezometer PZ-3 rises 0.04 m a day from 2025-06-01 (about 22 m by the end
 * of 2025): a 16 / 17 / 18 / 19 m ladder (clear 0.5 m lower) on PZ-3 is red at 2025-12-31; acknowledging it, then
 * ingesting two January 2026 readings (18.3 m, then 15.0 m) de-escalates it to orange and clears it, and the ingest
 * prints those two events.
 */
class AlertsCliTest {
    @TempDir
    static Path dir;
    static Path ws;

    static final String LADDER = """
            {
              "rules": [
                {"id": "pz3-head", "type": "threshold", "item": "O2 aquifer", "station": "PZ-3",
                 "levels": {"blue":   {"above": 16, "clear": 15.5}, "yellow": {"above": 17, "clear": 16.5},
                            "orange": {"above": 18, "clear": 17.5}, "red":    {"above": 19, "clear": 18.5}}}
              ]
            }
            """;

    @BeforeAll
    static void mine() throws Exception {
        ws = dir.resolve("mine.gpkg");
        DemoMine.Files files = DemoMine.write(dir.resolve("data"), DemoMine.SEED);
        try (WorkspaceStore s = Workspaces.create(ws, WorkspaceInfo.of("demo", DemoMine.CRS, "Yellow Sea 1985"))) {
            DemoMineLoader.load(s, files, "test");
        }
    }

    private static int ingests() {
        try (WorkspaceStore s = Workspaces.open(ws)) {
            return s.ingests().size();
        }
    }

    @Test
    void ladderOnPiezometer3RaisesAcknowledgesAndClearsOnIngest() throws Exception {
        Path rules = dir.resolve("rules-pz3.json");
        Files.writeString(rules, LADDER);
        CliTest.Result set = CliTest.run("alerts", ws.toString(), "rules", rules.toString(), "--comment", "PZ-3 ladder");
        assertEquals(0, set.code(), set.err());
        assertTrue(set.out().startsWith("rules version 2 recorded at "), set.out()); // version 1: the demo mine's own rules

        CliTest.Result json = CliTest.run("alerts", ws.toString(), "--at", "2025-12-31", "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals(1, j.get("alerts").size(), json.out());
        JsonNode red = j.get("alerts").get(0);
        assertEquals("RED", red.get("level").asText());
        assertEquals("PZ-3", red.get("station").asText());
        assertEquals("RED", j.get("facility").asText());
        assertEquals("RED", j.get("items").get("O2 aquifer").asText());
        String id = red.get("id").asText();
        assertTrue(id.startsWith("pz3-head@2025-06-") || id.startsWith("pz3-head@2025-07-"),
                "raised when the rise passes 16 m: " + id);

        int before = ingests();
        for (String[] bad : new String[][] {
            {"alerts", ws.toString(), "ack", "pz3-head@2020-01-01T00:00:00Z", "--who", "bo", "--why", "x",
                "--at", "2025-12-31"},
            {"alerts", ws.toString(), "ack", id, "--why", "no one", "--at", "2025-12-31"},
            {"alerts", ws.toString(), "ack", id, "--who", "bo", "--why", "before it was raised", "--at", "2025-01-01"},
            {"alerts", ws.toString(), "ack"}}) {
            CliTest.Result r = CliTest.run(bad);
            assertEquals(2, r.code(), String.join(" ", bad) + ": " + r.err());
        }
        assertEquals(before, ingests(), "refused acknowledgements write nothing");

        CliTest.Result ack = CliTest.run("alerts", ws.toString(), "ack", id, "--who", "bo", "--why",
                "pumping at sump 2", "--at", "2025-12-31");
        assertEquals(0, ack.code(), ack.err());
        assertTrue(ack.out().startsWith("acknowledged " + id + " (RED) by bo"), ack.out());
        assertEquals(before + 1, ingests());
        CliTest.Result text = CliTest.run("alerts", ws.toString(), "--at", "2025-12-31");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("facility RED"), text.out());
        assertTrue(text.out().contains(id + "  RED  PZ-3  O2 aquifer"), text.out());
        assertTrue(text.out().contains("acknowledged by bo at 2025-12-31T00:00:00Z: pumping at sump 2"), text.out());
        CliTest.Result twice = CliTest.run("alerts", ws.toString(), "ack", id, "--who", "cy", "--why", "again",
                "--at", "2025-12-31T06:00:00Z");
        assertEquals(2, twice.code(), "already acknowledged at its level: " + twice.out());

        Path jan = dir.resolve("pz3-2026-01.csv");
        Files.writeString(jan, "date,head\n2026-01-02T00:00:00Z,18.3\n2026-01-02T01:00:00Z,15.0\n");
        CliTest.Result ingest = CliTest.run("ingest", ws.toString(), "readings", jan.toString(), "--station", "PZ-3");
        assertEquals(0, ingest.code(), ingest.err());
        List<String> lines = ingest.out().lines().filter(l -> l.startsWith("alert ")).toList();
        assertEquals(2, lines.size(), ingest.out());
        assertTrue(lines.get(0).startsWith("alert DEESCALATED " + id + " PZ-3 ORANGE at 2026-01-02T00:00:00Z value "
                + "18.3"), lines.get(0));
        assertTrue(lines.get(1).startsWith("alert CLEARED " + id + " PZ-3 ORANGE at 2026-01-02T01:00:00Z value 15.0"),
                lines.get(1));

        CliTest.Result after = CliTest.run("alerts", ws.toString(), "--at", "2026-01-03", "--format", "csv");
        assertEquals(0, after.code(), after.err());
        assertEquals(1, after.out().lines().count(), "the header only: no active alert\n" + after.out());
        CliTest.Result cleared = CliTest.run("alerts", ws.toString(), "ack", id, "--who", "bo", "--why", "late",
                "--at", "2026-01-03");
        assertEquals(2, cleared.code(), cleared.out());
        assertTrue(cleared.err().contains("is not an active alert"), cleared.err());

        CliTest.Result log = CliTest.run("alerts", ws.toString(), "--log", "--at", "2026-01-03");
        assertEquals(0, log.code(), log.err());
        List<String> kinds = log.out().lines().filter(l -> l.startsWith("alert ")).map(l -> l.split(" ")[1]).toList();
        assertEquals(List.of("RAISED", "ESCALATED", "ESCALATED", "ESCALATED", "ACKNOWLEDGED", "DEESCALATED", "CLEARED"),
                kinds, log.out());
        CliTest.Result asRecorded = CliTest.run("alerts", ws.toString(), "--at", "2026-01-03", "--recorded-as-of",
                ingestTimeOfAck());
        assertTrue(asRecorded.out().contains(id + "  RED"), "before the January readings were recorded it was red: "
                + asRecorded.out());
    }

    /** The record time of the acknowledgement: after the rules, before the January readings. */
    private static String ingestTimeOfAck() {
        try (WorkspaceStore s = Workspaces.open(ws)) {
            return ((WarningStore) s).acknowledgements(null).get(0).recordedAt().toString();
        }
    }

    @Test
    void badRulesFileExitsTwoAndLeavesTheWorkspaceAsItWas() throws Exception {
        Path bad = dir.resolve("bad-rules.json");
        Files.writeString(bad, LADDER.replace("\"above\": 18,", "\"above\": \"eighteen\","));
        byte[] before = Files.readAllBytes(ws);
        CliTest.Result r = CliTest.run("alerts", ws.toString(), "rules", bad.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("bad-rules.json:5: rules[0].levels.orange.above"), r.err());
        CliTest.Result missing = CliTest.run("alerts", ws.toString(), "rules", dir.resolve("none.json").toString());
        assertEquals(2, missing.code(), missing.out());
        CliTest.Result action = CliTest.run("alerts", ws.toString(), "silence", "x");
        assertEquals(2, action.code(), action.out());
        assertArrayEquals(before, Files.readAllBytes(ws), "the workspace file is unchanged");
    }
}
