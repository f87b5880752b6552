package org.geoassure.geodb.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Crs} (proj4j) against PROJ 9.1.1, to 1 mm: each row is a geographic point projected to a CRS, with the value
 * {@code cs2cs} printed for it. The command for a row {@code FROM, TO, lon, lat} was
 * {@code echo "lat lon" | cs2cs -d 4 EPSG:FROM EPSG:TO} (PROJ follows the EPSG axis order: latitude first for the
 * geographic CRSs; northing first for the CGCS2000 Gauss-Kruger CRSs 4491..4554, easting first for UTM, RD New and Web
 * Mercator; the expected values below are reordered to easting, northing). For example
 * {@code echo "36.2 117.5" | cs2cs -d 4 EPSG:4490 EPSG:4527} printed {@code 4007850.7256 39544967.9125}.
 * Every point is also taken back to its longitude and latitude (to 1e-9 degrees, about 0.1 mm).
 *
 * <p>The source and target of each row share a datum, so no datum shift is involved (proj4j applies no grids; a
 * NAD27 to WGS 84 row would measure grid availability, not projection).
 */
class CrsProjReferenceTest {
    @ParameterizedTest(name = "EPSG:{0} -> EPSG:{1} ({2}, {3})")
    @CsvSource({
        // CGCS2000 3-degree Gauss-Kruger zone 39 (CM 117E), with the zone prefix
        "4490, 4527, 117.5, 36.2, 39544967.9125, 4007850.7256",
        "4490, 4527, 115.9, 35.1, 39399703.2275, 3886240.6943",
        // CGCS2000 3-degree Gauss-Kruger CM 108E, without a zone prefix
        "4490, 4545, 108.9, 34.3, 582854.1256, 3797305.6958",
        // CGCS2000 3-degree Gauss-Kruger zone 25 (CM 75E), with the zone prefix
        "4490, 4513, 75.8, 39.5, 25568811.1671, 4374319.6917",
        // CGCS2000 6-degree Gauss-Kruger zone 13 (CM 75E), with the zone prefix, and the same CM without it
        "4490, 4491, 76.5, 39.5, 13629022.9747, 4375088.5258",
        "4490, 4502, 76.5, 39.5, 629022.9747, 4375088.5258",
        // WGS 84 / UTM zone 50N and 50S
        "4326, 32650, 117.2, 31.8, 518931.9774, 3518284.9638",
        "4326, 32750, 117.5, -31.9, 547279.1255, 6470539.4494",
        // the test data's own CRSs: SCEC CFM (NAD27 / UTM 11N), Meuse (Amersfoort / RD New), Web Mercator
        "4267, 26711, -118.0, 34.2, 407865.3369, 3784588.8102",
        "4289, 28992, 5.74, 50.97, 179748.1581, 331111.0835",
        "4326, 3857, 116.394201, 39.90172, 12956943.1866, 4851670.7589"})
    void agreesWithCs2cs(int from, int to, double lon, double lat, double easting, double northing) {
        Crs geographic = Crs.forCode("EPSG:" + from);
        Crs projected = Crs.forCode("EPSG:" + to);
        double[] xy = {lon, lat};
        geographic.transformTo(projected, xy, 1);
        assertEquals(easting, xy[0], 0.001, "easting");
        assertEquals(northing, xy[1], 0.001, "northing");
        projected.transformTo(geographic, xy, 1);
        assertEquals(lon, xy[0], 1e-9, "longitude back");
        assertEquals(lat, xy[1], 1e-9, "latitude back");
    }

    /**
     * Between neighbouring Gauss-Kruger zones (a mine on a zone edge): {@code echo "3886240.6943 39399703.2275" |
     * cs2cs -d 4 EPSG:4527 EPSG:4526} printed {@code 3887339.1367 38673247.0910} (northing, easting), 1.9 degrees
     * from the CM 114E of zone 38.
     */
    @Test
    void neighbouringZones() {
        double[] xy = {39399703.2275, 3886240.6943};
        Crs.forCode("EPSG:4527").transformTo(Crs.forCode("EPSG:4526"), xy, 1);
        assertEquals(38673247.0910, xy[0], 0.001);
        assertEquals(3887339.1367, xy[1], 0.001);
    }

    /**
     * Far outside a zone, proj4j's transverse Mercator series departs from PROJ's (Poder/Engsager) one: the zone 39
     * point above taken to CM 108E, 9.5 degrees from that meridian, is 5.9 mm east of what {@code echo "4007850.7256
     * 39544967.9125" | cs2cs -d 4 EPSG:4527 EPSG:4545} printed ({@code 4049850.4725 1355571.6669}). This pins the
     * size of that departure (under 1 cm): Gauss-Kruger coordinates belong within their zone (1.5 or 3 degrees).
     */
    @Test
    void farOutsideTheZoneWithinOneCentimetre() {
        double[] xy = {39544967.9125, 4007850.7256};
        Crs.forCode("EPSG:4527").transformTo(Crs.forCode("EPSG:4545"), xy, 1);
        assertEquals(1355571.6669, xy[0], 0.01);
        assertEquals(4049850.4725, xy[1], 0.01);
    }
}
