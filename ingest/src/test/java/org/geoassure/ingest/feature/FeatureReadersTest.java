package org.geoassure.ingest.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.geoassure.geodb.UnsupportedFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The format is told by content, not by extension: each sample is also tried renamed to ".dat". */
class FeatureReadersTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(FeatureReadersTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " missing", e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "gocad/auscope_tsTest.ts, GOCAD, 1",
        "gocad/auscope_gpTest.gp, GOCAD, 6",
        "shapefile/naturalearth_cities.shp, SHAPEFILE, 243",
        "shapefile/naturalearth_cities.dbf, SHAPEFILE, 243",
        "geojson/usgs_nldi_features_by_comid.geojson, GEOJSON, 45",
        "dxf/sic97_borders.dxf, DXF, 4",
        "dxf/pygslib_section_S_0.dxf, DXF, 9",
        "asciigrid/sic97_demstd.asc, ASCII_GRID, 1",
        "points/meuse.csv, CSV_POINTS, 155"})
    void detectsAndReads(String name, FeatureFormat format, int features) throws IOException {
        Path f = resource(name);
        assertEquals(format, FeatureReaders.detect(f));
        FeatureFile r = FeatureReaders.read(f, FeatureOptions.defaults());
        assertEquals(format, r.format());
        assertEquals(features, r.features().size());
        if (format != FeatureFormat.SHAPEFILE) {
            Path renamed = Files.copy(f, dir.resolve("renamed.dat"), StandardCopyOption.REPLACE_EXISTING);
            assertEquals(format, FeatureReaders.detect(renamed));
            assertEquals(features, FeatureReaders.read(renamed, FeatureOptions.defaults()).features().size());
        }
    }

    @Test
    void unknownContentIsUnsupported() throws IOException {
        Path f = Files.writeString(dir.resolve("x.csv"), "a,b,c\n1,2,3\n");
        String m = assertThrows(UnsupportedFormatException.class,
                () -> FeatureReaders.read(f, FeatureOptions.defaults())).getMessage();
        assertEquals(f + ": not a GOCAD, Shapefile, GeoJSON, DXF, GeoPackage, ESRI ASCII grid or point CSV file: a file "
                + "beginning \"a,b,c.1,2,3.\""
                + " (extension .csv)", m);
        Path e = Files.write(dir.resolve("empty.dxf"), new byte[0]);
        assertTrue(assertThrows(UnsupportedFormatException.class, () -> FeatureReaders.detect(e)).getMessage()
                .contains("an empty file"));
    }

    @Test
    void dbfWithoutShp() throws IOException {
        Path f = Files.copy(resource("shapefile/naturalearth_cities.dbf"), dir.resolve("lonely.dbf"));
        assertThrows(UnsupportedFormatException.class, () -> FeatureReaders.read(f, FeatureOptions.defaults()));
    }
}
