package org.geoassure.ingest.drillhole;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;

/**
 * Which header names the columns of the drillhole files have, where automatic detection does not find them.
 *
 * <p>A mapping file has one {@code key = HEADER} per line; {@code #} starts a comment line; blank lines are
 * skipped. Keys are {@code hole_id, x, y, z, total_depth, azimuth, dip, date} (collar), {@code hole_id, depth,
 * azimuth, dip} (survey) and {@code hole_id, from, to} (intervals), optionally prefixed by {@code collar.},
 * {@code survey.}, {@code intervals.} or {@code intervals.NAME.} for one interval table; the most specific key
 * wins. {@code intervals.NAME.ignore = COL1, COL2} (or {@code intervals.ignore}) drops attribute columns.
 * Header names are matched ignoring case and surrounding blanks. Example (WAMEX exports):
 *
 * <pre>
 * hole_id = CollarID
 * intervals.lithology.ignore = Score
 * </pre>
 *
 * <p>Columns that the mapping does not name are detected from their headers (case, spaces, underscores,
 * hyphens and a unit suffix such as {@code (m)} ignored): see {@code DrillholeReader}. Instances are immutable.
 */
public final class ColumnMapping {
    /** Keys that may name a column, in documentation order. */
    public static final List<String> KEYS = List.of("hole_id", "x", "y", "z", "total_depth", "azimuth", "dip", "date",
            "depth", "from", "to");

    private static final Set<String> COLLAR_KEYS = Set.of("hole_id", "x", "y", "z", "total_depth", "azimuth", "dip",
            "date");
    private static final Set<String> SURVEY_KEYS = Set.of("hole_id", "depth", "azimuth", "dip");
    private static final Set<String> INTERVAL_KEYS = Set.of("hole_id", "from", "to");
    private static final ColumnMapping AUTO = new ColumnMapping(null, Map.of());

    private final String source;
    /** Full key (e.g. "intervals.lithology.from") to header name or, for ignore keys, comma-separated list. */
    private final Map<String, String> entries;

    private ColumnMapping(String source, Map<String, String> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The empty mapping: every column is detected from its header. */
    public static ColumnMapping auto() {
        return AUTO;
    }

    /**
     * Reads a mapping file (UTF-8).
     *
     * @param file the file; its name as given is used in error messages and provenance
     * @throws DrillholeValidationException listing every bad line, each {@code MAPFILE:LINE: reason}
     * @throws InvalidContentException if the file does not exist
     * @throws StorageException if it cannot be read
     */
    public static ColumnMapping parse(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidContentException(file.toString(), -1, "no such mapping file");
        } catch (IOException e) {
            throw new StorageException("cannot read mapping file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses mapping text.
     *
     * @param text the mapping lines
     * @param sourceName name used in messages and provenance
     * @throws DrillholeValidationException listing every bad line
     */
    public static ColumnMapping parse(String text, String sourceName) {
        try {
            return parse(new StringReader(text), sourceName);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ColumnMapping parse(Reader reader, String name) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        String first = null;
        long firstLine = -1;
        String firstReason = null;
        int n = 0;
        for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
            n++;
            String line = n == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String reason = null;
            int eq = line.indexOf('=');
            if (eq < 0) {
                reason = "expected 'key = HEADER', got '" + line + "'";
            } else {
                String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = unquote(line.substring(eq + 1).strip());
                String bad = checkKey(key);
                if (bad != null) {
                    reason = bad;
                } else if (value.isEmpty()) {
                    reason = "no column name after '" + key + " ='";
                } else if (entries.containsKey(key)) {
                    reason = "key '" + key + "' is set twice (first at line " + lines.get(key) + ")";
                } else {
                    entries.put(key, value);
                    lines.put(key, n);
                }
            }
            if (reason != null) {
                errors.add(name + ":" + n + ": " + reason);
                if (first == null) {
                    first = name;
                    firstLine = n;
                    firstReason = reason;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new DrillholeValidationException(first, firstLine, firstReason,
                    errors.subList(0, Math.min(errors.size(), DrillholeValidationException.MAX_ERRORS)), errors.size());
        }
        return new ColumnMapping(name, entries);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"'
                || v.charAt(0) == '\'' && v.charAt(v.length() - 1) == '\'')) {
            return v.substring(1, v.length() - 1).strip();
        }
        return v;
    }

    /** Null when the key is valid, else the reason. */
    private static String checkKey(String key) {
        String[] parts = key.split("\\.", -1);
        boolean ok;
        switch (parts.length) {
            case 1:
                ok = KEYS.contains(parts[0]);
                break;
            case 2:
                ok = switch (parts[0]) {
                    case "collar" -> COLLAR_KEYS.contains(parts[1]);
                    case "survey" -> SURVEY_KEYS.contains(parts[1]);
                    case "intervals" -> INTERVAL_KEYS.contains(parts[1]) || "ignore".equals(parts[1]);
                    default -> false;
                };
                break;
            case 3:
                ok = "intervals".equals(parts[0]) && !parts[1].isEmpty()
                        && (INTERVAL_KEYS.contains(parts[2]) || "ignore".equals(parts[2]));
                break;
            default:
                ok = false;
        }
        if (ok) {
            return null;
        }
        return "unknown key '" + key + "' (known: " + String.join(", ", KEYS)
                + ", optionally prefixed by collar., survey., intervals. or intervals.NAME.; and intervals[.NAME].ignore)";
    }

    /** The mapping file name as given, or empty for {@link #auto()}. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** Whether the mapping names nothing (everything is detected). */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Every entry as written (lower-case key to value), in file order. */
    public Map<String, String> entries() {
        return entries;
    }

    /**
     * The header mapped to a key for one file, the most specific entry winning.
     *
     * @param file {@code "collar"}, {@code "survey"} or {@code "intervals"}
     * @param table interval table name (for {@code "intervals"}), else ignored
     * @param key one of {@link #KEYS}
     * @return the header name, if the mapping names one
     */
    public Optional<String> header(String file, String table, String key) {
        String v = null;
        if ("intervals".equals(file) && table != null) {
            v = entries.get("intervals." + table.toLowerCase(Locale.ROOT) + "." + key);
        }
        if (v == null) {
            v = entries.get(file + "." + key);
        }
        if (v == null && appliesTo(file, key)) {
            v = entries.get(key);
        }
        return Optional.ofNullable(v);
    }

    private static boolean appliesTo(String file, String key) {
        return switch (file) {
            case "collar" -> COLLAR_KEYS.contains(key);
            case "survey" -> SURVEY_KEYS.contains(key);
            case "intervals" -> INTERVAL_KEYS.contains(key);
            default -> false;
        };
    }

    /**
     * Attribute columns to drop from an interval table ({@code intervals.ignore} plus {@code intervals.NAME.ignore}),
     * as written.
     */
    public Set<String> ignored(String table) {
        Set<String> out = new LinkedHashSet<>();
        addList(out, entries.get("intervals.ignore"));
        if (table != null) {
            addList(out, entries.get("intervals." + table.toLowerCase(Locale.ROOT) + ".ignore"));
        }
        return out;
    }

    /** Columns to drop that were named for this table specifically ({@code intervals.NAME.ignore}). */
    public Set<String> ignoredForTable(String table) {
        Set<String> out = new LinkedHashSet<>();
        addList(out, entries.get("intervals." + table.toLowerCase(Locale.ROOT) + ".ignore"));
        return out;
    }

    /** Interval table names that the mapping mentions in {@code intervals.NAME.} keys (lower case). */
    public Set<String> intervalTables() {
        Set<String> out = new LinkedHashSet<>();
        for (String k : entries.keySet()) {
            String[] parts = k.split("\\.");
            if (parts.length == 3) {
                out.add(parts[1]);
            }
        }
        return out;
    }

    private static void addList(Set<String> out, String v) {
        if (v == null) {
            return;
        }
        for (String s : v.split(",")) {
            String t = unquote(s.strip());
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping m && Objects.equals(source, m.source) && entries.equals(m.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, entries);
    }

    @Override
    public String toString() {
        return source == null ? "auto" : source;
    }
}
