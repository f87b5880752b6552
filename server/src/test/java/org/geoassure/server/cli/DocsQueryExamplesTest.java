package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ./geoassure query demo-workspace/...} line of docs/query.md runs, on the demo workspace built from the
 * samples, exits 0 and returns rows; the counts the page states are checked.
 */
class DocsQueryExamplesTest {
    static final Path PAGE = Path.of("..", "docs", "query.md");
    static final String DEMO = "demo-workspace/geoassure-demo.gpkg";
    /** The demo mine, which {@code demo} builds beside the workspace it is given. */
    static final String MINE = "demo-workspace/kaiyuan-mine.gpkg";

    /** A distinctive piece of a command and the rows it returns (as docs/query.md says). */
    static final Map<String, Integer> COUNTS = Map.ofEntries(
            Map.entry("--json docs/examples/time.json", 0),
            Map.entry("boreholes --as-of 2020-01-01 --recorded-as-of 2020-01-01", 0),
            Map.entry("hole_id = '1146650'", 7),
            Map.entry("--json docs/examples/near-point.json", 59),
            Map.entry("--near 494930.3,6803192.0,256.3 --within 150", 59),
            Map.entry("--json docs/examples/near-line.json", 1),
            Map.entry("--json docs/examples/box.json", 20),
            Map.entry("stations --box 494000,6802000,0,496000,6804000,400", 55),
            Map.entry("--json docs/examples/attributes.json", 151),
            Map.entry("--json docs/examples/combined.json", 7),
            Map.entry("FROM hazard_proximity FOR VALID_TIME AS OF DATE '2025-11-15' WHERE level", 2),
            Map.entry("f.role = 'face' AND g.role IN ('old_workings', 'goaf')", 4),
            Map.entry("FROM features FOR VALID_TIME AS OF DATE '2025-02-15' WHERE role = 'face'", 2),
            Map.entry("FROM readings GROUP BY station_id", 10),
            Map.entry("FROM hazard_water_inrush", 4));

    @TempDir
    static Path dir;

    static Path ws;

    @BeforeAll
    static void demo() {
        ws = dir.resolve("demo.gpkg");
        StringWriter err = new StringWriter();
        assertEquals(0, GeoAssureCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo", "--workspace",
                ws.toString()), err.toString());
    }

    static Stream<String> commands() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
            if (line.startsWith("./geoassure query " + DEMO) || line.startsWith("./geoassure query " + MINE)) {
                out.add(line);
            }
        }
        assertTrue(out.size() >= 15, "docs/query.md lost its examples: " + out.size());
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void runs(String command) {
        List<String> args = words(command.substring("./geoassure ".length()));
        Path mine = ws.resolveSibling("kaiyuan-mine.gpkg");
        args.replaceAll(a -> a.equals(DEMO) ? ws.toString() : a.equals(MINE) ? mine.toString()
                : a.startsWith("docs/examples/") ? "../" + a : a);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GeoAssureCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, code, command + "\n" + err);
        List<String> lines = out.toString().lines().toList();
        if (command.contains("--explain")) {
            assertTrue(out.toString().contains("rows returned: 7"), out.toString());
            return;
        }
        boolean empty = COUNTS.entrySet().stream().anyMatch(e -> command.contains(e.getKey()) && e.getValue() == 0);
        assertTrue(empty || lines.size() >= 2, "no rows from: " + command);
        COUNTS.forEach((piece, n) -> {
            if (command.contains(piece)) {
                assertEquals(n, lines.size() - 1, command);
            }
        });
        if (command.contains("--sql") && command.contains("ST_MakePoint(494930.3, 6803192.0, 256.3), 150) ORDER BY")) {
            assertEquals(59, lines.size() - 1, command);
        }
    }

    /** Splits a shell command line: blanks separate words, single or double quotes group them. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }
}
