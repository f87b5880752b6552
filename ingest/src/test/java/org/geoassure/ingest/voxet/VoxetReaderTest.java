package org.geoassure.ingest.voxet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.ingest.blockmodel.VolumeRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real voxets of geomodel-2-3dweb and synthetic ones that test the axis mapping against the header formula. */
class VoxetReaderTest {
    @TempDir
    Path dir;

    /**
     * small.vo: 10 x 17 x 10 nodes; spacing |AXIS_U|·(MAX − MIN)/(N − 1) = 51000·0.0882352963/9 = 500.0000124 m
     * (and 87000·0.0919540226/16 = 499.9999979 m along V); first node = AXIS_O = (696000, 6863000, −40000), so the
     * corner is half a step before it. Values: the header's PROP_SAMPLE_STATS (1700 nodes, lithology 1, density
     * 0.1095, susceptibility 0), which numpy (np.fromfile(..., '>i2' / '>f4')) confirms: unique values [1], [0.1095],
     * [0.].
     */
    @Test
    void smallVoxet() {
        VolumeRead r = VoxetReader.read(VoxetTestFiles.file("small.vo"), "small");
        BlockModel m = r.data().model();
        assertEquals(List.of(10, 17, 10), List.of(m.nx(), m.ny(), m.nz()));
        assertEquals(500.0000124, m.dx(), 1e-6);
        assertEquals(499.9999979, m.dy(), 1e-6);
        assertEquals(500.0000124, m.dz(), 1e-6);
        assertEquals(0.0, m.rotation());
        assertEquals(696000 - 250.0000062, m.originX(), 1e-6);
        assertEquals(6863000 - 249.9999989, m.originY(), 1e-6);
        assertEquals(-40000 - 250.0000062, m.originZ(), 1e-6);
        double[] c = new double[3];
        m.centroid(0, 0, 0, c);
        assertEquals(696000, c[0], 1e-6, "the first node is the first cell's centre");
        assertEquals(6863000, c[1], 1e-6);
        assertEquals(-40000, c[2], 1e-6);
        assertEquals(List.of(BlockAttribute.of("Lithology", AttributeType.INT32),
                BlockAttribute.of("VPmg_density", AttributeType.FLOAT32),
                BlockAttribute.of("VPmg_susceptibility", AttributeType.FLOAT32)), m.attributes());
        BlockData d = r.data();
        assertEquals(1700, d.cells());
        for (int k = 0; k < 10; k++) {
            for (int j = 0; j < 17; j++) {
                for (int i = 0; i < 10; i++) {
                    assertEquals(1.0, d.value(0, i, j, k));
                    assertEquals(0.1095f, (float) d.value(1, i, j, k));
                    assertEquals(0.0, d.value(2, i, j, k));
                }
            }
        }
        assertEquals(List.of("property 'Lithology' is a GOCAD ROCK (category) property without a code table: stored "
                + "as int32 codes (give its table, code,\"label\",r,g,b, to store labels)"), r.warnings(),
                "and no warning about PROP_SAMPLE_STATS: the values agree with it");
        assertEquals(4, r.sources().size());
        assertEquals("small.vo", r.sources().get(0).name());
    }

    /**
     * PNGTest.vo: a 229 x 395 one-layer grid. Expected geometry by hand from the header: dx = 906.096924 ·
     * (0.57994926 − 0.522081256)/228 = 0.22997377 m, dy = 411.792053 · (0.585507214 − 0.458615124)/394 =
     * 0.13262222 m, first node x = 802095.4375 + 0.522081256 · 906.096924 = 802568.49372, y = 6836553.8125 +
     * 0.458615124 · 411.792053 = 6836742.66656. Node values from numpy (np.fromfile('PNGTest@@', '>f4')
     * .reshape(1, 395, 229)[0, iv, iu]): (0,0) 134, (228,0) 157, (0,394) 58, (228,394) 94, (100,200) 99,
     * (57,311) 58; all 90 455: mean 116.1364, min 21, max 177 (the header's PROP_SAMPLE_STATS 90455 116.136 ... 21
     * 177).
     */
    @Test
    void pngTestGrid() {
        VolumeRead r = VoxetReader.read(VoxetTestFiles.file("PNGTest.vo"), "png");
        BlockModel m = r.data().model();
        assertEquals(List.of(229, 395, 1), List.of(m.nx(), m.ny(), m.nz()));
        assertEquals(0.22997377378, m.dx(), 1e-9);
        assertEquals(0.13262221891, m.dy(), 1e-9);
        assertEquals(1.0, m.dz(), "one node along W and no W length: a 1 m layer");
        double[] c = new double[3];
        m.centroid(0, 0, 0, c);
        assertEquals(802568.49372014, c[0], 1e-6);
        assertEquals(6836742.66656345, c[1], 1e-6);
        assertEquals(0.0, c[2], 1e-12);
        BlockData d = r.data();
        int[][] nodes = {{0, 0, 134}, {228, 0, 157}, {0, 394, 58}, {228, 394, 94}, {100, 200, 99}, {57, 311, 58}};
        for (int[] n : nodes) {
            assertEquals(n[2], d.value(0, n[0], n[1], 0), "node " + n[0] + "," + n[1]);
        }
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int j = 0; j < 395; j++) {
            for (int i = 0; i < 229; i++) {
                double v = d.value(0, i, j, 0);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertEquals(90455, d.cells());
        assertEquals(116.1364, sum / 90455, 1e-4);
        assertEquals(21.0, min);
        assertEquals(177.0, max);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("1 m thick"), r.warnings().get(0));
    }

    /**
     * Lithology with its colour table (small_lithology_colours.csv: code 1 = "20_Mantle", colour 0.870588 0.898039
     * 0.92549 = #dee5ec): a category of 21 labels in table order, every node code 1 = label index 0.
     */
    @Test
    void lithologyWithItsCodeTableIsACategory() throws Exception {
        VolumeRead r = VoxetReader.read(VoxetTestFiles.file("small.vo"), "small",
                java.util.Map.of("Lithology", VoxetTestFiles.file("small_lithology_colours.csv")));
        BlockAttribute lith = r.data().model().attributes().get(0);
        assertEquals(AttributeType.CATEGORY, lith.type());
        assertEquals(21, lith.categories().size());
        assertEquals("20_Mantle", lith.categories().get(0));
        assertEquals(0.0, r.data().value(0, 3, 4, 5));
        assertTrue(r.parameters().get("property.Lithology.codes").contains("1=20_Mantle #dee5ec"),
                r.parameters().toString());
        assertEquals(List.of(), r.warnings());
        Path table = dir.resolve("no-mantle.csv");
        Files.writeString(table, "2,\"19_Lower_crust\",0.67451,0.701961,0.305882\n");
        Path vo = VoxetTestFiles.file("small.vo");
        var e = assertThrows(org.geoassure.geodb.InvalidContentException.class,
                () -> VoxetReader.read(vo, "small", java.util.Map.of("Lithology", table)));
        assertEquals(vo.resolveSibling("small_lithology@@") + ": byte offset 0: code 1 is not in the code table "
                + table, e.getMessage());
    }

    @Test
    void rgbaImageIsRefused() {
        Path vo = VoxetTestFiles.file("RGBA_voxet.vo");
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> VoxetReader.read(vo, "m"));
        assertEquals(vo + ":44: PROPERTY 1 'picture': PROP_STORAGE_TYPE RGBA (an image stored as packed colours) is "
                + "not a property value; not supported", e.getMessage());
    }

    /**
     * A voxet whose U points 30 degrees from east, V clockwise from U (so j runs against V) and W down (so k runs
     * against W), with value iu + 10·iv + 100·iw at each node. Each node's world position, computed here from the
     * header formula O + iu·U/(N−1) + ..., must be the centre of the model cell holding that node's value.
     */
    @Test
    void rotatedFlippedAxesPutEveryNodeAtItsCellCentre() throws Exception {
        checkSynthetic(false);
    }

    /** The same with ZPOSITIVE Depth: z values are depths, stored negated. */
    @Test
    void depthPositiveVoxet() throws Exception {
        checkSynthetic(true);
    }

    private void checkSynthetic(boolean depth) throws Exception {
        double r = Math.toRadians(30);
        int nu = 4;
        int nv = 3;
        int nw = 2;
        double[] o = {1000, 2000, -100};
        double[] u = {30 * Math.cos(r), 30 * Math.sin(r), 0}; // 3 steps of 10 m
        double[] v = {40 * Math.sin(r), -40 * Math.cos(r), 0}; // 2 steps of 20 m, clockwise from U
        double[] w = {0, 0, -5}; // 1 step of 5 m, down
        String header = "GOCAD Voxet 1\nHEADER {\nname: t\n}\nGOCAD_ORIGINAL_COORDINATE_SYSTEM\nNAME Default\n"
                + "AXIS_UNIT m m m\nZPOSITIVE " + (depth ? "Depth" : "Elevation") + "\nEND_ORIGINAL_COORDINATE_SYSTEM\n"
                + "AXIS_O " + o[0] + " " + o[1] + " " + o[2] + "\nAXIS_U " + u[0] + " " + u[1] + " 0\nAXIS_V " + v[0]
                + " " + v[1] + " 0\nAXIS_W 0 0 -5\nAXIS_MIN 0 0 0\nAXIS_MAX 1 1 1\nAXIS_N 4 3 2\n"
                + "PROPERTY 1 \"code value\"\nPROP_ESIZE 1 4\nPROP_ETYPE 1 IEEE\nPROP_FORMAT 1 RAW\nPROP_OFFSET 1 8\n"
                + "PROP_NO_DATA_VALUE 1 -99999\nPROP_FILE 1 t@@\nEND\n";
        Files.writeString(dir.resolve("t.vo"), header, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(0); // 8 bytes skipped by PROP_OFFSET
        for (int iw = 0; iw < nw; iw++) {
            for (int iv = 0; iv < nv; iv++) {
                for (int iu = 0; iu < nu; iu++) {
                    out.writeFloat(iu == 1 && iv == 1 && iw == 1 ? -99999f : iu + 10 * iv + 100 * iw);
                }
            }
        }
        Files.write(dir.resolve("t@@"), bytes.toByteArray());
        VolumeRead read = VoxetReader.read(dir.resolve("t.vo"), "t");
        BlockModel m = read.data().model();
        assertEquals(30.0, m.rotation(), 1e-9);
        assertEquals(List.of(10.0, 20.0, 5.0), List.of(round(m.dx()), round(m.dy()), round(m.dz())));
        assertEquals("code_value", m.attributes().get(0).name());
        double[] local = new double[3];
        double[] centre = new double[3];
        for (int iw = 0; iw < nw; iw++) {
            for (int iv = 0; iv < nv; iv++) {
                for (int iu = 0; iu < nu; iu++) {
                    double x = o[0] + iu * u[0] / 3 + iv * v[0] / 2;
                    double y = o[1] + iu * u[1] / 3 + iv * v[1] / 2;
                    double z = o[2] + iw * w[2];
                    if (depth) {
                        z = -z;
                    }
                    m.toLocal(x, y, z, local);
                    int i = (int) Math.floor(local[0] / m.dx());
                    int j = (int) Math.floor(local[1] / m.dy());
                    int k = (int) Math.floor(local[2] / m.dz());
                    m.centroid(i, j, k, centre);
                    String at = "node " + iu + "," + iv + "," + iw;
                    assertEquals(x, centre[0], 1e-9, at);
                    assertEquals(y, centre[1], 1e-9, at);
                    assertEquals(z, centre[2], 1e-9, at);
                    double expected = iu == 1 && iv == 1 && iw == 1 ? Double.NaN : iu + 10 * iv + 100 * iw;
                    assertEquals(expected, read.data().value(0, i, j, k), at);
                }
            }
        }
        assertEquals(nu * nv * nw, read.data().cells(), "a no-data node is a present null cell");
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    /**
     * GOCAD property names become attribute names: other characters as '_', and a name that would begin with a
     * number sign (a digit, or '³' as a byte flip in VoxetRobustnessTest once made of 'Lithology') gets a leading '_'.
     */
    @org.junit.jupiter.api.Test
    void propertyNamesBecomeAttributeNames() {
        assertEquals("Density__g_cc_", VoxetReader.attributeName("Density (g/cc)"));
        assertEquals("_3D_velocity", VoxetReader.attributeName("3D velocity"));
        assertEquals("_\u00b3ithology", VoxetReader.attributeName("\u00b3ithology"));
        assertEquals("_\u00b3ithology", org.geoassure.geodb.grid.BlockAttribute.of(VoxetReader.attributeName(
                "\u00b3ithology"), org.geoassure.geodb.grid.AttributeType.FLOAT32).name(), "a valid attribute name");
    }
}
