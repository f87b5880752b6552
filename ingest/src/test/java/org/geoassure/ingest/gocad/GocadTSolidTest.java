package org.geoassure.ingest.gocad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.SolidCheck;
import org.geoassure.ingest.feature.FeatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GOCAD TSolid: the outer surface of the tetrahedra, a SOLID feature, refused when it does not bound a solid. */
class GocadTSolidTest {
    @TempDir
    Path dir;

    /** VRTX lines of a cube's corners, ids {@code first..first+7} (bit 0 = x, 1 = y, 2 = z), corner 0 at (x, y, z). */
    static String cubeVertices(int first, double x, double y, double z, double size) {
        StringBuilder b = new StringBuilder();
        for (int v = 0; v < 8; v++) {
            b.append("VRTX ").append(first + v).append(' ').append(x + ((v & 1) == 0 ? 0 : size)).append(' ')
                    .append(y + ((v & 2) == 0 ? 0 : size)).append(' ').append(z + ((v & 4) == 0 ? 0 : size))
                    .append('\n');
        }
        return b.toString();
    }

    /** A cube in five tetrahedra: the middle one and one at each of four corners. */
    static String cubeTetras(int first) {
        int[][] t = {{1, 2, 4, 7}, {0, 1, 2, 4}, {3, 1, 2, 7}, {5, 1, 4, 7}, {6, 2, 4, 7}};
        StringBuilder b = new StringBuilder();
        for (int[] q : t) {
            b.append("TETRA");
            for (int v : q) {
                b.append(' ').append(first + v);
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String solid(String name, String body) {
        return "GOCAD TSolid 1\nHEADER {\nname:" + name + "\n}\nGEOLOGICAL_TYPE stope\nTVOLUME\n" + body + "END\n";
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.ISO_8859_1);
        return f;
    }

    private String refusal(String text) throws IOException {
        Path f = write("bad.so", text);
        String m = assertThrows(InvalidContentException.class,
                () -> GocadReader.read(f, FeatureOptions.defaults())).getMessage();
        assertTrue(m.startsWith(f + ":"), m);
        return m.substring(f.toString().length() + 1);
    }

    @Test
    void cubeOfFiveTetrahedraIsASolidOfTwelveTriangles() throws IOException {
        Path f = write("cube.so", solid("stope 7", cubeVertices(1, 39_500_000, 4_000_000, -300, 4) + cubeTetras(1)));
        Feature s = GocadReader.read(f, FeatureOptions.defaults()).features().get(0);
        assertEquals(FeatureKind.SOLID, s.kind());
        assertEquals("stope 7", s.name());
        assertEquals("stope", s.role());
        assertEquals(12, s.mesh().triangleCount());
        assertEquals(8, s.mesh().vertexCount());
        assertEquals(5L, s.attributes().get("tetrahedra"));
        assertEquals(1L, s.attributes().get("tvolumes"));
        assertEquals(Optional.empty(), SolidCheck.check(s.mesh()));
        // every face turned outwards: the signed volume of the surface is the cube's, +64
        assertEquals(64, signedVolume(s.mesh().xyz(), s.mesh().triangles()), 1e-6);
    }

    @Test
    void interiorVerticesAreDropped() throws IOException {
        // twelve tetrahedra from the centre to the cube's face triangles
        int[] faces = {0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1,
            3, 5, 3, 7, 5};
        StringBuilder b = new StringBuilder(cubeVertices(1, 0, 0, 0, 2)).append("VRTX 9 1 1 1\n");
        for (int i = 0; i < 12; i++) {
            b.append("TETRA 9 ").append(faces[3 * i] + 1).append(' ').append(faces[3 * i + 1] + 1).append(' ')
                    .append(faces[3 * i + 2] + 1).append('\n');
        }
        Feature s = GocadReader.read(write("c.so", solid("c", b.toString())), FeatureOptions.defaults()).features()
                .get(0);
        assertEquals(8, s.mesh().vertexCount());
        assertEquals(12, s.mesh().triangleCount());
        assertEquals(8, signedVolume(s.mesh().xyz(), s.mesh().triangles()), 1e-9);
    }

    /**
     * Two unit cubes stacked, the upper one's bottom corners ATOMs of the lower one's top corners (as GOCAD splits a
     * TSolid into regions), the upper one cut in the other five-tetrahedra way so the diagonals of the shared face
     * agree: one solid of 20 triangles, volume 2, not two boxes touching.
     */
    @Test
    void regionsSplitByAtomsAreOneSolid() throws IOException {
        StringBuilder b = new StringBuilder(cubeVertices(1, 0, 0, 0, 1));
        for (int v = 0; v < 4; v++) {
            b.append("ATOM ").append(11 + v).append(' ').append(5 + v).append('\n');
        }
        b.append(cubeVertices(11, 0, 0, 1, 1).lines().skip(4).map(l -> l + "\n").reduce("", String::concat));
        b.append(cubeTetras(1));
        int[][] other = {{0, 3, 5, 6}, {1, 0, 3, 5}, {2, 0, 3, 6}, {4, 0, 5, 6}, {7, 3, 5, 6}};
        for (int[] q : other) {
            b.append("TETRA ").append(11 + q[0]).append(' ').append(11 + q[1]).append(' ').append(11 + q[2])
                    .append(' ').append(11 + q[3]).append('\n');
        }
        Feature s = GocadReader.read(write("two.so", solid("two", b.toString())), FeatureOptions.defaults())
                .features().get(0);
        assertEquals(12, s.mesh().vertexCount());
        assertEquals(20, s.mesh().triangleCount());
        assertEquals(2, signedVolume(s.mesh().xyz(), s.mesh().triangles()), 1e-12);
    }

    @Test
    void overlappingTetrahedraAreRefusedNamingTwoTrianglesAndTheirLines() throws IOException {
        String m = refusal(solid("two", cubeVertices(1, 0, 0, 0, 2) + cubeVertices(11, 1, 0.5, 0.5, 2)
                + cubeTetras(1) + cubeTetras(11)));
        assertTrue(m.matches("\\d+: TSolid \"two\" does not bound a solid: on its outer surface, triangles \\d+ "
                + "\\(vertices \\d+, \\d+, \\d+\\) and \\d+ \\(vertices \\d+, \\d+, \\d+\\) intersect: the surface "
                + "crosses or touches itself \\(triangle \\d+ is a face of the TETRA on line \\d+, triangle \\d+ of "
                + "the TETRA on line \\d+\\)"), m);
    }

    @Test
    void tetrahedraOnOneEdgeAreRefused() throws IOException {
        String m = refusal(solid("edge", "VRTX 1 0 0 0\nVRTX 2 0 0 1\nVRTX 3 1 0 0\nVRTX 4 0 1 0\nVRTX 5 -1 0 0\n"
                + "VRTX 6 0 -1 0\nTETRA 1 2 3 4\nTETRA 1 2 5 6\n"));
        assertEquals("13: TSolid \"edge\" does not bound a solid: on its outer surface, the edge between vertices 1 "
                + "and 2 belongs to 4 triangles (0, 1, 4, ...): the surface is not a 2-manifold (triangle 0 is a face "
                + "of the TETRA on line 13, triangle 1 of the TETRA on line 13)", m);
    }

    @Test
    void flatTetrahedronIsRefused() throws IOException {
        assertEquals("13: TSolid \"flat\": the TETRA of this line, tetrahedron 1 (vertices 1, 2, 3, 5) is flat: its "
                + "four corners are coplanar", refusal(solid("flat", "VRTX 1 0 0 0\nVRTX 2 1 0 0\nVRTX 3 0 1 0\n"
                        + "VRTX 4 0 0 1\nVRTX 5 1 1 0\nTETRA 1 2 3 4\nTETRA 1 2 3 5\n")));
    }

    @Test
    void tetraInATSurfIsRefused() throws IOException {
        assertEquals("6: TETRA in a GOCAD TSurf (it belongs in a TSolid)", refusal("GOCAD TSurf 1\nHEADER {\nname:s\n"
                + "}\nTFACE\nTETRA 1 2 3 4\nEND\n"));
    }

    /** The volume a closed surface bounds, positive when its faces turn outwards. */
    static double signedVolume(double[] p, int[] t) {
        double v = 0;
        for (int i = 0; i < t.length; i += 3) {
            int a = 3 * t[i];
            int b = 3 * t[i + 1];
            int c = 3 * t[i + 2];
            // relative to vertex 0, so large coordinates do not cancel
            double ax = p[a] - p[0];
            double ay = p[a + 1] - p[1];
            double az = p[a + 2] - p[2];
            double bx = p[b] - p[0];
            double by = p[b + 1] - p[1];
            double bz = p[b + 2] - p[2];
            double cx = p[c] - p[0];
            double cy = p[c + 1] - p[1];
            double cz = p[c + 2] - p[2];
            v += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
        }
        return v / 6;
    }
}
