package org.geoassure.geodb.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.internal.Geometry3;

/**
 * R*Tree entries collected during an ingest and inserted at its end in Morton (Z-order) of their centres: nearby
 * boxes go in together, which makes the inserts cheaper and the tree's nodes tighter than inserting hole by hole.
 * Internal.
 */
final class BoxBuffer {
    private long[] ids = new long[1024];
    private double[] boxes = new double[6 * 1024];
    private int size;

    /** Adds the bounding box of {@code n} packed x,y,z points under {@code id}. */
    void add(long id, double[] xyz, int n) {
        Box3 b = Geometry3.bounds(xyz, n);
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, 2 * size);
            boxes = Arrays.copyOf(boxes, 12 * size);
        }
        ids[size] = id;
        int o = 6 * size;
        boxes[o] = b.minX();
        boxes[o + 1] = b.maxX();
        boxes[o + 2] = b.minY();
        boxes[o + 3] = b.maxY();
        boxes[o + 4] = b.minZ();
        boxes[o + 5] = b.maxZ();
        size++;
    }

    int size() {
        return size;
    }

    /**
     * Inserts every entry with {@code insert} (parameters id, minx, maxx, miny, maxy, minz, maxz), in Morton order of
     * the box centres over the buffer's extent.
     */
    void insertAll(PreparedStatement insert) throws SQLException {
        if (size == 0) {
            return;
        }
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < 3; k++) {
                double c = 0.5 * (boxes[6 * i + 2 * k] + boxes[6 * i + 2 * k + 1]);
                lo[k] = Math.min(lo[k], c);
                hi[k] = Math.max(hi[k], c);
            }
        }
        long[] codes = new long[size];
        for (int i = 0; i < size; i++) {
            long code = 0;
            for (int k = 0; k < 3; k++) {
                double c = 0.5 * (boxes[6 * i + 2 * k] + boxes[6 * i + 2 * k + 1]);
                double span = hi[k] - lo[k];
                long q = span > 0 ? (long) ((c - lo[k]) / span * ((1 << 21) - 1)) : 0;
                code |= org.geoassure.geodb.grid.Morton.spread(q) << k;
            }
            codes[i] = code;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> codes[i]));
        for (int i : order) {
            insert.setLong(1, ids[i]);
            for (int k = 0; k < 6; k++) {
                insert.setDouble(2 + k, boxes[6 * i + k]);
            }
            insert.executeUpdate();
        }
    }
}
