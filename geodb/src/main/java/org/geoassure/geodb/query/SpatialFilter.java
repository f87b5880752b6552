package org.geoassure.geodb.query;

import org.geoassure.geodb.query.internal.Geometry3;

/**
 * A 3D spatial condition on a feature's geometry (a hole's trace, an interval's from-mid-to polyline, a station's
 * point). Candidates come from the R*Tree (float32 boxes rounded outward), then each is refined in double.
 */
public sealed interface SpatialFilter {

    /** The box that any matching geometry's box must intersect (the index search box). */
    Box3 searchBox();

    /** Exact test of a polyline given as x,y,z triples ({@code n} points, n &gt;= 1). */
    boolean matches(double[] xyz, int n);

    /** Geometry intersects (touches or crosses) the box. */
    record InBox(Box3 box) implements SpatialFilter {
        @Override
        public Box3 searchBox() {
            return box;
        }

        @Override
        public boolean matches(double[] xyz, int n) {
            return Geometry3.polylineIntersectsBox(xyz, n, box);
        }
    }

    /** 3D distance from geometry to a point is at most {@code distance} (PostGIS ST_3DDWithin semantics). */
    record NearPoint(double x, double y, double z, double distance) implements SpatialFilter {
        public NearPoint {
            if (!(distance >= 0)) {
                throw new IllegalArgumentException("distance must be >= 0, got " + distance);
            }
        }

        @Override
        public Box3 searchBox() {
            return new Box3(x, y, z, x, y, z).expand(distance);
        }

        @Override
        public boolean matches(double[] xyz, int n) {
            return Geometry3.polylinePointDistance(xyz, n, x, y, z) <= distance;
        }
    }

    /** 3D distance from geometry to a polyline (x,y,z triples) is at most {@code distance}. */
    record NearPolyline(double[] line, double distance) implements SpatialFilter {
        public NearPolyline {
            if (line.length < 3 || line.length % 3 != 0) {
                throw new IllegalArgumentException("polyline needs x,y,z triples, got " + line.length + " numbers");
            }
            if (!(distance >= 0)) {
                throw new IllegalArgumentException("distance must be >= 0, got " + distance);
            }
            line = line.clone();
        }

        @Override
        public double[] line() {
            return line.clone();
        }

        @Override
        public Box3 searchBox() {
            return Geometry3.bounds(line, line.length / 3).expand(distance);
        }

        @Override
        public boolean matches(double[] xyz, int n) {
            return Geometry3.polylinePolylineDistance(xyz, n, line, line.length / 3) <= distance;
        }
    }
}
