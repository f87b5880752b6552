package org.geoassure.geodb.query.sql.internal;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;
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
        if (geomIndex < 0 || !(node instanceof RexCall call)) {
            return null;
        }
        String fn = call.getOperator().getName();
        if (fn.equalsIgnoreCase("ST_3DIntersects") && call.getOperands().size() == 2) {
            return intersects(call.getOperands(), geomIndex, params);
        }
        if (!fn.equalsIgnoreCase("ST_3DDWithin") || call.getOperands().size() != 3) {
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
        if (SpatialFunctions.box(g) != null) {
            return null;
        }
        if (g instanceof LineString l && l.getNumPoints() >= 2) {
            double[] xyz = xyz(l);
            return xyz == null ? null : new SpatialFilter.NearPolyline(xyz, d);
        }
        return null;
    }

    /**
     * A comparison of an attribute column with a constant that the store can test: {@code col op c} or
     * {@code c op col} (=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=; text columns only = and &lt;&gt;, whose meaning does
     * not depend on collation), {@code col IS [NOT] NULL}, and Calcite's SEARCH form of {@code IN (...)} and of a
     * single range ({@code BETWEEN}). Else an empty list. Calcite still tests the condition on the rows the store
     * returns, so a store that tests more loosely loses nothing; one that tests the same way saves Calcite the work.
     *
     * @param column the column's name for each input index, or null if it is not an attribute column
     * @param numeric whether each input index is a numeric attribute
     */
    static List<AttributePredicate> attribute(RexNode node, String[] column, boolean[] numeric, DataContext params) {
        if (!(node instanceof RexCall call)) {
            return List.of();
        }
        List<RexNode> ops = call.getOperands();
        SqlKind kind = call.getKind();
        if ((kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) && ops.size() == 1
                && named(ops.get(0), column) && ops.get(0) instanceof RexInputRef ref) {
            return List.of(new AttributePredicate(column[ref.getIndex()],
                    kind == SqlKind.IS_NULL ? AttributePredicate.Op.IS_NULL : AttributePredicate.Op.NOT_NULL, List.of()));
        }
        if (kind == SqlKind.SEARCH && ops.size() == 2 && named(ops.get(0), column) && ops.get(0) instanceof RexInputRef ref
                && ops.get(1) instanceof RexLiteral lit) {
            return search(column[ref.getIndex()], numeric[ref.getIndex()], lit.getValueAs(Sarg.class));
        }
        AttributePredicate.Op op = switch (kind) {
            case EQUALS -> AttributePredicate.Op.EQ;
            case NOT_EQUALS -> AttributePredicate.Op.NE;
            case LESS_THAN -> AttributePredicate.Op.LT;
            case LESS_THAN_OR_EQUAL -> AttributePredicate.Op.LE;
            case GREATER_THAN -> AttributePredicate.Op.GT;
            case GREATER_THAN_OR_EQUAL -> AttributePredicate.Op.GE;
            default -> null;
        };
        if (op == null || ops.size() != 2) {
            return List.of();
        }
        RexNode value;
        int index;
        if (named(ops.get(0), column) && ops.get(0) instanceof RexInputRef ref) {
            index = ref.getIndex();
            value = ops.get(1);
        } else if (named(ops.get(1), column) && ops.get(1) instanceof RexInputRef ref) {
            index = ref.getIndex();
            value = ops.get(0);
            op = flip(op);
        } else {
            return List.of();
        }
        String text = constant(value, numeric[index], params);
        if (text == null || !numeric[index] && op != AttributePredicate.Op.EQ && op != AttributePredicate.Op.NE) {
            return List.of();
        }
        return List.of(new AttributePredicate(column[index], op, List.of(text)));
    }

    /** Points (IN) or one range, with nulls not matching; else nothing. */
    private static List<AttributePredicate> search(String column, boolean numeric, Sarg<?> sarg) {
        if (sarg == null || sarg.nullAs != RexUnknownAs.UNKNOWN && sarg.nullAs != RexUnknownAs.FALSE) {
            return List.of();
        }
        if (sarg.isPoints()) {
            List<String> values = new ArrayList<>();
            for (Range<?> r : sarg.rangeSet.asRanges()) {
                String v = text(r.lowerEndpoint(), numeric);
                if (v == null) {
                    return List.of();
                }
                values.add(v);
            }
            return values.isEmpty() ? List.of() : List.of(new AttributePredicate(column, AttributePredicate.Op.IN, values));
        }
        if (!numeric || sarg.rangeSet.asRanges().size() != 1) {
            return List.of();
        }
        Range<?> r = sarg.rangeSet.asRanges().iterator().next();
        List<AttributePredicate> out = new ArrayList<>();
        if (r.hasLowerBound()) {
            String v = text(r.lowerEndpoint(), true);
            if (v == null) {
                return List.of();
            }
            out.add(new AttributePredicate(column, r.lowerBoundType() == BoundType.CLOSED ? AttributePredicate.Op.GE
                    : AttributePredicate.Op.GT, List.of(v)));
        }
        if (r.hasUpperBound()) {
            String v = text(r.upperEndpoint(), true);
            if (v == null) {
                return List.of();
            }
            out.add(new AttributePredicate(column, r.upperBoundType() == BoundType.CLOSED ? AttributePredicate.Op.LE
                    : AttributePredicate.Op.LT, List.of(v)));
        }
        return out;
    }

    /**
     * {@code hole_id = 'X'} or {@code hole_id IN ('X', 'Y')} on input {@code holeIndex}: the hole ids, else null.
     */
    static List<String> holes(RexNode node, int holeIndex, DataContext params) {
        String[] column = new String[holeIndex + 1];
        column[holeIndex] = "hole_id";
        List<AttributePredicate> p = attribute(node, column, new boolean[holeIndex + 1], params);
        if (p.size() == 1 && (p.get(0).op() == AttributePredicate.Op.EQ || p.get(0).op() == AttributePredicate.Op.IN)) {
            return p.get(0).values();
        }
        return null;
    }

    private static boolean named(RexNode n, String[] column) {
        return n instanceof RexInputRef ref && ref.getIndex() < column.length && column[ref.getIndex()] != null;
    }

    private static AttributePredicate.Op flip(AttributePredicate.Op op) {
        return switch (op) {
            case LT -> AttributePredicate.Op.GT;
            case LE -> AttributePredicate.Op.GE;
            case GT -> AttributePredicate.Op.LT;
            case GE -> AttributePredicate.Op.LE;
            default -> op;
        };
    }

    /** A literal or parameter as the store's operand text, if its kind matches the column's; else null. */
    private static String constant(RexNode n, boolean numeric, DataContext params) {
        RexNode v = n;
        // a cast to double changes a decimal literal the way the store's parse does; other casts may truncate
        while (numeric && v instanceof RexCall c && c.getKind() == SqlKind.CAST
                && SqlTypeName.APPROX_TYPES.contains(c.getType().getSqlTypeName())) {
            v = c.getOperands().get(0);
        }
        if (v instanceof RexDynamicParam p && params != null) {
            return text(params.get("?" + p.getIndex()), numeric);
        }
        if (v instanceof RexLiteral lit) {
            return text(lit.getValue(), numeric);
        }
        return null;
    }

    private static String text(Object o, boolean numeric) {
        if (numeric && o instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (numeric && o instanceof Number num && Double.isFinite(num.doubleValue())) {
            return Double.toString(num.doubleValue());
        }
        if (!numeric && o instanceof NlsString s) {
            return s.getValue();
        }
        if (!numeric && o instanceof String s) {
            return s;
        }
        return null;
    }

    /**
     * {@code ST_3DIntersects(geom, G)} or {@code ST_3DIntersects(G, geom)} with G a constant box
     * ({@code ST_3DMakeBox} of constant points), point or line: the box filter, or a distance filter with distance 0.
     */
    private static SpatialFilter intersects(List<RexNode> ops, int geomIndex, DataContext params) {
        RexNode other;
        if (isColumn(ops.get(0), geomIndex)) {
            other = ops.get(1);
        } else if (isColumn(ops.get(1), geomIndex)) {
            other = ops.get(0);
        } else {
            return null;
        }
        Geometry g = constantGeometry(other, params);
        if (g == null) {
            return null;
        }
        Box3 box = SpatialFunctions.box(g);
        if (box != null) {
            return new SpatialFilter.InBox(box);
        }
        if (g instanceof Point p && !Double.isNaN(p.getCoordinate().getZ())) {
            Coordinate c = p.getCoordinate();
            return new SpatialFilter.NearPoint(c.getX(), c.getY(), c.getZ(), 0);
        }
        if (g instanceof LineString l && l.getNumPoints() >= 2) {
            double[] xyz = xyz(l);
            return xyz == null ? null : new SpatialFilter.NearPolyline(xyz, 0);
        }
        return null;
    }

    private static double[] xyz(LineString l) {
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
        return xyz;
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
        if (v instanceof RexCall call && call.getOperator().getName().equalsIgnoreCase("ST_3DMakeBox")
                && call.getOperands().size() == 2) {
            Geometry a = constantGeometry(call.getOperands().get(0), params);
            Geometry b = constantGeometry(call.getOperands().get(1), params);
            try {
                return a == null || b == null ? null : SpatialFunctions.st3DMakeBox(a, b);
            } catch (org.geoassure.geodb.InvalidContentException e) {
                return null; // evaluated again, and refused with this message, when the query runs
            }
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
