package org.geoassure.geodb.hazard.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.hazard.AnalysisGrid;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Zones as the union of marked cells: each row's runs of marked cells become rectangles, runs with the same span in
 * consecutive rows are merged into one taller rectangle, and the rectangles are unioned (JTS cascaded union) in grid
 * index space, where every vertex is an integer and the union is exact; the result is then placed in the world by the
 * grid's affine transformation. The zone's area is exactly (marked cells) × (cell area) up to rounding.
 */
public final class CellZones {
    private CellZones() {
    }

    /** The union of cells with {@code mask[c] != 0}, in world coordinates; an empty MultiPolygon when none is set. */
    public static Geometry union(AnalysisGrid grid, byte[] mask, GeometryFactory world) {
        GeometryFactory index = new GeometryFactory(new PrecisionModel(), 0);
        int nx = grid.nx();
        int ny = grid.ny();
        List<Geometry> rects = new ArrayList<>();
        Map<Long, Integer> open = new HashMap<>(); // span key (i0, i1) -> first row
        Map<Long, Integer> next = new HashMap<>();
        for (int j = 0; j <= ny; j++) {
            next.clear();
            if (j < ny) {
                int row = j * nx;
                int i = 0;
                while (i < nx) {
                    if (mask[row + i] == 0) {
                        i++;
                        continue;
                    }
                    int i0 = i;
                    while (i < nx && mask[row + i] != 0) {
                        i++;
                    }
                    long key = ((long) i0 << 32) | i;
                    Integer start = open.remove(key);
                    next.put(key, start == null ? j : start);
                }
            }
            for (Map.Entry<Long, Integer> e : open.entrySet()) {
                int i0 = (int) (e.getKey() >>> 32);
                int i1 = (int) (long) e.getKey();
                rects.add(rect(index, i0, e.getValue(), i1, j));
            }
            Map<Long, Integer> t = open;
            open = next;
            next = t;
        }
        if (rects.isEmpty()) {
            return world.createMultiPolygon();
        }
        Geometry u = UnaryUnionOp.union(rects);
        Geometry placed = grid.indexToWorld().transform(u);
        return world.createGeometry(placed);
    }

    private static Polygon rect(GeometryFactory f, int i0, int j0, int i1, int j1) {
        return (Polygon) f.toGeometry(new org.locationtech.jts.geom.Envelope(i0, i1, j0, j1));
    }
}
