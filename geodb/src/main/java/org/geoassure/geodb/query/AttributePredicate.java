package org.geoassure.geodb.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geoassure.geodb.InvalidContentException;

/**
 * A condition on one attribute column: comparison, set membership, or null test. Comparisons with null are
 * false (SQL semantics). Text compares as text, numbers as doubles.
 *
 * @param column column name
 * @param op operator
 * @param values operands as text (one for comparisons, several for IN, none for null tests); the engine converts
 *     them to the column's type and refuses text that is not a number for a numeric column
 */
public record AttributePredicate(String column, Op op, List<String> values) {
    private static final Pattern CMP = Pattern.compile("\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s*(<=|>=|!=|<>|=|<|>)\\s*(.+?)\\s*");
    private static final Pattern IN = Pattern.compile("(?i)\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s+in\\s*\\((.*)\\)\\s*");
    private static final Pattern NULL = Pattern.compile("(?i)\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s+is\\s+(not\\s+)?null\\s*");

    /** Operators. */
    public enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="), IN("IN"), IS_NULL("IS NULL"), NOT_NULL("IS NOT NULL");

        private final String sql;

        Op(String sql) {
            this.sql = sql;
        }

        /** SQL spelling. */
        public String sql() {
            return sql;
        }
    }

    public AttributePredicate {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
        int expected = switch (op) {
            case IS_NULL, NOT_NULL -> 0;
            case IN -> -1;
            default -> 1;
        };
        if (expected >= 0 && values.size() != expected || expected < 0 && values.isEmpty()) {
            throw new IllegalArgumentException(op + " takes " + (expected < 0 ? "one or more" : expected) + " values, got "
                    + values.size());
        }
    }

    /** A predicate from Java values; numbers are written with {@link String#valueOf(Object)}. */
    public static AttributePredicate of(String column, Op op, Object... values) {
        List<String> text = new ArrayList<>();
        for (Object v : values) {
            text.add(String.valueOf(v));
        }
        return new AttributePredicate(column, op, text);
    }

    /**
     * Parses {@code COL op VALUE}, {@code COL in (A, B)}, {@code COL is [not] null}. A value in quotes is text; the
     * quotes are removed; the value's type comes from the column.
     *
     * @throws InvalidContentException naming the expression when it cannot be parsed
     */
    public static AttributePredicate parse(String text) {
        Matcher m = NULL.matcher(text);
        if (m.matches()) {
            return new AttributePredicate(m.group(1), m.group(2) == null ? Op.IS_NULL : Op.NOT_NULL, List.of());
        }
        m = IN.matcher(text);
        if (m.matches()) {
            List<String> vals = new ArrayList<>();
            for (String part : m.group(2).split(",")) {
                if (part.isBlank()) {
                    throw new InvalidContentException("where '" + text + "': empty value in IN list");
                }
                vals.add(literal(part.trim()));
            }
            return new AttributePredicate(m.group(1), Op.IN, vals);
        }
        m = CMP.matcher(text);
        if (m.matches()) {
            Op op = switch (m.group(2)) {
                case "=" -> Op.EQ;
                case "!=", "<>" -> Op.NE;
                case "<" -> Op.LT;
                case "<=" -> Op.LE;
                case ">" -> Op.GT;
                default -> Op.GE;
            };
            return new AttributePredicate(m.group(1), op, List.of(literal(m.group(3))));
        }
        throw new InvalidContentException("where '" + text + "': expected COLUMN op VALUE (op one of = != < <= > >=), "
                + "COLUMN in (A, B, ...), or COLUMN is [not] null");
    }

    private static String literal(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    @Override
    public String toString() {
        return switch (op) {
            case IS_NULL, NOT_NULL -> column + " " + op.sql();
            case IN -> column + " IN " + values;
            default -> column + " " + op.sql() + " " + values.get(0);
        };
    }

    /** Lower-case column name, for case-insensitive matching. */
    public String columnKey() {
        return column.toLowerCase(Locale.ROOT);
    }
}
