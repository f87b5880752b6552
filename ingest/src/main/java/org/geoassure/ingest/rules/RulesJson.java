package org.geoassure.ingest.rules;

import com.fasterxml.jackson.core.JsonFactory;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.Bound;
import org.geoassure.geodb.hazard.warning.CombinationRule;
import org.geoassure.geodb.hazard.warning.Limit;
import org.geoassure.geodb.hazard.warning.NoDataRule;
import org.geoassure.geodb.hazard.warning.RateRule;
import org.geoassure.geodb.hazard.warning.RollUp;
import org.geoassure.geodb.hazard.warning.Rule;
import org.geoassure.geodb.hazard.warning.RuleSet;
import org.geoassure.geodb.hazard.warning.ThresholdRule;
import org.geoassure.geodb.hazard.warning.WarningLevel;

/**
 * Reads a monitoring rules file (JSON, format in docs/warnings.md) into a {@link RuleSet}. Every error is an
 * {@link InvalidContentException} reading {@code file:line: field: reason}, where field is the JSON path
 * ({@code rules[2].levels.red.above: not a number}); duplicate keys and unknown fields are errors.
 *
 * <pre>{
 *   "rollUp": {"blueToYellow": 4, "yellowToOrange": 3, "orangeToRed": 2},
 *   "rules": [
 *     {"id": "p1-high", "type": "threshold", "item": "dam-1/phreatic", "station": "P1",
 *      "levels": {"yellow": {"above": 28.75, "clear": 28.6}, "orange": {"above": 28.9, "clear": 28.8}}},
 *     {"id": "p1-rise", "type": "rate", "item": "dam-1/phreatic", "station": "P1", "window": "P31D",
 *      "levels": {"yellow": {"above": 0.5, "clear": 0.3}}},
 *     {"id": "p1-silent", "type": "noData", "item": "dam-1/phreatic", "station": "P1",
 *      "levels": {"blue": "P60D", "yellow": "P90D"}},
 *     {"id": "p1-both", "type": "allOf", "item": "dam-1/phreatic", "parts": ["p1-high", "p1-rise"]}
 *   ]
 * }</pre>
 */
public final class RulesJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> LADDER_FIELDS = Set.of("id", "type", "item", "station", "levels");
    private static final Set<String> RATE_FIELDS = Set.of("id", "type", "item", "station", "window", "levels");
    private static final Set<String> COMBINATION_FIELDS = Set.of("id", "type", "item", "parts");

    private final String source;
    private final Map<String, Integer> lines = new HashMap<>();

    private RulesJson(String source) {
        this.source = source;
    }

    /** Reads a rules file; {@code source} is the name used in messages (as the user gave it). */
    public static RuleSet read(Reader in, String source) throws IOException {
        return new RulesJson(source).parse(in);
    }

    /** Reads a rules file (UTF-8). */
    public static RuleSet read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    private RuleSet parse(Reader in) throws IOException {
        JsonNode root;
        try (JsonParser p = FACTORY.createParser(in)) {
            try {
                if (p.nextToken() == null) {
                    throw new InvalidContentException(source, 1, "no JSON, expected an object with \"rules\"");
                }
                root = tree(p, "");
                if (p.nextToken() != null) {
                    throw new InvalidContentException(source, p.currentTokenLocation().getLineNr(),
                            "unexpected content after the end of the rules object");
                }
            } catch (JsonProcessingException e) {
                throw new InvalidContentException(source, e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                        "not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (!root.isObject()) {
            throw error("", "expected an object with \"rules\"");
        }
        fields(root, "", Set.of("rules", "rollUp"));
        RollUp rollUp = RollUp.GB39496;
        if (root.has("rollUp")) {
            JsonNode r = object(root.get("rollUp"), "rollUp");
            fields(r, "rollUp", Set.of("blueToYellow", "yellowToOrange", "orangeToRed"));
            int b = count(r, "rollUp", "blueToYellow", rollUp.blueToYellow());
            int y = count(r, "rollUp", "yellowToOrange", rollUp.yellowToOrange());
            int o = count(r, "rollUp", "orangeToRed", rollUp.orangeToRed());
            try {
                rollUp = new RollUp(b, y, o);
            } catch (InvalidContentException e) {
                throw new InvalidContentException(source, line("rollUp"), e.getMessage());
            }
        }
        JsonNode rules = required(root, "", "rules");
        if (!rules.isArray()) {
            throw error("rules", "not an array");
        }
        List<Rule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = "rules[" + i + "]";
            JsonNode r = object(rules.get(i), at);
            try {
                out.add(rule(r, at));
            } catch (InvalidContentException e) {
                if (e.source().isPresent()) {
                    throw e;
                }
                // a record's own check: its message starts with the field relative to the rule
                String field = e.getMessage().split(":", 2)[0];
                throw new InvalidContentException(source, lineOrParent(at + "." + field), at + "." + e.getMessage());
            }
        }
        try {
            return new RuleSet(out, rollUp);
        } catch (InvalidContentException e) {
            String field = e.getMessage().split(":", 2)[0];
            throw new InvalidContentException(source, lineOrParent(field), e.getMessage());
        }
    }

    private Rule rule(JsonNode r, String at) {
        String type = text(r, at, "type");
        String id = text(r, at, "id");
        String item = text(r, at, "item");
        switch (type) {
            case "threshold" -> {
                fields(r, at, LADDER_FIELDS);
                Ladder l = ladder(r, at);
                return new ThresholdRule(id, item, text(r, at, "station"), l.bound, l.limits);
            }
            case "rate" -> {
                fields(r, at, RATE_FIELDS);
                long window = duration(required(r, at, "window"), at + ".window");
                Ladder l = ladder(r, at);
                return new RateRule(id, item, text(r, at, "station"), window, l.bound, l.limits);
            }
            case "noData" -> {
                fields(r, at, LADDER_FIELDS);
                String lat = at + ".levels";
                JsonNode levels = object(required(r, at, "levels"), lat);
                Map<WarningLevel, Long> ages = new EnumMap<>(WarningLevel.class);
                for (Iterator<Map.Entry<String, JsonNode>> it = levels.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    ages.put(level(e.getKey(), lat), duration(e.getValue(), lat + "." + e.getKey()));
                }
                return new NoDataRule(id, item, text(r, at, "station"), ages);
            }
            case "allOf", "anyOf" -> {
                fields(r, at, COMBINATION_FIELDS);
                JsonNode parts = required(r, at, "parts");
                if (!parts.isArray()) {
                    throw error(at + ".parts", "not an array of rule ids");
                }
                List<String> ids = new ArrayList<>();
                for (int p = 0; p < parts.size(); p++) {
                    if (!parts.get(p).isTextual()) {
                        throw error(at + ".parts[" + p + "]", "not a string");
                    }
                    ids.add(parts.get(p).asText());
                }
                return new CombinationRule(id, item, type.equals("allOf") ? CombinationRule.Mode.ALL_OF
                        : CombinationRule.Mode.ANY_OF, ids);
            }
            default -> throw error(at + ".type", "'" + type + "' is not one of threshold, rate, noData, allOf, anyOf");
        }
    }

    private record Ladder(Bound bound, Map<WarningLevel, Limit> limits) {
    }

    private Ladder ladder(JsonNode r, String at) {
        String lat = at + ".levels";
        JsonNode levels = object(required(r, at, "levels"), lat);
        Bound bound = null;
        String boundLevel = null;
        Map<WarningLevel, Limit> limits = new EnumMap<>(WarningLevel.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = levels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = lat + "." + e.getKey();
            WarningLevel level = level(e.getKey(), lat);
            JsonNode l = object(e.getValue(), path);
            fields(l, path, Set.of("above", "below", "clear"));
            Bound b;
            if (l.has("above") == l.has("below")) {
                throw error(path, "give exactly one of \"above\" and \"below\"");
            }
            b = l.has("above") ? Bound.ABOVE : Bound.BELOW;
            if (bound != null && b != bound) {
                throw error(path + "." + b.key(), "the " + boundLevel + " level uses \"" + bound.key()
                        + "\"; all levels of a rule must use the same side");
            }
            bound = b;
            boundLevel = e.getKey();
            double raise = number(l.get(b.key()), path + "." + b.key());
            double clear = l.has("clear") ? number(l.get("clear"), path + ".clear") : raise;
            limits.put(level, new Limit(raise, clear));
        }
        if (bound == null) {
            throw error(lat, "at least one level is needed");
        }
        return new Ladder(bound, limits);
    }

    private WarningLevel level(String key, String at) {
        return WarningLevel.ofKey(key).orElseThrow(() -> error(at + "." + key,
                "not a level; use blue, yellow, orange or red"));
    }

    private long duration(JsonNode n, String at) {
        if (!n.isTextual()) {
            throw error(at, "not an ISO-8601 duration string like \"PT6H\" or \"P30D\"");
        }
        try {
            Duration d = Duration.parse(n.asText());
            if (d.isNegative() || d.isZero()) {
                throw error(at, "'" + n.asText() + "' is not a positive duration");
            }
            return Math.multiplyExact(d.getSeconds(), 1_000_000L) + d.getNano() / 1000;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw error(at, "'" + n.asText() + "' is not an ISO-8601 duration like \"PT6H\" or \"P30D\"");
        }
    }

    private double number(JsonNode n, String at) {
        if (!n.isNumber()) {
            throw error(at, "not a number");
        }
        return n.doubleValue();
    }

    private int count(JsonNode obj, String at, String field, int fallback) {
        if (!obj.has(field)) {
            return fallback;
        }
        JsonNode n = obj.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw error(at + "." + field, "not an integer");
        }
        return n.intValue();
    }

    private String text(JsonNode obj, String at, String field) {
        JsonNode n = required(obj, at, field);
        if (!n.isTextual()) {
            throw error(at + "." + field, "not a string");
        }
        return n.asText();
    }

    private JsonNode required(JsonNode obj, String at, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            throw error(join(at, field), "missing");
        }
        return n;
    }

    private JsonNode object(JsonNode n, String at) {
        if (!n.isObject()) {
            throw error(at, "not an object");
        }
        return n;
    }

    private void fields(JsonNode obj, String at, Set<String> allowed) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw error(join(at, f), "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private InvalidContentException error(String path, String reason) {
        return new InvalidContentException(source, lineOrParent(path), (path.isEmpty() ? "" : path + ": ") + reason);
    }

    private int line(String path) {
        return lines.getOrDefault(path, -1);
    }

    /** The line of a path, or of its nearest ancestor that has one. */
    private int lineOrParent(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return lines.getOrDefault("", -1);
    }

    private static String join(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    /** A tree of the value at the parser's current token, recording the line of every value by path. */
    private JsonNode tree(JsonParser p, String path) throws IOException {
        lines.put(path, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, tree(p, join(path, name)));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(tree(p, path + "[" + i++ + "]"));
                }
                return a;
            }
            case VALUE_STRING -> {
                return JsonNodeFactory.instance.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return JsonNodeFactory.instance.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonNodeFactory.instance.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNodeFactory.instance.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> throw new InvalidContentException(source, p.currentTokenLocation().getLineNr(),
                    join(path, "") + ": unexpected " + t);
        }
    }
}
