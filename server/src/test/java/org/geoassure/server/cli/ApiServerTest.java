package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code geoassure serve}'s HTTP API on a real workspace (pygslib Demo1, samples/data/SOURCES.md) on a free loopback
 * port: each endpoint's answer, the problem+json errors, and the OpenAPI document against the registered routes.
 */
class ApiServerTest {
    @TempDir
    static Path dir;

    static ApiServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        Path ws = dir.resolve("demo1.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4547").code());
        CliTest.Result in = CliTest.ingestDemo1(ws);
        assertEquals(0, in.code(), in.err());
        CliTest.Result progress = CliTest.run("ingest", ws.toString(), "progress", FeatureCliTest.PROGRESS.toString());
        assertEquals(0, progress.code(), progress.err());
        CliTest.Result bm = CliTest.run("ingest", ws.toString(), "blockmodel", BlockModelCliTest.DEMO1.toString(),
                "--name", "demo1", "--ijk", "IX,IY,IZ", "--size", "5,5,5", "--ignore", "XC,YC,ZC", "--type",
                "IJK=int32", "--type", "Au_OK=float32");
        assertEquals(0, bm.code(), bm.err());
        server = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void workspaceInfo() throws Exception {
        HttpResponse<byte[]> r = get("/api/v1/workspace");
        assertEquals(200, r.statusCode());
        JsonNode w = json(r);
        assertEquals("EPSG:4547", w.get("crs").asText());
        assertEquals(29, w.get("holes").asInt(), "29 holes in pygslib_demo1_collar.csv");
        assertEquals("assays", w.at("/intervalTables/0/name").asText());
        assertEquals(1882, w.at("/intervalTables/0/rows").asLong());
        assertEquals("progress", w.at("/featureLayers/0").asText());
        // the Demo1 block model: 5 m cells, 36 x 40 x 17, its attributes with their types
        assertEquals("demo1", w.at("/blockModels/0/name").asText(), w.toString());
        assertEquals(1, w.at("/blockModels/0/version").asInt());
        assertEquals("[36,40,17]", w.at("/blockModels/0/size").toString());
        assertEquals("[5.0,5.0,5.0]", w.at("/blockModels/0/cellSize").toString());
        boolean au = false;
        for (JsonNode a : w.at("/blockModels/0/attributes")) {
            au |= a.get("name").asText().equals("Au_OK") && a.get("type").asText().equals("float32");
        }
        assertTrue(au, w.at("/blockModels/0/attributes").toString());
    }

    /**
     * The isosurface Au_OK = 2 g/t of the Demo1 block model over HTTP is the GLB {@code export gltf --model demo1
     * --isosurface Au_OK:2} writes, byte for byte; below=true encloses the other side (more triangles' worth of the
     * low-grade cells, a different file).
     */
    @Test
    void gltfIsosurfaceIsTheExportedGlb() throws Exception {
        HttpResponse<byte[]> r = get("/api/v1/gltf?model=demo1&isosurface=Au_OK:2");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("model/gltf-binary", r.headers().firstValue("Content-Type").orElse(""));
        Path glb = dir.resolve("au2.glb");
        CliTest.Result cli = CliTest.run("export", dir.resolve("demo1.gpkg").toString(), "gltf", "--model", "demo1",
                "--isosurface", "Au_OK:2", "--out", glb.toString());
        assertEquals(0, cli.code(), cli.err());
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.nio.file.Files.readAllBytes(glb), r.body());
        ByteBuffer b = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
        JsonNode geo = JSON.readTree(new String(r.body(), 20, b.getInt(12), StandardCharsets.UTF_8))
                .at("/extras/geoassure");
        assertEquals("above", geo.get("inside").asText());
        HttpResponse<byte[]> below = get("/api/v1/gltf?model=demo1&isosurface=Au_OK:2&below=true");
        assertEquals(200, below.statusCode(), new String(below.body(), StandardCharsets.UTF_8));
        ByteBuffer bb = ByteBuffer.wrap(below.body()).order(ByteOrder.LITTLE_ENDIAN);
        JsonNode geoBelow = JSON.readTree(new String(below.body(), 20, bb.getInt(12), StandardCharsets.UTF_8))
                .at("/extras/geoassure");
        assertEquals("below", geoBelow.get("inside").asText());
        assertTrue(geoBelow.get("triangles").asInt() > 0, geoBelow.toString());
    }

    /** A bad isosurface request is a 400 whose detail starts with the parameter at fault. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/gltf?isosurface=Au_OK:2                          | model",
        "/api/v1/gltf?model=nope&isosurface=Au_OK:2               | model",
        "/api/v1/gltf?model=demo1                                 | isosurface",
        "/api/v1/gltf?model=demo1&isosurface=Zn:2                 | isosurface",
        "/api/v1/gltf?model=demo1&isosurface=Au_OK:lots           | isosurface",
        "/api/v1/gltf?model=demo1&isosurface=Au_OK                | isosurface",
        "/api/v1/gltf?model=demo1&isosurface=Au_OK:1000           | isosurface",
        "/api/v1/gltf?model=demo1&isosurface=Au_OK:2&below=maybe  | below",
        "/api/v1/gltf?table=assays&model=demo1&isosurface=Au_OK:2 | table",
        "/api/v1/gltf?table=assays&below=true                     | below",
    })
    void badIsosurfaceNamesTheParameter(String path, String field) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertProblem(r, 400, "bad-request");
        String detail = json(r).get("detail").asText();
        assertTrue(detail.startsWith(field + ": "), detail);
    }

    @Test
    void featuresAsOfADateAreGeoJson() throws Exception {
        HttpResponse<byte[]> r = get("/api/v1/features?asOf=2025-02-01&role=face&layer=progress");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/geo+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode fc = json(r);
        assertEquals(1, fc.get("features").size());
        // progress.csv: face F1201 surveyed 2025-01-01 at x = 0, 2025-03-01 at x = 40
        assertEquals(0.0, fc.at("/features/0/geometry/coordinates/0/0").asDouble());
        assertEquals("2025-03-01T00:00:00Z", fc.at("/features/0/properties/valid_to").asText());
        JsonNode all = json(get("/api/v1/features"));
        assertEquals(4, all.get("features").size(), "now: face, roadway, goaf, old workings");
    }

    @Test
    void queryStreamsTheSameRowsAsTheCommandLine() throws Exception {
        String q = "{\"from\": \"intervals\", \"table\": \"assays\", \"holes\": [\"16\"]}";
        HttpResponse<byte[]> r = post("/api/v1/query", q);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        Path file = dir.resolve("q.json");
        java.nio.file.Files.writeString(file, q);
        CliTest.Result cli = CliTest.run("query", dir.resolve("demo1.gpkg").toString(), "--json", file.toString(),
                "--format", "json");
        assertEquals(0, cli.code(), cli.err());
        assertEquals(JSON.readTree(cli.out()), json(r));
        assertTrue(json(r).size() > 0);
    }

    @Test
    void sqlIsReadOnly() throws Exception {
        HttpResponse<byte[]> r = post("/api/v1/sql", "{\"sql\": \"SELECT count(*) AS n FROM assays\"}");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(1882, json(r).at("/0/n").asLong());
        HttpResponse<byte[]> del = post("/api/v1/sql", "{\"sql\": \"DELETE FROM assays\"}");
        assertProblem(del, 400, "bad-request");
    }

    @Test
    void gltfIsAGlbWithTheFeatureTable() throws Exception {
        HttpResponse<byte[]> r = get("/api/v1/gltf?table=assays&colorBy=Au&radius=0.5");
        assertEquals(200, r.statusCode());
        assertEquals("model/gltf-binary", r.headers().firstValue("Content-Type").orElse(""));
        ByteBuffer b = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x46546C67, b.getInt(0), "glTF magic");
        JsonNode gltf = JSON.readTree(new String(r.body(), 20, b.getInt(12), StandardCharsets.UTF_8));
        assertEquals(1882, gltf.at("/extras/geoassure/featureTable/rows").size());
        assertEquals(3, gltf.at("/extras/geoassure/origin").size());
    }

    /** Bad input is a 4xx problem with a stable code; an unknown interval table is 404 not-found. */
    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "GET  | /api/v1/gltf?table=nope                | | 404 | not-found",
        "GET  | /api/v1/gltf                           | | 400 | bad-request",
        "GET  | /api/v1/gltf?table=assays&colorBy=Zn   | | 400 | bad-request",
        "GET  | /api/v1/gltf?table=assays&radius=-1    | | 400 | bad-request",
        "GET  | /api/v1/gltf?table=assays&radius=x     | | 400 | bad-request",
        "GET  | /api/v1/nothing-here                   | | 404 | not-found",
        "GET  | /api/v1/features?asOf=yesterday        | | 400 | bad-request",
        "POST | /api/v1/query | {\"from\": \"intervals\", \"table\": \"nope\"} | 404 | not-found",
        "POST | /api/v1/query | {\"from\": \"planets\"}                        | 400 | bad-request",
        "POST | /api/v1/query | not json                                      | 400 | bad-request",
        "POST | /api/v1/sql   | {\"sql\": \"SELEKT 1\"}                        | 400 | bad-request",
        "POST | /api/v1/sql   | {\"query\": \"SELECT 1\"}                      | 400 | bad-request",
        "POST | /api/v1/sql   | [1]                                           | 400 | bad-request",
    })
    void badInputIsAProblem(String method, String path, String body, int status, String code) throws Exception {
        HttpResponse<byte[]> r = method.equals("GET") ? get(path) : post(path, body == null ? "" : body);
        assertProblem(r, status, code);
    }

    static void assertProblem(HttpResponse<byte[]> r, int status, String code) throws IOException {
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(status, r.statusCode(), text);
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), text);
        JsonNode p = JSON.readTree(text);
        assertEquals(code, p.get("code").asText(), text);
        assertEquals(status, p.get("status").asInt(), text);
        assertTrue(p.get("detail").asText().length() > 5, text);
    }

    @Test
    void serveRefusesABadPortAndAMissingWorkspace() {
        CliTest.Result port = CliTest.run("serve", dir.resolve("demo1.gpkg").toString(), "--port", "70000");
        assertEquals(2, port.code(), port.err());
        assertTrue(port.err().contains("--port"), port.err());
        CliTest.Result none = CliTest.run("serve", dir.resolve("missing.gpkg").toString(), "--port", "0");
        assertEquals(2, none.code(), none.err());
    }

    @Test
    void openApiListsExactlyTheRegisteredRoutes() throws Exception {
        HttpResponse<byte[]> r = get("/api/v1/openapi.json");
        assertEquals(200, r.statusCode());
        JsonNode doc = json(r);
        assertEquals("3.1.0", doc.get("openapi").asText());
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = doc.get("paths").fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> e = p.next();
            e.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " "
                    + e.getKey() + " " + e.getValue().get(m).get("operationId").asText()));
        }
        Set<String> registered = new TreeSet<>();
        ApiServer.ROUTES.forEach(rt -> registered.add(rt.method().name() + " " + rt.path() + " " + rt.operationId()));
        assertEquals(registered, documented);
        // and each registered route answers (not the 404 of an unregistered path)
        for (ApiServer.Route rt : ApiServer.ROUTES) {
            String path = rt.operationId().equals("getEvents") ? rt.path() + "?limit=0" : rt.path(); // a stream
            HttpResponse<byte[]> a = rt.method().name().equals("GET") ? get(path) : post(path, "{}");
            assertTrue(a.statusCode() != 404, rt + " answered " + a.statusCode());
        }
    }
}
