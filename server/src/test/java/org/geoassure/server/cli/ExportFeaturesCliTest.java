package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.model.Feature;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.geojson.GeoJsonReader;
import org.geoassure.ingest.geopackage.GeoPackageReader;
import org.geoassure.ingest.gocad.GocadReader;
import org.geoassure.ingest.las.LasFile;
import org.geoassure.ingest.las.LasOptions;
import org.geoassure.ingest.las.LasReader;
import org.geoassure.ingest.points.PointCsvOptions;
import org.geoassure.ingest.points.PointCsvReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export WS features --format geojson|csv|tsurf} and {@code export WS logs --format las} end to end: what is
 * exported reads back, with our readers, as what was ingested from the test files (ingest/src/test/resources).
 */
class ExportFeaturesCliTest {
    static final Path RES = Path.of("../ingest/src/test/resources");
    static final Path GPKG = RES.resolve("geopackage/sample.gpkg");

    @TempDir
    Path dir;

    Path ws;

    @BeforeEach
    void workspace() {
        ws = dir.resolve("wgs.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4326").code());
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "features", GPKG.toString(), "--layer",
                "traces,cities");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void geoJsonOfALayerReadsBackAsTheGeoPackageTable() {
        Path out = dir.resolve("traces.geojson");
        CliTest.Result r = CliTest.run("export", ws.toString(), "features", "--layer", "traces", "--format", "geojson",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        FeatureFile back = GeoJsonReader.read(out, FeatureOptions.defaults());
        assertEquals(4326, back.crs().epsg());
        List<Feature> in = GeoPackageReader.read(GPKG, List.of("traces"), FeatureOptions.defaults()).get(0).file()
                .features();
        assertEquals(in.size(), back.features().size());
        for (int i = 0; i < in.size(); i++) {
            Feature a = in.get(i);
            Feature b = back.features().stream().filter(f -> f.id().equals(a.id())).findFirst().orElseThrow();
            assertEquals(a.name(), b.name());
            assertArrayEquals(a.geometry().getCoordinates(), b.geometry().getCoordinates());
            assertEquals(a.geometry().getCoordinates()[0].getZ(), b.geometry().getCoordinates()[0].getZ());
        }
    }

    @Test
    void csvOfPointsAndItsRefusalForLines() {
        Path out = dir.resolve("cities.csv");
        CliTest.Result r = CliTest.run("export", ws.toString(), "features", "--layer", "cities", "--format", "csv",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        FeatureFile back = PointCsvReader.read(out, PointCsvOptions.defaults());
        assertEquals(243, back.features().size());
        Feature beijing = back.features().stream().filter(f -> f.name().equals("Beijing")).findFirst().orElseThrow();
        assertEquals("228", beijing.id());
        // ogrinfo -ro sample.gpkg -sql "select ST_AsText(geom) from cities where name='Beijing'": POINT(116.394201 39.90172)
        assertEquals(116.394201, beijing.geometry().getCoordinate().getX(), 5e-7);
        Path lines = dir.resolve("traces.csv");
        CliTest.Result bad = CliTest.run("export", ws.toString(), "features", "--layer", "traces", "--format", "csv",
                "--out", lines.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("is lines: csv holds points only"), bad.err());
        assertFalse(Files.exists(lines), "no partial file");
        CliTest.Result fmt = CliTest.run("export", ws.toString(), "features", "--format", "shp");
        assertEquals(2, fmt.code());
        assertTrue(fmt.err().contains("--format: 'shp' is not one of geojson, csv (points), tsurf (surfaces)"),
                fmt.err());
    }

    @Test
    void tsurfOfAGridSurface() {
        Path merc = dir.resolve("merc.gpkg");
        assertEquals(0, CliTest.run("init", merc.toString(), "--crs", "EPSG:3857").code());
        assertEquals(0, CliTest.run("ingest", merc.toString(), "features",
                RES.resolve("asciigrid/small_center.asc").toString(), "--role", "topography").code());
        Path out = dir.resolve("dem.ts");
        CliTest.Result r = CliTest.run("export", merc.toString(), "features", "--format", "tsurf", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        Feature s = GocadReader.read(out, FeatureOptions.defaults()).features().get(0);
        assertEquals("topography", s.role());
        assertEquals(10, s.mesh().vertexCount());
        assertEquals(8, s.mesh().triangleCount());
        // gdallocationinfo -valonly -geoloc small_center.asc 500010.5 3999040.25 gives 2.5 (vertex 2, id 2 in the file)
        assertEquals(500010.5, s.mesh().coordinate(1, 0));
        assertEquals(2.5, s.mesh().coordinate(1, 2));
    }

    @Test
    void oneLogAsLas() throws Exception {
        Path collar = dir.resolve("collar.csv");
        Files.writeString(collar, "hole_id,x,y,z\nDH1,117,36,300\n");
        assertEquals(0, CliTest.run("ingest", ws.toString(), "drillholes", "--collar", collar.toString()).code());
        Path sample = RES.resolve("las/lasio_2.0_sample_2.0.las");
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "las", sample.toString(), "--hole", "DH1");
        assertEquals(0, in.code(), in.err());
        Path out = dir.resolve("dh1.las");
        CliTest.Result r = CliTest.run("export", ws.toString(), "logs", "--hole", "DH1", "--format", "las", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        LasFile a = LasReader.read(sample, LasOptions.defaults());
        LasFile b = LasReader.read(out, LasOptions.defaults());
        var ta = a.log().orElseThrow();
        var tb = b.log().orElseThrow();
        assertEquals(ta.curves().size(), tb.curves().size());
        for (int k = 0; k < ta.curves().size(); k++) {
            assertEquals(ta.curves().get(k).mnemonic(), tb.curves().get(k).mnemonic());
            assertArrayEquals(ta.curves().get(k).toArray(), tb.curves().get(k).toArray(), ta.curves().get(k)
                    .mnemonic());
        }
        assertEquals("DH1", b.item(org.geoassure.ingest.las.SectionKind.WELL, "UWI").orElseThrow().value());
        CliTest.Result two = CliTest.run("export", ws.toString(), "logs", "--format", "las", "--log", "nothing");
        assertEquals(2, two.code());
        assertTrue(two.err().contains("a LAS file holds one log, 0 are selected"), two.err());
    }
}
