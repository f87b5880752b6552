package org.geoassure.ingest.shapefile.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXYZM;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Decodes the content of one .shp record (after the 8-byte record header, little-endian) into a JTS geometry.
 * Errors give the record number and the byte offset of the record in the .shp file.
 */
public final class ShpGeometry {
    /** M values below this are "no data" (ESRI Shapefile Technical Description, 1998). */
    private static final double NO_M = -1e38;

    private final String source;
    private final GeometryFactory gf = new GeometryFactory();
    private final List<String> warnings;

    public ShpGeometry(String source, List<String> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    /** Base type: 1 point, 3 polyline, 5 polygon, 8 multipoint; 0 null; -1 otherwise. */
    public static int baseType(int type) {
        return switch (type) {
            case 0 -> 0;
            case 1, 11, 21 -> 1;
            case 3, 13, 23 -> 3;
            case 5, 15, 25 -> 5;
            case 8, 18, 28 -> 8;
            default -> -1;
        };
    }

    /** Human name of a shape type. */
    public static String typeName(int type) {
        return switch (type) {
            case 0 -> "Null";
            case 1 -> "Point";
            case 3 -> "PolyLine";
            case 5 -> "Polygon";
            case 8 -> "MultiPoint";
            case 11 -> "PointZ";
            case 13 -> "PolyLineZ";
            case 15 -> "PolygonZ";
            case 18 -> "MultiPointZ";
            case 21 -> "PointM";
            case 23 -> "PolyLineM";
            case 25 -> "PolygonM";
            case 28 -> "MultiPointM";
            case 31 -> "MultiPatch";
            default -> "unknown type " + type;
        };
    }

    private InvalidContentException bad(long offset, int rec, String reason) {
        return new InvalidContentException(source, -1, "byte offset " + offset + ": record " + rec + ": " + reason);
    }

    /**
     * Decodes one record.
     *
     * @param b the content, little-endian, position 0 at the shape type
     * @param offset byte offset of the record header in the file
     * @param rec the record number
     * @return the geometry, or null for a null shape
     */
    public Geometry decode(ByteBuffer b, int layerType, long offset, int rec) {
        if (b.remaining() < 4) {
            throw bad(offset, rec, "content of " + b.remaining() + " bytes has no shape type");
        }
        int type = b.getInt(0);
        if (type == 0) {
            return null;
        }
        if (type != layerType) {
            throw bad(offset, rec, "shape type " + typeName(type) + " in a " + typeName(layerType) + " file");
        }
        boolean z = type >= 11 && type <= 18;
        boolean m = z || type >= 21;
        int base = baseType(type);
        try {
            if (base == 1) {
                double x = b.getDouble(4);
                double y = b.getDouble(12);
                double zz = z ? b.getDouble(20) : Double.NaN;
                double mm = m ? measure(b, z ? 28 : 20) : Double.NaN;
                return gf.createPoint(coordinate(x, y, zz, mm, m));
            }
            // bbox 4..36
            int pos = 36;
            int parts = 0;
            if (base != 8) {
                parts = b.getInt(pos);
                pos += 4;
            }
            int points = b.getInt(pos);
            pos += 4;
            long need = pos + 4L * parts + 16L * points + (z ? 16 + 8L * points : 0);
            if (parts < 0 || points < 0 || need > b.limit()) {
                throw bad(offset, rec, parts + " parts and " + points + " points do not fit in the record's "
                        + b.limit() + " bytes");
            }
            int[] start = new int[parts + 1];
            for (int i = 0; i < parts; i++) {
                start[i] = b.getInt(pos);
                pos += 4;
                if (start[i] < 0 || start[i] > points || (i == 0 ? start[i] != 0 : start[i] < start[i - 1])) {
                    throw bad(offset, rec, "part " + i + " starts at point " + start[i] + " of " + points);
                }
            }
            start[parts] = points;
            int xyPos = pos;
            int zPos = xyPos + 16 * points + 16;
            int mPos = z ? zPos + 8 * points + 16 : xyPos + 16 * points + 16;
            boolean hasM = m && mPos + 8L * points <= b.limit();
            Coordinate[] cs = new Coordinate[points];
            for (int i = 0; i < points; i++) {
                double x = b.getDouble(xyPos + 16 * i);
                double y = b.getDouble(xyPos + 16 * i + 8);
                double zz = z ? b.getDouble(zPos + 8 * i) : Double.NaN;
                double mm = hasM ? measure(b, mPos + 8 * i) : Double.NaN;
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw bad(offset, rec, "point " + i + " has a coordinate that is not finite");
                }
                cs[i] = coordinate(x, y, zz, mm, m);
            }
            if (base == 8) {
                return points == 1 ? gf.createPoint(cs[0]) : gf.createMultiPoint(gf.getCoordinateSequenceFactory()
                        .create(cs));
            }
            if (parts == 0) {
                throw bad(offset, rec, "a " + typeName(type) + " with no parts");
            }
            return base == 3 ? lines(cs, start, offset, rec) : polygons(cs, start, offset, rec);
        } catch (IndexOutOfBoundsException e) {
            throw bad(offset, rec, "content of " + b.limit() + " bytes is too short for a " + typeName(type));
        }
    }

    private static double measure(ByteBuffer b, int pos) {
        if (pos + 8 > b.limit()) {
            return Double.NaN;
        }
        double v = b.getDouble(pos);
        return v < NO_M ? Double.NaN : v;
    }

    private static Coordinate coordinate(double x, double y, double z, double m, boolean measured) {
        return measured ? new CoordinateXYZM(x, y, z, m) : new Coordinate(x, y, z);
    }

    private static Coordinate[] part(Coordinate[] cs, int[] start, int i) {
        Coordinate[] p = new Coordinate[start[i + 1] - start[i]];
        System.arraycopy(cs, start[i], p, 0, p.length);
        return p;
    }

    private Geometry lines(Coordinate[] cs, int[] start, long offset, int rec) {
        List<LineString> ls = new ArrayList<>();
        for (int i = 0; i + 1 < start.length; i++) {
            Coordinate[] p = part(cs, start, i);
            if (p.length < 2) {
                throw bad(offset, rec, "part " + i + " has " + p.length + " point(s); a line needs 2");
            }
            ls.add(gf.createLineString(p));
        }
        return ls.size() == 1 ? ls.get(0) : gf.createMultiLineString(ls.toArray(new LineString[0]));
    }

    /**
     * Rings into polygons: clockwise rings are shells, counter-clockwise ones holes (ESRI rule); each hole goes to
     * the smallest shell that contains it. A hole inside no shell becomes a shell of its own, with a warning.
     */
    private Geometry polygons(Coordinate[] cs, int[] start, long offset, int rec) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i + 1 < start.length; i++) {
            Coordinate[] p = part(cs, start, i);
            if (p.length > 0 && !p[0].equals2D(p[p.length - 1])) {
                throw bad(offset, rec, "ring " + i + " is not closed (first and last points differ)");
            }
            if (p.length < 4) {
                throw bad(offset, rec, "ring " + i + " has " + p.length + " points; a ring needs at least 4");
            }
            LinearRing r = gf.createLinearRing(p);
            if (Orientation.isCCW(p)) {
                holes.add(r);
            } else {
                shells.add(r);
            }
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<IndexedPointInAreaLocator> where = new ArrayList<>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            where.add(new IndexedPointInAreaLocator(gf.createPolygon(s)));
        }
        for (LinearRing h : holes) {
            int best = -1;
            double bestArea = Double.MAX_VALUE;
            for (int s = 0; s < shells.size(); s++) {
                if (inside(where.get(s), h)) {
                    double a = gf.createPolygon(shells.get(s)).getArea();
                    if (a < bestArea) {
                        bestArea = a;
                        best = s;
                    }
                }
            }
            if (best < 0) {
                warnings.add(source + ": record " + rec + ": a counter-clockwise ring lies inside no clockwise ring:"
                        + " read as an outer ring");
                LinearRing shell = (LinearRing) h.reverse();
                shells.add(shell);
                holesOf.add(new ArrayList<>());
                where.add(new IndexedPointInAreaLocator(gf.createPolygon(shell)));
            } else {
                holesOf.get(best).add(h);
            }
        }
        Polygon[] ps = new Polygon[shells.size()];
        for (int s = 0; s < ps.length; s++) {
            ps[s] = gf.createPolygon(shells.get(s), holesOf.get(s).toArray(new LinearRing[0]));
        }
        return ps.length == 1 ? ps[0] : gf.createMultiPolygon(ps);
    }

    /** True if a point of the ring (one not on the shell boundary) lies inside the shell. */
    private static boolean inside(IndexedPointInAreaLocator shell, LinearRing ring) {
        for (Coordinate c : ring.getCoordinates()) {
            int loc = shell.locate(c);
            if (loc != Location.BOUNDARY) {
                return loc == Location.INTERIOR;
            }
        }
        return true;
    }
}
