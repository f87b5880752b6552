package org.geoassure.ingest.dxf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad DXF: each error names the file and the line; binary DXF is unsupported. */
class DxfBadInputTest {
    private static final String HEAD = "0\nSECTION\n2\nENTITIES\n"; // lines 1-4

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("t.dxf"), text, StandardCharsets.UTF_8);
    }

    private void expect(String text, String where, String what) throws IOException {
        Path f = write(text);
        String m = assertThrows(InvalidContentException.class, () -> DxfReader.read(f, FeatureOptions.defaults()))
                .getMessage();
        assertEquals(f + ":" + where + ": " + what, m);
    }

    @Test
    void badNumber() throws IOException {
        expect(HEAD + "0\nPOINT\n8\n0\n10\n1.5\n20\nabc\n0\nENDSEC\n0\nEOF\n", "12", "POINT group 20: \"abc\" is not a"
                + " number");
    }

    @Test
    void badGroupCode() throws IOException {
        expect(HEAD + "0\nPOINT\nten\n1\n", "7", "group code \"ten\" is not a whole number");
    }

    @Test
    void truncatedInsidePolyline() throws IOException {
        expect(HEAD + "0\nPOLYLINE\n70\n8\n0\nVERTEX\n10\n1\n20\n2\n30\n3\n", "9",
                "file ends inside VERTEX (truncated?)");
    }

    @Test
    void truncatedRealFile() throws IOException {
        String all = Files.readString(DxfGdalTest.file("pygslib_section_S_0.dxf"));
        Path f = write(all.substring(0, all.length() - 2000));
        String m = assertThrows(InvalidContentException.class, () -> DxfReader.read(f, FeatureOptions.defaults()))
                .getMessage();
        assertTrue(m.startsWith(f + ":"), m);
        assertTrue(m.contains("file ends inside"), m);
    }

    @Test
    void polyfaceIndexOutOfRange() throws IOException {
        String v = "0\nVERTEX\n10\n0\n20\n0\n30\n0\n70\n192\n"; // 10 lines each
        expect(HEAD + "0\nPOLYLINE\n70\n64\n" + v + v + v
                + "0\nVERTEX\n10\n0\n20\n0\n30\n0\n70\n128\n71\n1\n72\n2\n73\n7\n"
                + "0\nSEQEND\n0\nENDSEC\n0\nEOF\n", "39", "polyface face refers to vertex 7 of 3");
    }

    @Test
    void lwpolylineCountMismatch() throws IOException {
        expect(HEAD + "0\nLWPOLYLINE\n90\n3\n10\n0\n20\n0\n10\n1\n20\n1\n0\nENDSEC\n0\nEOF\n", "5",
                "LWPOLYLINE: group 90 says 3 vertices, found 2");
    }

    @Test
    void vertexOutsidePolyline() throws IOException {
        expect(HEAD + "0\nVERTEX\n10\n0\n20\n0\n0\nENDSEC\n0\nEOF\n", "5", "VERTEX outside a POLYLINE");
    }

    @Test
    void binaryDxfIsUnsupported() throws IOException {
        Path f = dir.resolve("b.dxf");
        byte[] head = DxfReader.BINARY_SENTINEL.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + 10];
        System.arraycopy(head, 0, all, 0, head.length);
        Files.write(f, all);
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> DxfReader.read(f, FeatureOptions.defaults()));
        assertEquals(f + ": binary DXF is not read: save the drawing as ASCII DXF", e.getMessage());
    }

    @Test
    void polygonMeshAndCodePage() throws IOException {
        // 3D polygon mesh 2 x 3 (flag 16), layer name in GBK with $DWGCODEPAGE ANSI_936
        StringBuilder s = new StringBuilder("0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1015\n"
                + "9\n$DWGCODEPAGE\n3\nANSI_936\n"
                + "0\nENDSEC\n" + HEAD + "0\nPOLYLINE\n8\n煤层\n70\n16\n71\n2\n72\n3\n");
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                s.append("0\nVERTEX\n10\n").append(j).append("\n20\n").append(i).append("\n30\n").append(i + j)
                        .append("\n70\n64\n");
            }
        }
        s.append("0\nSEQEND\n0\nENDSEC\n0\nEOF\n");
        Path f = Files.writeString(dir.resolve("gbk.dxf"), s, java.nio.charset.Charset.forName("GBK"));
        FeatureFile r = DxfReader.read(f, FeatureOptions.defaults());
        assertEquals("煤层", r.features().get(0).name());
        Mesh m = r.features().get(0).mesh();
        assertEquals(6, m.vertexCount());
        assertEquals(4, m.triangleCount(), "(2-1) x (3-1) quads, 2 triangles each");
    }
}
