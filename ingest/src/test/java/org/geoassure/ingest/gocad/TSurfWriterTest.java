package org.geoassure.ingest.gocad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.ingest.asciigrid.AsciiGridReader;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TSurfs written by {@link TSurfWriter} read back by {@link GocadReader} with the same meshes (coordinates, triangles
 * and vertex properties, exactly; NaN properties through NO_DATA_VALUES), names and roles: a CFM fault, the AuScope
 * surface with five properties (read from {@code ZPOSITIVE Depth}, written as elevation) and the SIC97 DEM grid.
 * GDAL has no GOCAD driver, so there is no independent reader installed here.
 */
class TSurfWriterTest {
    @TempDir
    Path dir;

    @Test
    void roundTrip() throws IOException {
        List<Feature> in = new ArrayList<>();
        for (String s : new String[] {"cfm7_SAFS-SAFZ-CRRZ-San_Andreas_fault-CFM6_native.ts", "auscope_tsTest.ts",
            "auscope_otway_test.ts"}) {
            in.addAll(GocadReader.read(GocadSamples.file(s), FeatureOptions.defaults()).features());
        }
        Path asc = Path.of(GocadSamples.file("auscope_tsTest.ts").getParent().getParent().resolve("asciigrid")
                .resolve("sic97_demstd.asc").toString());
        in.addAll(AsciiGridReader.read(asc, FeatureOptions.defaults()).features());
        Path f = dir.resolve("out.ts");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.ISO_8859_1)) {
            TSurfWriter.write(in, w);
        }
        FeatureFile back = GocadReader.read(f, FeatureOptions.defaults());
        assertEquals(in.size(), back.features().size());
        for (int i = 0; i < in.size(); i++) {
            Feature a = in.get(i);
            Feature b = back.features().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.role(), b.role());
            assertEquals(a.mesh(), b.mesh(), a.name());
        }
        assertEquals(5, back.features().get(1).mesh().vertexProperties().size());
        assertEquals(95128, back.features().get(3).mesh().vertexCount());
    }

    @Test
    void onlySurfacesAndSolids() {
        List<Feature> pl = GocadReader.read(GocadSamples.file("auscope_plTest.pl"), FeatureOptions.defaults())
                .features();
        String m = assertThrows(InvalidContentException.class, () -> TSurfWriter.write(pl, new StringWriter()))
                .getMessage();
        assertTrue(m.endsWith("is lines: a GOCAD TSurf holds surfaces and solids only"), m);
    }
}
