package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest WS auto} and the new feature sources (GeoPackage, ESRI ASCII grid, point CSV) end to end, on the test
 * files of ingest/src/test/resources (geopackage/, asciigrid/, points/; origins in their SOURCES.md). Refusals are
 * checked on both halves: the message (file and what was seen or the line) and a workspace left without a feature.
 */
class IngestAutoCliTest {
    static final Path RES = Path.of("../ingest/src/test/resources");
    static final String GPKG = RES.resolve("geopackage/sample.gpkg").toString();
    static final String ASC = RES.resolve("asciigrid/sic97_demstd.asc").toString();
    static final String MEUSE = RES.resolve("points/meuse.csv").toString();

    @TempDir
    Path dir;

    Path ws;

    @BeforeEach
    void workspace() {
        ws = dir.resolve("merc.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:3857").code());
    }

    private long features() {
        CliTest.Result r = CliTest.run("query", ws.toString(), "--sql", "SELECT count(*) AS n FROM features");
        assertEquals(0, r.code(), r.err());
        return Long.parseLong(r.lines().get(1).strip());
    }

    /**
     * Beijing (cities fid 228, lon/lat as stored: 116.394200892606, 39.9017203098627) lands where PROJ 9.1.1 puts it:
     * {@code echo "39.9017203098627 116.394200892606" | cs2cs -f %.4f EPSG:4326 EPSG:3857} gives 12956943.1747
     * 4851670.8039. The grid keeps gdalinfo's 376 x 253 cells (95128 vertices, 2 x 375 x 252 triangles).
     */
    @Test
    void autoPicksTheReaderPerFileAndIngestsEveryLayer() throws Exception {
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "auto", GPKG, ASC, MEUSE);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(GPKG + ": GeoPackage (SQLite 3 header) -> ingest features"), r.out());
        assertTrue(r.out().contains(ASC + ": ESRI ASCII grid (header key ncols) -> ingest features"), r.out());
        assertTrue(r.out().contains(MEUSE + ": point CSV (columns x, y, cadmium"), r.out());
        for (String s : new String[] {"layer traces: 48 new", "layer cities: 243 new", "layer oceania: 7 new",
            "layer cities_3857: 30 new", "layer sic97_demstd: 1 new", "layer meuse: 155 new"}) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
        assertTrue(r.out().contains("(geopackage, EPSG:4326)"), r.out());
        assertTrue(r.out().contains("(geopackage, EPSG:3857)"), "cities_3857 needs no reprojection: " + r.out());
        assertEquals(48 + 243 + 7 + 30 + 1 + 155, features());
        CliTest.Result q = CliTest.run("query", ws.toString(), "features", "--layer", "cities", "--near",
                "12956943.1747,4851670.8039,0", "--within", "0.01", "--format", "geojson");
        assertEquals(0, q.code(), q.err());
        JsonNode fc = new ObjectMapper().readTree(q.out());
        assertEquals(1, fc.get("features").size(), q.out());
        assertEquals("Beijing", fc.get("features").get(0).get("properties").get("name").asText());
        JsonNode dem = new ObjectMapper().readTree(CliTest.run("query", ws.toString(), "features", "--layer",
                "sic97_demstd", "--format", "json").out());
        assertEquals(95128, dem.get(0).get("vertices").asInt());
        assertEquals(2 * 375 * 252, dem.get(0).get("triangles").asInt());
        assertEquals("surface", dem.get(0).get("kind").asText());
        assertEquals(0, CliTest.run("check", ws.toString()).code());
    }

    @Test
    void featuresReadsTheGeoPackageTablesNamedByLayer() {
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "features", GPKG, "--layer", "oceania,cities_3857");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.lines().size(), r.out());
        assertEquals(7 + 30, features());
        CliTest.Result bad = CliTest.run("ingest", ws.toString(), "features", GPKG, "--layer", "roads");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(GPKG + ": no feature table 'roads' (feature tables: traces, cities, oceania, "
                + "cities_3857)"), bad.err());
    }

    @Test
    void pointCsvColumnsByOption() throws Exception {
        Path f = Files.writeString(dir.resolve("pts.csv"), "pt;E;N;RL\nA;100,5;200;-3\nB;110;210;-4\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "features", f.toString(), "--xyz", "E,N,RL");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(CliTest.run("query", ws.toString(), "features", "--format", "json")
                .out());
        assertEquals("POINT Z(100.5 200 -3)", rows.get(0).get("geometry").asText());
        // headers no reader recognises by name are read as points when --xyz names the columns
        Path gk = Files.writeString(dir.resolve("gk.csv"), "X_GK,Y_GK,H,au\n300,400,-5,1.2\n");
        CliTest.Result g = CliTest.run("ingest", ws.toString(), "features", gk.toString(), "--xyz", "X_GK,Y_GK,H");
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().contains("layer gk: 1 new"), g.out());
        CliTest.Result wrong = CliTest.run("ingest", ws.toString(), "features", ASC, "--xyz", "x,y,z");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--xyz: " + ASC + " is ascii_grid, not a point CSV"), wrong.err());
    }

    @Test
    void unknownContentIsExitTwoNamingTheFileAndNothingIsWritten() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "minutes of the safety meeting\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "auto", GPKG, notes.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(notes + ": no reader recognises this content: text beginning \"minutes of the "
                + "safety meeting\" (extension .txt)"), r.err());
        assertEquals(0, features(), "the GeoPackage before it was not written either");
    }

    @Test
    void aDrillholeTableIsRefusedWithTheKindToUse() {
        String collar = RES.resolve("drillhole/good_collar.csv").toString();
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "auto", ASC, collar);
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(collar + ": recognised as drillhole collar CSV (columns HOLEID, X, Y, Z, TD), a "
                + "drillhole collar table: give it by option"), r.err());
        assertTrue(r.err().contains("geoassure ingest WS drillholes --collar"), r.err());
        assertEquals(0, features());
    }

    @Test
    void badContentInALaterFileLeavesTheWorkspaceAsItWas() throws Exception {
        byte[] b = Files.readAllBytes(Path.of(ASC));
        Path cut = Files.write(dir.resolve("cut.asc"), Arrays.copyOf(b, b.length / 2));
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "auto", MEUSE, cut.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().matches("(?s).*" + java.util.regex.Pattern.quote(cut.toString())
                + ":\\d+: file ends after \\d+ of ncols x nrows = 95128 values.*"), r.err());
        assertEquals(0, features(), "the point CSV read before it was not written");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,y,z\n1,2,3\n4,five,6\n");
        CliTest.Result p = CliTest.run("ingest", ws.toString(), "features", bad.toString());
        assertEquals(2, p.code());
        assertTrue(p.err().contains(bad + ":3: y 'five' is not a finite number"), p.err());
        assertEquals(0, features());
    }

    @Test
    void aWorkspaceIsNotASource() {
        Path other = dir.resolve("other.gpkg");
        assertEquals(0, CliTest.run("init", other.toString(), "--crs", "EPSG:3857").code());
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "auto", other.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(other + ": a GeoAssure workspace, not a source file"), r.err());
        assertEquals(0, features());
    }

    /**
     * The other kinds through auto with their own options: a station list, then a USGS readings file for it (the
     * Choptank series, 4383 daily values as SeriesCliTest counts them), then a LAS log onto a hole.
     */
    @Test
    void stationsReadingsAndLasGoToTheirKinds() throws Exception {
        Path wgs = dir.resolve("wgs.gpkg");
        assertEquals(0, CliTest.run("init", wgs.toString(), "--crs", "EPSG:4326").code());
        Path st = Files.writeString(dir.resolve("stations.csv"), "id,name,kind,x,y,z,unit,watches\n"
                + "CHOP,Choptank River near Greensboro MD,discharge,-75.7858056,38.99719444,,m3/s,\n");
        String series = RES.resolve("timeseries/usgs_ChoptankRiverFlow_01491000_dv_m3s.txt").toString();
        CliTest.Result r = CliTest.run("ingest", wgs.toString(), "auto", st.toString(), series, "--station", "CHOP",
                "--unit", "m3/s");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(st + ": station CSV (columns id, name, kind, x, y, z, unit, watches) -> ingest "
                + "stations"), r.out());
        assertTrue(r.out().contains(series + ": readings CSV (columns date, Qdaily) -> ingest readings"), r.out());
        assertTrue(r.out().contains("4383 new, 0 corrected, 0 unchanged readings of 1 series"), r.out());
        Path collar = Files.writeString(dir.resolve("collar.csv"), "hole_id,x,y,z\nDH1,-75.8,39.0,10\n");
        assertEquals(0, CliTest.run("ingest", wgs.toString(), "drillholes", "--collar", collar.toString()).code());
        String las = RES.resolve("las/lasio_2.0_sample_2.0.las").toString();
        CliTest.Result l = CliTest.run("ingest", wgs.toString(), "auto", las, "--hole", "DH1");
        assertEquals(0, l.code(), l.err());
        assertTrue(l.out().contains(las + ": LAS (first section ~VERSION) -> ingest las"), l.out());
        assertTrue(l.out().contains("1 new, 0 replaced, 0 unchanged logs"), l.out());
    }

    /** A Voxet and an OMF 2 file told by content: the Voxet (small.vo, 3 properties) and the pyramid's 2 features. */
    @Test
    void volumesAndOmfGoToTheirKinds() {
        Path local = dir.resolve("local.gpkg");
        assertEquals(0, CliTest.run("init", local.toString(), "--crs", "EPSG:4547").code());
        String vo = RES.resolve("voxet/small.vo").toString();
        String omf = RES.resolve("omf/omf2_pyramid.omf").toString();
        CliTest.Result r = CliTest.run("ingest", local.toString(), "auto", vo, omf);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(vo + ": GOCAD Voxet (first line \"GOCAD Voxet ...\") -> ingest voxet"), r.out());
        assertTrue(r.out().contains(omf + ": OMF 2 (a zip archive) -> ingest omf"), r.out());
        CliTest.Result info = CliTest.run("info", local.toString());
        assertTrue(info.out().contains("block model"), info.out());
        CliTest.Result n = CliTest.run("query", local.toString(), "--sql", "SELECT count(*) AS n FROM features");
        assertEquals("2", n.lines().get(1).strip(), "Pyramid surface and Pyramid outline");
    }

    /** A bad geometry in the last table: exit 2 naming table and fid, and the good tables before it are not written. */
    @Test
    void aBadGeoPackageGeometryLeavesTheWorkspaceAsItWas() throws Exception {
        Path copy = Files.copy(Path.of(GPKG), dir.resolve("damaged.gpkg"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy);
                java.sql.Statement s = c.createStatement()) {
            java.util.List<String> triggers = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            for (String t : triggers) {
                s.execute("DROP TRIGGER \"" + t + "\"");
            }
            s.execute("UPDATE cities_3857 SET geom = X'4750000100000000' WHERE fid = 12");
        }
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "auto", copy.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(copy + ": table cities_3857: fid 12: geometry blob of 8 bytes ends in its 8-byte "
                + "header"), r.err());
        assertEquals(0, features(), "traces, cities and oceania were read but not written");
    }

    /** {@code roads.*} on a shell: the Shapefile is ingested once, its side files are named as read with it. */
    @Test
    void shapefileSideFilesAreReadWithTheirShp() {
        String base = RES.resolve("shapefile/naturalearth_cities").toString();
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "auto", base + ".cpg", base + ".dbf", base + ".prj",
                base + ".shp", base + ".shx");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(base + ".dbf: side file of naturalearth_cities.shp (read with it)"), r.out());
        assertTrue(r.out().contains(base + ".shp: Shapefile (file code 9994) -> ingest features"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("ingest #")).count(), r.out());
        assertEquals(243, features());
    }
}
