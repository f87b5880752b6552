package org.geoassure.geodb.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values: ../shared TOOLCHAIN.md section 1.3, proj4j 1.4.1, the same as PostGIS, Apache SIS and GeoTools. */
class CrsTest {

    @ParameterizedTest
    @CsvSource({
        // from, to, x, y, expected x, expected y, tolerance
        "EPSG:4527, EPSG:4326, 39500000, 4000000, 117.0, 36.13029292, 1e-8",
        "EPSG:4547, EPSG:4326, 500000, 4000000, 114.0, 36.13029292, 1e-8",
        "EPSG:4326, EPSG:4527, 117, 36, 39500000.0, 3985542.670, 1e-3",
        "EPSG:4490, EPSG:4326, 117.5, 36.5, 117.5, 36.5, 1e-12"})
    void transformsLikePostGis(String from, String to, double x, double y, double ex, double ey, double tol) {
        double[] xy = {x, y};
        Crs.forCode(from).transformTo(Crs.forCode(to), xy, 1);
        assertEquals(ex, xy[0], tol);
        assertEquals(ey, xy[1], tol);
    }

    @Test
    void canonicalCodeAndKind() {
        Crs gk = Crs.forCode(" epsg:4529 ");
        assertEquals("EPSG:4529", gk.code());
        assertFalse(gk.isGeographic());
        assertTrue(Crs.forCode("EPSG:4490").isGeographic());
        assertTrue(gk.proj4().contains("+proj=tmerc"), gk.proj4());
    }

    @ParameterizedTest
    @CsvSource({"WGS84, not of the form", "EPSG:999999, unknown", "4326, not of the form"})
    void badCodesAreBadInput(String code, String fragment) {
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> Crs.forCode(code));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        // latitude beyond the pole, and a longitude on the far side of the globe from zone 39's meridian (117 E)
        "117, 95, not a longitude",
        "-117, 36, outside the domain"})
    void pointsOutsideTheDomainAreRefused(double lon, double lat, String fragment) {
        double[] xy = {lon, lat};
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> Crs.forCode("EPSG:4326").transformTo(Crs.forCode("EPSG:4527"), xy, 1));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
