package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.SurveyStation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Length units, dip conventions, reprojection, dates and options. */
class UnitsAndCrsTest {
    private static final Crs LOCAL = Crs.forCode("EPSG:3857");

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void feetToMetresExactly() throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z,TD\nH1,2296021.09,414095.85,1590,3000.5\n");
        Path s = file("s.csv", "HOLEID,AT,AZ,DIP\nH1,0,327,60\nH1,453,327,60\n");
        Path a = file("a.csv", "HOLEID,FROM,TO,CU\nH1,2515,2517.4,0.03\n");
        DrillholeOptions opt = DrillholeOptions.builder(LOCAL).units(LengthUnit.FOOT)
                .dipConvention(DipConvention.POSITIVE_DOWN).build();
        HoleData h = DrillholeReader.read(c, s, Map.of("assay", a), opt, null).batch().holes().get(0);
        Collar collar = h.collar();
        assertEquals(2296021.09, collar.x());
        assertEquals(414095.85, collar.y());
        assertEquals(1590 * 0.3048, collar.z(), 0.0);
        assertEquals(484.632, collar.z(), 1e-12);
        assertEquals(3000.5 * 0.3048, collar.totalDepth(), 0.0);
        assertEquals(new SurveyStation(453 * 0.3048, 327, -60), h.survey().get(1));
        IntervalRow row = h.intervals().get("assay").get(0);
        assertEquals(2515 * 0.3048, row.from(), 0.0);
        assertEquals(2517.4 * 0.3048, row.to(), 0.0);
        assertEquals(List.of(0.03), row.values()); // attributes are not lengths
        assertEquals(0.3048, LengthUnit.FOOT.toMetres(1), 0.0);
        assertEquals(LengthUnit.FOOT, LengthUnit.parse("feet"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "NEGATIVE_DOWN, -60, -60",
        "NEGATIVE_DOWN, -90, -90",
        "NEGATIVE_DOWN, 10, 10",
        "POSITIVE_DOWN, 60, -60",
        "POSITIVE_DOWN, 90, -90",
        "POSITIVE_DOWN, -10, 10",
        "POSITIVE_DOWN, 0, 0",
        "INCLINATION, 0, -90",
        "INCLINATION, 30, -60",
        "INCLINATION, 90, 0",
        "INCLINATION, 180, 90",
    })
    void dipConventions(DipConvention convention, double input, double stored) throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z,AZIMUTH,DIP\nH1,0,0,0,45," + input + "\n");
        Path s = file("s.csv", "HOLEID,DEPTH,AZIMUTH,DIP\nH1,0,45," + input + "\n");
        HoleData h = DrillholeReader.read(c, s, Map.of(), DrillholeOptions.defaults(LOCAL).withDipConvention(convention),
                null).batch().holes().get(0);
        assertEquals(stored, h.survey().get(0).dip(), 0.0);
        assertEquals(stored, h.collar().dip(), 0.0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        NEGATIVE_DOWN | 91  | dip 91 is outside [-90, 90] (negative-down) for hole 'H1'
        POSITIVE_DOWN | -95 | dip -95 is outside [-90, 90] (positive-down) for hole 'H1'
        INCLINATION   | -5  | dip -5 is outside [0, 180] (inclination) for hole 'H1'
        INCLINATION   | 181 | dip 181 is outside [0, 180] (inclination) for hole 'H1'
        """)
    void dipOutsideTheConventionsRange(DipConvention convention, String input, String reason) throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z\nH1,0,0,0\n");
        Path s = file("s.csv", "HOLEID,DEPTH,AZIMUTH,DIP\nH1,0,45," + input + "\n");
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class, () -> DrillholeReader.read(c,
                s, Map.of(), DrillholeOptions.defaults(LOCAL).withDipConvention(convention), null));
        assertEquals(s + ":2: " + reason, e.getMessage());
    }

    @Test
    void azimuth360IsNorth() throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z\nH1,0,0,0\n");
        Path s = file("s.csv", "HOLEID,DEPTH,AZIMUTH,DIP\nH1,0,360,-60\nH1,10,0,-60\n");
        List<SurveyStation> st = DrillholeReader.read(c, s, Map.of(), DrillholeOptions.defaults(LOCAL), null).batch()
                .holes().get(0).survey();
        assertEquals(List.of(new SurveyStation(0, 0, -60), new SurveyStation(10, 0, -60)), st);
    }

    @Test
    void reprojectsGeographicCollarsToTheWorkspaceCrs() throws IOException {
        // lon 117, lat 36 in WGS 84 -> CGCS2000 / 3-degree Gauss-Kruger zone 39 (reference: proj4j, as PostGIS)
        Path c = file("c.csv", "HOLEID,LONGITUDE,LATITUDE,ELEVATION\nZK01,117,36,1200\n");
        ColumnMapping m = ColumnMapping.parse("collar.x = Longitude\ncollar.y = Latitude\n", "lonlat.mapping");
        DrillholeOptions opt = DrillholeOptions.builder(Crs.forCode("EPSG:4527")).sourceCrs(Crs.forCode("EPSG:4326"))
                .mapping(m).build();
        ReadResult r = DrillholeReader.read(c, null, Map.of(), opt, null);
        Collar collar = r.batch().holes().get(0).collar();
        assertEquals(39500000.0, collar.x(), 0.01);
        assertEquals(3985542.670, collar.y(), 0.01);
        assertEquals(1200.0, collar.z());
        assertEquals("EPSG:4326", r.batch().provenance().parameters().get("crs_source"));
        assertEquals("EPSG:4527", r.batch().provenance().parameters().get("crs_target"));
    }

    @Test
    void sameCrsIsNotTransformed() throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z\nH1,494930.29229304614,6803192.043577289,1\n");
        Crs mga = Crs.forCode("EPSG:28350");
        Collar collar = DrillholeReader.read(c, null, Map.of(), DrillholeOptions.defaults(mga).withSourceCrs(mga), null)
                .batch().holes().get(0).collar();
        assertEquals(494930.29229304614, collar.x(), 0.0);
        assertEquals(6803192.043577289, collar.y(), 0.0);
    }

    @Test
    void untransformableCollarIsAnErrorAtItsLine() throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z\nH1,117,36,1\nH2,117,95,1\n");
        DrillholeOptions opt = DrillholeOptions.builder(Crs.forCode("EPSG:4527")).sourceCrs(Crs.forCode("EPSG:4326"))
                .build();
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> DrillholeReader.read(c, null, Map.of(), opt, null));
        assertEquals(c + ":3: collar x 117, y 95 of hole 'H2' is not a longitude, latitude in EPSG:4326 (x must be in"
                + " [-180, 180], y in [-90, 90])", e.getMessage());
    }

    @Test
    void drillDatesAndValidTime() throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z,DRILL_DATE,START_DATE\nH1,0,0,0,2021-03-04,1999-01-01\n"
                + "H2,0,0,0,2021-03-05T10:15:30Z,\nH3,0,0,0,,\n");
        Instant batchTime = Instant.parse("2020-01-01T00:00:00Z");
        DrillholeOptions opt = DrillholeOptions.builder(LOCAL).validFrom(batchTime).method(DesurveyMethod.TANGENT)
                .build();
        DrillholeBatch b = DrillholeReader.read(c, null, Map.of(), opt, null).batch();
        assertEquals(Instant.parse("2021-03-04T00:00:00Z"), b.holes().get(0).validFrom());
        assertEquals(Instant.parse("2021-03-05T10:15:30Z"), b.holes().get(1).validFrom());
        assertNull(b.holes().get(2).validFrom());
        assertEquals(batchTime, b.validFrom());
        assertEquals(DesurveyMethod.TANGENT, b.method());
        assertEquals("2020-01-01T00:00:00Z", b.provenance().parameters().get("valid_from"));
        assertEquals("tangent", b.provenance().parameters().get("desurvey_method"));
    }

    @Test
    void holeWithoutSurveyUsesCollarOrientation() throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z,AZ,DIP\nH1,0,0,0,360,-60\nH2,0,0,0,,\nH3,0,0,0,10,-80\n");
        Path s = file("s.csv", "HOLEID,DEPTH,AZIMUTH,DIP\nH3,0,10,-80\n");
        ReadResult r = DrillholeReader.read(c, s, Map.of(), DrillholeOptions.defaults(LOCAL), null);
        assertEquals(List.of(c + ":2: hole 'H1' has no survey stations; using its collar orientation (azimuth 360, dip -60)",
                c + ":3: hole 'H2' has no survey stations; assuming a vertical hole"), r.warnings());
        Collar h1 = r.batch().holes().get(0).collar();
        assertEquals(0.0, h1.azimuth());
        assertEquals(-60.0, h1.dip());
        assertEquals(List.of(), r.batch().holes().get(0).survey());
    }

    @Test
    void defaults() {
        DrillholeOptions d = DrillholeOptions.defaults(LOCAL);
        assertEquals(LengthUnit.METRE, d.units());
        assertEquals(DipConvention.NEGATIVE_DOWN, d.dipConvention());
        assertNull(d.sourceCrs());
        assertEquals(LOCAL, d.effectiveSourceCrs());
        assertEquals(ColumnMapping.auto(), d.mapping());
        assertEquals(DesurveyMethod.MINIMUM_CURVATURE, d.method());
        assertNull(d.validFrom());
        assertEquals(DrillholeOptions.OrphanPolicy.ERROR, d.orphans());
        assertEquals(DrillholeOptions.OverlapPolicy.ERROR, d.overlaps());
        assertEquals(DrillholeOptions.DepthPolicy.ERROR, d.beyondTotalDepth());
        assertEquals(System.getProperty("user.name"), d.user());
        assertThrows(NullPointerException.class, () -> DrillholeOptions.defaults(null));
        assertEquals(DipConvention.INCLINATION, DipConvention.parse("Inclination"));
        assertEquals(DipConvention.POSITIVE_DOWN, DipConvention.parse("positive_down"));
    }
}
