package org.geoassure.ingest.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.Mesh;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes features as one GeoJSON FeatureCollection, streaming. Coordinates stay in the workspace CRS, which the
 * collection names in the 2008 {@code crs} member ({@code urn:ogc:def:crs:EPSG::n}; GDAL and {@link GeoJsonReader}
 * read it), since RFC 7946's WGS 84 would need a reprojection that loses the mine grid. The feature {@code id} is the
 * feature id; properties are {@code name}, {@code kind}, {@code role} (unless an attribute has that name) and the
 * attributes. A surface or solid is written as a MultiPolygon Z of its triangles (so it reads back as polygons).
 */
public final class GeoJsonWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private GeoJsonWriter() {
    }

    /** A writer for one collection; {@link #close()} ends it (and does not close {@code out}). */
    public static Collection open(Writer out, int epsg) throws IOException {
        return new Collection(out, epsg);
    }

    /** A FeatureCollection being written. */
    public static final class Collection implements AutoCloseable {
        private final JsonGenerator g;
        private final Writer out;

        Collection(Writer out, int epsg) throws IOException {
            this.out = out;
            this.g = JSON.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            if (epsg > 0) {
                g.writeObjectFieldStart("crs");
                g.writeStringField("type", "name");
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", "urn:ogc:def:crs:EPSG::" + epsg);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeArrayFieldStart("features");
        }

        /** Writes one feature. */
        public void write(Feature f) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", f.id());
            g.writeFieldName("geometry");
            geometry(g, f);
            g.writeObjectFieldStart("properties");
            Map<String, Object> a = f.attributes();
            if (!a.containsKey("name")) {
                g.writeStringField("name", f.name());
            }
            if (!a.containsKey("kind")) {
                g.writeStringField("kind", f.kind().name().toLowerCase(Locale.ROOT));
            }
            if (!a.containsKey("role")) {
                g.writeStringField("role", f.role());
            }
            for (var e : a.entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.write('\n');
            out.flush();
        }
    }

    /** A feature attribute value: text, a whole number, a finite double, a boolean, or null (also for NaN and ±∞). */
    public static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null || v instanceof Double d && !Double.isFinite(d)) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else {
            g.writeBoolean((Boolean) v);
        }
    }

    /**
     * A feature's GeoJSON geometry object: its geometry, or its triangle mesh as a MultiPolygon of triangles (GeoJSON
     * has no TIN). Also used by the server's GeoJSON answers, so both write the same coordinates.
     */
    public static void geometry(JsonGenerator g, Feature f) throws IOException {
        if (f.mesh() != null) {
            mesh(g, f.mesh());
        } else {
            geometry(g, f.geometry());
        }
    }

    /** A JTS geometry as a GeoJSON geometry object, with z when the coordinates have it. */
    public static void geometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", geom.getGeometryType());
        g.writeFieldName("coordinates");
        if (geom instanceof Point p) {
            position(g, p.getCoordinate());
        } else if (geom instanceof LineString l) {
            positions(g, l.getCoordinates());
        } else if (geom instanceof Polygon p) {
            rings(g, p);
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                Geometry part = geom.getGeometryN(i);
                if (part instanceof Point p) {
                    position(g, p.getCoordinate());
                } else if (part instanceof LineString l) {
                    positions(g, l.getCoordinates());
                } else {
                    rings(g, (Polygon) part);
                }
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void rings(JsonGenerator g, Polygon p) throws IOException {
        g.writeStartArray();
        positions(g, p.getExteriorRing().getCoordinates());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            positions(g, p.getInteriorRingN(i).getCoordinates());
        }
        g.writeEndArray();
    }

    private static void positions(JsonGenerator g, Coordinate[] cs) throws IOException {
        g.writeStartArray();
        for (Coordinate c : cs) {
            position(g, c);
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        g.writeNumber(c.getX());
        g.writeNumber(c.getY());
        if (!Double.isNaN(c.getZ())) {
            g.writeNumber(c.getZ());
        }
        g.writeEndArray();
    }

    private static void mesh(JsonGenerator g, Mesh m) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "MultiPolygon");
        g.writeArrayFieldStart("coordinates");
        for (int t = 0; t < m.triangleCount(); t++) {
            g.writeStartArray();
            g.writeStartArray();
            for (int k = 0; k <= 3; k++) {
                int v = m.corner(t, k % 3);
                g.writeStartArray();
                g.writeNumber(m.coordinate(v, 0));
                g.writeNumber(m.coordinate(v, 1));
                g.writeNumber(m.coordinate(v, 2));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
