package org.geoassure.ingest.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.SourceCrs;
import org.geoassure.ingest.feature.internal.SourceFiles;
import org.geoassure.ingest.geojson.internal.GeoJsonGeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/** Reads a GeoJSON file (RFC 7946) into features. See the package documentation. */
public final class GeoJsonReader {
    /** The RFC 7946 CRS: WGS 84 longitude, latitude (and ellipsoidal height). */
    public static final String CRS84 = "urn:ogc:def:crs:OGC:1.3:CRS84";

    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString",
            "Polygon", "MultiPolygon", "GeometryCollection");
    private static final Pattern EPSG = Pattern.compile("(?i)^(?:urn:ogc:def:crs:EPSG:[^:]*:|EPSG:)(\\d+)$");
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    private GeoJsonReader() {
    }

    /**
     * Reads a file.
     *
     * @param file the GeoJSON file (UTF-8, or UTF-16/32 detected); messages name it as given
     * @param options not used by this reader (GeoJSON is UTF-8 by RFC 7946)
     * @throws InvalidContentException for bad content: {@code file:line: feature N: path: reason}
     * @throws UnsupportedFormatException when the JSON is not a GeoJSON object
     * @throws org.geoassure.geodb.StorageException when the file cannot be read
     */
    public static FeatureFile read(Path file, FeatureOptions options) {
        String name = file.toString();
        State s = new State(name);
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UnsupportedFormatException(name, "not GeoJSON: the JSON text is not an object");
            }
            String type = null;
            Map<String, JsonNode> rest = new LinkedHashMap<>();
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("features") && t == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    for (JsonToken e; (e = p.nextToken()) != JsonToken.END_ARRAY;) {
                        if (e == null) {
                            throw new InvalidContentException(name, -1, "file ends inside the \"features\" array");
                        }
                        long line = p.currentTokenLocation().getLineNr();
                        JsonNode f = MAPPER.readTree(p);
                        s.feature(f, line);
                    }
                } else if (field.equals("type")) {
                    type = p.getValueAsString();
                } else {
                    rest.put(field, MAPPER.readTree(p));
                    rest.put(field + "@line", MAPPER.getNodeFactory().numberNode(p.currentTokenLocation().getLineNr()));
                }
            }
            if (p.nextToken() != null) {
                throw new InvalidContentException(name, p.currentTokenLocation().getLineNr(),
                        "text after the end of the GeoJSON object");
            }
            if (type == null) {
                throw new UnsupportedFormatException(name, "not GeoJSON: the object has no \"type\" member");
            }
            if (type.equals("FeatureCollection")) {
                if (!sawFeatures) {
                    throw new InvalidContentException(name, 1, "FeatureCollection without a \"features\" array");
                }
            } else if (type.equals("Feature")) {
                var node = MAPPER.createObjectNode();
                node.put("type", "Feature");
                rest.forEach((k, v) -> {
                    if (!k.endsWith("@line")) {
                        node.set(k, v);
                    }
                });
                s.feature(node, 1);
            } else if (GEOMETRY_TYPES.contains(type)) {
                var geometry = MAPPER.createObjectNode();
                geometry.put("type", type);
                rest.forEach((k, v) -> {
                    if (!k.endsWith("@line")) {
                        geometry.set(k, v);
                    }
                });
                var node = MAPPER.createObjectNode();
                node.put("type", "Feature");
                node.set("geometry", geometry);
                s.feature(node, 1);
            } else {
                throw new UnsupportedFormatException(name, "not GeoJSON: type \"" + type + "\" is not a GeoJSON type");
            }
            SourceCrs crs = crs(name, rest.get("crs"), rest.get("crs@line"), s.warnings);
            return new FeatureFile(FeatureFormat.GEOJSON, List.of(SourceFiles.of("geojson", file, s.count)), crs,
                    s.features, s.warnings);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InvalidContentException(name, loc == null ? -1 : loc.getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.CharConversionException e) { // bytes that are no text in the detected encoding (ReaderFuzzTest)
            throw new InvalidContentException(name, -1, "not valid JSON text: " + e.getMessage());
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
    }

    private static SourceCrs crs(String name, JsonNode crs, JsonNode line, List<String> warnings) {
        if (crs == null || crs.isNull()) {
            return new SourceCrs(4326, CRS84);
        }
        String n = crs.path("properties").path("name").asText("");
        if (!crs.path("type").asText("").equals("name") || n.isEmpty()) {
            throw new InvalidContentException(name, line == null ? -1 : line.asLong(),
                    "crs: only the named form {\"type\": \"name\", \"properties\": {\"name\": ...}} is read");
        }
        Matcher m = EPSG.matcher(n);
        if (m.matches()) {
            return new SourceCrs(Integer.parseInt(m.group(1)), n);
        }
        if (n.equalsIgnoreCase(CRS84) || n.equalsIgnoreCase("urn:ogc:def:crs:OGC::CRS84")) {
            return new SourceCrs(4326, n);
        }
        warnings.add(name + ": crs \"" + n + "\" kept as text (no EPSG code)");
        return new SourceCrs(0, n);
    }

    /** Features read so far. */
    private static final class State {
        final String name;
        final GeoJsonGeometry geometries = new GeoJsonGeometry();
        final List<Feature> features = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<String, Integer> ids = new LinkedHashMap<>();
        int count;
        boolean warnedNested;

        State(String name) {
            this.name = name;
        }

        void feature(JsonNode f, long line) {
            int n = ++count;
            String where = "feature " + n;
            if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
                throw new InvalidContentException(name, line, where + ": not an object of type \"Feature\"");
            }
            JsonNode idNode = f.get("id");
            String id = idNode != null && (idNode.isTextual() || idNode.isNumber()) ? idNode.asText()
                    : Integer.toString(n);
            int seen = ids.merge(id, 1, Integer::sum);
            if (seen > 1) {
                id = id + "#" + seen;
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            JsonNode props = f.get("properties");
            if (props != null && !props.isNull()) {
                if (!props.isObject()) {
                    throw new InvalidContentException(name, line, where + ": \"properties\" must be an object or null");
                }
                for (Map.Entry<String, JsonNode> e : props.properties()) {
                    attrs.put(e.getKey(), value(e.getValue(), line, where + ": properties." + e.getKey()));
                }
            }
            JsonNode g = f.get("geometry");
            if (g == null || g.isNull()) {
                warnings.add(name + ":" + line + ": " + where + " has no geometry: skipped");
                return;
            }
            Geometry geom;
            try {
                geom = geometries.geometry(g, "geometry");
            } catch (GeoJsonGeometry.Bad e) {
                throw new InvalidContentException(name, line, where + ": " + e.getMessage());
            }
            String display = attrs.get("name") instanceof String s ? s : id;
            if (geom instanceof GeometryCollection gc && !(geom instanceof Puntal || geom instanceof Lineal
                    || geom instanceof Polygonal)) {
                warnings.add(name + ":" + line + ": " + where + ": GeometryCollection split into " + gc
                        .getNumGeometries() + " features " + id + ":1 ...");
                for (int i = 0; i < gc.getNumGeometries(); i++) {
                    features.add(Feature.of(id + ":" + (i + 1), display, "", gc.getGeometryN(i), attrs));
                }
                return;
            }
            features.add(Feature.of(id, display, "", geom, attrs));
        }

        Object value(JsonNode v, long line, String where) {
            if (v.isNull()) {
                return null;
            }
            if (v.isTextual()) {
                return v.asText();
            }
            if (v.isBoolean()) {
                return v.asBoolean();
            }
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                return v.asLong();
            }
            if (v.isNumber()) {
                return v.asDouble();
            }
            if (!warnedNested) {
                warnedNested = true;
                warnings.add(name + ":" + line + ": " + where + ": nested objects and arrays are kept as JSON text");
            }
            return v.toString();
        }
    }
}
