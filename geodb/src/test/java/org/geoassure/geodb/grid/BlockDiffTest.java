package org.geoassure.geodb.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.Box3;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockDiff} against a brute-force comparison of every cell of two seeded random versions (seed printed on
 * failure): cells removed, added and changed; an attribute dropped and one added; a box; different grids refused.
 */
class BlockDiffTest {
    private static final long SEED = Long.getLong("geoassure.seed", 20261130L);
    private static final List<String> ROCKS = List.of("oxide", "fresh");

    private static BlockModel grid(List<BlockAttribute> attrs) {
        return new BlockModel("pit", 500_000, 3_800_000, -100, 15, 10, 10, 5, 45, 40, 12, attrs);
    }

    @Test
    void matchesABruteForceComparison() {
        Random r = new Random(SEED);
        BlockModel m1 = grid(List.of(BlockAttribute.of("au", AttributeType.FLOAT32),
                BlockAttribute.category("rock", ROCKS), BlockAttribute.of("old", AttributeType.FLOAT64)));
        BlockModel m2 = grid(List.of(BlockAttribute.of("au", AttributeType.FLOAT32),
                BlockAttribute.category("rock", ROCKS), BlockAttribute.of("cu", AttributeType.FLOAT64)));
        BlockData.Builder b1 = BlockData.builder(m1);
        BlockData.Builder b2 = BlockData.builder(m2);
        int n = m1.nx() * m1.ny() * m1.nz();
        double[][] v1 = new double[n][];
        double[][] v2 = new double[n][];
        for (int k = 0; k < m1.nz(); k++) {
            for (int j = 0; j < m1.ny(); j++) {
                for (int i = 0; i < m1.nx(); i++) {
                    int p = i + m1.nx() * (j + m1.ny() * k);
                    double au = r.nextInt(8) == 0 ? Double.NaN : (float) (r.nextDouble() * 4);
                    double rock = r.nextInt(2);
                    int fate = r.nextInt(10); // 0: only in v1, 1: only in v2, 2: au changes, 3: rock changes
                    if (fate != 1) {
                        v1[p] = new double[] {au, rock, r.nextDouble()};
                        b1.put(i, j, k, v1[p]);
                    }
                    if (fate != 0) {
                        double au2 = fate == 2 ? (Double.isNaN(au) ? 1.5 : (float) (au + 0.25)) : au;
                        double rock2 = fate == 3 ? 1 - rock : rock;
                        v2[p] = new double[] {au2, rock2, r.nextDouble()};
                        b2.put(i, j, k, v2[p]);
                    }
                }
            }
        }
        Box3 box = new Box3(500_050, 3_800_020, -80, 500_300, 3_800_250, -60);
        BlockQuery q = BlockQuery.all().within(box);
        List<String> got = new ArrayList<>();
        BlockDiff.Summary s = BlockDiff.diff(b1.build(), b2.build(), q, c -> got.add(c.i() + "," + c.j() + "," + c.k()
                + " " + c.kind() + " " + c.attribute() + " " + c.before() + " " + c.after()));
        // brute force: every cell whose centroid is in the box
        List<String> want = new ArrayList<>();
        long added = 0;
        long removed = 0;
        long changed = 0;
        long unchanged = 0;
        double[] c = new double[3];
        for (int k = 0; k < m1.nz(); k++) {
            for (int j = 0; j < m1.ny(); j++) {
                for (int i = 0; i < m1.nx(); i++) {
                    m1.centroid(i, j, k, c);
                    if (c[0] < box.minX() || c[0] > box.maxX() || c[1] < box.minY() || c[1] > box.maxY()
                            || c[2] < box.minZ() || c[2] > box.maxZ()) {
                        continue;
                    }
                    int p = i + m1.nx() * (j + m1.ny() * k);
                    String at = i + "," + j + "," + k + " ";
                    if (v1[p] != null && v2[p] == null) {
                        removed++;
                        String[] names = {"au", "rock", "old"};
                        for (int a = 0; a < 3; a++) {
                            if (!Double.isNaN(v1[p][a])) {
                                want.add(at + "REMOVED " + names[a] + " " + v1[p][a] + " NaN");
                            }
                        }
                    } else if (v1[p] == null && v2[p] != null) {
                        added++;
                        String[] names = {"au", "rock", "cu"};
                        for (int a = 0; a < 3; a++) {
                            if (!Double.isNaN(v2[p][a])) {
                                want.add(at + "ADDED " + names[a] + " NaN " + v2[p][a]);
                            }
                        }
                    } else if (v1[p] != null) {
                        boolean any = false;
                        String[] names = {"au", "rock"};
                        for (int a = 0; a < 2; a++) {
                            if (Double.doubleToLongBits(v1[p][a]) != Double.doubleToLongBits(v2[p][a])) {
                                any = true;
                                want.add(at + "CHANGED " + names[a] + " " + v1[p][a] + " " + v2[p][a]);
                            }
                        }
                        if (any) {
                            changed++;
                        } else {
                            unchanged++;
                        }
                    }
                }
            }
        }
        String seed = "seed " + SEED;
        assertEquals(new TreeSet<>(want), new TreeSet<>(got), seed);
        assertEquals(want.size(), got.size(), seed);
        assertEquals(List.of(added, removed, changed, unchanged), List.of(s.added(), s.removed(), s.changed(),
                s.unchanged()), seed);
        assertTrue(added > 0 && removed > 0 && changed > 0 && unchanged > 0, seed + ": every kind occurs");
        assertEquals(List.of("old"), s.onlyBefore());
        assertEquals(List.of("cu"), s.onlyAfter());
        assertEquals(List.of("au", "rock"), List.copyOf(s.changedByAttribute().keySet()));
    }

    @Test
    void differentGridsAndPredicatesAreRefused() {
        BlockModel a = grid(List.of(BlockAttribute.of("au", AttributeType.FLOAT32)));
        BlockModel b = new BlockModel("pit", 500_000, 3_800_000, -100, 15, 10, 10, 5, 45, 40, 13, a.attributes());
        BlockData da = BlockData.builder(a).put(0, 0, 0, new double[] {1}).build();
        BlockData db = BlockData.builder(b).put(0, 0, 0, new double[] {1}).build();
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> BlockDiff.diff(da, db, BlockQuery.all(), c -> { }));
        assertTrue(e.getMessage().contains("lie on different grids"), e.getMessage());
        InvalidContentException w = assertThrows(InvalidContentException.class, () -> BlockDiff.diff(da, da,
                BlockQuery.all().where(new org.geoassure.geodb.query.AttributePredicate("au",
                        org.geoassure.geodb.query.AttributePredicate.Op.GT, List.of("1"))), c -> { }));
        assertTrue(w.getMessage().contains("by position"), w.getMessage());
        assertEquals(Map.of("au", 0L), BlockDiff.diff(da, da, BlockQuery.all(), c -> { }).changedByAttribute());
    }
}
