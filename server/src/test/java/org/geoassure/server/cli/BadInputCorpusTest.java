package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.geoassure.geodb.store.WorkspaceDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (issue 12): every file in {@code src/test/resources/bad-input} (written by its
 * {@code generate.py}), read the way its row in {@code CORPUS.txt} says, through the real command line or the real HTTP
 * server. Each must give exit code 2 (or the HTTP status of its row) with a message naming the file and line, field
 * or byte offset and no stack trace, and leave the workspace exactly as it was: {@link WorkspaceDigest} (counts and a
 * SHA-256 of every readable row, as in the crash harness) is the same before and after.
 */
class BadInputCorpusTest {
    static final Path CORPUS = corpus();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    /** The base workspace, copied for each case so that a wrongly accepted input cannot hide the next one. */
    static Path base;
    static String before;
    static ApiServer server;
    /** The workspace of the running case (the server opens it per request). */
    static final java.util.concurrent.atomic.AtomicReference<Path> WS = new java.util.concurrent.atomic
            .AtomicReference<>();

    record Row(String file, String how, String expected) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Path corpus() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-input/CORPUS.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("CORPUS.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", 3);
            rows.add(new Row(f[0].strip(), f[1].strip(), f[2].strip()));
        }
        return rows;
    }

    static Stream<Arguments> cases() throws IOException {
        return rows().stream().map(r -> Arguments.of(r));
    }

    @BeforeAll
    static void workspace() {
        Path ws = base = dir.resolve("base.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4527").code());
        Path files = CORPUS.resolve("_base");
        CliTest.Result d = CliTest.run("ingest", ws.toString(), "drillholes", "--collar", files.resolve("collar.csv")
                .toString(), "--survey", files.resolve("survey.csv").toString(), "--intervals", "assay="
                + files.resolve("assay.csv"));
        assertEquals(0, d.code(), d.err());
        CliTest.Result s = CliTest.run("ingest", ws.toString(), "stations", files.resolve("stations.csv").toString());
        assertEquals(0, s.code(), s.err());
        // a valid solid (a GOCAD TSolid cube of five tetrahedra) loads; the bad solids below must leave it alone
        CliTest.Result f = CliTest.run("ingest", ws.toString(), "features", files.resolve("stope.so").toString());
        assertEquals(0, f.code(), f.err());
        before = WorkspaceDigest.of(ws);
        assertTrue(before.startsWith("ingests=3 holes=2 assay=3"), before);
        assertTrue(before.contains(" features=1 "), before);
        server = ApiServer.start(() -> org.geoassure.geodb.store.Workspaces.open(WS.get()), "127.0.0.1", 0, true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAndLeavesTheWorkspaceUnchanged(Row row) throws Exception {
        Path file = CORPUS.resolve(row.file());
        Path ws = Files.copy(base, dir.resolve(row.file().replaceAll("[^A-Za-z0-9_.-]", "_") + ".gpkg"));
        WS.set(ws);
        String expected = row.expected().replace("{FILE}", file.toString()).replace("{NAME}", file.getFileName()
                .toString());
        if (row.how().startsWith("POST ")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + row.how().substring(5).strip())).header("Content-Type", "application/json").POST(
                            HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            int status = Integer.parseInt(expected.substring(0, 3));
            assertEquals(status, r.statusCode(), r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
            JsonNode p = JSON.readTree(r.body());
            assertTrue(p.get("detail").asText().contains(expected.substring(3).strip()), "expected '" + expected
                    + "' in: " + r.body());
        } else {
            List<String> args = new ArrayList<>();
            Matcher m = TOKEN.matcher(row.how());
            while (m.find()) {
                args.add((m.group(1) != null ? m.group(1) : m.group(2)).replace("{WS}", ws.toString())
                        .replace("{FILE}", file.toString()).replace("{BASE}", CORPUS.resolve("_base").toString()));
            }
            CliTest.Result r = CliTest.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), "exit code; out: " + r.out() + " err: " + r.err());
            assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
            assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), "a stack trace: " + r.err());
        }
        assertEquals(before, WorkspaceDigest.of(ws), "the workspace changed");
    }

    /** Every file of the corpus has a row (a shapefile's .shx, .dbf and .prj go with its .shp), and no row is stale. */
    @Test
    void everyFileHasARow() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(CORPUS)) {
            all.filter(Files::isRegularFile).map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("_base/") && !p.equals("CORPUS.txt") && !p.equals("generate.py")
                            && !p.equals("README.md") && !p.matches(".*\\.(shx|dbf|prj)"))
                    .forEach(files::add);
        }
        Set<String> listed = new TreeSet<>();
        rows().forEach(r -> listed.add(r.file()));
        assertEquals(files, listed);
        System.out.println("bad-input corpus: " + listed.size() + " inputs (" + rows().stream().filter(r -> r.how()
                .startsWith("POST")).count() + " HTTP request bodies)");
    }
}
