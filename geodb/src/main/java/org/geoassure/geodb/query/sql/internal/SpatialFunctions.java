package org.geoassure.geodb.query.sql.internal;

import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.internal.Geometry3;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
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
    private static final GeometryFactory FACTORY = Geometries.FACTORY;

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

    /**
     * {@code ST_3DMakeBox(p1, p2)}: the box with these opposite corners, as PostGIS's {@code box3d::geometry} gives
     * it: six faces (here a MULTIPOLYGON Z, there a POLYHEDRALSURFACE Z, same faces in the same order). The ST_3D
     * functions treat such a closed box shell as the solid box, as PostGIS does: a line inside the box intersects it,
     * a point inside is at distance 0.
     */
    public static Geometry st3DMakeBox(Geometry p1, Geometry p2) {
        if (p1 == null || p2 == null) {
            return null;
        }
        Coordinate a = point("ST_3DMakeBox", p1).getCoordinate();
        Coordinate b = point("ST_3DMakeBox", p2).getCoordinate();
        if (Double.isNaN(a.getZ()) || Double.isNaN(b.getZ())) {
            throw new InvalidContentException("ST_3DMakeBox: expects two POINT Z corners, got a point without z");
        }
        double x0 = Math.min(a.getX(), b.getX()), y0 = Math.min(a.getY(), b.getY()), z0 = Math.min(a.getZ(), b.getZ());
        double x1 = Math.max(a.getX(), b.getX()), y1 = Math.max(a.getY(), b.getY()), z1 = Math.max(a.getZ(), b.getZ());
        double[][][] faces = {
            {{x0, y0, z0}, {x0, y1, z0}, {x1, y1, z0}, {x1, y0, z0}},
            {{x0, y0, z1}, {x1, y0, z1}, {x1, y1, z1}, {x0, y1, z1}},
            {{x0, y0, z0}, {x0, y0, z1}, {x0, y1, z1}, {x0, y1, z0}},
            {{x1, y0, z0}, {x1, y1, z0}, {x1, y1, z1}, {x1, y0, z1}},
            {{x0, y0, z0}, {x1, y0, z0}, {x1, y0, z1}, {x0, y0, z1}},
            {{x0, y1, z0}, {x0, y1, z1}, {x1, y1, z1}, {x1, y1, z0}}};
        Polygon[] polygons = new Polygon[6];
        for (int f = 0; f < 6; f++) {
            Coordinate[] ring = new Coordinate[5];
            for (int k = 0; k < 5; k++) {
                double[] c = faces[f][k % 4];
                ring[k] = new Coordinate(c[0], c[1], c[2]);
            }
            polygons[f] = FACTORY.createPolygon(ring);
        }
        return FACTORY.createMultiPolygon(polygons);
    }

    /**
     * The solid box of a closed box shell (six faces, one on each side of its 3D envelope, every vertex a corner),
     * such as {@link #st3DMakeBox} makes; else null.
     */
    static Box3 box(Geometry g) {
        if (!(g instanceof MultiPolygon mp) || mp.getNumGeometries() != 6) {
            return null;
        }
        Coordinate[] all = g.getCoordinates();
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Coordinate c : all) {
            for (int k = 0; k < 3; k++) {
                double v = c.getOrdinate(k);
                if (Double.isNaN(v)) {
                    return null;
                }
                lo[k] = Math.min(lo[k], v);
                hi[k] = Math.max(hi[k], v);
            }
        }
        for (Coordinate c : all) {
            for (int k = 0; k < 3; k++) {
                if (c.getOrdinate(k) != lo[k] && c.getOrdinate(k) != hi[k]) {
                    return null;
                }
            }
        }
        boolean[] side = new boolean[6];
        for (int f = 0; f < 6; f++) {
            Polygon p = (Polygon) mp.getGeometryN(f);
            if (p.getNumInteriorRing() != 0 || p.getExteriorRing().getNumPoints() != 5) {
                return null;
            }
            Coordinate[] ring = p.getCoordinates();
            boolean placed = false;
            for (int s = 0; s < 6 && !placed; s++) {
                int axis = s / 2;
                double plane = s % 2 == 0 ? lo[axis] : hi[axis];
                boolean on = !side[s];
                for (Coordinate c : ring) {
                    on &= c.getOrdinate(axis) == plane;
                }
                if (on) {
                    side[s] = true;
                    placed = true;
                }
            }
            if (!placed) {
                return null;
            }
        }
        return new Box3(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]);
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
        Box3 boxA = box(a);
        Box3 boxB = box(b);
        if (boxA != null && boxB != null) {
            throw new InvalidContentException("ST_3DDistance: the distance between two boxes is not supported");
        }
        if (boxA != null || boxB != null) {
            Geometry other = boxA != null ? b : a;
            Box3 box = boxA != null ? boxA : boxB;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < other.getNumGeometries(); i++) {
                double[] p = packed("ST_3DDistance", other.getGeometryN(i));
                best = Math.min(best, Geometry3.polylineBoxDistance(p, p.length / 3, box));
            }
            return best;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < a.getNumGeometries(); i++) {
            Geometry ga = a.getGeometryN(i);
            for (int j = 0; j < b.getNumGeometries(); j++) {
                Geometry gb = b.getGeometryN(j);
                if (ga instanceof Polygon || gb instanceof Polygon) {
                    best = Math.min(best, surfaceDistance(part(ga), part(gb)));
                } else {
                    best = Math.min(best, distance(packed("ST_3DDistance", ga), packed("ST_3DDistance", gb)));
                }
            }
        }
        return best;
    }

    /** A point or line as packed x,y,z ({@code line}), or a polygon as its triangles, 9 doubles each ({@code tris}). */
    private record Part(double[] line, double[] tris) {
    }

    /**
     * A polygon is a filled planar surface (as PostGIS's 3D functions treat it): its triangles (JTS's ear-clipping
     * triangulation, holes respected); a missing z is 0.
     */
    private static Part part(Geometry g) {
        if (!(g instanceof Polygon p)) {
            return new Part(packed("ST_3DDistance", g), null);
        }
        Geometry t = org.locationtech.jts.triangulate.polygon.PolygonTriangulator.triangulate(p);
        double[] tris = new double[9 * t.getNumGeometries()];
        for (int i = 0; i < t.getNumGeometries(); i++) {
            Coordinate[] cs = t.getGeometryN(i).getCoordinates();
            for (int k = 0; k < 3; k++) {
                tris[9 * i + 3 * k] = cs[k].getX();
                tris[9 * i + 3 * k + 1] = cs[k].getY();
                double z = cs[k].getZ();
                tris[9 * i + 3 * k + 2] = Double.isNaN(z) ? zAt(p, cs[k]) : z;
            }
        }
        return new Part(null, tris);
    }

    /** The z of the polygon's vertex at c's x, y (the triangulator may drop z), else 0. */
    private static double zAt(Polygon p, Coordinate c) {
        for (Coordinate v : p.getCoordinates()) {
            if (v.getX() == c.getX() && v.getY() == c.getY() && !Double.isNaN(v.getZ())) {
                return v.getZ();
            }
        }
        return 0;
    }

    private static double surfaceDistance(Part a, Part b) {
        if (a.tris() == null) {
            return lineToTriangles(a.line(), b.tris());
        }
        if (b.tris() == null) {
            return lineToTriangles(b.line(), a.tris());
        }
        // two triangulated surfaces: every edge of each against the other's triangles (touching or crossing
        // triangles always have an edge of one meeting the other)
        double best = Double.POSITIVE_INFINITY;
        for (double[][] pair : new double[][][] {{a.tris(), b.tris()}, {b.tris(), a.tris()}}) {
            double[] t = pair[0];
            for (int i = 0; i < t.length; i += 9) {
                double[] ring = {t[i], t[i + 1], t[i + 2], t[i + 3], t[i + 4], t[i + 5], t[i + 6], t[i + 7], t[i + 8],
                    t[i], t[i + 1], t[i + 2]};
                best = Math.min(best, lineToTriangles(ring, pair[1]));
            }
        }
        return best;
    }

    private static double lineToTriangles(double[] line, double[] tris) {
        double best = Double.POSITIVE_INFINITY;
        int n = line.length / 3;
        for (int t = 0; t < tris.length; t += 9) {
            if (n == 1) {
                best = Math.min(best, Geometry3.pointTriangleDistance(line[0], line[1], line[2], tris, t, t + 3, t + 6));
            }
            for (int i = 0; i + 1 < n; i++) {
                int o = 3 * i;
                best = Math.min(best, Geometry3.segmentTriangleDistance(line[o], line[o + 1], line[o + 2], line[o + 3],
                        line[o + 4], line[o + 5], tris, t, t + 3, t + 6));
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
                    + " is not supported here (points and line strings are; ST_3DDistance also takes polygons)");
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
