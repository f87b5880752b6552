package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.samples.mine.DemoMine;
import org.geoassure.samples.mine.DemoMineLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring through the HTTP API and beside the hazards, on the demo mine with the PZ-3 warning ladder of
 * AlertsCliTest: single readings posted (only to a server that allows writes), the alerts they cause, and the
 * active alerts printed with the water-inrush analysis that used the station.
 */
class MonitoringApiTest {
    @TempDir
    static Path dir;
    static Path ws;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void mine() throws Exception {
        ws = dir.resolve("mine.gpkg");
        DemoMine.Files files = DemoMine.write(dir.resolve("data"), DemoMine.SEED);
        try (WorkspaceStore s = Workspaces.create(ws, WorkspaceInfo.of("demo", DemoMine.CRS, "Yellow Sea 1985"))) {
            DemoMineLoader.load(s, files, "test");
        }
        Path rules = Files.writeString(dir.resolve("rules.json"), AlertsCliTest.LADDER);
        assertEquals(0, CliTest.run("alerts", ws.toString(), "rules", rules.toString()).code());
    }

    private static HttpResponse<String> post(ApiServer s, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ApiServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int ingests() {
        try (WorkspaceStore s = Workspaces.open(ws)) {
            return s.ingests().size();
        }
    }

    @Test
    void readingsArePostedOnlyWhenWritesAreAllowedAndTheirAlertsAreAnswered() throws Exception {
        int before = ingests();
        try (ApiServer ro = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0)) {
            HttpResponse<String> r = post(ro, "/api/v1/readings", "{\"station\": \"PZ-3\", \"t\": \"2026-01-02T00:00:00Z\", "
                    + "\"value\": 12.0}");
            assertEquals(403, r.statusCode(), r.body());
            assertEquals("forbidden", JSON.readTree(r.body()).get("code").asText());
        }
        assertEquals(before, ingests(), "nothing written");
        try (ApiServer rw = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0, true)) {
            // at the end of 2025 PZ-3 is RED (the ladder 16/17/18/19 m; the generator's head passes 19 m in autumn)
            JsonNode now = JSON.readTree(get(rw, "/api/v1/alerts?at=2025-12-31").body());
            assertEquals("red", now.at("/alerts/0/level").asText(), now.toString());
            for (String bad : new String[] {"{\"t\": \"2026-01-02T00:00:00Z\", \"value\": 1}",
                "{\"station\": \"PZ-3\", \"t\": \"yesterday\", \"value\": 1}",
                "{\"station\": \"PZ-3\", \"readings\": [{\"t\": \"2026-01-02T01:00:00Z\", \"value\": 1}, "
                    + "{\"t\": \"2026-01-02T00:00:00Z\", \"value\": 2}]}",
                "{\"station\": \"PZ-3\", \"t\": \"2026-01-02T00:00:00Z\", \"value\": \"high\"}"}) {
                HttpResponse<String> r = post(rw, "/api/v1/readings", bad);
                assertEquals(400, r.statusCode(), bad + " -> " + r.body());
            }
            assertEquals(404, post(rw, "/api/v1/readings", "{\"station\": \"PZ-9\", \"t\": \"2026-01-02T00:00:00Z\", "
                    + "\"value\": 1}").statusCode());
            assertEquals(before, ingests(), "bad requests write nothing");
            // the head falls back to 12 m: below the red, orange, yellow and blue clear limits -> cleared
            HttpResponse<String> ok = post(rw, "/api/v1/readings", "{\"station\": \"PZ-3\", \"readings\": ["
                    + "{\"t\": \"2026-01-02T00:00:00Z\", \"value\": 12.0}]}");
            assertEquals(201, ok.statusCode(), ok.body());
            JsonNode w = JSON.readTree(ok.body());
            assertEquals(1, w.get("new").asInt());
            assertTrue(w.get("alerts").toString().contains("CLEARED"), ok.body());
            JsonNode after = JSON.readTree(get(rw, "/api/v1/alerts?at=2026-01-03").body());
            assertEquals(0, after.get("alerts").size(), after.toString());
        }
        assertEquals(before + 1, ingests());
    }

    @Test
    void theWaterInrushAnalysisShowsTheAlertsOfThePiezometersItUsed() {
        CliTest.Result r = CliTest.run("hazard", ws.toString(), "water-inrush", "--as-of", "2025-12-31", "--cell", "50");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("monitoring  PZ-3 RED since 2025-"), r.out());
        CliTest.Result before = CliTest.run("hazard", ws.toString(), "water-inrush", "--as-of", "2025-03-01", "--cell",
                "50");
        assertTrue(before.out().contains("monitoring  no active alert on the stations used"), before.out());
    }

    /** The event stream tells a connected viewer about each readings write (and the alerts it caused). */
    @Test
    void theEventStreamAnnouncesReadingsAsTheyAreWritten() throws Exception {
        try (ApiServer rw = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0, true)) {
            HttpResponse<java.util.stream.Stream<String>> sse = HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + rw.port() + "/api/v1/events?limit=1")).header("Accept", "text/event-stream")
                    .build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, sse.statusCode());
            assertTrue(sse.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            java.util.Iterator<String> lines = sse.body().iterator();
            List<String> seen = new java.util.ArrayList<>();
            while (lines.hasNext()) { // the hello: the listener is registered
                String l = lines.next();
                seen.add(l);
                if (l.startsWith("data:")) {
                    break;
                }
            }
            assertTrue(seen.contains("event: hello"), seen.toString());
            HttpResponse<String> ok = post(rw, "/api/v1/readings", "{\"station\": \"PZ-3\", \"t\": "
                    + "\"2026-01-10T00:00:00Z\", \"value\": 12.0}");
            assertEquals(201, ok.statusCode(), ok.body());
            while (lines.hasNext()) { // the server ends the stream after the one event asked for
                seen.add(lines.next());
            }
            assertTrue(seen.contains("event: readings"), seen.toString());
            assertTrue(seen.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"station\":\"PZ-3\"")),
                    seen.toString());
        }
    }

    private static HttpResponse<String> send(ApiServer s, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Tokens with roles: no token 401, a viewer reads but may not write (403), a geologist writes. */
    @Test
    void tokensAndRoles() throws Exception {
        String viewer = "view-token-1";
        String geologist = "geo-token-2";
        Path file = Files.writeString(dir.resolve("tokens.txt"), "# role sha256 name\nviewer "
                + ApiTokens.sha256(viewer) + " pilot mine\ngeologist " + ApiTokens.sha256(geologist) + " survey\n");
        int before = ingests();
        String reading = "{\"station\": \"PZ-1\", \"t\": \"2026-02-01T00:00:00Z\", \"value\": 11.0}";
        try (ApiServer s = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0, false, ApiTokens.read(file))) {
            HttpResponse<String> none = send(s, "GET", "/api/v1/workspace", null, null);
            assertEquals(401, none.statusCode(), none.body());
            assertEquals("unauthorized", JSON.readTree(none.body()).get("code").asText());
            assertEquals(401, send(s, "GET", "/api/v1/workspace", "wrong", null).statusCode());
            assertEquals(200, send(s, "GET", "/api/v1/workspace", viewer, null).statusCode());
            assertEquals(200, send(s, "GET", "/api/v1/openapi.json", null, null).statusCode(), "the API document");
            HttpResponse<String> viewerWrite = send(s, "POST", "/api/v1/readings", viewer, reading);
            assertEquals(403, viewerWrite.statusCode(), viewerWrite.body());
            assertEquals(before, ingests(), "nothing written");
            assertEquals(201, send(s, "POST", "/api/v1/readings", geologist, reading).statusCode());
            assertEquals(200, send(s, "GET", "/api/v1/events?limit=0&token=" + viewer, null, null).statusCode());
        }
        assertEquals(before + 1, ingests());
        try (ApiServer s = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0, false,
                ApiTokens.read(file).withAnonymousRead(true))) {
            assertEquals(200, send(s, "GET", "/api/v1/workspace", null, null).statusCode(), "anonymous read");
            assertEquals(403, send(s, "POST", "/api/v1/readings", null, reading).statusCode(), "anonymous write");
        }
        Path bad = Files.writeString(dir.resolve("bad-tokens.txt"), "viewer abc\n");
        CliTest.Result r = CliTest.run("serve", ws.toString(), "--port", "0", "--tokens", bad.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("bad-tokens.txt:1: expected ROLE SHA256"), r.err());
    }
}
