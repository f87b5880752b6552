package org.geoassure.geodb.query.sql.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;

/**
 * The time clauses of a table reference, taken out of the SQL text before Calcite sees it:
 *
 * <pre>
 *   FROM lithology FOR VALID_TIME AS OF TIMESTAMP '2025-06-01 00:00:00'
 *   FROM lithology FOR SYSTEM_TIME AS OF TIMESTAMP '2025-01-01 00:00:00'
 *   FROM lithology FOR VALID_TIME AS OF DATE '2025-06-01' FOR SYSTEM_TIME AS OF '2025-01-01T00:00:00Z'
 * </pre>
 *
 * {@code SYSTEM_TIME} is record time (SQL:2011), {@code VALID_TIME} is valid time (the application-time period; the
 * spelling follows the SQL:2011 proposals and Teradata). Each clause follows a table name (before any alias) and takes
 * a literal: {@code TIMESTAMP '...'}, {@code DATE '...'} or a string; times are UTC. A table with clauses is rewritten
 * in place to the same table in a schema for that time slice ({@code `valid 2025-06-01T00:00:00Z`.lithology}), padded
 * with spaces so that every later character keeps its line and column and Calcite's error positions stay right.
 * Strings, quoted identifiers and comments are skipped. Internal.
 */
public final class TimeClauses {
    /** A time slice requested in the text: either axis may be null (the connection's default). */
    public record Slice(Instant validAt, Instant recordedAt) {
        /** The schema name for this slice, readable in plans and messages. */
        public String schemaName() {
            StringBuilder sb = new StringBuilder();
            if (validAt != null) {
                sb.append("valid ").append(validAt);
            }
            if (recordedAt != null) {
                sb.append(sb.length() > 0 ? ", " : "").append("recorded ").append(recordedAt);
            }
            return sb.toString();
        }
    }

    /** The rewritten text and the slices it names, by schema name. */
    public record Result(String sql, Map<String, Slice> slices) {
    }

    private enum Kind { WORD, QUOTED, STRING, DOT, OTHER }

    private record Token(Kind kind, String text, int start, int end) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();

    private TimeClauses(String sql) {
        this.sql = sql;
    }

    /**
     * Takes the time clauses out of {@code sql}.
     *
     * @throws InvalidContentException naming line and column when a clause is malformed
     */
    public static Result rewrite(String sql) {
        TimeClauses t = new TimeClauses(sql);
        t.lex();
        return t.apply();
    }

    private Result apply() {
        StringBuilder out = new StringBuilder(sql);
        Map<String, Slice> slices = new LinkedHashMap<>();
        int shift = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (!isClauseStart(i)) {
                continue;
            }
            int nameEnd = i - 1;
            if (nameEnd < 0 || tokens.get(nameEnd).kind() != Kind.WORD && tokens.get(nameEnd).kind() != Kind.QUOTED) {
                throw error(tokens.get(i).start(), "FOR " + tokens.get(i + 1).text().toUpperCase(Locale.ROOT)
                        + " AS OF must follow a table name");
            }
            int nameStart = nameEnd;
            while (nameStart >= 2 && tokens.get(nameStart - 1).kind() == Kind.DOT
                    && (tokens.get(nameStart - 2).kind() == Kind.WORD || tokens.get(nameStart - 2).kind() == Kind.QUOTED)) {
                nameStart -= 2;
            }
            Instant valid = null;
            Instant recorded = null;
            int j = i;
            while (isClauseStart(j)) {
                boolean system = tokens.get(j + 1).is("SYSTEM_TIME");
                Token lit = j + 4 < tokens.size() ? tokens.get(j + 4) : null;
                int litEnd = j + 4;
                String typeWord = null;
                if (lit != null && (lit.is("TIMESTAMP") || lit.is("DATE"))) {
                    typeWord = lit.text().toUpperCase(Locale.ROOT);
                    lit = j + 5 < tokens.size() ? tokens.get(j + 5) : null;
                    litEnd = j + 5;
                }
                String clause = "FOR " + (system ? "SYSTEM_TIME" : "VALID_TIME") + " AS OF";
                if (lit == null || lit.kind() != Kind.STRING) {
                    int at = lit == null ? sql.length() : lit.start();
                    throw error(at, clause + " needs a literal time such as TIMESTAMP '2025-06-01 00:00:00' (UTC)");
                }
                Instant t = instant(lit, typeWord, clause);
                if (system ? recorded != null : valid != null) {
                    throw error(tokens.get(j).start(), clause + " given twice for the same table");
                }
                if (system) {
                    recorded = t;
                } else {
                    valid = t;
                }
                j = litEnd + 1;
            }
            Slice slice = new Slice(valid, recorded);
            String schema = slice.schemaName();
            slices.put(schema, slice);
            Token table = tokens.get(nameEnd);
            int regionStart = tokens.get(nameStart).start();
            int regionEnd = tokens.get(j - 1).end();
            String replacement = "`" + schema + "`." + table.text();
            String region = sql.substring(regionStart, regionEnd);
            String padded = pad(replacement, region);
            out.replace(regionStart + shift, regionEnd + shift, padded);
            shift += padded.length() - region.length();
            i = j - 1;
        }
        return new Result(out.toString(), slices);
    }

    /**
     * The replacement followed by blanks that keep the region's line breaks, so later text keeps its line and column;
     * when the replacement is longer than the region's first line (rare), positions after it shift.
     */
    private static String pad(String replacement, String region) {
        int firstBreak = region.indexOf('\n');
        int room = firstBreak < 0 ? region.length() : firstBreak;
        StringBuilder sb = new StringBuilder(replacement);
        if (replacement.length() < room) {
            sb.append(" ".repeat(room - replacement.length()));
        }
        if (firstBreak >= 0) {
            for (int k = firstBreak; k < region.length(); k++) {
                sb.append(region.charAt(k) == '\n' ? '\n' : ' ');
            }
        }
        return sb.toString();
    }

    private boolean isClauseStart(int i) {
        return i + 3 < tokens.size() && tokens.get(i).is("FOR")
                && (tokens.get(i + 1).is("SYSTEM_TIME") || tokens.get(i + 1).is("VALID_TIME"))
                && tokens.get(i + 2).is("AS") && tokens.get(i + 3).is("OF");
    }

    private Instant instant(Token lit, String typeWord, String clause) {
        String body = lit.text().substring(1, lit.text().length() - 1).replace("''", "'").trim();
        try {
            if (body.length() == 10) {
                return LocalDate.parse(body).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if ("DATE".equals(typeWord)) {
                throw new DateTimeParseException("not a date", body, 0);
            }
            if (body.endsWith("Z") || body.endsWith("z")) {
                return Instant.parse(body.toUpperCase(Locale.ROOT).replace(' ', 'T'));
            }
            return LocalDateTime.parse(body.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw error(lit.start(), clause + ": " + lit.text() + " is not a time such as '2025-06-01', "
                    + "'2025-06-01 08:00:00' or '2025-06-01T08:00:00Z' (UTC)");
        }
    }

    private InvalidContentException error(int offset, String reason) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < offset && k < sql.length(); k++) {
            if (sql.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new InvalidContentException("sql: line " + line + ", column " + col + ": " + reason);
    }

    private void lex() {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int endComment = sql.indexOf("*/", i + 2);
                i = endComment < 0 ? n : endComment + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int k = i + 1;
                while (k < n) {
                    if (sql.charAt(k) == c) {
                        if (k + 1 < n && sql.charAt(k + 1) == c) {
                            k += 2;
                            continue;
                        }
                        break;
                    }
                    k++;
                }
                int end = Math.min(k + 1, n);
                tokens.add(new Token(c == '`' ? Kind.QUOTED : c == '\'' ? Kind.STRING : Kind.OTHER, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int k = i + 1;
                while (k < n && (Character.isLetterOrDigit(sql.charAt(k)) || sql.charAt(k) == '_' || sql.charAt(k) == '$')) {
                    k++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, k), i, k));
                i = k;
            } else {
                tokens.add(new Token(c == '.' ? Kind.DOT : Kind.OTHER, String.valueOf(c), i, i + 1));
                i++;
            }
        }
    }
}
