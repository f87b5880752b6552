package org.geoassure.ingest.asciigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.FeatureReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ESRI ASCII grids against GDAL 3.6.2 (asciigrid/SOURCES.md): every figure below is what gdalinfo printed. */
class AsciiGridReaderTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(AsciiGridReaderTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource " + name + " missing", e);
        }
    }

    /**
     * {@code gdalinfo -stats sic97_demstd.asc}: Size 376, 253; Origin (-185556.375, 128262.1515625); Pixel Size
     * (1009.975, -1009.975); Minimum 81, Maximum 4469, Mean 1124.912, StdDev 764.708; NoData -9999.
     * {@code gdallocationinfo -valonly sic97_demstd.asc C R}: (0 0) 354, (100 200) 2035, (200 100) 606, (375 252) 81.
     */
    @Test
    void sic97DemMatchesGdal() {
        Path f = resource("asciigrid/sic97_demstd.asc");
        assertEquals(FeatureFormat.ASCII_GRID, FeatureReaders.detect(f));
        FeatureFile r = FeatureReaders.read(f, FeatureOptions.defaults());
        assertEquals(1, r.features().size());
        Feature s = r.features().get(0);
        assertEquals(FeatureKind.SURFACE, s.kind());
        assertEquals("sic97_demstd", s.id());
        Mesh m = s.mesh();
        assertEquals(376 * 253, m.vertexCount());
        assertEquals(2 * 375 * 252, m.triangleCount());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sq = 0;
        for (int v = 0; v < m.vertexCount(); v++) {
            double z = m.coordinate(v, 2);
            min = Math.min(min, z);
            max = Math.max(max, z);
            sum += z;
            sq += z * z;
        }
        int n = m.vertexCount();
        double mean = sum / n;
        assertEquals(81, min);
        assertEquals(4469, max);
        assertEquals(1124.912, mean, 0.0005);
        assertEquals(764.708, Math.sqrt(sq / n - mean * mean), 0.0005);
        double x0 = -185556.375;
        double top = 128262.1515625;
        double d = 1009.975;
        assertVertex(m, 0, x0 + 0.5 * d, top - 0.5 * d, 354);
        assertVertex(m, 200 * 376 + 100, x0 + 100.5 * d, top - 200.5 * d, 2035);
        assertVertex(m, 100 * 376 + 200, x0 + 200.5 * d, top - 100.5 * d, 606);
        assertVertex(m, 252 * 376 + 375, x0 + 375.5 * d, top - 252.5 * d, 81);
        // Lower Left corner (-185556.375, -127261.523): the lowest centre is half a cell above it
        assertEquals(-127261.5234375 + 0.5 * d, m.bounds()[1], 1e-6);
        assertEquals(376L, s.attributes().get("ncols"));
        assertEquals(0L, s.attributes().get("nodata_cells"));
        assertTrue(r.statedCrs().isEmpty());
        // every triangle counter-clockwise seen from above
        for (int t = 0; t < m.triangleCount(); t++) {
            assertTrue(area2(m, t) > 0, "triangle " + t);
        }
    }

    /**
     * {@code gdalinfo -stats small_center.asc}: Origin (499995.5, 3999050.25), Pixel Size (10, -20), Minimum 1.5,
     * Maximum 12.5, Mean 7.000, NoData -1; {@code gdallocationinfo -valonly -geoloc small_center.asc 500010.5
     * 3999040.25} gives 2.5.
     */
    @Test
    void centreRegisteredGridWithDxDyAndNodata() {
        FeatureFile r = AsciiGridReader.read(resource("asciigrid/small_center.asc"), FeatureOptions.defaults());
        Mesh m = r.features().get(0).mesh();
        assertEquals(10, m.vertexCount(), "12 cells, 2 NODATA");
        // 2x2 blocks: 2 full (two triangles each), 4 with one NODATA corner (one each)
        assertEquals(8, m.triangleCount());
        assertVertex(m, 1, 500010.5, 3999040.25, 2.5);
        assertVertex(m, 0, 500000.5, 3999040.25, 1.5);
        assertVertex(m, 9, 500030.5, 3999000.25, 12.5);
        double sum = 0;
        for (int v = 0; v < 10; v++) {
            sum += m.coordinate(v, 2);
        }
        assertEquals(7.0, sum / 10, 1e-12);
        assertEquals(2L, r.features().get(0).attributes().get("nodata_cells"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("2 NODATA cells left out")), r.warnings().toString());
        for (int t = 0; t < m.triangleCount(); t++) {
            assertTrue(area2(m, t) > 0, "triangle " + t);
        }
    }

    private static double area2(Mesh m, int t) {
        int a = m.corner(t, 0);
        int b = m.corner(t, 1);
        int c = m.corner(t, 2);
        return (m.coordinate(b, 0) - m.coordinate(a, 0)) * (m.coordinate(c, 1) - m.coordinate(a, 1))
                - (m.coordinate(c, 0) - m.coordinate(a, 0)) * (m.coordinate(b, 1) - m.coordinate(a, 1));
    }

    private static void assertVertex(Mesh m, int v, double x, double y, double z) {
        assertEquals(x, m.coordinate(v, 0), 1e-6, "x of vertex " + v);
        assertEquals(y, m.coordinate(v, 1), 1e-6, "y of vertex " + v);
        assertEquals(z, m.coordinate(v, 2), 0, "z of vertex " + v);
    }

    static final String HEAD = "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\n1 2\\n3 x\\n| 7: value 'x' (row 2, column 2) is not a number",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\n1 2\\n3\\n| 7: file ends after 3 of ncols x nrows = 4 values",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\n1 2\\n3 4\\n\\n5\\n| 9: more values than ncols x nrows = 4",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\n1 2\\n3 4\\n| 5: header has no cellsize (nor dx and dy)",
        "ncols 0\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\n1 2\\n| 1: ncols '0' is not a whole number >= 1",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nxllcenter 0\\nyllcorner 0\\ncellsize 1\\n1 2\\n3 4\\n| 7: header needs one of xllcorner and xllcenter",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize -5\\n1 2\\n3 4\\n| 5: cellsize '-5' is not positive",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\nbyteorder lsbfirst\\n1 2\\n3 4\\n| 6: header key 'byteorder' is not an ESRI ASCII grid key (ncols, nrows, xllcorner/xllcenter, yllcorner/yllcenter, cellsize or dx/dy, nodata_value)",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\nnodata_value -9\\n-9 -9\\n-9 -9\\n| 6: every cell is NODATA (-9.0): no surface",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\n1 2\\n3 1e999\\n| 7: value '1e999' (row 2, column 2) is not finite",
        "ncols 99999\\nnrows 99999\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\n1\\n| 2: ncols x nrows = 9999800001 cells is more than the 268435456 read"})
    void badGridsAreRefusedWithTheirLine(String text, String message) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.asc"), text.replace("\\n", "\n"));
        String m = assertThrows(InvalidContentException.class, () -> FeatureReaders.read(f, FeatureOptions.defaults()))
                .getMessage();
        assertEquals(f + ":" + message.strip(), m);
    }

    /** A .prj beside the grid gives its CRS: the ESRI WKT of CGCS2000 3-degree GK zone 39 is EPSG:4527. */
    @Test
    void prjBesideTheGrid() throws IOException {
        Path asc = Files.copy(resource("asciigrid/small_center.asc"), dir.resolve("dem.asc"));
        assertTrue(AsciiGridReader.read(asc, FeatureOptions.defaults()).statedCrs().isEmpty());
        Files.writeString(dir.resolve("dem.prj"), "PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\",GEOGCS["
                + "\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\","
                + "6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",39500000.0],PARAMETER[\"False_Northing\","
                + "0.0],PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER["
                + "\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        FeatureFile r = AsciiGridReader.read(asc, FeatureOptions.defaults());
        assertEquals(4527, r.crs().epsg());
        assertEquals(2, r.sources().size(), "the .prj is a source too");
    }
}
