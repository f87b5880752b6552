package org.geoassure.ingest.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * .prj text to an EPSG code only where obvious. The ESRI WKTs are what GDAL 3.6.2 writes for the codes
 * ({@code gdalsrsinfo -o wkt_esri EPSG:n}): e.g. EPSG:4527 is {@code CGCS2000_3_Degree_GK_Zone_39} with
 * Central_Meridian 117 and False_Easting 39500000, EPSG:4549 {@code CGCS2000_3_Degree_GK_CM_120E}.
 */
class ShapefilePrjTest {
    /** gdalsrsinfo -o wkt_esri EPSG:4527, on one line. */
    static final String ZONE_39 = "PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\","
            + "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],"
            + "PARAMETER[\"False_Easting\",39500000.0],PARAMETER[\"False_Northing\",0.0],"
            + "PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    private static String gk(String name, double falseEasting, double centralMeridian) {
        return ZONE_39.replace("CGCS2000_3_Degree_GK_Zone_39", name)
                .replace("39500000.0", Double.toString(falseEasting))
                .replace("117.0]", centralMeridian + "]");
    }

    @ParameterizedTest
    @CsvSource({
        "CGCS2000_3_Degree_GK_Zone_25, 25500000, 75, 4513",
        "CGCS2000_3_Degree_GK_Zone_39, 39500000, 117, 4527",
        "CGCS2000_3_Degree_GK_Zone_45, 45500000, 135, 4533",
        "CGCS2000_3_Degree_GK_CM_75E, 500000, 75, 4534",
        "CGCS2000_3_Degree_GK_CM_120E, 500000, 120, 4549",
        "CGCS2000_3_Degree_GK_CM_135E, 500000, 135, 4554",
        "CGCS2000_3_Degree_GK_Zone_39, 500000, 117, 0",
        "CGCS2000_3_Degree_GK_CM_120E, 500000, 117, 0"})
    void cgcs2000GaussKruger(String name, double falseEasting, double centralMeridian, int epsg) {
        assertEquals(epsg, ShapefileReader.epsg(gk(name, falseEasting, centralMeridian)));
    }

    @Test
    void geographicUtmAndAuthority() {
        // gdalsrsinfo -o wkt_esri EPSG:4490, EPSG:4326 and EPSG:32650 (shortened to what identifies them)
        assertEquals(4490, ShapefileReader.epsg("GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",    DATUM["
                + "\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]"));
        assertEquals(4326, ShapefileReader.epsg("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
                + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"));
        assertEquals(32650, ShapefileReader.epsg("PROJCS[\"WGS_1984_UTM_Zone_50N\",GEOGCS[\"GCS_WGS_1984\",DATUM["
                + "\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT["
                + "\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\","
                + "500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",117.0],PARAMETER["
                + "\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"));
        assertEquals(2385, ShapefileReader.epsg("PROJCS[\"Xian 1980 / 3-degree Gauss-Kruger CM 120E\",GEOGCS[\"Xian "
                + "1980\",AUTHORITY[\"EPSG\",\"4610\"]],AUTHORITY[\"EPSG\",\"2385\"]]"));
        assertEquals(0, ShapefileReader.epsg("PROJCS[\"Mine_Local_Grid\",GEOGCS[\"GCS_Beijing_1954\"]]"));
    }

    @TempDir
    Path dir;

    @Test
    void prjTextKeptWithCode() throws IOException {
        Path shp = new ShpBuilder(1).field("n", 'N', 3, 0).shape(new double[][][] {{{39_500_000, 4_000_000}}}, "1")
                .write(dir, "gk", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("gk.prj"), ZONE_39);
        FeatureFile f = ShapefileReader.read(shp, FeatureOptions.defaults());
        assertEquals(4527, f.crs().epsg());
        assertEquals(ZONE_39, f.crs().text());
        assertEquals("EPSG:4527", f.crs().label());
    }
}
