package org.geoassure.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.AttributePredicate.Op;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.query.TimeSlice;

/** Walks a {@link LocatedJson} tree into a {@link JsonQuery}, refusing anything it does not know. */
final class JsonQueryReader {
    private static final List<String> TOP = List.of("from", "table", "near", "line", "box", "where", "holes", "asOf",
            "recordedAsOf");
    private static final List<String> SPATIAL = List.of("near", "line", "box");
    private static final List<String> NEAR = List.of("point", "within");
    private static final List<String> LINE = List.of("points", "within");
    private static final List<String> BOX = List.of("min", "max");
    private static final List<String> PREDICATE = List.of("column", "op", "value", "values");
    private static final Map<String, Op> OPS = Map.of("=", Op.EQ, "<>", Op.NE, "!=", Op.NE, "<", Op.LT, "<=", Op.LE,
            ">", Op.GT, ">=", Op.GE, "in", Op.IN, "is null", Op.IS_NULL, "is not null", Op.NOT_NULL);
    private static final String OP_LIST = "=, <>, !=, <, <=, >, >=, in, is null, is not null";
    private static final String[] AXES = {"x", "y", "z"};

    private final LocatedJson doc;

    private JsonQueryReader(LocatedJson doc) {
        this.doc = doc;
    }

    static JsonQuery read(LocatedJson doc) {
        return new JsonQueryReader(doc).query();
    }

    private JsonQuery query() {
        JsonNode root = doc.root();
        expect(root.isObject(), "$", "must be an object {\"from\": ...}", root);
        allowOnly(root, "$", TOP);
        String target = text(required(root, "$", "from", "boreholes, stations or intervals"), "$.from");
        if (!JsonQuery.TARGETS.contains(target)) {
            throw fail("$.from", "must be one of boreholes, stations, intervals, got \"" + target + "\"");
        }
        String table = null;
        if (root.has("table")) {
            if (!target.equals("intervals")) {
                throw failAtKey("$.table", "only with \"from\": \"intervals\", not with \"" + target + "\"");
            }
            table = text(root.get("table"), "$.table");
            if (!Column.isValidName(table)) {
                throw fail("$.table", "\"" + table + "\" is not a table name (letters, digits and underscore, "
                        + "not starting with a digit)");
            }
        } else if (target.equals("intervals")) {
            throw new InvalidContentException(doc.source(), doc.keyLine("$.from"),
                    "$.table: required with \"from\": \"intervals\" (the interval table's name)");
        }
        Selection s = Selection.all();
        SpatialFilter spatial = spatial(root);
        if (spatial != null) {
            s = s.within(spatial);
        }
        if (root.has("where")) {
            JsonNode where = root.get("where");
            expect(where.isArray(), "$.where", "must be an array of conditions", where);
            for (int i = 0; i < where.size(); i++) {
                s = s.where(predicate(where.get(i), "$.where[" + i + "]"));
            }
        }
        if (root.has("holes")) {
            s = s.holes(holes(root.get("holes")));
        }
        if (root.has("asOf")) {
            s = s.asOf(instant(root.get("asOf"), "$.asOf"));
        }
        if (root.has("recordedAsOf")) {
            s = s.recordedAsOf(instant(root.get("recordedAsOf"), "$.recordedAsOf"));
        }
        return new JsonQuery(target, table, s);
    }

    private SpatialFilter spatial(JsonNode root) {
        String given = null;
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (SPATIAL.contains(name)) {
                if (given != null) {
                    throw failAtKey("$." + name, "give at most one of near, line, box (" + given + " is also given)");
                }
                given = name;
            }
        }
        if (given == null) {
            return null;
        }
        String path = "$." + given;
        JsonNode node = root.get(given);
        expect(node.isObject(), path, "must be an object", node);
        switch (given) {
            case "near" -> {
                allowOnly(node, path, NEAR);
                double[] p = point(required(node, path, "point", "[x, y, z]"), path + ".point");
                double d = distance(required(node, path, "within", "a distance in metres"), path + ".within");
                return new SpatialFilter.NearPoint(p[0], p[1], p[2], d);
            }
            case "line" -> {
                allowOnly(node, path, LINE);
                String pointsPath = path + ".points";
                JsonNode points = required(node, path, "points", "[[x, y, z], [x, y, z], ...]");
                expect(points.isArray(), pointsPath, "must be an array of points [[x, y, z], [x, y, z], ...]", points);
                if (points.size() < 2) {
                    throw fail(pointsPath, "needs at least 2 points [[x, y, z], [x, y, z], ...], got " + points.size());
                }
                double[] xyz = new double[3 * points.size()];
                for (int i = 0; i < points.size(); i++) {
                    System.arraycopy(point(points.get(i), pointsPath + "[" + i + "]"), 0, xyz, 3 * i, 3);
                }
                double d = distance(required(node, path, "within", "a distance in metres"), path + ".within");
                return new SpatialFilter.NearPolyline(xyz, d);
            }
            default -> {
                allowOnly(node, path, BOX);
                double[] min = point(required(node, path, "min", "[x, y, z]"), path + ".min");
                double[] max = point(required(node, path, "max", "[x, y, z]"), path + ".max");
                for (int a = 0; a < 3; a++) {
                    if (min[a] > max[a]) {
                        throw fail(path, "min " + AXES[a] + " " + doc.numberText(path + ".min[" + a + "]")
                                + " is greater than max " + AXES[a] + " " + doc.numberText(path + ".max[" + a + "]"));
                    }
                }
                return new SpatialFilter.InBox(new Box3(min[0], min[1], min[2], max[0], max[1], max[2]));
            }
        }
    }

    private AttributePredicate predicate(JsonNode node, String path) {
        if (node.isTextual()) {
            try {
                return AttributePredicate.parse(node.textValue());
            } catch (InvalidContentException e) {
                throw fail(path, e.getMessage());
            }
        }
        expect(node.isObject(), path, "must be a string \"COLUMN op VALUE\" or an object {\"column\", \"op\", \"value\"}",
                node);
        allowOnly(node, path, PREDICATE);
        String column = text(required(node, path, "column", "a column name"), path + ".column");
        if (!Column.isValidName(column)) {
            throw fail(path + ".column", "\"" + column + "\" is not a column name (letters, digits and underscore, "
                    + "not starting with a digit)");
        }
        String spelled = text(required(node, path, "op", OP_LIST), path + ".op");
        Op op = OPS.get(spelled.toLowerCase(Locale.ROOT));
        if (op == null) {
            throw fail(path + ".op", "\"" + spelled + "\" is not one of " + OP_LIST);
        }
        List<String> values = new ArrayList<>();
        switch (op) {
            case IS_NULL, NOT_NULL -> {
                refuse(node, path, "value", "\"" + spelled + "\" takes no value");
                refuse(node, path, "values", "\"" + spelled + "\" takes no values");
            }
            case IN -> {
                refuse(node, path, "value", "with \"in\" give \"values\": [...]");
                String listPath = path + ".values";
                JsonNode list = required(node, path, "values", "[value, ...] with \"in\"");
                expect(list.isArray(), listPath, "must be an array of strings or numbers", list);
                if (list.isEmpty()) {
                    throw fail(listPath, "needs at least one value");
                }
                for (int i = 0; i < list.size(); i++) {
                    values.add(scalar(list.get(i), listPath + "[" + i + "]"));
                }
            }
            default -> {
                refuse(node, path, "values", "only with \"in\"; give \"value\"");
                values.add(scalar(required(node, path, "value", "a string or a number with \"" + spelled + "\""),
                        path + ".value"));
            }
        }
        return new AttributePredicate(column, op, values);
    }

    private Set<String> holes(JsonNode node) {
        expect(node.isArray(), "$.holes", "must be an array of hole ids", node);
        if (node.isEmpty()) {
            throw fail("$.holes", "needs at least one hole id (leave \"holes\" out for all holes)");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "$.holes[" + i + "]";
            String id = text(node.get(i), path);
            if (id.isBlank()) {
                throw fail(path, "must be a hole id, got \"" + id + "\"");
            }
            ids.add(id);
        }
        return ids;
    }

    /** Same rules as the command line's --as-of: a date (00:00 UTC) or an ISO instant. */
    private Instant instant(JsonNode node, String path) {
        String t = text(node, path);
        try {
            return TimeSlice.parseTime(t);
        } catch (DateTimeParseException e) {
            throw fail(path, "\"" + t + "\" is not a date (2025-06-01) or a UTC instant (2025-06-01T08:00:00Z)");
        }
    }

    private double[] point(JsonNode node, String path) {
        if (!node.isArray() || node.size() != 3) {
            throw fail(path, "must be an array of 3 numbers [x, y, z], got " + (node.isArray()
                    ? node.size() + (node.size() == 1 ? " item" : " items") : describe(node, path)));
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            v[i] = number(node.get(i), path + "[" + i + "]");
        }
        return v;
    }

    private double distance(JsonNode node, String path) {
        double d = number(node, path);
        if (!(d >= 0)) {
            throw fail(path, "must be a number >= 0, got " + doc.numberText(path));
        }
        return d;
    }

    private double number(JsonNode node, String path) {
        expect(node.isNumber(), path, "must be a number", node);
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw fail(path, "must be a finite number, got " + doc.numberText(path));
        }
        return v;
    }

    /** A predicate operand: a string as it is, a number as written. */
    private String scalar(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue();
        }
        expect(node.isNumber(), path, "must be a string or a number", node);
        number(node, path);
        return doc.numberText(path);
    }

    private String text(JsonNode node, String path) {
        expect(node.isTextual(), path, "must be a string", node);
        return node.textValue();
    }

    private JsonNode required(JsonNode object, String path, String name, String what) {
        JsonNode v = object.get(name);
        if (v == null) {
            throw fail(LocatedJson.member(path, name), "required (" + what + ")", doc.valueLine(path));
        }
        return v;
    }

    private void refuse(JsonNode object, String path, String name, String why) {
        if (object.has(name)) {
            throw failAtKey(LocatedJson.member(path, name), why);
        }
    }

    private void allowOnly(JsonNode object, String path, List<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw failAtKey(LocatedJson.member(path, name), "unknown field \"" + name + "\"; allowed here: "
                        + String.join(", ", allowed));
            }
        }
    }

    private void expect(boolean ok, String path, String what, JsonNode got) {
        if (!ok) {
            throw fail(path, what + ", got " + describe(got, path));
        }
    }

    private String describe(JsonNode node, String path) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string \"" + node.textValue() + "\"";
            case NUMBER -> "the number " + doc.numberText(path);
            case BOOLEAN -> node.booleanValue() ? "true" : "false";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private InvalidContentException fail(String path, String reason) {
        return fail(path, reason, doc.valueLine(path));
    }

    private InvalidContentException failAtKey(String path, String reason) {
        return fail(path, reason, doc.keyLine(path));
    }

    private InvalidContentException fail(String path, String reason, long line) {
        return new InvalidContentException(doc.source(), line, path + ": " + reason);
    }
}
