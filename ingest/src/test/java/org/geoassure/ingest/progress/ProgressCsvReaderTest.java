package org.geoassure.ingest.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.store.FeatureStore.FeatureWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress CSV reader on the hand-written layout in src/test/resources/progress (see SOURCES.md there). */
class ProgressCsvReaderTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/progress/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("bad.csv"), text);
    }

    @Test
    void rowsBecomeDatedWritesInIdAndDateOrder() throws IOException {
        ProgressCsvReader.Result r = ProgressCsvReader.read(resource("progress.csv"), "face");
        assertEquals(5, r.source().rows());
        assertEquals(List.of("F1201", "F1201", "G1101", "OW-1", "R1201"),
                r.writes().stream().map(w -> w.feature().id()).toList());
        FeatureWrite jan = r.writes().get(0);
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), jan.validFrom());
        assertEquals("LINESTRING Z(0 0 -300, 0 150 -302)".replace("Z(", "Z ("),
                new org.locationtech.jts.io.WKTWriter(3).write(jan.feature().geometry()).replace("Z(", "Z ("));
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), r.writes().get(1).validFrom());
        var goaf = r.writes().get(2).feature();
        assertEquals(FeatureKind.POLYGONS, goaf.kind());
        assertEquals("goaf", goaf.role());
        Map<String, Object> expected = new HashMap<>();
        expected.put("water_filled", Boolean.TRUE);
        expected.put("water_level_m", -250.5);
        expected.put("seam", 3L);
        assertEquals(expected, goaf.attributes());
        assertEquals(Arrays.asList("water_filled", "water_level_m", "seam"), List.copyOf(goaf.attributes().keySet()));
        var old = r.writes().get(3).feature();
        assertEquals(Double.NaN, old.geometry().getCoordinate().getZ(), "no elevation given");
        assertEquals(null, old.attributes().get("seam"));
        assertEquals(64, r.source().sha256().length());
    }

    @Test
    void badRowsNameTheFileAndLine() throws IOException {
        assertError("id,date,geometry\nA,2025-01-01,\"LINESTRING (0 0, 1 1)\"\nB,2025-13-01,\"POINT (0 0)\"\n",
                "bad.csv:3: date '2025-13-01' is not a date (2025-03-01) or an ISO instant (2025-03-01T08:00:00Z)");
        assertError("id,date,geometry\nA,2025-01-01,\"LINESTRING (0 0 1, 1 1\"\n",
                "bad.csv:2: geometry is not WKT: ");
        assertError("id,date,geometry\nA,2025-01-01,\"POINT (0 0)\"\nA,2025-01-01,\"POINT (1 1)\"\n",
                "bad.csv:3: feature 'A' has two rows dated 2025-01-01T00:00:00Z (the other is line 2)");
        assertError("id,when,geometry\n", "bad.csv:1: no date or valid_from column (columns: id, when, geometry)");
        assertError("id,date,geometry\nA,2025-01-01\n", "bad.csv:2: expected 3 fields as in the header, got 2");
        assertError("id,date,geometry\nA,2025-01-01,\"GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 1 1))\"\n",
                "bad.csv:2: feature A: a GeometryCollection is neither points, lines nor polygons");
    }

    private void assertError(String text, String expectedStart) throws IOException {
        Path f = file(text);
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> ProgressCsvReader.read(f, "face"));
        String m = e.getMessage().replace(dir.toString() + "/", "");
        assertEquals(true, m.startsWith(expectedStart), m);
        Files.delete(f);
    }
}
