package org.geoassure.geodb.query.sql.internal;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.geoassure.geodb.query.SpatialFilter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/** Recognises the SQL conditions the storage can answer through its index. Internal. */
final class Pushdown {
    private Pushdown() {
    }

    /**
     * {@code ST_3DDWithin(geom, G, d)} or {@code ST_3DDWithin(G, geom, d)} with G a constant point or line string
     * (literal, or {@code ST_MakePoint} of numeric literals) and d a numeric literal, where any literal may also be a
     * PreparedStatement parameter (read from {@code params} at scan time): the equivalent spatial filter, else null.
     */
    static SpatialFilter dWithin(RexNode node, int geomIndex, DataContext params) {
        if (geomIndex < 0 || !(node instanceof RexCall call)
                || !call.getOperator().getName().equalsIgnoreCase("ST_3DDWithin") || call.getOperands().size() != 3) {
            return null;
        }
        List<RexNode> ops = call.getOperands();
        RexNode other;
        if (isColumn(ops.get(0), geomIndex)) {
            other = ops.get(1);
        } else if (isColumn(ops.get(1), geomIndex)) {
            other = ops.get(0);
        } else {
            return null;
        }
        Double d = number(ops.get(2), params);
        Geometry g = constantGeometry(other, params);
        if (d == null || g == null || !(d >= 0)) {
            return null;
        }
        if (g instanceof Point p) {
            Coordinate c = p.getCoordinate();
            return Double.isNaN(c.getZ()) ? null : new SpatialFilter.NearPoint(c.getX(), c.getY(), c.getZ(), d);
        }
        if (g instanceof LineString l && l.getNumPoints() >= 2) {
            Coordinate[] cs = l.getCoordinates();
            double[] xyz = new double[3 * cs.length];
            for (int i = 0; i < cs.length; i++) {
                if (Double.isNaN(cs[i].getZ())) {
                    return null;
                }
                xyz[3 * i] = cs[i].getX();
                xyz[3 * i + 1] = cs[i].getY();
                xyz[3 * i + 2] = cs[i].getZ();
            }
            return new SpatialFilter.NearPolyline(xyz, d);
        }
        return null;
    }

    /** Whether the geometry column is the first argument of the call (the store's argument order). */
    static boolean geomFirst(RexNode node, int geomIndex) {
        return node instanceof RexCall call && isColumn(call.getOperands().get(0), geomIndex);
    }

    private static boolean isColumn(RexNode n, int index) {
        return n instanceof RexInputRef ref && ref.getIndex() == index;
    }

    private static Double number(RexNode n, DataContext params) {
        RexNode v = strip(n);
        if (v instanceof RexDynamicParam p && params != null) {
            Object o = params.get("?" + p.getIndex());
            return o instanceof Number num ? num.doubleValue() : null;
        }
        if (v instanceof RexLiteral lit) {
            Object o = lit.getValue();
            if (o instanceof BigDecimal b) {
                return b.doubleValue();
            }
            if (o instanceof Number num) {
                return num.doubleValue();
            }
        }
        return null;
    }

    private static Geometry constantGeometry(RexNode n, DataContext params) {
        RexNode v = strip(n);
        if (v instanceof RexLiteral lit && lit.getValue() instanceof Geometry g) {
            return g;
        }
        if (v instanceof RexDynamicParam p && params != null && params.get("?" + p.getIndex()) instanceof Geometry g) {
            return g;
        }
        if (v instanceof RexCall call && call.getOperator().getName().equalsIgnoreCase("ST_MakePoint")
                && call.getOperands().size() == 3) {
            Double x = number(call.getOperands().get(0), params);
            Double y = number(call.getOperands().get(1), params);
            Double z = number(call.getOperands().get(2), params);
            if (x != null && y != null && z != null) {
                return SpatialFunctions.stMakePoint(x, y, z);
            }
        }
        return null;
    }

    /** Looks through casts, which Calcite adds around literals passed to ANY parameters. */
    private static RexNode strip(RexNode n) {
        RexNode v = n;
        while (v instanceof RexCall c && c.getKind() == org.apache.calcite.sql.SqlKind.CAST && c.getOperands().size() == 1) {
            v = c.getOperands().get(0);
        }
        return v;
    }
}
