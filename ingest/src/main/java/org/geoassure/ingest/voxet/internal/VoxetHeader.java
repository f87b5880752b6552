package org.geoassure.ingest.voxet.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;

/**
 * The keywords of a GOCAD Voxet header ({@code .vo}) that place the grid and describe its property files, each with
 * the 1-based line it was read from. Blocks in braces ({@code HEADER {...}}, {@code PROPERTY_CLASS_HEADER n c {...}})
 * are skipped; so are keywords that do not change the values (colour maps, statistics, classes).
 */
public final class VoxetHeader {
    /** Longest header accepted; a voxet header is a few kilobytes, colour maps included. */
    static final long MAX_BYTES = 16L << 20;

    private final String where;
    /** Axis keyword (AXIS_O, AXIS_U, ...) to its numbers. */
    private final Map<String, double[]> axes = new TreeMap<>();
    private final Map<String, Integer> axisLines = new TreeMap<>();
    private final Map<Integer, Property> properties = new TreeMap<>();
    private String zPositive = "Elevation";
    private String unit = "m";
    private int unitLine;
    private int line;

    /**
     * One property: its number, name and the keywords about its file.
     *
     * @param line the line of its {@code PROPERTY n name}
     */
    public record Property(int number, String name, int line, Map<String, Keyword> keys) {
        /** The value of a {@code PROP_...} keyword, or null. */
        public Keyword key(String keyword) {
            return keys.get(keyword);
        }
    }

    /** A keyword's text after the property number, and its line. */
    public record Keyword(String value, int line) {
    }

    private VoxetHeader(String where) {
        this.where = where;
    }

    /** The file name as given, for messages. */
    public String where() {
        return where;
    }

    /** ZPOSITIVE of the coordinate system: Elevation (default) or Depth. */
    public String zPositive() {
        return zPositive;
    }

    /** The length unit of the coordinate system (AXIS_UNIT inside GOCAD_ORIGINAL_COORDINATE_SYSTEM; default m). */
    public String unit() {
        return unit;
    }

    /** Line of the coordinate system's AXIS_UNIT (0 when absent). */
    public int unitLine() {
        return unitLine;
    }

    /** The three numbers of an axis keyword, or null when absent. */
    public double[] axis(String keyword) {
        return axes.get(keyword);
    }

    /** Line of an axis keyword (0 when absent). */
    public int axisLine(String keyword) {
        return axisLines.getOrDefault(keyword, 0);
    }

    /** Properties in number order. */
    public List<Property> properties() {
        return List.copyOf(properties.values());
    }

    /** An error at a line of this header. */
    public InvalidContentException error(int atLine, String reason) {
        return new InvalidContentException(where, atLine, reason);
    }

    /**
     * Reads a header.
     *
     * @throws InvalidContentException as {@code file:line: reason}
     * @throws StorageException if the file cannot be read
     */
    public static VoxetHeader read(Path file) {
        VoxetHeader h = new VoxetHeader(file.toString());
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidContentException(h.where + ": " + size + " bytes is too large for a voxet header "
                        + "(at most " + MAX_BYTES + "); is this the .vo file?");
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                h.parse(in);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidContentException(h.where + ": no such file");
        } catch (IOException e) {
            throw new StorageException("cannot read " + h.where + ": " + e.getMessage(), e);
        }
        return h;
    }

    private void parse(BufferedReader in) throws IOException {
        String text;
        boolean first = true;
        boolean inCs = false;
        int depth = 0;
        boolean ended = false;
        while ((text = in.readLine()) != null) {
            line++;
            String t = text.strip();
            if (first) {
                if (!t.startsWith("GOCAD Voxet")) {
                    throw error(line, "not a GOCAD Voxet header: the first line should start with 'GOCAD Voxet', got '"
                            + abbreviate(t) + "'");
                }
                first = false;
                continue;
            }
            if (depth > 0) {
                if (t.startsWith("}")) {
                    depth--;
                } else if (t.endsWith("{")) {
                    depth++;
                }
                continue;
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.endsWith("{")) {
                depth++;
                continue;
            }
            List<String> words = words(t);
            String key = words.get(0).toUpperCase(Locale.ROOT);
            if (key.equals("END")) {
                ended = true;
                break;
            }
            if (key.equals("GOCAD_ORIGINAL_COORDINATE_SYSTEM")) {
                inCs = true;
                continue;
            }
            if (key.equals("END_ORIGINAL_COORDINATE_SYSTEM")) {
                inCs = false;
                continue;
            }
            if (inCs) {
                if (key.equals("ZPOSITIVE") && words.size() > 1) {
                    zPositive = words.get(1);
                    if (!zPositive.equalsIgnoreCase("Elevation") && !zPositive.equalsIgnoreCase("Depth")) {
                        throw error(line, "ZPOSITIVE '" + zPositive + "': expected Elevation or Depth");
                    }
                } else if (key.equals("AXIS_UNIT") && words.size() > 1) {
                    unit = words.get(1);
                    unitLine = line;
                }
                continue;
            }
            switch (key) {
                case "AXIS_O", "AXIS_U", "AXIS_V", "AXIS_W", "AXIS_MIN", "AXIS_MAX", "AXIS_N", "AXIS_D" -> axis(key,
                        words);
                case "PROPERTY" -> property(words);
                default -> {
                    if (key.startsWith("PROP_") || key.equals("PROPERTY_CLASS") || key.equals("PROPERTY_SUBCLASS")) {
                        propertyKey(key, words);
                    }
                }
            }
        }
        if (first) {
            throw error(1, "the file is empty; expected 'GOCAD Voxet 1'");
        }
        if (depth > 0) {
            throw error(line, "the file ends inside a '{' block");
        }
        if (!ended) {
            throw error(line, "the file ends without END (is it truncated?)");
        }
    }

    private void axis(String key, List<String> words) {
        if (axes.containsKey(key)) {
            throw error(line, key + " given twice (first at line " + axisLines.get(key) + ")");
        }
        if (words.size() != 4) {
            throw error(line, key + ": expected 3 numbers, got " + (words.size() - 1));
        }
        double[] v = new double[3];
        for (int a = 0; a < 3; a++) {
            try {
                v[a] = Double.parseDouble(words.get(a + 1));
            } catch (NumberFormatException e) {
                throw error(line, key + ": '" + words.get(a + 1) + "' is not a number");
            }
            if (!Double.isFinite(v[a])) {
                throw error(line, key + ": '" + words.get(a + 1) + "' is not a finite number");
            }
        }
        axes.put(key, v);
        axisLines.put(key, line);
    }

    private int number(List<String> words, String key) {
        if (words.size() < 2) {
            throw error(line, key + ": expected the property number");
        }
        try {
            int n = Integer.parseInt(words.get(1));
            if (n < 1 || n > 10_000) {
                throw error(line, key + ": property number " + n + " is not in 1..10000");
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(line, key + ": '" + words.get(1) + "' is not a property number");
        }
    }

    private void property(List<String> words) {
        int n = number(words, "PROPERTY");
        if (words.size() < 3) {
            throw error(line, "PROPERTY " + n + ": no name");
        }
        if (properties.containsKey(n)) {
            throw error(line, "PROPERTY " + n + " given twice (first at line " + properties.get(n).line() + ")");
        }
        properties.put(n, new Property(n, String.join(" ", words.subList(2, words.size())), line, new TreeMap<>()));
    }

    private void propertyKey(String key, List<String> words) {
        int n = number(words, key);
        Property p = properties.get(n);
        if (p == null) {
            throw error(line, key + " " + n + " before PROPERTY " + n);
        }
        String value = String.join(" ", words.subList(2, words.size()));
        Keyword old = p.keys().put(key, new Keyword(value, line));
        if (old != null && !key.equals("PROP_SAMPLE_STATS")) {
            throw error(line, key + " " + n + " given twice (first at line " + old.line() + ")");
        }
    }

    /** Words separated by blanks; a double-quoted word may hold blanks. */
    static List<String> words(String t) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = t.indexOf('"', i + 1);
                end = end < 0 ? t.length() : end;
                out.add(t.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
                    end++;
                }
                out.add(t.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
