package org.geoassure.server.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;

/**
 * A JSON document read into a {@link JsonNode} tree, with the position of every value and of every object key, keyed
 * by JSONPath ({@code $.near.within}, {@code $.where[1].op}). Paths are unique because duplicate keys are refused
 * while reading. Numbers are kept as doubles in the tree and as their source text beside it, so that a value can be
 * passed on exactly as written.
 */
final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private final JsonNode root;
    private final Map<String, JsonLocation> values;
    private final Map<String, JsonLocation> keys;
    private final Map<String, String> numberText;
    /** The path of the value being read, for parser errors. */
    private String reading = "$";

    private LocatedJson(Reader in, String source) throws IOException {
        this.source = source;
        this.values = new HashMap<>();
        this.keys = new HashMap<>();
        this.numberText = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(in)) {
            try {
                if (p.nextToken() == null) {
                    throw new InvalidContentException(source, 1, "$: no JSON, expected an object");
                }
                this.root = value(p, "$");
                reading = "$";
                if (p.nextToken() != null) {
                    throw new InvalidContentException(source, p.currentTokenLocation().getLineNr(),
                            "$: unexpected " + p.currentToken().asString() + " after the end of the query object");
                }
            } catch (JsonProcessingException e) {
                throw malformed(p, e);
            }
        }
    }

    /**
     * Reads a whole document.
     *
     * @throws InvalidContentException for malformed JSON or a duplicate key, naming the line
     * @throws StorageException when the reader fails
     */
    static LocatedJson read(Reader in, String source) {
        try {
            return new LocatedJson(in, source);
        } catch (IOException e) {
            throw new StorageException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** The path of member {@code name} of the object at {@code path}: {@code $.a} or, for other names, {@code $['a b']}. */
    static String member(String path, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return path + "." + name;
        }
        return path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    JsonNode root() {
        return root;
    }

    String source() {
        return source;
    }

    /** Line of the value at {@code path} (1-based), else of its key, else -1. */
    long valueLine(String path) {
        JsonLocation at = values.getOrDefault(path, keys.get(path));
        return at == null ? -1 : at.getLineNr();
    }

    /** Line of the key of the object member at {@code path} (1-based), else of its value, else -1. */
    long keyLine(String path) {
        JsonLocation at = keys.getOrDefault(path, values.get(path));
        return at == null ? -1 : at.getLineNr();
    }

    /** The number at {@code path} as written in the source, or null when that is not a number. */
    String numberText(String path) {
        return numberText.get(path);
    }

    private JsonNode value(JsonParser p, String path) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        reading = path;
        values.put(path, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = member(path, name);
                    if (object.has(name)) {
                        throw duplicate(child, p.currentTokenLocation());
                    }
                    keys.put(child, p.currentTokenLocation());
                    p.nextToken();
                    object.set(name, value(p, child));
                    reading = path;
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, path + "[" + array.size() + "]"));
                    reading = path;
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                numberText.put(path, p.getText());
                return nodes.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new InvalidContentException(source, p.currentTokenLocation().getLineNr(),
                    path + ": unexpected " + t);
        }
    }

    private InvalidContentException duplicate(String path, JsonLocation at) {
        return new InvalidContentException(source, at.getLineNr(),
                path + ": duplicate key (first given on line " + keyLine(path) + ")");
    }

    /** A parser error: a repeated key (STRICT_DUPLICATE_DETECTION) or malformed JSON, at the path being read. */
    private InvalidContentException malformed(JsonParser p, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        long line = at == null ? -1 : at.getLineNr();
        String name = p.getParsingContext().getCurrentName();
        if (at != null && name != null && ("Duplicate field '" + name + "'").equals(e.getOriginalMessage())) {
            return duplicate(member(reading, name), at);
        }
        String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip().split("\\R", 2)[0];
        String column = at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr();
        String path = reading.length() <= 120 ? reading : reading.substring(0, 60) + "..." // deep nesting (issue 12)
                + reading.substring(reading.length() - 40);
        return new InvalidContentException(source, line, path + ": malformed JSON" + column + ": " + why);
    }
}
