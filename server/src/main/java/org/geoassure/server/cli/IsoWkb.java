package org.geoassure.server.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * ISO WKB (ISO 13249-3, OGC 06-103r4), little endian. A geometry with a z on any coordinate is written with z: type
 * codes 1001 POINT Z to 1007 GEOMETRYCOLLECTION Z, every coordinate x, y, z (a missing z is NaN); one without is
 * written in 2D (codes 1 to 7). An empty point is all NaN. JTS's own {@code WKBWriter} marks z with the EWKB flag
 * (0x80000000) instead, which not every GeoArrow reader accepts; JTS's {@code WKBReader} reads both.
 */
final class IsoWkb {
    private final boolean z;
    private final int bytesPerPoint;

    private IsoWkb(boolean z) {
        this.z = z;
        this.bytesPerPoint = z ? 24 : 16;
    }

    static byte[] write(Geometry g) {
        boolean z = false;
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isNaN(c.getZ())) {
                z = true;
                break;
            }
        }
        IsoWkb w = new IsoWkb(z);
        ByteBuffer b = ByteBuffer.allocate(w.size(g)).order(ByteOrder.LITTLE_ENDIAN);
        w.put(b, g);
        return b.array();
    }

    private int size(Geometry g) {
        if (g instanceof Point) {
            return 5 + bytesPerPoint;
        }
        if (g instanceof LineString l) {
            return 9 + bytesPerPoint * l.getNumPoints();
        }
        if (g instanceof Polygon p) {
            if (p.isEmpty()) {
                return 9;
            }
            int n = 9 + 4 + bytesPerPoint * p.getExteriorRing().getNumPoints();
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                n += 4 + bytesPerPoint * p.getInteriorRingN(i).getNumPoints();
            }
            return n;
        }
        int n = 9;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            n += size(g.getGeometryN(i));
        }
        return n;
    }

    private void put(ByteBuffer b, Geometry g) {
        int base = z ? 1000 : 0;
        b.put((byte) 1);
        if (g instanceof Point p) {
            b.putInt(base + 1);
            if (p.isEmpty()) {
                for (int k = 0; k < bytesPerPoint / 8; k++) {
                    b.putDouble(Double.NaN);
                }
            } else {
                coordinates(b, p.getCoordinateSequence(), false);
            }
        } else if (g instanceof LineString l) {
            b.putInt(base + 2);
            coordinates(b, l.getCoordinateSequence(), true);
        } else if (g instanceof Polygon p) {
            b.putInt(base + 3);
            if (p.isEmpty()) {
                b.putInt(0);
                return;
            }
            b.putInt(1 + p.getNumInteriorRing());
            coordinates(b, p.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                coordinates(b, p.getInteriorRingN(i).getCoordinateSequence(), true);
            }
        } else if (g instanceof GeometryCollection c) {
            int type = c instanceof MultiPoint ? 4 : c instanceof MultiLineString ? 5 : c instanceof MultiPolygon ? 6 : 7;
            b.putInt(base + type);
            b.putInt(c.getNumGeometries());
            for (int i = 0; i < c.getNumGeometries(); i++) {
                put(b, c.getGeometryN(i));
            }
        } else {
            throw new IllegalArgumentException("no WKB for " + g.getGeometryType());
        }
    }

    private void coordinates(ByteBuffer b, CoordinateSequence s, boolean counted) {
        if (counted) {
            b.putInt(s.size());
        }
        for (int i = 0; i < s.size(); i++) {
            b.putDouble(s.getX(i)).putDouble(s.getY(i));
            if (z) {
                b.putDouble(s.getZ(i));
            }
        }
    }
}
