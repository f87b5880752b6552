package org.geoassure.geodb.query.sql.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTWriter;

/**
 * The geometry factory of the SQL engine. Calcite's JDBC layer hands a GEOMETRY value to clients as its
 * {@code toString()}, which in JTS is 2D WKT: z would be lost silently. Geometries made here print WKT with z (and
 * copies of them too), so {@code SELECT geom} gives {@code POINT Z (...)}. Internal.
 */
public final class Geometries {
    /** The factory for every geometry the SQL engine makes. */
    public static final GeometryFactory FACTORY = new Factory();

    private Geometries() {
    }

    /** WKT with z when the geometry has z (its first coordinate's z is a number), else 2D. */
    static String wkt(Geometry g) {
        Coordinate c = g.isEmpty() ? null : g.getCoordinate();
        return new WKTWriter(c != null && !Double.isNaN(c.getZ()) ? 3 : 2).write(g);
    }

    private static final class Factory extends GeometryFactory {
        @Override
        public Point createPoint(CoordinateSequence cs) {
            return new Point3(cs, this);
        }

        @Override
        public LineString createLineString(CoordinateSequence cs) {
            return new LineString3(cs, this);
        }

        @Override
        public LinearRing createLinearRing(CoordinateSequence cs) {
            return new LinearRing3(cs, this);
        }

        @Override
        public Polygon createPolygon(LinearRing shell, LinearRing[] holes) {
            return new Polygon3(shell, holes, this);
        }

        @Override
        public MultiPoint createMultiPoint(Point[] points) {
            return new MultiPoint3(points, this);
        }

        @Override
        public MultiLineString createMultiLineString(LineString[] lines) {
            return new MultiLineString3(lines, this);
        }

        @Override
        public MultiPolygon createMultiPolygon(Polygon[] polygons) {
            return new MultiPolygon3(polygons, this);
        }

        @Override
        public GeometryCollection createGeometryCollection(Geometry[] geometries) {
            return new GeometryCollection3(geometries, this);
        }
    }

    private static final class Point3 extends Point {
        Point3(CoordinateSequence cs, GeometryFactory f) {
            super(cs, f);
        }

        @Override
        protected Point copyInternal() {
            return new Point3(getCoordinateSequence().copy(), getFactory());
        }

        @Override
        public String toString() {
            return wkt(this);
        }
    }

    private static final class LineString3 extends LineString {
        LineString3(CoordinateSequence cs, GeometryFactory f) {
            super(cs, f);
        }

        @Override
        protected LineString copyInternal() {
            return new LineString3(getCoordinateSequence().copy(), getFactory());
        }

        @Override
        public String toString() {
            return wkt(this);
        }
    }

    private static final class LinearRing3 extends LinearRing {
        LinearRing3(CoordinateSequence cs, GeometryFactory f) {
            super(cs, f);
        }

        @Override
        protected LinearRing copyInternal() {
            return new LinearRing3(getCoordinateSequence().copy(), getFactory());
        }

        @Override
        public String toString() {
            return wkt(this);
        }
    }

    private static final class Polygon3 extends Polygon {
        Polygon3(LinearRing shell, LinearRing[] holes, GeometryFactory f) {
            super(shell, holes, f);
        }

        @Override
        protected Polygon copyInternal() {
            LinearRing[] holes = new LinearRing[getNumInteriorRing()];
            for (int i = 0; i < holes.length; i++) {
                holes[i] = (LinearRing) getInteriorRingN(i).copy();
            }
            return new Polygon3((LinearRing) getExteriorRing().copy(), holes, getFactory());
        }

        @Override
        public String toString() {
            return wkt(this);
        }
    }

    private static final class MultiPoint3 extends MultiPoint {
        MultiPoint3(Point[] points, GeometryFactory f) {
            super(points, f);
        }

        @Override
        protected MultiPoint copyInternal() {
            Point[] parts = new Point[getNumGeometries()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = (Point) getGeometryN(i).copy();
            }
            return new MultiPoint3(parts, getFactory());
        }

        @Override
        public String toString() {
            return wkt(this);
        }
    }

    private static final class MultiLineString3 extends MultiLineString {
        MultiLineString3(LineString[] lines, GeometryFactory f) {
            super(lines, f);
        }

        @Override
        protected MultiLineString copyInternal() {
            LineString[] parts = new LineString[getNumGeometries()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = (LineString) getGeometryN(i).copy();
            }
            return new MultiLineString3(parts, getFactory());
        }

        @Override
        public String toString() {
            return wkt(this);
        }
    }

    private static final class MultiPolygon3 extends MultiPolygon {
        MultiPolygon3(Polygon[] polygons, GeometryFactory f) {
            super(polygons, f);
        }

        @Override
        protected MultiPolygon copyInternal() {
            Polygon[] parts = new Polygon[getNumGeometries()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = (Polygon) getGeometryN(i).copy();
            }
            return new MultiPolygon3(parts, getFactory());
        }

        @Override
        public String toString() {
            return wkt(this);
        }
    }

    private static final class GeometryCollection3 extends GeometryCollection {
        GeometryCollection3(Geometry[] parts, GeometryFactory f) {
            super(parts, f);
        }

        @Override
        protected GeometryCollection copyInternal() {
            Geometry[] parts = new Geometry[getNumGeometries()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = getGeometryN(i).copy();
            }
            return new GeometryCollection3(parts, getFactory());
        }

        @Override
        public String toString() {
            return wkt(this);
        }
    }
}
