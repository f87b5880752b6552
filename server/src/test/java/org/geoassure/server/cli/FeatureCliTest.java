package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest WS progress} and {@code query WS features} end to end on the hand-written layout in
 * ingest/src/test/resources/progress (SOURCES.md there): "the mine as of a date" is a valid-time query.
 */
class FeatureCliTest {
    static final Path PROGRESS = Path.of("../ingest/src/test/resources/progress/progress.csv");

    @TempDir
    Path dir;

    Path ws;

    @BeforeEach
    void workspace() {
        ws = dir.resolve("mine.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4527").code());
    }

    @Test
    void theMineAsOfADate() throws Exception {
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "progress", PROGRESS.toString());
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("layer progress: 4 new, 0 changed, 0 unchanged features from 5 rows"), in.out());
        // February: the face still at x = 0 (surveyed 2025-01-01), valid until the March survey
        CliTest.Result feb = CliTest.run("query", ws.toString(), "features", "--role", "face", "--as-of", "2025-02-01",
                "--format", "json");
        assertEquals(0, feb.code(), feb.err());
        JsonNode rows = new ObjectMapper().readTree(feb.out());
        assertEquals(1, rows.size());
        assertEquals("LINESTRING Z(0 0 -300, 0 150 -302)", rows.get(0).get("geometry").asText());
        assertEquals("2025-03-01T00:00:00Z", rows.get(0).get("valid_to").asText());
        // April, within 15 m of a point 10 m behind the advanced face: only the face (the roadway is 100 m away)
        CliTest.Result apr = CliTest.run("query", ws.toString(), "features", "--as-of", "2025-04-01", "--near",
                "30,100,-300", "--within", "15", "--format", "geojson");
        assertEquals(0, apr.code(), apr.err());
        JsonNode fc = new ObjectMapper().readTree(apr.out());
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(1, fc.get("features").size());
        JsonNode face = fc.get("features").get(0);
        assertEquals("progress/F1201", face.get("id").asText());
        assertEquals(40.0, face.get("geometry").get("coordinates").get(0).get(0).asDouble());
        // 2018: before the goaf was closed (2019-06-30) only the old workings existed
        CliTest.Result old = CliTest.run("query", ws.toString(), "features", "--as-of", "2018-01-01");
        assertEquals(2, old.lines().size(), old.out());
        assertTrue(old.lines().get(1).startsWith("progress,OW-1,old workings (inferred),polygons,old_workings,"
                + "\"POLYGON ((600 300, 800 300, 800 450, 600 450, 600 300))\""), old.out());
        assertEquals(0, CliTest.run("check", ws.toString()).code());
    }

    @Test
    void aBadProgressFileIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,date,geometry\nF1,2025-01-01,\"LINESTRING (0 0, 1 1)\"\n"
                + "F2,2025-01-01,\"LINESTRING (0 0,\"\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "progress", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.csv:3: geometry is not WKT"), r.err());
        CliTest.Result all = CliTest.run("query", ws.toString(), "features");
        assertEquals(1, all.lines().size(), "only the header: nothing was written");
        CliTest.Result fmt = CliTest.run("query", ws.toString(), "features", "--format", "xml");
        assertEquals(2, fmt.code());
    }
}
