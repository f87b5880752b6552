package org.geoassure.geodb.grid;

import java.util.List;

/**
 * Where a query reads a model's bricks from: memory ({@link BlockData}) or a store. The headers (Morton code, present
 * cells, per-attribute statistics) are read first; only the bricks a query cannot skip are then read, with only the
 * attributes it needs.
 */
public interface BrickSource {
    /** The model's definition. */
    BlockModel model();

    /** Every stored brick's header, in Morton order. */
    List<Header> headers();

    /**
     * One brick with at least the attributes flagged in {@code attributes} loaded.
     *
     * @param attributes one flag per model attribute
     */
    Brick brick(long index, boolean[] attributes);

    /**
     * What is known of a brick without reading it.
     *
     * @param index Morton code
     * @param cells present cells
     * @param stats one entry per model attribute
     */
    record Header(long index, int cells, List<BrickStats> stats) {
        public Header {
            stats = List.copyOf(stats);
        }
    }
}
