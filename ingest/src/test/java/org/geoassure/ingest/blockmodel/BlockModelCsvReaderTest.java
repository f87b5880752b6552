package org.geoassure.ingest.blockmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.AggregateResult;
import org.geoassure.geodb.grid.Aggregation;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.BlockQuery;
import org.geoassure.geodb.grid.BlockScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pygslib Demo1 block model (src/test/resources/blockmodels/SOURCES.md) against its published figures, and bad
 * files refused with {@code file:line: reason}.
 */
class BlockModelCsvReaderTest {
    static final Path DEMO1 = Path.of("src/test/resources/blockmodels/pygslib_demo1_bmodel.csv");

    @TempDir
    Path dir;

    static BlockModelCsvOptions demo1ByIndex() {
        return BlockModelCsvOptions.byIndex("demo1", List.of("IX", "IY", "IZ"), 5, 5, 5)
                .withIgnored(List.of("XC", "YC", "ZC")).withType("IJK", AttributeType.INT32)
                .withType("Au_OK", AttributeType.FLOAT32);
    }

    @Test
    void demo1HasItsPublishedCountsAndAuStatistics() {
        BlockModelCsvReader.Result r = BlockModelCsvReader.read(DEMO1, demo1ByIndex());
        BlockData d = r.data();
        BlockModel m = d.model();
        assertEquals(5572, d.cells());
        assertEquals(5572, r.source().rows());
        assertEquals(List.of(36, 40, 17), List.of(m.nx(), m.ny(), m.nz()));
        assertEquals(List.of("IJK", "__in", "Au_OK", "Au_ID2", "Au_NN", "Au_Lagrange", "Au_KVar"),
                m.attributes().stream().map(a -> a.name()).toList());
        // published: IJK = IX + 36·IY + 1440·IZ for every row
        int ijk = m.attributeIndex("IJK");
        long[] bad = {0};
        BlockScan.select(d, BlockQuery.all(), List.of("IJK"), (i, j, k, b, l) -> {
            if (b.value(ijk, l) != i + 36 * j + 1440 * k) {
                bad[0]++;
            }
        });
        assertEquals(0, bad[0]);
        // published: Au_OK mean of the estimated blocks 1.1693 (min 0.0755, max 7.5248); 64 blocks not estimated
        AggregateResult a = BlockScan.aggregate(d, BlockQuery.all(), Aggregation.basic().summarise("Au_OK"));
        AggregateResult.Summary au = a.summaries().get(0);
        assertEquals(5572 - 64, au.count());
        assertEquals(64, au.nulls());
        assertEquals(1.1693, au.mean(), 5e-5);
        assertEquals(0.0755, au.min(), 5e-5);
        assertEquals(7.5248, au.max(), 5e-5);
    }

    @Test
    void centroidsGiveTheSameCellsAsIndices() {
        BlockData byIndex = BlockModelCsvReader.read(DEMO1, demo1ByIndex()).data();
        BlockData byCentroid = BlockModelCsvReader.read(DEMO1, BlockModelCsvOptions.byCentroid("demo1",
                List.of("XC", "YC", "ZC"), 5, 5, 5).withOrigin(0, 0, 0).withIgnored(List.of("IX", "IY", "IZ"))
                .withType("IJK", AttributeType.INT32).withType("Au_OK", AttributeType.FLOAT32)).data();
        assertEquals(byIndex.model(), byCentroid.model());
        assertEquals(byIndex.cells(), byCentroid.cells());
        int au = byIndex.model().attributeIndex("Au_OK");
        for (int k = 0; k < 17; k++) {
            for (int j = 0; j < 40; j++) {
                for (int i = 0; i < 36; i++) {
                    assertEquals(byIndex.present(i, j, k), byCentroid.present(i, j, k), i + "," + j + "," + k);
                    assertEquals(byIndex.value(au, i, j, k), byCentroid.value(au, i, j, k), 0);
                }
            }
        }
    }

    @Test
    void textColumnBecomesACategoryInOrderOfAppearance() throws IOException {
        Path f = write("i,j,k,rock,au\n0,0,0,ox,1.5\n1,0,0,fresh,\n0,1,0,ox,2\n");
        BlockModel m = BlockModelCsvReader.read(f, BlockModelCsvOptions.byIndex("m", List.of("i", "j", "k"), 1, 1, 1))
                .data().model();
        assertEquals(List.of("ox", "fresh"), m.attribute("rock").categories());
        assertEquals(AttributeType.FLOAT64, m.attribute("au").type());
    }

    private Path write(String text) throws IOException {
        Path f = dir.resolve("b.csv");
        Files.writeString(f, text);
        return f;
    }

    private String error(String text, BlockModelCsvOptions o) throws IOException {
        Path f = write(text);
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> BlockModelCsvReader.read(f, o));
        assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
        return e.getMessage().substring(f.toString().length());
    }

    @Test
    void badRowsAreRefusedWithTheirLine() throws IOException {
        BlockModelCsvOptions ijk = BlockModelCsvOptions.byIndex("m", List.of("i", "j", "k"), 1, 1, 1);
        assertEquals(":3: cell (0,0,0) is given twice", error("i,j,k,au\n0,0,0,1\n0,0,0,2\n", ijk));
        assertEquals(":2: j: '-1' is not a cell index (a whole number from 0)", error("i,j,k,au\n0,-1,0,1\n", ijk));
        assertEquals(":3: au: 'high' is not a number", error("i,j,k,au\n0,0,0,1\n1,0,0,high\n",
                ijk.withType("au", AttributeType.FLOAT32)));
        assertEquals(":3: expected 4 fields as in the header, got 3", error("i,j,k,au\n0,0,0,1\n1,0,0\n", ijk));
        assertEquals(":1: no index column 'k' (columns: i, j, kk, au)", error("i,j,kk,au\n0,0,0,1\n", ijk));
        assertEquals(":3: cell (4,0,0) is outside the grid 0..1, 0..0, 0..0",
                error("i,j,k,au\n0,0,0,1\n4,0,0,1\n", ijk.withDimensions(2, 1, 1)));
        BlockModelCsvOptions xyz = BlockModelCsvOptions.byCentroid("m", List.of("x", "y", "z"), 2, 2, 2)
                .withOrigin(0, 0, 0);
        assertTrue(error("x,y,z,au\n1,1,1,1\n2,1,1,1\n", xyz).startsWith(":3: centroid 2.0,1.0,1.0 is not a cell "
                + "centre of the grid"));
    }
}
