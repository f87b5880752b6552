package org.geoassure.ingest.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.Ogrinfo;
import org.geoassure.ingest.gocad.GocadReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Meuse points written by {@link PointCsvWriter}: {@link PointCsvReader} reads back the same ids, coordinates and
 * attributes (exactly); GDAL's ogrinfo reads the file as 155 3D points with the first at (181072 333611 7.909).
 */
class PointCsvWriterTest {
    @TempDir
    Path dir;

    private Path meuseWritten() throws IOException {
        FeatureFile in = PointCsvReader.read(PointCsvReaderTest.resource("points/meuse.csv"), PointCsvOptions.defaults());
        Path f = dir.resolve("out.csv");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            PointCsvWriter.write(in.features(), w);
        }
        return f;
    }

    @Test
    void roundTripThroughOurReader() throws IOException {
        List<Feature> in = PointCsvReader.read(PointCsvReaderTest.resource("points/meuse.csv"),
                PointCsvOptions.defaults()).features();
        FeatureFile back = PointCsvReader.read(meuseWritten(), PointCsvOptions.defaults());
        assertEquals(in.size(), back.features().size());
        for (int i = 0; i < in.size(); i++) {
            Feature a = in.get(i);
            Feature b = back.features().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.geometry().getCoordinate(), b.geometry().getCoordinate());
            assertEquals(a.geometry().getCoordinate().getZ(), b.geometry().getCoordinate().getZ(), 0);
            java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>();
            expected.put("role", null);
            expected.putAll(a.attributes());
            java.util.Map<String, Object> got = new java.util.LinkedHashMap<>(b.attributes());
            got.remove("name");
            assertEquals(expected, got, a.id());
        }
    }

    /** {@code ogrinfo -ro -al out.csv -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -oo Z_POSSIBLE_NAMES=z}. */
    @Test
    void ogrinfoReadsTheSamePoints() throws Exception {
        Path f = meuseWritten();
        String[] oo = {"-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-oo", "Z_POSSIBLE_NAMES=z"};
        List<Ogrinfo.OgrFeature> ogr = Ogrinfo.features(f, oo);
        assertEquals(155, ogr.size());
        assertEquals("POINT Z (181072 333611 7.909)", ogr.get(0).wkt());
        assertEquals("POINT Z (180627 330190 8.261)", ogr.get(154).wkt());
        assertEquals("Ah", ogr.get(0).fields().get("landuse"));
        assertEquals("11.7", ogr.get(0).fields().get("cadmium"));
    }

    @Test
    void onlyPoints() throws Exception {
        var surface = GocadReader.read(PointCsvReaderTest.resource("gocad/auscope_otway_test.ts"),
                org.geoassure.ingest.feature.FeatureOptions.defaults()).features();
        String m = assertThrows(InvalidContentException.class, () -> PointCsvWriter.write(surface,
                new StringWriter())).getMessage();
        assertTrue(m.endsWith("is surface: csv holds points only (use geojson, or tsurf for surfaces)"), m);
    }
}
