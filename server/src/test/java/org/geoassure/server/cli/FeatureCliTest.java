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

    /** A GOCAD fault surface (no CRS stated: taken as the workspace's, with a warning) and its mesh counts. */
    @Test
    void gocadSurfaceBecomesAFaultFeature() throws Exception {
        Path ws2 = dir.resolve("utm.gpkg");
        assertEquals(0, CliTest.run("init", ws2.toString(), "--crs", "EPSG:32611").code());
        Path ts = Path.of("../ingest/src/test/resources/gocad/cfm7_SAFS-SAFZ-CRRZ-San_Andreas_fault-CFM6_native.ts");
        CliTest.Result in = CliTest.run("ingest", ws2.toString(), "features", ts.toString(), "--layer", "faults",
                "--role", "fault");
        assertEquals(0, in.code(), in.err());
        assertTrue(in.err().contains("states no CRS"), in.err());
        CliTest.Result q = CliTest.run("query", ws2.toString(), "features", "--role", "fault", "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(q.out());
        assertEquals(1, rows.size(), q.out());
        // reference-results.md E / surfaces README: San Andreas CFM6 native, 273 VRTX and 407 TRGL
        assertEquals(273, rows.get(0).get("vertices").asInt());
        assertEquals(407, rows.get(0).get("triangles").asInt());
        assertEquals("surface", rows.get(0).get("kind").asText());
    }

    /**
     * A WGS 84 Shapefile of the world's cities is reprojected into a Web Mercator workspace (a Gauss-Kruger zone
     * refuses it: Rome is far outside zone 39 and the transformation says so). Expected: PROJ 9.1.1 {@code echo
     * "39.9017203098627 116.394200892606" | cs2cs -f %.4f EPSG:4326 EPSG:3857} gives 12956943.1747 4851670.8039 for
     * Beijing (naturalearth_cities record 227, as ogrinfo prints it).
     */
    @Test
    void shapefileIsReprojectedToTheWorkspaceCrs() throws Exception {
        Path cities = Path.of("../ingest/src/test/resources/shapefile/naturalearth_cities.shp");
        CliTest.Result gk = CliTest.run("ingest", ws.toString(), "features", cities.toString());
        assertEquals(2, gk.code(), gk.err());
        assertTrue(gk.err().contains("outside the domain of EPSG:4326 -> EPSG:4527"), gk.err());
        assertEquals(1, CliTest.run("query", ws.toString(), "features").lines().size(), "nothing written: the header");
        assertEquals(1, CliTest.run("query", ws.toString(), "--sql", "SELECT count(*) AS n FROM features").lines()
                .size() - 1);
        assertTrue(CliTest.run("query", ws.toString(), "--sql", "SELECT count(*) AS n FROM features").out()
                .contains("\n0"), "no feature stored by the refused ingest");
        Path merc = dir.resolve("merc.gpkg");
        assertEquals(0, CliTest.run("init", merc.toString(), "--crs", "EPSG:3857").code());
        CliTest.Result in = CliTest.run("ingest", merc.toString(), "features", cities.toString());
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("layer naturalearth_cities: 243 new"), in.out());
        CliTest.Result q = CliTest.run("query", merc.toString(), "features", "--layer", "naturalearth_cities", "--near",
                "12956943.1747,4851670.8039,0", "--within", "1", "--format", "geojson");
        assertEquals(0, q.code(), q.err());
        JsonNode fc = new ObjectMapper().readTree(q.out());
        assertEquals(1, fc.get("features").size(), q.out());
        JsonNode beijing = fc.get("features").get(0);
        assertEquals("Beijing", beijing.at("/properties/name").asText(), q.out());
        assertEquals(12956943.1747, beijing.at("/geometry/coordinates/0").asDouble(), 0.01);
        assertEquals(4851670.8039, beijing.at("/geometry/coordinates/1").asDouble(), 0.01);
        CliTest.Result bad = CliTest.run("ingest", ws.toString(), "features", dir.resolve("nothing.xyz").toString());
        assertEquals(2, bad.code(), bad.err());
    }

    /** A GeoJSON of face surveys: id and date from properties; the surveys become the face's versions in date order. */
    @Test
    void geoJsonProgressWithIdAndDateProperties() throws Exception {
        Path faces = Path.of("src/test/resources/progress/faces.geojson");
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "features", faces.toString(), "--layer", "progress",
                "--role", "face", "--id-property", "face_id", "--date-property", "surveyed", "--crs", "EPSG:4527");
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("layer progress: 1 new"), in.out());
        for (String[] c : new String[][] {{"2025-04-15", "160.0"}, {"2025-05-15", "100.0"}, {"2025-07-01", "40.0"}}) {
            CliTest.Result q = CliTest.run("query", ws.toString(), "features", "--role", "face", "--as-of", c[0],
                    "--format", "geojson");
            JsonNode fc = new ObjectMapper().readTree(q.out());
            assertEquals(1, fc.get("features").size(), q.out());
            assertEquals("F2301", fc.at("/features/0/properties/feature_id").asText());
            assertEquals(Double.parseDouble(c[1]), fc.at("/features/0/geometry/coordinates/0/0").asDouble(), c[0]);
        }
        CliTest.Result noDate = CliTest.run("ingest", ws.toString(), "features", faces.toString(), "--layer", "x",
                "--date-property", "when", "--crs", "EPSG:4527");
        assertEquals(2, noDate.code());
        assertTrue(noDate.err().contains("--date-property when is missing or null"), noDate.err());
    }
}
