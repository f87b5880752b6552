package org.geoassure.geodb.query.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.io.WKTReader;

/**
 * {@code ST_3DDistance} with polygons (filled planar surfaces) against PostGIS: the expected values were computed on
 * this machine with PostGIS 3.3.2 (GEOS 3.11.1, SFCGAL 1.4.1, PostgreSQL 15), {@code SELECT ST_3DDistance(a::geometry,
 * b::geometry)} for each pair, on 2026-11-29. The first pair is face 1202 of the demo mine against the old workings
 * OW-1 (rounded coordinates).
 */
class PolygonDistancePostgisTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LINESTRING Z (400 540 -277, 400 720 -286) | POLYGON Z ((150 560 -260, 330 560 -269, 330 700 -270, 150 700 -261, 150 560 -260)) | 70.5747688978684",
        "POINT Z (50 50 10) | POLYGON Z ((0 0 0, 100 0 0, 100 100 0, 0 100 0, 0 0 0), (40 40 0, 60 40 0, 60 60 0, 40 60 0, 40 40 0)) | 14.142135623730951",
        "POINT Z (20 30 10) | POLYGON Z ((0 0 0, 100 0 0, 100 100 0, 0 100 0, 0 0 0), (40 40 0, 60 40 0, 60 60 0, 40 60 0, 40 40 0)) | 10",
        "POLYGON Z ((0 0 0, 10 0 0, 10 10 0, 0 10 0, 0 0 0)) | POLYGON Z ((20 0 5, 30 0 5, 30 10 5, 20 10 5, 20 0 5)) | 11.180339887498949",
        "LINESTRING Z (5 5 -5, 5 5 5) | POLYGON Z ((0 0 0, 10 0 0, 10 10 0, 0 10 0, 0 0 0)) | 0",
    })
    void polygonDistancesAgreeWithPostgis(String a, String b, double expected) throws Exception {
        WKTReader r = new WKTReader();
        assertEquals(expected, SpatialFunctions.st3DDistance(r.read(a), r.read(b)), 1e-9);
        assertEquals(expected, SpatialFunctions.st3DDistance(r.read(b), r.read(a)), 1e-9, "symmetric");
    }
}
