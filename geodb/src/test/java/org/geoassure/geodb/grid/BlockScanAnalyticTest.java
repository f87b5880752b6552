package org.geoassure.geodb.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;
import org.junit.jupiter.api.Test;

/** Exact counts and volumes of box selections on full synthetic grids; brick pruning; Morton codes; blob lengths. */
class BlockScanAnalyticTest {

    /** 100 × 80 × 40 cells of 2 × 2 × 2.5 m from (1000, 2000, -50); value = k (so layers are zoned by brick). */
    private static BlockData fullGrid(double rotation) {
        BlockModel m = new BlockModel("full", 1000, 2000, -50, rotation, 2, 2, 2.5, 100, 80, 40,
                List.of(BlockAttribute.of("layer", AttributeType.INT32), BlockAttribute.of("au", AttributeType.FLOAT32)));
        BlockData.Builder b = BlockData.builder(m);
        for (int k = 0; k < 40; k++) {
            for (int j = 0; j < 80; j++) {
                for (int i = 0; i < 100; i++) {
                    b.put(i, j, k, new double[] {k, 0.5});
                }
            }
        }
        return b.build();
    }

    @Test
    void boxOnCellFacesSelectsExactlyItsVolume() {
        BlockData d = fullGrid(0);
        // x 1010..1050 (cells 5..24), y 2020..2100 (10..49), z -40..-15 (4..13)
        Box3 box = new Box3(1010, 2020, -40, 1050, 2100, -15);
        AggregateResult r = BlockScan.aggregate(d, BlockQuery.all().within(box), Aggregation.basic().density(2.7));
        assertEquals(20L * 40 * 10, r.count());
        assertEquals(box.volume(), r.volume(), 0);
        assertEquals(box.volume() * 2.7, r.tonnage(), 1e-9 * box.volume());
    }

    @Test
    void partialHalvesTheVolume() {
        BlockData d = fullGrid(0);
        AggregateResult r = BlockScan.aggregate(d, BlockQuery.all(), Aggregation.basic().partial("au"));
        assertEquals(100 * 80 * 40, r.count());
        assertEquals(0.5 * 200 * 160 * 100, r.volume(), 0);
    }

    @Test
    void rotatedQuarterTurnPutsTheIAxisAlongY() {
        BlockData d = fullGrid(90);
        // rotated 90°: local u runs along +y, local v along -x; cells i 0..9, j 0..4 have centroids
        // x in (995, 1000), y in (2000, 2020); every layer
        Box3 box = new Box3(990, 2000, -1000, 1000, 2020, 1000);
        AggregateResult r = BlockScan.aggregate(d, BlockQuery.all().within(box), Aggregation.basic());
        assertEquals(10L * 5 * 40, r.count());
        assertEquals(box.volume() / 2000 * 100, r.volume(), 1e-9);
    }

    @Test
    void bricksOutsideTheBoxOrRuledOutByStatisticsAreSkipped() {
        BlockData d = fullGrid(0);
        // 4 × 3 × 2 = 24 bricks; the box covers cells 0..31 on each axis: one brick
        ScanReport inBox = BlockScan.select(d, BlockQuery.all().within(new Box3(1000, 2000, -50, 1063, 2063, 29)),
                List.of(), (i, j, k, b, l) -> { });
        assertEquals(24, inBox.bricks());
        assertEquals(1, inBox.scanned());
        assertEquals(23, inBox.skippedByBox());
        assertEquals(32L * 32 * 32, inBox.cellsSelected());
        // layer >= 32: only the top brick layer (k 32..39) can hold it
        ScanReport top = BlockScan.select(d, BlockQuery.all().where(AttributePredicate.parse("layer >= 32")), List.of(),
                (i, j, k, b, l) -> { });
        assertEquals(12, top.skippedByStats());
        assertEquals(12, top.scanned());
        assertEquals(100L * 80 * 8, top.cellsSelected());
    }

    @Test
    void unknownAttributeOrLabelNamesTheChoices() {
        BlockData d = fullGrid(0);
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> BlockScan.select(d,
                BlockQuery.all().where(AttributePredicate.parse("cu > 1")), List.of(), (i, j, k, b, l) -> { }));
        assertEquals("model full has no attribute 'cu' (attributes: [layer, au])", e.getMessage());
    }

    @Test
    void mortonCodesRoundTripAndInterleave() {
        assertEquals(0b111, Morton.encode(1, 1, 1));
        assertEquals(0b100, Morton.encode(0, 0, 1));
        for (int[] c : new int[][] {{0, 0, 0}, {5, 9, 3}, {Morton.MAX, 0, 17}, {123456, 654321, Morton.MAX}}) {
            long code = Morton.encode(c[0], c[1], c[2]);
            assertEquals(c[0], Morton.decode(code, 0));
            assertEquals(c[1], Morton.decode(code, 1));
            assertEquals(c[2], Morton.decode(code, 2));
        }
    }

    @Test
    void blobOfTheWrongLengthIsRefusedBeforeAllocating() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrickCodec.decode(AttributeType.FLOAT64, new byte[12], "model m brick 7"));
        assertEquals("model m brick 7: brick blob has 12 bytes, expected 262144 (FLOAT64)", e.getMessage());
    }

    @Test
    void cellGivenTwiceIsRefused() {
        BlockModel m = new BlockModel("m", 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, List.of());
        BlockData.Builder b = BlockData.builder(m).put(1, 1, 1, new double[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.put(1, 1, 1, new double[0]));
        assertEquals("cell (1,1,1) is given twice", e.getMessage());
    }
}
