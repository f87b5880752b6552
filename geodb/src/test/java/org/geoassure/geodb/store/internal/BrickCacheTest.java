package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.geoassure.geodb.grid.AggregateResult;
import org.geoassure.geodb.grid.Aggregation;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.BlockQuery;
import org.geoassure.geodb.grid.BlockScan;
import org.geoassure.geodb.grid.Brick;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.store.BlockModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brick cache: a model whose bricks exceed a small bound answers every query exactly as with an unbounded cache,
 * while the cache's accounting never goes over its bound; entries larger than the bound are not kept; concurrent use
 * keeps the accounting whole.
 */
class BrickCacheTest {
    private static final WorkspaceInfo INFO = new WorkspaceInfo("t", "EPSG:4527", "", "m",
            Instant.parse("2026-01-01T00:00:00Z"));
    /** One float32 column, one float64 column and one mask of a brick, as the cache accounts them. */
    private static final long BRICK_BYTES = 4L * Brick.CELLS + 8L * Brick.CELLS + Brick.CELLS / 8
            + 3 * BrickCache.ENTRY_OVERHEAD;

    @TempDir
    Path dir;

    /** 70 x 40 x 50 cells (3 x 2 x 2 bricks, the last ones cut by the grid's edge), a fifth absent, some nulls. */
    private static BlockData model() {
        BlockModel m = new BlockModel("pit", 1000, 2000, -300, 30, 5, 5, 2.5, 70, 40, 50, List.of(
                BlockAttribute.of("au", AttributeType.FLOAT32), BlockAttribute.of("cu", AttributeType.FLOAT64)));
        SplittableRandom r = new SplittableRandom(20261130L);
        BlockData.Builder b = BlockData.builder(m);
        for (int k = 0; k < m.nz(); k++) {
            for (int j = 0; j < m.ny(); j++) {
                for (int i = 0; i < m.nx(); i++) {
                    if (r.nextInt(5) > 0) {
                        b.put(i, j, k, new double[] {r.nextInt(20) == 0 ? Double.NaN : r.nextDouble() * 8,
                            r.nextDouble() * 2});
                    }
                }
            }
        }
        return b.build();
    }

    /** A source that checks the cache's accounting after every brick it hands out. */
    private record Checked(BrickSource in, BrickCache cache, long[] reads) implements BrickSource {
        @Override
        public BlockModel model() {
            return in.model();
        }

        @Override
        public List<Header> headers() {
            return in.headers();
        }

        @Override
        public Brick brick(long index, boolean[] attributes) {
            Brick b = in.brick(index, attributes);
            reads[0]++;
            assertTrue(cache.bytes() <= cache.bound(), () -> cache + " is over its bound");
            assertTrue(cache.consistent(), () -> cache + " does not add up");
            return b;
        }
    }

    private static List<long[]> cells(BrickSource src, BlockQuery q) {
        List<long[]> out = new ArrayList<>();
        BlockScan.select(src, q, List.of("au", "cu"), (i, j, k, b, local) -> out.add(new long[] {i, j, k,
            Double.doubleToLongBits(b.value(0, local)), Double.doubleToLongBits(b.value(1, local))}));
        return out;
    }

    @Test
    void modelLargerThanTheBoundAnswersAsAnUnboundedCacheAndStaysWithinIt() throws Exception {
        try (SqliteStore ws = SqliteStore.create(dir.resolve("w.gpkg"), INFO)) {
            ws.writeBlockModel(model(), "", new Provenance(List.of(), "u", Map.of(), List.of()));
            BrickCache unbounded = new BrickCache(Long.MAX_VALUE);
            long bound = 3 * BRICK_BYTES;
            BrickCache small = new BrickCache(bound);
            Aggregation agg = Aggregation.basic().density(2.7).summarise("au").summarise("cu")
                    .gradeTonnage("au", 1, 2, 4, 6);
            List<BlockQuery> queries = List.of(BlockQuery.all(),
                    BlockQuery.all().where(AttributePredicate.of("au", AttributePredicate.Op.GT, 3.5)),
                    BlockQuery.all().within(new Box3(1000, 2000, -300, 1200, 2150, -250)));
            long[] reads = new long[1];
            for (int pass = 0; pass < 2; pass++) {
                for (BlockQuery q : queries) {
                    BrickSource full = BlockTables.source(ws.readConnection(), unbounded, "pit", 0);
                    BrickSource bounded = new Checked(BlockTables.source(ws.readConnection(), small, "pit", 0), small,
                            reads);
                    AggregateResult want = BlockScan.aggregate(full, q, agg);
                    AggregateResult got = BlockScan.aggregate(bounded, q, agg);
                    assertEquals(want, got, "pass " + pass + " " + q);
                    List<long[]> wantCells = cells(full, q);
                    List<long[]> gotCells = cells(bounded, q);
                    assertEquals(wantCells.size(), gotCells.size());
                    for (int c = 0; c < wantCells.size(); c++) {
                        assertArrayEquals(wantCells.get(c), gotCells.get(c), "cell " + c + " of " + q);
                    }
                }
            }
            assertTrue(reads[0] > 12, "the bounded source was read " + reads[0] + " times");
            BlockModelStore.CacheUse use = small.use();
            assertTrue(use.peak() <= bound, use.toString());
            assertTrue(use.peak() > bound - BRICK_BYTES, "the cache was filled: " + use);
            assertTrue(use.evictions() > 0, use.toString());
            assertTrue(use.misses() > unbounded.use().misses(), "the bounded cache read bricks again: " + use + " vs "
                    + unbounded.use());
            // 12 bricks x (mask + 2 columns) + the headers: the unbounded cache read each once
            assertEquals(12 * 3 + 1, unbounded.use().misses(), unbounded.use().toString());
            assertEquals(12 * 3 + 1, unbounded.use().entries());
        }
    }

    @Test
    void aSourceOtherThanBlockDataIsWrittenABrickAtATime() throws Exception {
        BlockData data = model();
        try (SqliteStore ws = SqliteStore.create(dir.resolve("w.gpkg"), INFO)) {
            long[] reads = new long[1];
            BrickCache none = new BrickCache(0);
            BlockModelStore.Version v = ws.writeBlockModel(new Checked(data, none, reads), "streamed",
                    new Provenance(List.of(), "u", Map.of(), List.of()));
            assertEquals(12, reads[0], "each brick is taken once");
            assertEquals(data.cells(), v.cells());
            assertEquals(12, v.bricks());
            BrickSource back = BlockTables.source(ws.readConnection(), none, "pit", 0);
            assertEquals(data.headers(), back.headers());
            List<long[]> want = cells(data, BlockQuery.all());
            List<long[]> got = cells(back, BlockQuery.all());
            assertEquals(want.size(), got.size());
            for (int c = 0; c < want.size(); c++) {
                assertArrayEquals(want.get(c), got.get(c), "cell " + c);
            }
            assertEquals(0, none.use().peak(), "a cache bounded at 0 bytes keeps nothing");
        }
    }

    @Test
    void aValueLargerThanTheBoundIsHandedOutButNotKept() {
        BrickCache c = new BrickCache(1000);
        float[] big = new float[Brick.CELLS];
        assertSame(big, c.column(1, 0, 7, () -> big));
        assertEquals(0, c.bytes());
        long[] small = new long[8];
        assertSame(small, c.mask(1, 7, () -> small));
        assertEquals(64 + BrickCache.ENTRY_OVERHEAD, c.bytes());
        assertSame(small, c.mask(1, 7, () -> new long[8]), "a hit returns the kept array");
        assertEquals(1, c.use().hits());
        assertEquals(2, c.use().misses());
    }

    @Test
    void leastRecentlyUsedGoesFirst() {
        long entry = 4L * 100 + BrickCache.ENTRY_OVERHEAD;
        BrickCache c = new BrickCache(3 * entry);
        for (int b = 0; b < 3; b++) {
            c.column(1, 0, b, () -> new float[100]);
        }
        c.column(1, 0, 0, () -> new float[100]); // touch brick 0: brick 1 is now the least recently used
        c.column(1, 0, 3, () -> new float[100]);
        long misses = c.use().misses();
        c.column(1, 0, 0, () -> new float[100]);
        c.column(1, 0, 2, () -> new float[100]);
        c.column(1, 0, 3, () -> new float[100]);
        assertEquals(misses, c.use().misses(), "bricks 0, 2 and 3 are still held");
        c.column(1, 0, 1, () -> new float[100]);
        assertEquals(misses + 1, c.use().misses(), "brick 1 was evicted");
        assertEquals(3 * entry, c.bytes());
        assertEquals(2, c.use().evictions());
    }

    @Test
    void concurrentUseKeepsTheAccountingWithinTheBound() throws Exception {
        long bound = 20 * (4L * 256 + BrickCache.ENTRY_OVERHEAD);
        BrickCache c = new BrickCache(bound);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                jobs.add(pool.submit(() -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    for (int n = 0; n < 20_000; n++) {
                        int brick = r.nextInt(60);
                        float[] f = (float[]) c.column(9, 1, brick, () -> {
                            float[] v = new float[256];
                            java.util.Arrays.fill(v, brick);
                            return v;
                        });
                        if (f[0] != brick || f[255] != brick) {
                            throw new AssertionError("brick " + brick + " got the values of " + f[0]);
                        }
                        if (c.bytes() > bound) {
                            throw new AssertionError(c + " is over its bound");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(c.consistent(), c.toString());
        assertTrue(c.use().peak() <= bound, c.use().toString());
        assertEquals(80_000, c.use().hits() + c.use().misses());
    }

    @Test
    void boundsAreByteCounts() {
        assertEquals(2L << 30, BrickCache.parseBytes("2g"));
        assertEquals(512L << 20, BrickCache.parseBytes(" 512M "));
        assertEquals(64L << 10, BrickCache.parseBytes("64k"));
        assertEquals(1_048_576, BrickCache.parseBytes("1048576"));
        assertThrows(IllegalArgumentException.class, () -> BrickCache.parseBytes("lots"));
        assertThrows(IllegalArgumentException.class, () -> BrickCache.parseBytes("-1g"));
        assertThrows(IllegalArgumentException.class, () -> new BrickCache(-1));
    }
}
