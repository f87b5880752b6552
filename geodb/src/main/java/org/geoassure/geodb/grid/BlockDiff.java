package org.geoassure.geodb.grid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;

/**
 * What changed between two versions of a block model inside a selection (a box, a region; attribute predicates are
 * not allowed, as they would select different cells in each version): cells that appeared, cells that went, and for
 * the attributes both versions have, cells whose value changed (compared exactly: two nulls are equal, a float32
 * written again from the same value is unchanged). Attributes only one version has are named, not compared cell by
 * cell. Both versions must lie on the same grid (origin, rotation, cell sizes and dimensions); a model whose grid
 * changed is a new model, not a new version to compare cell by cell.
 */
public final class BlockDiff {
    private BlockDiff() {
    }

    /** How a cell changed. */
    public enum Kind {
        /** Present in the second version only. */
        ADDED,
        /** Present in the first version only. */
        REMOVED,
        /** Present in both, with another value of the attribute. */
        CHANGED
    }

    /**
     * One change of one cell: for {@link Kind#CHANGED} one attribute's old and new value; for added and removed
     * cells, one change per attribute the cell has a value of in the version that has it (before or after NaN).
     *
     * @param attribute the attribute name
     * @param before the value in the first version (NaN: absent or null; a category as its code)
     * @param after the value in the second version
     */
    public record Change(int i, int j, int k, Kind kind, String attribute, double before, double after) {
    }

    /** Receives the changes, in brick order then cell order. */
    @FunctionalInterface
    public interface Sink {
        void change(Change c);
    }

    /**
     * The counts of a diff.
     *
     * @param added cells present in the second version only
     * @param removed cells present in the first version only
     * @param changed cells present in both with at least one common attribute's value changed
     * @param unchanged cells present in both with every common attribute equal
     * @param changedByAttribute cells changed, per common attribute (in the first version's order)
     * @param onlyBefore attributes only the first version has
     * @param onlyAfter attributes only the second version has
     */
    public record Summary(long added, long removed, long changed, long unchanged, Map<String, Long> changedByAttribute,
            List<String> onlyBefore, List<String> onlyAfter) {
        public Summary {
            changedByAttribute = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changedByAttribute));
            onlyBefore = List.copyOf(onlyBefore);
            onlyAfter = List.copyOf(onlyAfter);
        }
    }

    /**
     * Compares {@code before} and {@code after} in the cells {@code query} selects by position.
     *
     * @throws InvalidContentException if the grids differ or the query has attribute predicates
     */
    public static Summary diff(BrickSource before, BrickSource after, BlockQuery query, Sink sink) {
        BlockModel a = before.model();
        BlockModel b = after.model();
        if (a.originX() != b.originX() || a.originY() != b.originY() || a.originZ() != b.originZ()
                || a.rotation() != b.rotation() || a.dx() != b.dx() || a.dy() != b.dy() || a.dz() != b.dz()
                || a.nx() != b.nx() || a.ny() != b.ny() || a.nz() != b.nz()) {
            throw new InvalidContentException("the two versions of block model " + a.name() + " lie on different grids "
                    + "(origin, rotation, cell sizes or dimensions changed), so they cannot be compared cell by cell");
        }
        if (!query.where().isEmpty()) {
            throw new InvalidContentException("a diff selects cells by position (box, region), not by attribute values, "
                    + "which differ between the versions");
        }
        List<String> common = new ArrayList<>();
        List<String> onlyBefore = new ArrayList<>();
        List<String> onlyAfter = new ArrayList<>();
        for (BlockAttribute x : a.attributes()) {
            if (b.attributeIndex(x.name()) >= 0 && b.attribute(x.name()).type() == x.type()
                    && b.attribute(x.name()).categories().equals(x.categories())) {
                common.add(x.name());
            } else {
                onlyBefore.add(x.name());
            }
        }
        for (BlockAttribute x : b.attributes()) {
            if (!common.contains(x.name())) {
                onlyAfter.add(x.name());
            }
        }
        int[] ia = new int[common.size()];
        int[] ib = new int[common.size()];
        for (int c = 0; c < ia.length; c++) {
            ia[c] = a.attributeIndex(common.get(c));
            ib[c] = b.attributeIndex(common.get(c));
        }
        Bricks inB = new Bricks(after);
        Bricks inA = new Bricks(before);
        long[] counts = new long[4];
        long[] byAttr = new long[common.size()];
        List<String> all = new ArrayList<>(common);
        all.addAll(onlyBefore);
        // cells of the first version: removed, changed or unchanged
        BlockScan.select(before, query, all, (i, j, k, brick, local) -> {
            Brick other = inB.at(i, j, k);
            if (other == null || !other.present(local)) {
                counts[1]++;
                for (int x = 0; x < a.attributes().size(); x++) {
                    double v = brick.value(x, local);
                    if (!Double.isNaN(v)) {
                        sink.change(new Change(i, j, k, Kind.REMOVED, a.attributes().get(x).name(), v, Double.NaN));
                    }
                }
                return;
            }
            boolean changed = false;
            for (int c = 0; c < ia.length; c++) {
                double v0 = brick.value(ia[c], local);
                double v1 = other.value(ib[c], local);
                if (Double.doubleToLongBits(v0) != Double.doubleToLongBits(v1)) {
                    changed = true;
                    byAttr[c]++;
                    sink.change(new Change(i, j, k, Kind.CHANGED, common.get(c), v0, v1));
                }
            }
            counts[changed ? 2 : 3]++;
        });
        List<String> allAfter = new ArrayList<>();
        b.attributes().forEach(x -> allAfter.add(x.name()));
        // cells of the second version the first lacks: added
        BlockScan.select(after, query, allAfter, (i, j, k, brick, local) -> {
            Brick other = inA.at(i, j, k);
            if (other != null && other.present(local)) {
                return;
            }
            counts[0]++;
            for (int x = 0; x < b.attributes().size(); x++) {
                double v = brick.value(x, local);
                if (!Double.isNaN(v)) {
                    sink.change(new Change(i, j, k, Kind.ADDED, b.attributes().get(x).name(), Double.NaN, v));
                }
            }
        });
        Map<String, Long> per = new LinkedHashMap<>();
        for (int c = 0; c < byAttr.length; c++) {
            per.put(common.get(c), byAttr[c]);
        }
        return new Summary(counts[0], counts[1], counts[2], counts[3], per, onlyBefore, onlyAfter);
    }

    /** The bricks of one version, read with all attributes as the scan of the other version reaches them. */
    private static final class Bricks {
        private final BrickSource source;
        private final Set<Long> stored = new HashSet<>();
        private final boolean[] all;
        private long index = -1;
        private Brick brick;

        Bricks(BrickSource source) {
            this.source = source;
            for (BrickSource.Header h : source.headers()) {
                stored.add(h.index());
            }
            all = new boolean[source.model().attributes().size()];
            java.util.Arrays.fill(all, true);
        }

        /** The brick holding cell (i, j, k), or null when the version stores none there. */
        Brick at(int i, int j, int k) {
            long idx = Morton.encode(i >> Brick.SHIFT, j >> Brick.SHIFT, k >> Brick.SHIFT);
            if (idx != index) {
                index = idx;
                brick = stored.contains(idx) ? source.brick(idx, all) : null;
            }
            return brick;
        }
    }
}
