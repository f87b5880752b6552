package org.geoassure.geodb.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A block model in memory: its definition and its bricks in Morton order. Only bricks with at least one present cell
 * exist, so a sparse model costs memory in proportion to its occupied bricks. Build one with {@link #builder}.
 */
public final class BlockData implements BrickSource {
    private final BlockModel model;
    private final Map<Long, Brick> bricks;
    private final long cells;
    /** The headers, computed on first use (the bricks do not change once built). */
    private volatile List<Header> headers;

    private BlockData(BlockModel model, TreeMap<Long, Brick> bricks) {
        this.model = model;
        this.bricks = Collections.unmodifiableMap(bricks);
        long n = 0;
        for (Brick b : bricks.values()) {
            n += b.cells();
        }
        this.cells = n;
    }

    /** A model from bricks (e.g. read back from a store); empty bricks are dropped. */
    public static BlockData of(BlockModel model, List<Brick> bricks) {
        TreeMap<Long, Brick> map = new TreeMap<>();
        for (Brick b : bricks) {
            if (b.cells() > 0) {
                map.put(b.index(), b);
            }
        }
        return new BlockData(model, map);
    }

    /** A builder of the cells of {@code model}. */
    public static Builder builder(BlockModel model) {
        return new Builder(model);
    }

    @Override
    public BlockModel model() {
        return model;
    }

    /** Present cells. */
    public long cells() {
        return cells;
    }

    /** The bricks in Morton order. */
    public List<Brick> bricks() {
        return List.copyOf(bricks.values());
    }

    @Override
    public List<Header> headers() {
        List<Header> h = headers;
        if (h == null) {
            h = computeHeaders();
            headers = h;
        }
        return h;
    }

    private List<Header> computeHeaders() {
        List<Header> h = new ArrayList<>(bricks.size());
        for (Brick b : bricks.values()) {
            List<BrickStats> stats = new ArrayList<>();
            for (int a = 0; a < model.attributes().size(); a++) {
                stats.add(b.stats(a));
            }
            h.add(new Header(b.index(), b.cells(), stats));
        }
        return List.copyOf(h);
    }

    @Override
    public Brick brick(long index, boolean[] attributes) {
        Brick b = bricks.get(index);
        if (b == null) {
            throw new IllegalArgumentException("model " + model.name() + " has no brick " + index);
        }
        return b;
    }

    /** Value of attribute {@code a} at (i, j, k): NaN for null or an absent cell. */
    public double value(int a, int i, int j, int k) {
        Brick b = bricks.get(Morton.encode(i >> Brick.SHIFT, j >> Brick.SHIFT, k >> Brick.SHIFT));
        return b == null ? Double.NaN : b.value(a, Brick.local(i, j, k));
    }

    /** Whether cell (i, j, k) is present. */
    public boolean present(int i, int j, int k) {
        Brick b = bricks.get(Morton.encode(i >> Brick.SHIFT, j >> Brick.SHIFT, k >> Brick.SHIFT));
        return b != null && b.present(Brick.local(i, j, k));
    }

    /** Collects cells; each cell may be given once. Not thread-safe; unusable after {@link #build()}. */
    public static final class Builder {
        private final BlockModel model;
        private final TreeMap<Long, Brick> bricks = new TreeMap<>();
        private boolean built;

        private Builder(BlockModel model) {
            this.model = model;
        }

        /**
         * Adds cell (i, j, k) with one value per attribute, as doubles: NaN is null; an int32 or category value must
         * be a whole number (a category value is a code of the attribute's table).
         *
         * @throws IllegalArgumentException if the cell is outside the grid or already given, or a value does not fit
         */
        public Builder put(int i, int j, int k, double[] values) {
            if (built) {
                throw new IllegalStateException("this builder has built its model; start a new one");
            }
            if (i < 0 || j < 0 || k < 0 || i >= model.nx() || j >= model.ny() || k >= model.nz()) {
                throw new IllegalArgumentException("cell (" + i + "," + j + "," + k + ") is outside the grid 0.."
                        + (model.nx() - 1) + ", 0.." + (model.ny() - 1) + ", 0.." + (model.nz() - 1));
            }
            if (values.length != model.attributes().size()) {
                throw new IllegalArgumentException("cell (" + i + "," + j + "," + k + "): " + values.length
                        + " values for " + model.attributes().size() + " attributes");
            }
            long index = Morton.encode(i >> Brick.SHIFT, j >> Brick.SHIFT, k >> Brick.SHIFT);
            Brick b = bricks.computeIfAbsent(index, x -> Brick.empty(x, model.attributes()));
            int local = Brick.local(i, j, k);
            if (b.present(local)) {
                throw new IllegalArgumentException("cell (" + i + "," + j + "," + k + ") is given twice");
            }
            for (int a = 0; a < values.length; a++) {
                BlockAttribute attr = model.attributes().get(a);
                double v = values[a];
                switch (attr.type()) {
                    case FLOAT32 -> ((float[]) b.column(a))[local] = (float) v;
                    case FLOAT64 -> ((double[]) b.column(a))[local] = v;
                    default -> {
                        int code = Double.isNaN(v) ? AttributeType.INT_NULL : (int) v;
                        if (!Double.isNaN(v) && (code != v || code == AttributeType.INT_NULL)) {
                            throw new IllegalArgumentException(attr.name() + ": " + v + " is not an int32");
                        }
                        if (attr.type() == AttributeType.CATEGORY && code != AttributeType.INT_NULL
                                && (code < 0 || code >= attr.categories().size())) {
                            throw new IllegalArgumentException(attr.name() + ": code " + code + " is not in the code "
                                    + "table (" + attr.categories().size() + " labels)");
                        }
                        ((int[]) b.column(a))[local] = code;
                    }
                }
            }
            b.markPresent(local);
            return this;
        }

        /** The model; the builder's bricks move into it. */
        public BlockData build() {
            built = true;
            return new BlockData(model, new TreeMap<>(bricks));
        }
    }
}
