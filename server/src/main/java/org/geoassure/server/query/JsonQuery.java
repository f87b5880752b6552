package org.geoassure.server.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;

/**
 * A query in its JSON form (see the {@linkplain org.geoassure.server.query package documentation}): what to read
 * ({@code boreholes}, {@code stations} or {@code intervals} of one table) and a {@link Selection}. Immutable.
 *
 * <pre>{@code
 * JsonQuery q = JsonQuery.parse("""
 *     {"from": "intervals", "table": "lithology", "near": {"point": [494930.3, 6803192.0, 256.3], "within": 150}}
 *     """, "request body");
 * q.target();      // "intervals"
 * q.selection();   // spatial filter NearPoint(494930.3, 6803192.0, 256.3, 150.0)
 * }</pre>
 *
 * <p>There is no {@code equals}: {@link Selection} has none. Two queries are the same when their {@link #toJson()}
 * texts are.
 */
public final class JsonQuery {
    /** The values of {@code "from"}. */
    static final List<String> TARGETS = List.of("boreholes", "stations", "intervals");

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String target;
    private final String table;
    private final Selection selection;

    /**
     * A query from its parts.
     *
     * @param target boreholes, stations or intervals
     * @param table the interval table for intervals, null otherwise
     * @param selection what to select; every part must have a JSON form (finite coordinates, non-blank hole ids,
     *     column names of letters, digits and underscore)
     * @throws IllegalArgumentException when a part breaks these rules
     */
    public JsonQuery(String target, String table, Selection selection) {
        this.target = Objects.requireNonNull(target, "target");
        this.selection = Objects.requireNonNull(selection, "selection");
        if (!TARGETS.contains(target)) {
            throw new IllegalArgumentException("target must be one of " + TARGETS + ", got '" + target + "'");
        }
        if (target.equals("intervals") != (table != null)) {
            throw new IllegalArgumentException("a table is needed for intervals and only for them (target " + target
                    + ", table " + table + ")");
        }
        if (table != null && !Column.isValidName(table)) {
            throw new IllegalArgumentException("bad table name '" + table + "'");
        }
        this.table = table;
        for (String id : selection.holeIds()) {
            if (id.isBlank()) {
                throw new IllegalArgumentException("blank hole id");
            }
        }
        for (AttributePredicate p : selection.predicates()) {
            if (!Column.isValidName(p.column())) {
                throw new IllegalArgumentException("bad column name '" + p.column() + "'");
            }
        }
        selection.spatial().ifPresent(JsonQuery::checkFinite);
    }

    /**
     * Reads a query.
     *
     * @param text the JSON text
     * @param source where the text comes from, for messages: a file name as the user gave it, {@code -} or
     *     {@code request body}
     * @throws InvalidContentException for anything wrong, as {@code source:line: $.path: reason}
     */
    public static JsonQuery parse(String text, String source) {
        return parse(new StringReader(text), source);
    }

    /**
     * Reads a query from a reader (not closed).
     *
     * @throws InvalidContentException for anything wrong, as {@code source:line: $.path: reason}
     * @throws StorageException when the reader fails
     */
    public static JsonQuery parse(Reader in, String source) {
        return JsonQueryReader.read(LocatedJson.read(in, source));
    }

    /** boreholes, stations or intervals. */
    public String target() {
        return target;
    }

    /** The interval table, present exactly when the target is intervals. */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    public Selection selection() {
        return selection;
    }

    /**
     * The canonical JSON form, on one line: fields in the documented order, conditions as objects, hole ids sorted,
     * times as UTC instants. {@code parse(q.toJson(), s).toJson()} equals {@code q.toJson()}.
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("from", target);
            if (table != null) {
                g.writeStringField("table", table);
            }
            if (selection.spatial().isPresent()) {
                writeSpatial(g, selection.spatial().get());
            }
            if (!selection.predicates().isEmpty()) {
                g.writeArrayFieldStart("where");
                for (AttributePredicate p : selection.predicates()) {
                    writePredicate(g, p);
                }
                g.writeEndArray();
            }
            if (!selection.holeIds().isEmpty()) {
                g.writeArrayFieldStart("holes");
                for (String id : new TreeSet<>(selection.holeIds())) {
                    g.writeString(id);
                }
                g.writeEndArray();
            }
            Instant valid = selection.time().validAt();
            if (valid != null) {
                g.writeStringField("asOf", valid.toString());
            }
            Instant recorded = selection.time().recordedAt();
            if (recorded != null) {
                g.writeStringField("recordedAsOf", recorded.toString());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The canonical JSON form. */
    @Override
    public String toString() {
        return toJson();
    }

    private static void writeSpatial(JsonGenerator g, SpatialFilter f) throws IOException {
        if (f instanceof SpatialFilter.NearPoint n) {
            g.writeObjectFieldStart("near");
            writePoint(g, "point", n.x(), n.y(), n.z());
            g.writeNumberField("within", n.distance());
        } else if (f instanceof SpatialFilter.NearPolyline l) {
            g.writeObjectFieldStart("line");
            g.writeArrayFieldStart("points");
            double[] xyz = l.line();
            for (int i = 0; i < xyz.length; i += 3) {
                writePoint(g, null, xyz[i], xyz[i + 1], xyz[i + 2]);
            }
            g.writeEndArray();
            g.writeNumberField("within", l.distance());
        } else {
            Box3 box = ((SpatialFilter.InBox) f).box();
            g.writeObjectFieldStart("box");
            writePoint(g, "min", box.minX(), box.minY(), box.minZ());
            writePoint(g, "max", box.maxX(), box.maxY(), box.maxZ());
        }
        g.writeEndObject();
    }

    private static void writePoint(JsonGenerator g, String name, double x, double y, double z) throws IOException {
        if (name != null) {
            g.writeFieldName(name);
        }
        g.writeArray(new double[] {x, y, z}, 0, 3);
    }

    private static void writePredicate(JsonGenerator g, AttributePredicate p) throws IOException {
        g.writeStartObject();
        g.writeStringField("column", p.column());
        g.writeStringField("op", p.op().sql().toLowerCase(Locale.ROOT));
        switch (p.op()) {
            case IS_NULL, NOT_NULL -> {
            }
            case IN -> {
                g.writeArrayFieldStart("values");
                for (String v : p.values()) {
                    writeValue(g, v);
                }
                g.writeEndArray();
            }
            default -> {
                g.writeFieldName("value");
                writeValue(g, p.values().get(0));
            }
        }
        g.writeEndObject();
    }

    /** Text that is a JSON number is written as that number (it reads back as the same text), other text as a string. */
    private static void writeValue(JsonGenerator g, String v) throws IOException {
        if (JSON_NUMBER.matcher(v).matches() && Double.isFinite(Double.parseDouble(v))) {
            g.writeNumber(v);
        } else {
            g.writeString(v);
        }
    }

    private static void checkFinite(SpatialFilter f) {
        double[] v;
        if (f instanceof SpatialFilter.NearPoint n) {
            v = new double[] {n.x(), n.y(), n.z(), n.distance()};
        } else if (f instanceof SpatialFilter.NearPolyline l) {
            v = l.line();
            if (!Double.isFinite(l.distance())) {
                throw new IllegalArgumentException("non-finite distance: " + l.distance());
            }
        } else {
            Box3 b = ((SpatialFilter.InBox) f).box();
            v = new double[] {b.minX(), b.minY(), b.minZ(), b.maxX(), b.maxY(), b.maxZ()};
        }
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("spatial filter with a non-finite number: " + f);
            }
        }
    }
}
