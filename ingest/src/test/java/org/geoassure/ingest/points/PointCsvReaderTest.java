package org.geoassure.ingest.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.FeatureReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Point CSVs. The Meuse figures are what GDAL 3.6.2 printed for {@code ogrinfo -ro -al meuse.csv -oo
 * X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -oo Z_POSSIBLE_NAMES=elev -oo AUTODETECT_TYPE=YES}: Feature Count 155,
 * Extent (178605, 329714) - (181390, 333611); feature 1 POINT Z (181072 333611 7.909) cadmium 11.7 copper 85 landuse
 * Ah dist.m 50; feature 155 POINT Z (180627 330190 8.261) cadmium 2.7 landuse W.
 */
class PointCsvReaderTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(PointCsvReaderTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource " + name + " missing", e);
        }
    }

    @Test
    void meuseAsOgrinfoReadsIt() {
        Path f = resource("points/meuse.csv");
        assertEquals(FeatureFormat.CSV_POINTS, FeatureReaders.detect(f));
        FeatureFile r = FeatureReaders.read(f, FeatureOptions.defaults());
        assertEquals(155, r.features().size());
        Envelope e = new Envelope();
        r.features().forEach(p -> e.expandToInclude(p.geometry().getEnvelopeInternal()));
        assertEquals(new Envelope(178605, 181390, 329714, 333611), e);
        Feature first = r.features().get(0);
        assertEquals(FeatureKind.POINTS, first.kind());
        assertEquals("line 2", first.id(), "no id column: the line number");
        assertEquals(new Coordinate(181072, 333611, 7.909), first.geometry().getCoordinate());
        assertEquals(7.909, first.geometry().getCoordinate().getZ(), 0, "elev is taken as z");
        assertEquals(11.7, first.attributes().get("cadmium"));
        assertEquals(85L, first.attributes().get("copper"));
        assertEquals("Ah", first.attributes().get("landuse"));
        assertEquals(50L, first.attributes().get("dist.m"));
        assertEquals(11, first.attributes().size(), "14 columns less x, y and z");
        Feature last = r.features().get(154);
        assertEquals(180627, last.geometry().getCoordinate().getX());
        assertEquals(8.261, last.geometry().getCoordinate().getZ());
        assertEquals(2.7, last.attributes().get("cadmium"));
        assertEquals("W", last.attributes().get("landuse"));
    }

    @Test
    void mappedColumnsSemicolonsIdsAndCodes() throws IOException {
        Path f = Files.writeString(dir.resolve("pts.txt"), "\uFEFFPt;E;N;RL;code;note\nA1;500000,5;3999000;-12.5;007;"
                + "\"x;y\"\nA2;500010;3999010;;12;\n");
        FeatureFile r = PointCsvReader.read(f, PointCsvOptions.defaults().withColumns("E", "N", "RL").withId("Pt"));
        assertEquals(2, r.features().size());
        Feature a1 = r.features().get(0);
        assertEquals("A1", a1.id());
        assertEquals("007", a1.attributes().get("code"), "a code with a leading zero stays text");
        assertEquals("x;y", a1.attributes().get("note"));
        Feature a2 = r.features().get(1);
        assertEquals(500000.5, a1.geometry().getCoordinate().getX(), 0, "decimal comma with semicolons");
        assertEquals(12L, a2.attributes().get("code"));
        assertTrue(Double.isNaN(a2.geometry().getCoordinate().getZ()), "an empty z is unknown (NaN), never 0");
        assertEquals(null, a2.attributes().get("note"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x,y,z\\n1,2,3\\n4,abc,6\\n| 3: y 'abc' is not a finite number",
        "x,y,z\\n1,2,3\\n,5,6\\n| 3: x is empty",
        "id,x,y\\nP,1,2\\nP,3,4\\n| 3: id 'P' repeats an earlier point's id",
        "x,y\\n1,2\\n1,2,3\\n| 3: 3 fields, the header has 2",
        "x,y\\n\"1,2\\n| 2: unterminated quoted field (the quote opened on line 2 is never closed)",
        "x,y,z\\n| 1: no points after the header"})
    void badRowsAreRefusedWithTheirLine(String text, String message) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.csv"), text.replace("\\n", "\n"));
        String m = assertThrows(InvalidContentException.class, () -> PointCsvReader.read(f,
                PointCsvOptions.defaults())).getMessage();
        assertEquals(f + ":" + message.strip(), m);
    }

    @Test
    void missingColumnsAreNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("c.csv"), "a,b\n1,2\n");
        String m = assertThrows(InvalidContentException.class, () -> PointCsvReader.read(f,
                PointCsvOptions.defaults())).getMessage();
        assertEquals(f + ":1: no x and y columns found (columns: a, b); name them with --xyz X,Y,Z", m);
        String m2 = assertThrows(InvalidContentException.class, () -> PointCsvReader.read(f,
                PointCsvOptions.defaults().withColumns("a", "b", "rl"))).getMessage();
        assertEquals(f + ":1: no column 'rl' (columns: a, b)", m2);
    }
}
