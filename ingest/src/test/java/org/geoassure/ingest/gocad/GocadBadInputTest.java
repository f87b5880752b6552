package org.geoassure.ingest.gocad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad GOCAD text: each error names the file and the line. */
class GocadBadInputTest {
    private static final String TS = "GOCAD TSurf 1\nHEADER {\nname:t\n}\nTFACE\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.ISO_8859_1);
        return f;
    }

    private void expect(String text, String where, String what) throws IOException {
        Path f = write("bad.ts", text);
        String m = assertThrows(InvalidContentException.class,
                () -> GocadReader.read(f, FeatureOptions.defaults())).getMessage();
        assertEquals(f + ":" + where + ": " + what, m);
    }

    @Test
    void badNumber() throws IOException {
        expect(TS + "VRTX 1 0 0 0\nVRTX 2 1 x 0\n", "7", "VRTX id x y z: \"x\" is not a number");
    }

    @Test
    void missingCoordinate() throws IOException {
        expect(TS + "VRTX 1 0 0\n", "6", "VRTX id x y z: 3 numbers expected, found 2");
    }

    @Test
    void triangleRefersToMissingVertex() throws IOException {
        expect(TS + "VRTX 1 0 0 0\nVRTX 2 1 0 0\nVRTX 3 0 1 0\nTRGL 1 2 3\nTRGL 1 2 9\nEND\n", "10",
                "TRGL refers to vertex 9, which is not defined in this TSurf");
    }

    @Test
    void truncatedFileHasNoEnd() throws IOException {
        expect(TS + "VRTX 1 0 0 0\nVRTX 2 1 0 0\n", "7", "file ends inside GOCAD TSurf begun on line 1 (no END)");
    }

    @Test
    void truncatedRealFile() throws IOException {
        String all = Files.readString(GocadSamples.file("auscope_tsTest.ts"), StandardCharsets.ISO_8859_1);
        Path f = write("cut.ts", all.substring(0, all.length() / 2));
        String m = assertThrows(InvalidContentException.class,
                () -> GocadReader.read(f, FeatureOptions.defaults())).getMessage();
        assertTrue(m.startsWith(f + ":"), m);
    }

    @Test
    void duplicateVertexId() throws IOException {
        expect(TS + "VRTX 1 0 0 0\nVRTX 1 1 0 0\nEND\n", "7", "vertex id 1 defined twice");
    }

    @Test
    void tooFewPropertyValues() throws IOException {
        expect("GOCAD VSet 1\nPROPERTIES A B\nPVRTX 1 0 0 0 5\nEND\n", "3",
                "PVRTX: 2 property values expected (A B), found 1");
    }

    @Test
    void badZpositive() throws IOException {
        expect("GOCAD VSet 1\nGOCAD_ORIGINAL_COORDINATE_SYSTEM\nZPOSITIVE Up\nEND_ORIGINAL_COORDINATE_SYSTEM\nEND\n",
                "3", "ZPOSITIVE must be Elevation or Depth, not \"Up\"");
    }

    @Test
    void objectInsideObject() throws IOException {
        expect(TS + "VRTX 1 0 0 0\nGOCAD PLine 1\n", "7",
                "GOCAD PLine begins inside GOCAD TSurf begun on line 1 (missing END)");
    }

    @Test
    void voxetIsUnsupported() throws IOException {
        Path f = write("v.vo", "GOCAD Voxet 1\nAXIS_O 0 0 0\nEND\n");
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> GocadReader.read(f, FeatureOptions.defaults()));
        assertTrue(e.getMessage().contains("GOCAD Voxet (line 1) is not read"), e.getMessage());
    }

    @Test
    void notGocadIsUnsupported() throws IOException {
        Path f = write("x.ts", "solid cube\nfacet normal 0 0 1\n");
        assertThrows(UnsupportedFormatException.class, () -> GocadReader.read(f, FeatureOptions.defaults()));
    }

    @Test
    void missingFileIsStorage() {
        assertThrows(StorageException.class, () -> GocadReader.read(dir.resolve("none.ts"), FeatureOptions.defaults()));
    }

    @Test
    void atomAndSparseIdsAndForwardTriangles() throws IOException {
        // ids 10, 20, 30; ATOM 40 copies 10; a triangle before its last vertex is fine within the object
        Path f = write("ok.ts", TS + "VRTX 10 0 0 5\nVRTX 20 1 0 5\nTRGL 10 20 30\nVRTX 30 0 1 5\nATOM 40 10\n"
                + "TRGL 40 20 30\nEND\n");
        FeatureFile r = GocadReader.read(f, FeatureOptions.defaults());
        var m = r.features().get(0).mesh();
        assertEquals(4, m.vertexCount());
        assertEquals(2, m.triangleCount());
        assertEquals(3, m.corner(1, 0));
        assertEquals(0.0, m.coordinate(3, 0), 0);
        assertEquals(5.0, m.coordinate(3, 2), 0);
    }

    @Test
    void unsupportedMemberAfterAnObjectIsSkippedWithWarning() throws IOException {
        Path f = write("two.gp", "GOCAD VSet 1\nVRTX 1 1 2 3\nEND\nGOCAD Voxet 1\nAXIS_O 0 0 0\nEND\n");
        FeatureFile r = GocadReader.read(f, FeatureOptions.defaults());
        assertEquals(1, r.features().size());
        assertTrue(r.warnings().get(0).startsWith(f + ":4: GOCAD Voxet"), r.warnings()::toString);
    }

    @Test
    void wellFromPathAndDepthPositiveVset() throws IOException {
        // PATH md z dx dy as AuScope's wl2Test.wl writes it: KB 94 above WREF z 0, z absolute, dx dy from WREF
        Path f = write("w.wl", "GOCAD Well 1\nHEADER {\nname: W2\n}\nWREF 1000 2000 0\nKB 94\nPATH 0 94 0 0\n"
                + "PATH 100 -6 3 -4\nMRKR top 1 50\nEND\n"
                + "GOCAD VSet 1\nGOCAD_ORIGINAL_COORDINATE_SYSTEM\nZPOSITIVE Depth\nEND_ORIGINAL_COORDINATE_SYSTEM\n"
                + "VRTX 1 1 2 30\nVRTX 2 1 2 -5\nEND\n");
        FeatureFile r = GocadReader.read(f, FeatureOptions.defaults());
        var c = r.features().get(0).geometry().getCoordinates();
        assertEquals(2, c.length);
        assertEquals(new org.locationtech.jts.geom.Coordinate(1000, 2000, 94), c[0]);
        assertEquals(94.0, c[0].getZ(), 0);
        assertEquals(1003.0, c[1].x, 0);
        assertEquals(1996.0, c[1].y, 0);
        assertEquals(-6.0, c[1].getZ(), 0);
        var p = r.features().get(1).geometry().getCoordinates();
        assertEquals(-30.0, p[0].getZ(), 0);
        assertEquals(5.0, p[1].getZ(), 0);
    }

    @Test
    void lineWithoutEndIsRefusedBeforeFillingTheHeap() throws IOException {
        Path f = write("long.ts", TS + "VRTX 1 " + "1".repeat(2 << 20));
        String m = assertThrows(InvalidContentException.class, () -> GocadReader.read(f, FeatureOptions.defaults()))
                .getMessage();
        assertEquals(f + ":6: line longer than 1048576 characters", m);
    }

    @Test
    void propertiesAfterVertices() throws IOException {
        expect(TS + "VRTX 1 0 0 0\nPROPERTIES A\n", "7", "PROPERTIES after the first vertex");
    }
}
