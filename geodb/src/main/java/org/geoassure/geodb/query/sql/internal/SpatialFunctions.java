package org.geoassure.geodb.query.sql.internal;

import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.internal.Geometry3;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * SQL functions with PostGIS names and 3D semantics, on JTS geometries whose coordinates carry z. Points, line
 * strings and their multi forms are supported; distances are 3D Euclidean (PostGIS {@code ST_3DDistance}). Null in,
 * null out, as in PostGIS. Numeric arguments are declared {@code Object} (SQL type ANY) so that SQL literals such as
 * {@code 30.5} (DECIMAL) and double columns are both accepted; anything but a number is refused. Public only because Calcite calls the methods by reflection; do not use outside geodb.
 */
public final class SpatialFunctions {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private SpatialFunctions() {
    }

    /** {@code ST_MakePoint(x, y, z)}: a POINT Z. */
    public static Geometry stMakePoint(Object x, Object y, Object z) {
        if (x == null || y == null || z == null) {
            return null;
        }
        return FACTORY.createPoint(new Coordinate(number("ST_MakePoint", x), number("ST_MakePoint", y),
                number("ST_MakePoint", z)));
    }

    /** {@code ST_GeomFromText(wkt)}: WKT with Z ({@code POINT Z (1 2 3)}, {@code LINESTRING Z (...)}). */
    public static Geometry stGeomFromText(String wkt) {
        if (wkt == null) {
            return null;
        }
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new InvalidContentException("ST_GeomFromText: " + e.getMessage() + " in '" + wkt + "'");
        }
    }

    /** {@code ST_AsText(g)}: WKT with Z. */
    public static String stAsText(Geometry g) {
        return g == null ? null : new WKTWriter(3).write(g);
    }

    /** {@code ST_X(point)}. */
    public static Double stX(Geometry g) {
        return g == null ? null : point("ST_X", g).getCoordinate().getX();
    }

    /** {@code ST_Y(point)}. */
    public static Double stY(Geometry g) {
        return g == null ? null : point("ST_Y", g).getCoordinate().getY();
    }

    /** {@code ST_Z(point)}; null for a point without z, as in PostGIS. */
    public static Double stZ(Geometry g) {
        if (g == null) {
            return null;
        }
        double z = point("ST_Z", g).getCoordinate().getZ();
        return Double.isNaN(z) ? null : z;
    }

    /** {@code ST_3DDistance(a, b)}: minimum 3D distance. */
    public static Double st3DDistance(Geometry a, Geometry b) {
        if (a == null || b == null) {
            return null;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < a.getNumGeometries(); i++) {
            double[] p = packed("ST_3DDistance", a.getGeometryN(i));
            for (int j = 0; j < b.getNumGeometries(); j++) {
                double[] q = packed("ST_3DDistance", b.getGeometryN(j));
                best = Math.min(best, distance(p, q));
            }
        }
        return best;
    }

    /** {@code ST_3DDWithin(a, b, d)}: 3D distance at most d. */
    public static Boolean st3DDWithin(Geometry a, Geometry b, Object d) {
        if (a == null || b == null || d == null) {
            return null;
        }
        return st3DDistance(a, b) <= number("ST_3DDWithin", d);
    }

    /** A numeric argument: SQL passes DECIMAL literals as BigDecimal and DOUBLE columns as Double. */
    private static double number(String fn, Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new InvalidContentException(fn + ": expects a number, got '" + o + "'");
    }

    /** {@code ST_3DIntersects(a, b)}: 3D distance zero. */
    public static Boolean st3DIntersects(Geometry a, Geometry b) {
        if (a == null || b == null) {
            return null;
        }
        return st3DDistance(a, b) == 0;
    }

    /**
     * Distance between packed polylines, with exactly the arithmetic of the store's refine step (a point against a
     * line uses the point-segment distance), so a condition pushed down to the store and the same condition evaluated
     * here agree to the last bit.
     */
    static double distance(double[] p, double[] q) {
        if (q.length == 3) {
            return Geometry3.polylinePointDistance(p, p.length / 3, q[0], q[1], q[2]);
        }
        if (p.length == 3) {
            return Geometry3.polylinePointDistance(q, q.length / 3, p[0], p[1], p[2]);
        }
        return Geometry3.polylinePolylineDistance(p, p.length / 3, q, q.length / 3);
    }

    private static Point point(String fn, Geometry g) {
        if (!(g instanceof Point p)) {
            throw new InvalidContentException(fn + ": expects a POINT, got " + g.getGeometryType());
        }
        return p;
    }

    /** A point or line string as packed x,y,z (a missing z is 0, as PostGIS treats 2D input in 3D functions). */
    private static double[] packed(String fn, Geometry g) {
        if (!(g instanceof Point) && !(g instanceof LineString)) {
            throw new InvalidContentException(fn + ": " + g.getGeometryType()
                    + " is not supported yet (points and line strings are)");
        }
        Coordinate[] cs = g.getCoordinates();
        double[] out = new double[3 * cs.length];
        for (int i = 0; i < cs.length; i++) {
            out[3 * i] = cs[i].getX();
            out[3 * i + 1] = cs[i].getY();
            double z = cs[i].getZ();
            out[3 * i + 2] = Double.isNaN(z) ? 0 : z;
        }
        return out;
    }
}
