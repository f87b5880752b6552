package org.geoassure.ingest.voxet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write, read back, compare geometry and every value. */
class VoxetWriterTest {
    @TempDir
    Path dir;

    private static void assertSameModel(BlockData a, BlockData b) {
        BlockModel x = a.model();
        BlockModel y = b.model();
        assertEquals(List.of(x.nx(), x.ny(), x.nz()), List.of(y.nx(), y.ny(), y.nz()));
        double[] s = {x.dx(), x.dy(), x.dz(), x.originX(), x.originY(), x.originZ(), x.rotation()};
        double[] t = {y.dx(), y.dy(), y.dz(), y.originX(), y.originY(), y.originZ(), y.rotation()};
        for (int q = 0; q < s.length; q++) {
            assertEquals(s[q], t[q], 1e-6 * Math.max(1, Math.abs(s[q])), "geometry field " + q);
        }
        for (int a2 = 0; a2 < x.attributes().size(); a2++) {
            for (int k = 0; k < x.nz(); k++) {
                for (int j = 0; j < x.ny(); j++) {
                    for (int i = 0; i < x.nx(); i++) {
                        assertEquals(a.value(a2, i, j, k), b.value(a2, i, j, k), 1e-6,
                                "attribute " + a2 + " cell " + i + "," + j + "," + k);
                    }
                }
            }
        }
    }

    @Test
    void smallVoxetRoundTrip() {
        BlockData first = VoxetReader.read(VoxetTestFiles.file("small.vo"), "small").data();
        List<Path> files = VoxetWriter.write(first, dir.resolve("out.vo"));
        assertEquals(List.of("out.vo", "out_Lithology@@", "out_VPmg_density@@", "out_VPmg_susceptibility@@"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        BlockData back = VoxetReader.read(dir.resolve("out.vo"), "small").data();
        assertSameModel(first, back);
        assertEquals(1700, back.cells());
    }

    @Test
    void pngTestRoundTrip() {
        BlockData first = VoxetReader.read(VoxetTestFiles.file("PNGTest.vo"), "png").data();
        VoxetWriter.write(first, dir.resolve("png.vo"));
        assertSameModel(first, VoxetReader.read(dir.resolve("png.vo"), "png").data());
    }

    /**
     * A rotated (-35 degrees), sparse model with float64, int32 and category attributes and nulls: absent and null
     * cells come back as null (the voxet no-data value), every other value as written, the geometry unchanged.
     */
    @Test
    void rotatedSparseModelRoundTrip() throws Exception {
        BlockModel m = new BlockModel("pit", 500123.25, 7000456.5, -320, -35, 5, 7.5, 2.5, 40, 35, 3,
                List.of(BlockAttribute.of("au", AttributeType.FLOAT64), BlockAttribute.of("n", AttributeType.INT32),
                        BlockAttribute.category("rock", List.of("ox", "fr"))));
        BlockData.Builder b = BlockData.builder(m);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 35; j++) {
                for (int i = 0; i < 40; i++) {
                    if ((i + j + k) % 5 == 0) {
                        continue; // absent
                    }
                    double au = (i * 0.013 + j * 0.7 - k) * Math.PI;
                    b.put(i, j, k, new double[] {i == 3 ? Double.NaN : au, i * 1000 + j - 16_000_000 / (k + 1),
                        (i + j) % 2});
                }
            }
        }
        BlockData data = b.build();
        VoxetWriter.write(data, dir.resolve("pit.vo"));
        BlockData back = VoxetReader.read(dir.resolve("pit.vo"), "pit").data();
        assertSameModel(data, back);
        assertEquals(40 * 35 * 3, back.cells(), "absent cells come back as present null cells");
        assertEquals(AttributeType.FLOAT64, back.model().attributes().get(0).type());
        assertEquals(AttributeType.FLOAT32, back.model().attributes().get(2).type(), "codes come back as floats");
        String header = Files.readString(dir.resolve("pit.vo"));
        assertEquals(true, header.contains("# category rock code 1 = fr"), header);
    }

    /**
     * The streamed write (values from a function, in file order) writes the same bytes as the write of the same
     * cells held as bricks, asks for each cell once, i fastest, and leaves cells it is given NaN for as no-data.
     */
    @Test
    void streamedWriteMatchesTheBrickWriteByteForByte() throws Exception {
        // 40 x 35 x 34: two layers of bricks along k, so the brick write changes layer on the way
        BlockModel m = new BlockModel("rho", 41585000, 4712000, -420, 0, 50, 50, 20, 40, 35, 34,
                List.of(BlockAttribute.of("RHO", AttributeType.FLOAT32)));
        BlockData.Builder b = BlockData.builder(m);
        for (int k = 0; k < m.nz(); k++) {
            for (int j = 0; j < m.ny(); j++) {
                for (int i = 0; i < m.nx(); i++) {
                    if (k < 30 || i < j) {
                        b.put(i, j, k, new double[] {i + 0.25 * j + 1000.0 * k});
                    }
                }
            }
        }
        VoxetWriter.write(b.build(), dir.resolve("bricks.vo"));
        long[] next = {0};
        VoxetWriter.write(m, (i, j, k, out) -> {
            assertEquals(next[0]++, i + (long) m.nx() * (j + (long) m.ny() * k), "file order");
            if (k < 30 || i < j) {
                out[0] = i + 0.25 * j + 1000.0 * k;
            }
        }, dir.resolve("streamed.vo"));
        assertEquals(40L * 35 * 34, next[0]);
        assertEquals(Files.readString(dir.resolve("bricks.vo")).replace("bricks_RHO@@", "streamed_RHO@@"),
                Files.readString(dir.resolve("streamed.vo")));
        byte[] raw = Files.readAllBytes(dir.resolve("streamed_RHO@@"));
        assertEquals(4 * 40 * 35 * 34, raw.length);
        assertEquals(true, java.util.Arrays.equals(Files.readAllBytes(dir.resolve("bricks_RHO@@")), raw));
        // cell (1, 0, 33) is left NaN: the no-data value, big-endian; cell (0, 1, 33) has its value
        int at = 4 * (1 + 40 * 35 * 33);
        assertEquals(0.25f, java.nio.ByteBuffer.wrap(raw, 4 * (40 * (1 + 35 * 33)), 4).getFloat() - 33000f);
        assertEquals((float) VoxetWriter.NO_DATA, java.nio.ByteBuffer.wrap(raw, at, 4).getFloat());
    }

    @Test
    void intBeyondFloatPrecisionIsRefusedAndNothingIsLeft() throws Exception {
        BlockModel m = new BlockModel("big", 0, 0, 0, 0, 1, 1, 1, 2, 1, 1,
                List.of(BlockAttribute.of("id", AttributeType.INT32)));
        BlockData data = BlockData.builder(m).put(0, 0, 0, new double[] {1}).put(1, 0, 0, new double[] {16_777_217})
                .build();
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> VoxetWriter.write(data, dir.resolve("big.vo")));
        assertEquals("model big, attribute id, cell (1,0,0): int32 value 16777217 is not exact as a 4-byte float (a "
                + "voxet property); at most 2^24 in size", e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no partial files");
        }
    }
}
