package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.samples.mine.DemoMine;
import org.geoassure.samples.mine.DemoMineLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Access control and the server's guards (issue 12), on the demo mine served by the real {@link ApiServer} on a free
 * loopback port: the role table (every endpoint x anonymous, viewer, geologist, admin), tokens hashed at rest and
 * never in the log, path traversal and URL inputs, CORS locked to configured origins, and the request-body limit.
 */
class ApiSecurityTest {
    @TempDir
    static Path dir;
    static Path ws;
    static Path tokenFile;
    static ApiServer locked;
    static ApiServer anonymousRead;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The tokens of the table; the file holds only their SHA-256. */
    static final Map<String, String> TOKENS = Map.of("viewer", "v-7f3c2a91e0d4", "geologist", "g-51b8e6c0a2f9",
            "admin", "a-c94d07be3318");

    /**
     * The access table: each endpoint, what a request of each role gets. {@code ok}: answered (2xx), 401: no or
     * unknown token, 403: the role may not. {@code anon-read} is anonymous on a server started with
     * {@code --anonymous-read}. {@code {T}} in a body is a reading time unique to the row and role.
     */
    static final String TABLE = """
            method | path                                        | body                                                | anonymous | anon-read | viewer | geologist | admin
            GET    | /api/v1/workspace                           |                                                     | 401       | ok        | ok     | ok        | ok
            POST   | /api/v1/query                               | {"from": "boreholes", "holes": ["ZK0101"]}          | 401       | ok        | ok     | ok        | ok
            POST   | /api/v1/sql                                 | {"sql": "SELECT count(*) AS n FROM boreholes"}      | 401       | ok        | ok     | ok        | ok
            GET    | /api/v1/gltf?table=lithology&sides=3        |                                                     | 401       | ok        | ok     | ok        | ok
            GET    | /api/v1/gltf?model=resistivity&isosurface=RHO:20&below=true |                                     | 401       | ok        | ok     | ok        | ok
            GET    | /api/v1/features?asOf=2025-06-01            |                                                     | 401       | ok        | ok     | ok        | ok
            GET    | /api/v1/hazard/proximity?asOf=2025-06-01    |                                                     | 401       | ok        | ok     | ok        | ok
            POST   | /api/v1/readings                            | {"station": "PZ-1", "t": "{T}", "value": 11.5}      | 401       | 403       | 403    | ok        | ok
            GET    | /api/v1/alerts?at=2025-12-31                |                                                     | 401       | ok        | ok     | ok        | ok
            GET    | /api/v1/events?limit=0                      |                                                     | 401       | ok        | ok     | ok        | ok
            GET    | /api/v1/hazard/water-inrush?cell=100&asOf=2025-06-01 |                                            | 401       | ok        | ok     | ok        | ok
            GET    | /api/v1/openapi.json                        |                                                     | ok        | ok        | ok     | ok        | ok
            GET    | /                                           |                                                     | ok        | ok        | ok     | ok        | ok
            GET    | /vendor/three/build/three.module.js         |                                                     | ok        | ok        | ok     | ok        | ok
            """;

    static final List<String> ROLES = List.of("anonymous", "anon-read", "viewer", "geologist", "admin");

    @BeforeAll
    static void mine() throws Exception {
        ws = dir.resolve("mine.gpkg");
        DemoMine.Files files = DemoMine.write(dir.resolve("data"), DemoMine.SEED);
        try (WorkspaceStore s = Workspaces.create(ws, WorkspaceInfo.of("demo", DemoMine.CRS, "Yellow Sea 1985"))) {
            DemoMineLoader.load(s, files, "test");
        }
        StringBuilder lines = new StringBuilder("# role sha256 name\n");
        TOKENS.forEach((role, token) -> lines.append(role).append(' ').append(ApiTokens.sha256(token)).append(' ')
                .append(role).append(" of the table\n"));
        tokenFile = Files.writeString(dir.resolve("tokens.txt"), lines);
        locked = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0, new ApiServer.Options(false,
                ApiTokens.read(tokenFile), List.of(), ApiServer.DEFAULT_MAX_BODY));
        anonymousRead = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0, new ApiServer.Options(false,
                ApiTokens.read(tokenFile).withAnonymousRead(true), List.of("https://portal.mine.example"), 1024));
    }

    @AfterAll
    static void stop() {
        locked.close();
        anonymousRead.close();
    }

    record Row(String method, String path, String body, Map<String, String> expected) {
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.lines().skip(1).toList()) {
            String[] f = line.split("\\|");
            Map<String, String> exp = new java.util.LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                exp.put(ROLES.get(i), f[3 + i].strip());
            }
            rows.add(new Row(f[0].strip(), f[1].strip(), f[2].strip(), exp));
        }
        return rows;
    }

    static Stream<Arguments> cells() {
        return table().stream().flatMap(r -> ROLES.stream().map(role -> Arguments.of(r.method(), r.path(), role,
                r.expected().get(role), r.body())));
    }

    static HttpResponse<String> send(ApiServer s, String method, String path, String token, String body,
            String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        if (method.equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else if (!method.equals("GET")) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static int ingests() {
        try (WorkspaceStore s = Workspaces.open(ws)) {
            return s.ingests().size();
        }
    }

    static final AtomicInteger MINUTE = new AtomicInteger();

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @MethodSource("cells")
    void accessTable(String method, String path, String role, String expected, String body) throws Exception {
        ApiServer s = role.equals("anon-read") ? anonymousRead : locked;
        String token = TOKENS.get(role);
        // each write a minute later than any before it: readings of one station must increase in time
        String reading = body.replace("{T}", java.time.Instant.parse("2026-03-01T00:00:00Z")
                .plusSeconds(60L * MINUTE.incrementAndGet()).toString());
        boolean post = method.equals("POST") && path.equals("/api/v1/readings");
        int before = post ? ingests() : 0;
        HttpResponse<String> r = send(s, method, path, token, reading);
        String what = method + " " + path + " as " + role + ": " + r.statusCode() + " " + abbreviate(r.body());
        if (expected.equals("ok")) {
            assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, what);
        } else {
            assertEquals(Integer.parseInt(expected), r.statusCode(), what);
            JsonNode p = JSON.readTree(r.body());
            assertEquals(expected.equals("401") ? "unauthorized" : "forbidden", p.get("code").asText(), what);
        }
        if (post) {
            assertEquals(before + (expected.equals("ok") ? 1 : 0), ingests(), "ingests after " + what);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    @Test
    void theTableCoversEveryRoute() {
        Set<String> inTable = new TreeSet<>();
        table().forEach(r -> inTable.add(r.method() + " " + r.path().replaceAll("\\?.*", "")));
        Set<String> routes = new TreeSet<>();
        ApiServer.ROUTES.forEach(r -> routes.add(r.method().name() + " " + r.path()));
        routes.removeAll(inTable);
        assertEquals(Set.of(), routes, "routes without a row in the access table");
    }

    /** The token file holds hashes only; no token reaches the log or an answer, whatever the request. */
    @Test
    void tokensAreHashedAtRestAndNeverLogged() throws Exception {
        String file = Files.readString(tokenFile);
        for (String token : TOKENS.values()) {
            assertFalse(file.contains(token), "token in the token file");
            assertTrue(file.contains(ApiTokens.sha256(token)), "its SHA-256 is");
        }
        Logger jul = Logger.getLogger(ApiServer.class.getName());
        Level level = jul.getLevel();
        List<String> records = java.util.Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r.getLoggerName() + " " + r.getMessage() + " " + (r.getThrown() == null ? ""
                        : r.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        jul.setLevel(Level.FINE);
        capture.setLevel(Level.ALL);
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        List<String> answers = new ArrayList<>();
        try {
            String viewer = TOKENS.get("viewer");
            String geologist = TOKENS.get("geologist");
            String wrong = "w-0d15ea5e0000";
            answers.add(send(locked, "GET", "/api/v1/workspace", viewer, null).body());
            answers.add(send(locked, "GET", "/api/v1/workspace", wrong, null).body());
            answers.add(send(locked, "GET", "/api/v1/events?limit=0&token=" + viewer, null, null).body());
            answers.add(send(locked, "GET", "/api/v1/events?limit=0&token=" + wrong, null, null).body());
            answers.add(send(locked, "POST", "/api/v1/readings", viewer, "{\"station\": \"PZ-1\"}").body());
            answers.add(send(locked, "POST", "/api/v1/readings", geologist, "{\"station\": \"" + geologist + "\", "
                    + "\"t\": \"2026-01-01T00:00:00Z\", \"value\": 1}").body()); // 404 names the station, not a token
            answers.add(send(locked, "POST", "/api/v1/sql", geologist, "{\"sql\": \"SELECT '" + wrong
                    + "' FROM nowhere\"}").body());
            answers.add(send(locked, "GET", "/api/v1/gltf?table=nope&token=" + geologist, null, null).body());
        } finally {
            System.setErr(err);
            root.removeHandler(capture);
            jul.setLevel(level);
        }
        String log = String.join("\n", records) + "\n" + stderr.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("GET /api/v1/workspace 200"), "the requests are logged: " + log);
        assertTrue(log.contains("GET /api/v1/events 401"), log);
        for (String token : List.of(TOKENS.get("viewer"), TOKENS.get("geologist"), "w-0d15ea5e0000")) {
            assertFalse(log.contains(token), "token " + token + " in the log:\n" + log);
            assertFalse(log.contains(ApiTokens.sha256(token)), "hash in the log");
        }
        for (String a : answers) {
            assertFalse(a.contains(TOKENS.get("viewer")) || a.contains("w-0d15ea5e0000"), a);
        }
    }

    /**
     * Traversal out of the viewer's files, sent byte for byte on a socket (an HTTP client would normalise them): every
     * one is refused (4xx) and none returns a file from outside the web root, of this machine or of the class path.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/../../etc/passwd", "/static/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/vendor/three/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd", "/..%5c..%5c..%5cetc%5cpasswd",
        "/%252e%252e/%252e%252e/etc/passwd", "/..;/..;/etc/passwd", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/vendor/../../org/geoassure/server/cli/ApiServer.class", "/%2e%2e/org/geoassure/server/cli/openapi.json",
        "/..%2forg%2fgeoassure%2fserver%2fcli%2fApiServer.class", "/api/v1/../../etc/passwd",
        "/api/v1/workspace/..%2f..%2f..%2fetc%2fpasswd", "/api/v1/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
        "/file:/etc/passwd", "/%00/etc/passwd", "/index.html%00.class"})
    void traversalIsRefused(String path) throws Exception {
        String answer = raw(locked, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String status = answer.lines().findFirst().orElse("");
        assertTrue(status.matches("HTTP/1\\.1 4\\d\\d .*"), path + " -> " + status);
        assertFalse(answer.contains("root:"), "a passwd file served for " + path);
        assertFalse(answer.contains("\u00ca\u00fe\u00ba\u00be"), "a class file served for " + path);
        assertFalse(answer.contains("\"openapi\""), "a class path resource served for " + path);
    }

    /** A raw HTTP/1.1 exchange; the answer read as ISO-8859-1 (byte for byte). */
    static String raw(ApiServer s, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The API takes names, never paths or URLs: a file path or a URL in any parameter, query or SQL is looked up as a
     * name and refused, nothing is fetched (a canary socket on loopback sees no connection) and no file is read.
     */
    @Test
    void pathsAndUrlsInParametersAreNamesNotFetched() throws Exception {
        try (ServerSocket canary = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            canary.setSoTimeout(300);
            String url = "http://127.0.0.1:" + canary.getLocalPort() + "/latest/meta-data";
            String admin = TOKENS.get("admin");
            List<String> refused = new ArrayList<>();
            for (String v : List.of(url, "file:///etc/passwd", "../../../../etc/passwd", ws.toAbsolutePath()
                    .toString())) {
                String q = URLEncoder.encode(v, StandardCharsets.UTF_8);
                for (String path : List.of("/api/v1/gltf?table=" + q, "/api/v1/gltf?table=lithology&colorBy=" + q,
                        "/api/v1/hazard/water-inrush?cell=100&table=" + q,
                        "/api/v1/hazard/water-inrush?cell=100&unitColumn=" + q)) {
                    HttpResponse<String> r = send(locked, "GET", path, admin, null);
                    assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode());
                    refused.add(path);
                }
                HttpResponse<String> layer = send(locked, "GET", "/api/v1/features?layer=" + q, admin, null);
                assertEquals(0, JSON.readTree(layer.body()).get("features").size(), "no layer named " + v);
                HttpResponse<String> query = send(locked, "POST", "/api/v1/query", admin,
                        "{\"from\": \"intervals\", \"table\": " + JSON.writeValueAsString(v) + "}");
                assertTrue(query.statusCode() == 400 || query.statusCode() == 404, query.body());
                for (String sql : List.of("SELECT * FROM " + JSON.writeValueAsString(v).replace('"', '"'),
                        "ATTACH DATABASE '" + v + "' AS x", "SELECT load_extension('" + v + "')",
                        "SELECT * FROM TABLE(\"" + v + "\")")) {
                    HttpResponse<String> r = send(locked, "POST", "/api/v1/sql", admin, JSON.writeValueAsString(
                            Map.of("sql", sql)));
                    assertEquals(400, r.statusCode(), sql + " -> " + r.body());
                    assertFalse(r.body().contains("root:"), r.body());
                }
            }
            try (Socket s = canary.accept()) {
                throw new AssertionError("the server connected to the canary URL: " + s);
            } catch (SocketTimeoutException expected) {
                // nothing fetched
            }
            assertEquals(16, refused.size());
        }
    }

    /** No --cors-origin: a page from another origin is refused (403) for reads and writes; the same origin passes. */
    @Test
    void crossOriginIsRefusedByDefault() throws Exception {
        int before = ingests();
        String geologist = TOKENS.get("geologist");
        HttpResponse<String> read = send(locked, "GET", "/api/v1/workspace", geologist, null, "Origin",
                "https://evil.example");
        assertEquals(403, read.statusCode(), read.body());
        assertTrue(read.body().contains("https://evil.example"), read.body());
        assertTrue(read.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> write = send(locked, "POST", "/api/v1/readings", geologist, "{\"station\": \"PZ-1\", "
                + "\"t\": \"2027-01-01T00:00:00Z\", \"value\": 1}", "Origin", "https://evil.example");
        assertEquals(403, write.statusCode(), write.body());
        HttpResponse<String> preflight = send(locked, "OPTIONS", "/api/v1/readings", null, null, "Origin",
                "https://evil.example", "Access-Control-Request-Method", "POST");
        assertEquals(403, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertEquals(before, ingests(), "nothing written");
        HttpResponse<String> same = send(locked, "GET", "/api/v1/workspace", geologist, null, "Origin",
                "http://127.0.0.1:" + locked.port());
        assertEquals(200, same.statusCode(), "the viewer's own origin");
    }

    /** --cors-origin: that origin gets the headers and its preflight is answered; any other is still refused. */
    @Test
    void aConfiguredOriginGetsCorsHeaders() throws Exception {
        String portal = "https://portal.mine.example";
        HttpResponse<String> preflight = send(anonymousRead, "OPTIONS", "/api/v1/query", null, null, "Origin", portal,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(portal, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
        HttpResponse<String> read = send(anonymousRead, "GET", "/api/v1/workspace", null, null, "Origin", portal);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(portal, read.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("Origin", read.headers().firstValue("Vary").orElse(""));
        for (String other : List.of("https://portal.mine.example.evil.example", "http://portal.mine.example",
                "https://evil.example", "null")) {
            HttpResponse<String> r = send(anonymousRead, "GET", "/api/v1/workspace", null, null, "Origin", other);
            assertEquals(403, r.statusCode(), other);
        }
        CliTest.Result bad = CliTest.run("serve", ws.toString(), "--port", "0", "--cors-origin", "*");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--cors-origin: '*' is not an origin"), bad.err());
    }

    /** A body over the limit is 413 too-large, declared (Content-Length) or streamed (chunked), and writes nothing. */
    @Test
    void oversizedBodiesAre413() throws Exception {
        int before = ingests();
        String geologist = TOKENS.get("geologist");
        StringBuilder readings = new StringBuilder("{\"station\": \"PZ-1\", \"readings\": [");
        for (int i = 0; i < 40; i++) {
            readings.append(i == 0 ? "" : ", ").append("{\"t\": \"2027-02-01T00:").append(String.format("%02d", i))
                    .append(":00Z\", \"value\": 10.5}");
        }
        String big = readings.append("]}").toString();
        assertTrue(big.length() > 1024);
        HttpResponse<String> declared = send(anonymousRead, "POST", "/api/v1/readings", geologist, big);
        assertProblem(declared, 413, "too-large");
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + anonymousRead.port() + "/api/v1/readings")).header("Authorization", "Bearer " + geologist)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413, "too-large");
        assertTrue(chunked.body().contains("1024 bytes"), chunked.body());
        HttpResponse<String> query = send(anonymousRead, "POST", "/api/v1/query", null, "{\"from\": \"boreholes\", "
                + "\"holes\": [" + "\"ZK0101\", ".repeat(200) + "\"ZK0102\"]}");
        assertProblem(query, 413, "too-large");
        // the default limit, 4 MiB, on the locked server
        byte[] huge = new byte[(int) ApiServer.DEFAULT_MAX_BODY + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + locked.port()
                + "/api/v1/readings")).header("Authorization", "Bearer " + geologist).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 413, "too-large");
        assertEquals(before, ingests(), "nothing written");
        HttpResponse<String> small = send(anonymousRead, "POST", "/api/v1/query", null, "{\"from\": \"boreholes\", "
                + "\"holes\": [\"ZK0101\"]}");
        assertEquals(200, small.statusCode(), "under the limit: " + small.body());
    }

    static void assertProblem(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
        assertEquals(code, JSON.readTree(r.body()).get("code").asText(), r.body());
    }
}
