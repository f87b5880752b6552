package org.geoassure.ingest.geojson.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON geometry objects (RFC 7946 section 3.1) into JTS. A problem is reported as a {@link Bad} carrying the
 * JSON path of the offending member, e.g. {@code geometry.coordinates[2][0]}.
 */
public final class GeoJsonGeometry {
    private final GeometryFactory gf = new GeometryFactory();

    /** A geometry that breaks RFC 7946; the caller adds the file, line and feature. */
    public static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Bad(String path, String reason) {
            super(path + ": " + reason, null, false, false);
        }
    }

    /** The geometry of {@code node} (an object with "type"), found at {@code path}. */
    public Geometry geometry(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new Bad(path, "a geometry must be an object");
        }
        String type = node.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            JsonNode gs = node.get("geometries");
            if (gs == null || !gs.isArray()) {
                throw new Bad(path, "GeometryCollection without a \"geometries\" array");
            }
            List<Geometry> out = new ArrayList<>();
            for (int i = 0; i < gs.size(); i++) {
                out.add(geometry(gs.get(i), path + ".geometries[" + i + "]"));
            }
            // members of one simple kind become a Multi* (buildGeometry), others stay a collection
            return out.isEmpty() ? gf.createGeometryCollection() : gf.buildGeometry(out);
        }
        JsonNode c = node.get("coordinates");
        String cp = path + ".coordinates";
        if (c == null || !c.isArray()) {
            if (List.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
                    .contains(type)) {
                throw new Bad(path, type + " without a \"coordinates\" array");
            }
            throw new Bad(path + ".type", "\"" + type + "\" is not a GeoJSON geometry type");
        }
        return switch (type) {
            case "Point" -> c.isEmpty() ? gf.createPoint() : gf.createPoint(position(c, cp));
            case "MultiPoint" -> {
                Point[] ps = new Point[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = gf.createPoint(position(c.get(i), cp + "[" + i + "]"));
                }
                yield gf.createMultiPoint(ps);
            }
            case "LineString" -> line(c, cp);
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) {
                    ls[i] = line(c.get(i), cp + "[" + i + "]");
                }
                yield gf.createMultiLineString(ls);
            }
            case "Polygon" -> polygon(c, cp);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = polygon(c.get(i), cp + "[" + i + "]");
                }
                yield gf.createMultiPolygon(ps);
            }
            default -> throw new Bad(path + ".type", "\"" + type + "\" is not a GeoJSON geometry type");
        };
    }

    private static Coordinate position(JsonNode p, String path) {
        if (p == null || !p.isArray() || p.size() < 2) {
            throw new Bad(path, "a position must be an array of 2 or 3 numbers");
        }
        double[] v = new double[Math.min(3, p.size())];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = p.get(i);
            if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                throw new Bad(path + "[" + i + "]", n + " is not a number");
            }
            v[i] = n.asDouble();
        }
        return new Coordinate(v[0], v[1], v.length > 2 ? v[2] : Double.NaN);
    }

    private Coordinate[] positions(JsonNode a, String path) {
        if (!a.isArray()) {
            throw new Bad(path, "an array of positions expected");
        }
        Coordinate[] cs = new Coordinate[a.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = position(a.get(i), path + "[" + i + "]");
        }
        return cs;
    }

    private LineString line(JsonNode a, String path) {
        Coordinate[] cs = positions(a, path);
        if (cs.length == 1) {
            throw new Bad(path, "a LineString needs 2 or more positions, found 1");
        }
        return gf.createLineString(cs);
    }

    private Polygon polygon(JsonNode a, String path) {
        if (!a.isArray()) {
            throw new Bad(path, "an array of linear rings expected");
        }
        if (a.isEmpty()) {
            return gf.createPolygon();
        }
        List<LinearRing> rings = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String rp = path + "[" + i + "]";
            Coordinate[] cs = positions(a.get(i), rp);
            if (cs.length < 4) {
                throw new Bad(rp, "a linear ring needs 4 or more positions, found " + cs.length);
            }
            if (!cs[0].equals3D(cs[cs.length - 1]) && !(cs[0].equals2D(cs[cs.length - 1])
                    && Double.isNaN(cs[0].getZ()) && Double.isNaN(cs[cs.length - 1].getZ()))) {
                throw new Bad(rp, "a linear ring must end at its first position");
            }
            rings.add(gf.createLinearRing(cs));
        }
        return gf.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(new LinearRing[0]));
    }
}
