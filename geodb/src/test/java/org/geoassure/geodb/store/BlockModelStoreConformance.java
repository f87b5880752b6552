package org.geoassure.geodb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.Brick;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.BlockModelStore.Version;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@link BlockModelStore}: versions with their parents, comments and provenance; every cell
 * of every attribute type read back bit for bit (nulls and absent cells included) from a model that straddles brick
 * edges; brick statistics; old versions readable after new ones; and the error naming the models there are. Every
 * engine with block models extends it and supplies {@link #newStore}; the tests use only the SPI.
 */
public abstract class BlockModelStoreConformance {

    protected static final WorkspaceInfo INFO = new WorkspaceInfo("t", "EPSG:4527", "", "m",
            Instant.parse("2026-01-01T00:00:00Z"));
    private static final Provenance P = new Provenance(List.of(new SourceFile("blocks", "pit.csv", "ab", 2)), "ana",
            Map.of("estimator", "ok"), List.of("one row skipped"));
    private static final List<String> ROCKS = List.of("oxide", "fresh", "waste");

    /** A new, empty store for one test; it must implement {@link BlockModelStore}. */
    protected abstract WorkspaceStore newStore(WorkspaceInfo info);

    /**
     * A 40 x 35 x 3 model rotated 12.5 degrees (four bricks of 32^3) with every attribute type; seeded, about a third
     * of the cells absent and a tenth of the values null. {@code shift} changes the float values only.
     */
    private static BlockData model(long seed, double shift) {
        BlockModel m = new BlockModel("pit", 500000.25, 3800000.5, -120, 12.5, 10, 10, 5, 40, 35, 3, List.of(
                BlockAttribute.of("au", AttributeType.FLOAT32), BlockAttribute.of("density", AttributeType.FLOAT64),
                BlockAttribute.of("zone", AttributeType.INT32), BlockAttribute.category("rock", ROCKS)));
        Random r = new Random(seed);
        BlockData.Builder b = BlockData.builder(m);
        for (int k = 0; k < m.nz(); k++) {
            for (int j = 0; j < m.ny(); j++) {
                for (int i = 0; i < m.nx(); i++) {
                    if (r.nextInt(3) == 0) {
                        continue;
                    }
                    b.put(i, j, k, new double[] {nul(r, (float) (r.nextDouble() * 5 + shift)),
                        nul(r, 2.2 + r.nextDouble()), nul(r, r.nextInt(7) - 2), nul(r, r.nextInt(ROCKS.size()))});
                }
            }
        }
        return b.build();
    }

    private static double nul(Random r, double v) {
        return r.nextInt(10) == 0 ? Double.NaN : v;
    }

    private static BlockModelStore blocks(WorkspaceStore ws) {
        return assertInstanceOf(BlockModelStore.class, ws, "the engine under test has no block models");
    }

    @Test
    void everyCellOfEveryTypeReadsBackBitForBit() {
        BlockData data = model(7, 0);
        try (WorkspaceStore ws = newStore(INFO)) {
            Version v = blocks(ws).writeBlockModel(data, "first estimate", P);
            assertEquals(data.cells(), v.cells());
            assertEquals(4, v.bricks());
            assertSameCells(data, blocks(ws).blockModel("pit"));
            assertEquals(List.of(), ws.check());
        }
    }

    @Test
    void rewritingAModelMakesANewVersionAndKeepsTheOld() {
        BlockData first = model(7, 0);
        BlockData second = model(7, 100);
        try (WorkspaceStore ws = newStore(INFO)) {
            Version v1 = blocks(ws).writeBlockModel(first, "first estimate", P);
            Version v2 = blocks(ws).writeBlockModel(second, "re-estimated", P);
            assertEquals(List.of(1, 0, 2, 1), List.of(v1.version(), v1.parent(), v2.version(), v2.parent()));
            assertEquals(List.of("pit v2"), blocks(ws).blockModels().stream()
                    .map(v -> v.model().name() + " v" + v.version()).toList());
            List<Version> all = blocks(ws).blockModelVersions("pit");
            assertEquals(List.of("first estimate", "re-estimated"), all.stream().map(Version::comment).toList());
            assertEquals("ana", all.get(0).user());
            assertEquals(first.model(), all.get(0).model(), "origin, rotation, sizes, dims and attributes");
            assertEquals(v1.ingestId(), all.get(0).ingestId());
            assertEquals(v1.recordedAt(), all.get(0).recordedAt());
            assertSameCells(first, blocks(ws).blockModel("pit", 1));
            assertSameCells(second, blocks(ws).blockModel("pit", 2));
            assertSameCells(second, blocks(ws).blockModel("pit"));
            assertEquals("blockmodel", ws.ingests().get(ws.ingests().size() - 1).kind());
            assertEquals(List.of(), blocks(ws).blockModelVersions("mill"));
            assertEquals(List.of(), ws.check());
        }
    }

    @Test
    void brickStatisticsAreThoseOfTheValues() {
        BlockData data = model(11, 0);
        try (WorkspaceStore ws = newStore(INFO)) {
            blocks(ws).writeBlockModel(data, "", P);
            BrickSource stored = blocks(ws).blockModel("pit");
            assertEquals(data.headers(), stored.headers());
            for (BrickSource.Header h : stored.headers()) {
                double min = Double.POSITIVE_INFINITY;
                long count = 0;
                Brick b = stored.brick(h.index(), new boolean[] {true, false, false, false});
                for (int c = 0; c < Brick.CELLS; c++) {
                    double v = b.present(c) ? b.value(0, c) : Double.NaN;
                    if (!Double.isNaN(v)) {
                        min = Math.min(min, v);
                        count++;
                    }
                }
                assertEquals(min, h.stats().get(0).min(), "au min of brick " + h.index());
                assertEquals(count, h.stats().get(0).count(), "au count of brick " + h.index());
            }
        }
    }

    @Test
    void unknownModelOrVersionNamesWhatThereIs() {
        try (WorkspaceStore ws = newStore(INFO)) {
            blocks(ws).writeBlockModel(model(1, 0), "", P);
            InvalidContentException e = assertThrows(InvalidContentException.class, () -> blocks(ws).blockModel("mill"));
            assertEquals("no block model 'mill' in this workspace (models: [pit])", e.getMessage());
            e = assertThrows(InvalidContentException.class, () -> blocks(ws).blockModel("pit", 3));
            assertEquals("block model pit has no version 3 (versions 1..1)", e.getMessage());
        }
    }

    /** Same bricks, same presence, and every value equal bit for bit (NaN for null). */
    private static void assertSameCells(BlockData expected, BrickSource actual) {
        assertEquals(expected.model(), actual.model());
        List<BrickSource.Header> eh = expected.headers();
        assertEquals(eh.stream().map(BrickSource.Header::index).toList(),
                actual.headers().stream().map(BrickSource.Header::index).toList());
        boolean[] all = new boolean[expected.model().attributes().size()];
        Arrays.fill(all, true);
        for (BrickSource.Header h : eh) {
            Brick e = expected.brick(h.index(), all);
            Brick a = actual.brick(h.index(), all);
            assertEquals(e.cells(), a.cells(), "cells of brick " + h.index());
            for (int c = 0; c < Brick.CELLS; c++) {
                assertEquals(e.present(c), a.present(c), "presence, brick " + h.index() + " cell " + c);
                if (!e.present(c)) {
                    continue;
                }
                for (int at = 0; at < all.length; at++) {
                    assertEquals(Double.doubleToLongBits(e.value(at, c)), Double.doubleToLongBits(a.value(at, c)),
                            expected.model().attributes().get(at).name() + ", brick " + h.index() + " cell " + c);
                }
            }
        }
    }
}
