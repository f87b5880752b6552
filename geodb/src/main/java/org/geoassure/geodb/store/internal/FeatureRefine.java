package org.geoassure.geodb.store.internal;

import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.query.internal.Geometry3;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.PolygonTriangulator;

/**
 * The exact (double) test of a feature against a spatial filter: points and line segments as polylines, polygons as
 * their rings and their triangulated interior, surfaces and solids as their triangles (a solid is tested by its
 * boundary: a query point inside a solid and away from its faces does not match). A feature without z (a 2D
 * Shapefile layer) is tested in plan: its z is taken as the query's. Internal.
 */
final class FeatureRefine {
    private FeatureRefine() {
    }

    static boolean matches(SpatialFilter f, Feature feature) {
        if (feature.mesh() != null) {
            Mesh m = feature.mesh();
            double[] xyz = m.xyz();
            int[] tri = m.triangles();
            for (int t = 0; t < tri.length; t += 3) {
                if (triangle(f, xyz, 3 * tri[t], 3 * tri[t + 1], 3 * tri[t + 2])) {
                    return true;
                }
            }
            return false;
        }
        Geometry g = feature.geometry();
        boolean flat = !FeatureCodec.hasZ(g);
        SpatialFilter q = flat ? flatten(f) : f;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Point p) {
                if (q.matches(packed(p.getCoordinates(), flat), 1)) {
                    return true;
                }
            } else if (part instanceof LineString l) {
                if (q.matches(packed(l.getCoordinates(), flat), l.getNumPoints())) {
                    return true;
                }
            } else if (part instanceof Polygon p && polygon(q, p, flat)) {
                return true;
            }
        }
        return false;
    }

    private static boolean polygon(SpatialFilter q, Polygon p, boolean flat) {
        if (q.matches(packed(p.getExteriorRing().getCoordinates(), flat), p.getExteriorRing().getNumPoints())) {
            return true;
        }
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            LineString r = p.getInteriorRingN(i);
            if (q.matches(packed(r.getCoordinates(), flat), r.getNumPoints())) {
                return true;
            }
        }
        Geometry tris = PolygonTriangulator.triangulate(p);
        for (int i = 0; i < tris.getNumGeometries(); i++) {
            Coordinate[] c = tris.getGeometryN(i).getCoordinates();
            double[] xyz = packed(c, flat);
            if (fillZ(xyz, c, p) && triangle(q, xyz, 0, 3, 6)) {
                return true;
            }
        }
        return false;
    }

    /** The triangulator may drop z: take each corner's z from the polygon's vertex at the same x, y. */
    private static boolean fillZ(double[] xyz, Coordinate[] c, Polygon p) {
        for (int k = 0; k < 3; k++) {
            if (Double.isNaN(xyz[3 * k + 2])) {
                double z = Double.NaN;
                for (Coordinate v : p.getCoordinates()) {
                    if (v.getX() == c[k].getX() && v.getY() == c[k].getY()) {
                        z = v.getZ();
                        break;
                    }
                }
                if (Double.isNaN(z)) {
                    return false;
                }
                xyz[3 * k + 2] = z;
            }
        }
        return true;
    }

    private static boolean triangle(SpatialFilter f, double[] t, int a, int b, int c) {
        if (f instanceof SpatialFilter.InBox box) {
            return Geometry3.triangleIntersectsBox(t, a, b, c, box.box());
        }
        if (f instanceof SpatialFilter.NearPoint p) {
            return Geometry3.pointTriangleDistance(p.x(), p.y(), p.z(), t, a, b, c) <= p.distance();
        }
        SpatialFilter.NearPolyline l = (SpatialFilter.NearPolyline) f;
        double[] line = l.line();
        int n = line.length / 3;
        if (n == 1) {
            return Geometry3.pointTriangleDistance(line[0], line[1], line[2], t, a, b, c) <= l.distance();
        }
        for (int i = 0; i + 1 < n; i++) {
            int o = 3 * i;
            if (Geometry3.segmentTriangleDistance(line[o], line[o + 1], line[o + 2], line[o + 3], line[o + 4],
                    line[o + 5], t, a, b, c) <= l.distance()) {
                return true;
            }
        }
        return false;
    }

    /** The filter projected to the plane z = 0, for features without z (which {@link #packed} puts at z = 0). */
    private static SpatialFilter flatten(SpatialFilter f) {
        if (f instanceof SpatialFilter.InBox b) {
            Box3 x = b.box();
            return new SpatialFilter.InBox(new Box3(x.minX(), x.minY(), 0, x.maxX(), x.maxY(), 0));
        }
        if (f instanceof SpatialFilter.NearPoint p) {
            return new SpatialFilter.NearPoint(p.x(), p.y(), 0, p.distance());
        }
        SpatialFilter.NearPolyline l = (SpatialFilter.NearPolyline) f;
        double[] line = l.line();
        for (int i = 2; i < line.length; i += 3) {
            line[i] = 0;
        }
        return new SpatialFilter.NearPolyline(line, l.distance());
    }

    private static double[] packed(Coordinate[] c, boolean flat) {
        double[] xyz = new double[3 * c.length];
        for (int i = 0; i < c.length; i++) {
            xyz[3 * i] = c[i].getX();
            xyz[3 * i + 1] = c[i].getY();
            xyz[3 * i + 2] = flat ? 0 : c[i].getZ();
        }
        return xyz;
    }
}
