package org.geoassure.ingest.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.ingest.feature.FeatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad Shapefiles: each error names the file and the byte offset (and the record). */
class ShapefileBadInputTest {
    @TempDir
    Path dir;

    private String fails(Path shp) {
        return assertThrows(InvalidContentException.class,
                () -> ShapefileReader.read(shp, FeatureOptions.defaults())).getMessage();
    }

    private static ShpBuilder line() {
        return new ShpBuilder(3).field("n", 'N', 4, 0).shape(new double[][][] {{{0, 0}, {1, 1}}}, "1")
                .shape(new double[][][] {{{2, 2}, {3, 3}, {4, 4}}}, "2");
    }

    @Test
    void truncatedShp() throws IOException {
        Path shp = line().write(dir, "t", StandardCharsets.UTF_8);
        byte[] all = Files.readAllBytes(shp);
        Files.write(shp, Arrays.copyOf(all, all.length - 10));
        // record 2 starts after the 100-byte header and record 1 (8 + 4 + 32 + 8 + 4 + 32 bytes); its content is
        // 4 + 32 + 4 + 4 + 4 + 3 * 16 = 96 bytes
        assertEquals(shp + ": byte offset 188: record 2: content length 96 bytes does not fit in the file's "
                + (all.length - 10) + " bytes", fails(shp));
    }

    @Test
    void truncatedRealFile() throws IOException {
        Path src = ShapefileGdalTest.file("naturalearth_lowres.shp");
        for (String ext : new String[] {"dbf", "shx", "prj", "cpg"}) {
            Files.copy(src.resolveSibling("naturalearth_lowres." + ext), dir.resolve("cut." + ext));
        }
        byte[] all = Files.readAllBytes(src);
        Path shp = Files.write(dir.resolve("cut.shp"), Arrays.copyOf(all, all.length / 2));
        String m = fails(shp);
        assertTrue(m.startsWith(shp + ": byte offset "), m);
        assertTrue(m.contains("does not fit in the file's " + all.length / 2 + " bytes"), m);
    }

    @Test
    void partIndexOutOfRange() throws IOException {
        Path shp = line().write(dir, "p", StandardCharsets.UTF_8);
        byte[] all = Files.readAllBytes(shp);
        // record 1 content at 108: type 4, box 32, numParts 4, numPoints 4, parts[0] at 152
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(152, 5);
        Files.write(shp, all);
        assertEquals(shp + ": byte offset 100: record 1: part 0 starts at point 5 of 2", fails(shp));
    }

    @Test
    void pointCountTooLargeForRecord() throws IOException {
        Path shp = line().write(dir, "n", StandardCharsets.UTF_8);
        byte[] all = Files.readAllBytes(shp);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(148, 1_000_000_000);
        Files.write(shp, all);
        assertEquals(shp + ": byte offset 100: record 1: 1 parts and 1000000000 points do not fit in the record's"
                + " 80 bytes", fails(shp));
    }

    @Test
    void unclosedRing() throws IOException {
        Path shp = new ShpBuilder(5).field("n", 'N', 4, 0)
                .shape(new double[][][] {{{0, 0}, {0, 1}, {1, 1}, {1, 0}}}, "1")
                .write(dir, "r", StandardCharsets.UTF_8);
        assertEquals(shp + ": byte offset 100: record 1: ring 0 is not closed (first and last points differ)",
                fails(shp));
    }

    @Test
    void badNumberInDbf() throws IOException {
        Path shp = new ShpBuilder(1).field("s", 'C', 3, 0).field("n", 'N', 4, 0)
                .shape(new double[][][] {{{0, 0}}}, "a", "1").shape(new double[][][] {{{0, 0}}}, "b", "1x")
                .write(dir, "d", StandardCharsets.UTF_8);
        // header 32 + 2 fields * 32 + 1 = 97; record length 8; record 2 at 105, field n at +4
        assertEquals(dir.resolve("d.dbf") + ": byte offset 109: record 2, field n: \"1x\" is not a number",
                fails(shp));
    }

    @Test
    void dbfRowCountDiffers() throws IOException {
        Path shp = line().write(dir, "c", StandardCharsets.UTF_8);
        Files.write(dir.resolve("c.dbf"), new ShpBuilder(3).field("n", 'N', 4, 0)
                .shape(new double[][][] {{{0, 0}, {1, 1}}}, "1").dbf(StandardCharsets.UTF_8));
        assertEquals(shp + ": byte offset 188: record 2 has no row in " + dir.resolve("c.dbf") + " (1 rows)",
                fails(shp));
    }

    @Test
    void multiPatchIsUnsupported() throws IOException {
        Path shp = line().write(dir, "mp", StandardCharsets.UTF_8);
        byte[] all = Files.readAllBytes(shp);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(32, 31);
        Files.write(shp, all);
        String m = assertThrows(UnsupportedFormatException.class,
                () -> ShapefileReader.read(shp, FeatureOptions.defaults())).getMessage();
        assertEquals(shp + ": MultiPatch Shapefile (type 31) is not read", m);
    }

    @Test
    void notAShapefile() throws IOException {
        Path shp = Files.writeString(dir.resolve("x.shp"), "hello, this is text and not a shapefile at all");
        assertThrows(UnsupportedFormatException.class, () -> ShapefileReader.read(shp, FeatureOptions.defaults()));
    }

    @Test
    void missingFile() {
        assertThrows(StorageException.class,
                () -> ShapefileReader.read(dir.resolve("none.shp"), FeatureOptions.defaults()));
    }
}
