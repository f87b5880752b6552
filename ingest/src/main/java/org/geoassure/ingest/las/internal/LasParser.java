package org.geoassure.ingest.las.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.ingest.las.HeaderItem;
import org.geoassure.ingest.las.LasOptions;
import org.geoassure.ingest.las.LasSection;
import org.geoassure.ingest.las.LasVersion;
import org.geoassure.ingest.las.SectionKind;

/**
 * One pass over a decoded LAS text: sections in order, header items, and the data sections into primitive columns.
 * A column found to hold text (in {@link LasOptions.NonNumeric#TEXT_CURVE} mode) ends the pass with
 * {@link TextColumnFound}; the caller reads again with that column declared text.
 */
public final class LasParser {
    /** Largest number of rows of one table (a Java array bound). */
    static final int MAX_ROWS = Integer.MAX_VALUE - 16;
    /** Longest quoted value, in chars (a LAS 3 quoted description may span lines). */
    static final int MAX_QUOTED = 1 << 20;
    private static final Set<String> LAS12_VALUE_FIRST = Set.of("STRT", "STOP", "STEP", "NULL");

    /** Column {@code column} of the {@code table}-th data section holds text: read again with it declared text. */
    public static final class TextColumnFound extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int table;
        public final int column;

        TextColumnFound(int table, int column) {
            super(null, null, false, false);
            this.table = table;
            this.column = column;
        }
    }

    /** A data section's columns as parsed; {@code numbers[c]} or {@code texts[c]} is set for each column. */
    public record RawTable(String name, String definition, long line, List<HeaderItem> columns, int rows,
            double[][] numbers, String[][] texts) {
    }

    /** Everything but the assembly into public types. */
    public record Result(LasVersion version, boolean wrapped, double nullValue, List<LasSection> sections,
            List<RawTable> tables, List<String> warnings) {
    }

    private enum Delim { SPACE, COMMA, TAB }

    private final String source;
    private final LineSource src;
    private final long sizeHint;
    private final LasOptions options;
    private final Map<Integer, BitSet> textColumns;

    private final List<LasSection> sections = new ArrayList<>();
    private final List<RawTable> tables = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private LasVersion version;
    private boolean wrapped;
    private Delim declaredDelim;
    private double nullValue = Double.NaN;
    private String nullToken;
    private double strt = Double.NaN;
    private double stop = Double.NaN;
    private double step = Double.NaN;

    // state of the table being read
    private double[] nulls;
    private int tableIndex;
    private int width;
    private int rowWidth;
    private int col;
    private int rows;
    private int capacity;
    private double[][] num;
    private String[][] txt;
    private boolean[] isText;
    private List<HeaderItem> columns;
    private boolean decimalComma;
    private boolean nonNumericWarned;
    private long rowLine;

    /**
     * @param source file name for messages
     * @param in the decoded text (byte-order mark already skipped)
     * @param sizeHint file size in bytes, an upper bound for allocations sized from header values
     * @param textColumns columns known to be text, by table index
     */
    public LasParser(String source, Reader in, long sizeHint, LasOptions options, Map<Integer, BitSet> textColumns) {
        this.source = source;
        this.src = new LineSource(in, source);
        this.sizeHint = Math.max(sizeHint, 1);
        this.options = options;
        this.textColumns = textColumns;
    }

    public Result parse() throws IOException {
        boolean have = src.next();
        while (have && blankOrComment()) {
            have = src.next();
        }
        if (!have) {
            throw new UnsupportedFormatException(source, "not a LAS file: no ~ section (the file is empty)");
        }
        if (src.buf()[firstNonBlank()] != '~') {
            String l = src.text().strip();
            throw new UnsupportedFormatException(source, "not a LAS file: line " + src.line() + " does not start a ~ "
                    + "section: \"" + (l.length() > 40 ? l.substring(0, 40) + "..." : l) + "\"");
        }
        while (have) {
            have = section();
        }
        if (version == null) {
            version = LasVersion.V2_0;
        }
        if (tables.isEmpty() && !options.headerOnlyAllowed()) {
            throw new InvalidContentException(source, src.line(), "no ~A (data) section");
        }
        return new Result(version, wrapped, nullValue, sections, tables, warnings);
    }

    private int firstNonBlank() {
        char[] b = src.buf();
        int i = src.start();
        int e = src.end();
        while (i < e && (b[i] == ' ' || b[i] == '\t' || b[i] == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private boolean blankOrComment() {
        int i = firstNonBlank();
        return i >= src.end() || src.buf()[i] == '#';
    }

    private boolean isTitle() {
        int i = firstNonBlank();
        return i < src.end() && src.buf()[i] == '~';
    }

    /** Reads the section whose title is the current line; true when another title follows. */
    private boolean section() throws IOException {
        long line = src.line();
        String title = new String(src.buf(), firstNonBlank() + 1, src.end() - firstNonBlank() - 1).strip();
        int bar = title.indexOf('|');
        String name = (bar < 0 ? title : title.substring(0, bar)).strip();
        String assoc = bar < 0 ? "" : title.substring(bar + 1).strip();
        SectionKind kind = classify(name, assoc);
        if (kind == SectionKind.DATA && assoc.isEmpty() && !name.toUpperCase(Locale.ROOT).contains("_DATA")) {
            name = firstWord(name); // "~A  DEPTH  DT ..." is the section A
        }
        switch (kind) {
            case DATA:
                sections.add(new LasSection(name, assoc, kind, line, List.of(), ""));
                return data(name, assoc, line);
            case OTHER:
                return text(name, assoc, line);
            default:
                return items(name, assoc, kind, line);
        }
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    private static SectionKind classify(String name, String assoc) {
        String u = name.toUpperCase(Locale.ROOT);
        int br = u.lastIndexOf('[');
        String base = br > 0 && u.endsWith("]") ? u.substring(0, br) : u;
        if (base.endsWith("_DATA") || !assoc.isEmpty()) {
            return SectionKind.DATA;
        }
        if (base.endsWith("_DEFINITION")) {
            return SectionKind.DEFINITION;
        }
        if (base.endsWith("_PARAMETER")) {
            return SectionKind.PARAMETER;
        }
        if (u.isEmpty()) {
            return SectionKind.OTHER;
        }
        switch (u.charAt(0)) {
            case 'V': return SectionKind.VERSION;
            case 'W': return SectionKind.WELL;
            case 'C': return SectionKind.CURVE;
            case 'P': return SectionKind.PARAMETER;
            case 'A': return SectionKind.DATA;
            default: return SectionKind.OTHER;
        }
    }

    private boolean text(String name, String assoc, long line) throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean have;
        while ((have = src.next()) && !isTitle()) {
            if (sb.length() < MAX_QUOTED) {
                sb.append(src.text().stripTrailing()).append('\n');
            }
        }
        sections.add(new LasSection(name, assoc, SectionKind.OTHER, line, List.of(), sb.toString().strip()));
        return have;
    }

    private boolean items(String name, String assoc, SectionKind kind, long line) throws IOException {
        List<HeaderLine.Parts> parts = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        boolean have;
        boolean dotted = kind == SectionKind.CURVE || kind == SectionKind.DEFINITION;
        boolean las3 = version == LasVersion.V3_0;
        while ((have = src.next()) && !isTitle()) {
            if (blankOrComment()) {
                continue;
            }
            HeaderLine.Parts p = HeaderLine.parse(src.text(), dotted, las3);
            if (p == null || p.mnemonic().isEmpty()) {
                String reason = "~" + name + " line is not MNEM.UNIT VALUE : DESCRIPTION: \"" + clip(src.text()) + "\"";
                if (!options.lenientHeader()) {
                    throw new InvalidContentException(source, src.line(), reason);
                }
                warnings.add(source + ":" + src.line() + ": skipped: " + reason);
                continue;
            }
            if (kind == SectionKind.WELL && version == LasVersion.V1_2
                    && !LAS12_VALUE_FIRST.contains(p.mnemonic().toUpperCase(Locale.ROOT))) {
                p = new HeaderLine.Parts(p.mnemonic(), p.unit(), p.description(), p.value(), p.format(),
                        p.association());
            }
            parts.add(p);
            lines.add(src.line());
            if (kind == SectionKind.VERSION) {
                version(p, src.line());
            } else if (kind == SectionKind.WELL) {
                well(p);
            }
        }
        List<String> names = new ArrayList<>();
        for (HeaderLine.Parts p : parts) {
            names.add(p.mnemonic());
        }
        List<String> unique = uniqueNames(names);
        List<HeaderItem> items = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            HeaderLine.Parts p = parts.get(i);
            items.add(new HeaderItem(unique.get(i), p.mnemonic(), p.unit(), p.value(), p.description(), p.format(),
                    p.association(), lines.get(i)));
        }
        sections.add(new LasSection(name, assoc, kind, line, items, ""));
        if (kind == SectionKind.VERSION && wrapped && version == LasVersion.V3_0) {
            throw new UnsupportedFormatException(source, "WRAP YES in a LAS 3.0 file (LAS 3.0 does not allow wrapping)");
        }
        return have;
    }

    /** Upper-cased mnemonics; those occurring more than once become {@code M:1}, {@code M:2}, ... (lasio). */
    static List<String> uniqueNames(List<String> names) {
        Map<String, Integer> count = new HashMap<>();
        for (String n : names) {
            count.merge(n.toUpperCase(Locale.ROOT), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            String u = n.toUpperCase(Locale.ROOT);
            out.add(count.get(u) > 1 ? u + ":" + seen.merge(u, 1, Integer::sum) : u);
        }
        return out;
    }

    private void version(HeaderLine.Parts p, long line) {
        String m = p.mnemonic().toUpperCase(Locale.ROOT);
        String v = p.value().strip();
        String first = v.isEmpty() ? "" : v.split("\\s+")[0].toUpperCase(Locale.ROOT);
        switch (m) {
            case "VERS": {
                char[] c = first.toCharArray();
                double d = LasNumbers.parse(c, 0, c.length, false);
                if (d >= 1 && d < 2) {
                    version = LasVersion.V1_2;
                } else if (d >= 2 && d < 3) {
                    version = LasVersion.V2_0;
                } else if (d >= 3 && d < 4) {
                    version = LasVersion.V3_0;
                } else {
                    throw new InvalidContentException(source, line, "unknown LAS version \"" + clip(v)
                            + "\": expected 1.2, 2.0 or 3.0");
                }
                break;
            }
            case "WRAP":
                if (first.equals("YES")) {
                    wrapped = true;
                } else if (!first.equals("NO")) {
                    throw new InvalidContentException(source, line, "WRAP is \"" + clip(v) + "\": expected YES or NO");
                }
                break;
            case "DLM":
                switch (first) {
                    case "SPACE": declaredDelim = Delim.SPACE; break;
                    case "COMMA": declaredDelim = Delim.COMMA; break;
                    case "TAB": declaredDelim = Delim.TAB; break;
                    default:
                        throw new InvalidContentException(source, line, "DLM is \"" + clip(v)
                                + "\": expected SPACE, TAB or COMMA");
                }
                break;
            default:
                break;
        }
    }

    private void well(HeaderLine.Parts p) {
        String m = p.mnemonic().toUpperCase(Locale.ROOT);
        char[] c = p.value().toCharArray();
        double d = LasNumbers.parse(c, 0, c.length, false);
        switch (m) {
            case "NULL":
                nullValue = d;
                nullToken = d == d || p.value().isEmpty() ? null : p.value().toUpperCase(Locale.ROOT);
                break;
            case "STRT": strt = d; break;
            case "STOP": stop = d; break;
            case "STEP": step = d; break;
            default: break;
        }
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }

    // ---------------------------------------------------------------------------------------------------- data

    /** The definition items of a data section, empty when none is found. */
    private List<HeaderItem> definition(String name, String assoc, StringBuilder defName) {
        String want = assoc;
        if (want.isEmpty()) {
            String u = name.toUpperCase(Locale.ROOT);
            int at = u.lastIndexOf("_DATA");
            want = at > 0 ? name.substring(0, at) + "_Definition" + name.substring(at + 5) : "";
        }
        LasSection found = null;
        LasSection byFirstWord = null;
        for (LasSection s : sections) {
            boolean defKind = s.kind() == SectionKind.CURVE || s.kind() == SectionKind.DEFINITION;
            if (defKind && (want.isEmpty() ? s.kind() == SectionKind.CURVE : s.name().equalsIgnoreCase(want))) {
                found = s;
            } else if (defKind && !want.isEmpty() && firstWord(s.name()).equalsIgnoreCase(want)) {
                byFirstWord = s; // "~ASCII | CURVE" names "~CURVE INFORMATION"
            }
        }
        if (found == null) {
            found = byFirstWord;
        }
        if (found == null) {
            return List.of();
        }
        defName.append(found.name());
        return found.items();
    }

    private boolean data(String name, String assoc, long titleLine) throws IOException {
        tableIndex = tables.size();
        StringBuilder defName = new StringBuilder();
        columns = definition(name, assoc, defName);
        boolean have = src.next();
        while (have && !isTitle() && blankOrComment()) {
            have = src.next();
        }
        boolean empty = !have || isTitle();
        Delim delim = declaredDelim;
        if (!empty && (delim == null || columns.isEmpty())) {
            int spaces = count(Delim.SPACE);
            int commas = count(Delim.COMMA);
            if (delim == null) {
                boolean commaFits = columns.isEmpty() ? commas > 1 && spaces == 1 : commas == columns.size();
                delim = spaces != columns.size() && commaFits ? Delim.COMMA : Delim.SPACE;
            }
            if (columns.isEmpty()) {
                int n = delim == Delim.SPACE ? spaces : count(delim);
                List<String> names = new ArrayList<>(java.util.Collections.nCopies(n, "UNKNOWN"));
                List<String> unique = uniqueNames(names);
                List<HeaderItem> defs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    defs.add(new HeaderItem(unique.get(i), "UNKNOWN", "", "", "", "", "", titleLine));
                }
                columns = defs;
                warnings.add(source + ":" + titleLine + ": ~" + name + " has no curve definitions: " + n
                        + " columns named UNKNOWN");
            }
        }
        if (delim == null) {
            delim = Delim.SPACE;
        }
        decimalComma = delim != Delim.COMMA;
        start(name);
        while (have && !isTitle()) {
            if (!blankOrComment()) {
                row(delim);
            }
            have = src.next();
        }
        if (col != 0) {
            throw new InvalidContentException(source, rowLine, "incomplete wrapped row: " + col + " of " + width
                    + " values");
        }
        finishTable(name, defName.toString(), titleLine);
        return have;
    }

    /** Number of fields of the current line with this delimiter (quotes not considered). */
    private int count(Delim d) {
        char[] b = src.buf();
        int n = 0;
        int e = src.end();
        if (d == Delim.SPACE) {
            boolean in = false;
            for (int i = src.start(); i < e; i++) {
                boolean blank = b[i] == ' ' || b[i] == '\t';
                if (!blank && !in) {
                    n++;
                }
                in = !blank;
            }
            return n;
        }
        char c = d == Delim.COMMA ? ',' : '\t';
        n = 1;
        for (int i = src.start(); i < e; i++) {
            if (b[i] == c) {
                n++;
            }
        }
        return n;
    }

    private void start(String name) {
        width = columns.size();
        rowWidth = -1;
        col = 0;
        rows = 0;
        nonNumericWarned = false;
        BitSet declared = textColumns.getOrDefault(tableIndex, new BitSet());
        isText = new boolean[width];
        for (int c = 0; c < width; c++) {
            String f = columns.get(c).format().toUpperCase(Locale.ROOT);
            isText[c] = declared.get(c) || f.startsWith("S");
        }
        long est = 1024;
        boolean log = name.equalsIgnoreCase("A") || name.regionMatches(true, 0, "ASC", 0, 3)
                || name.regionMatches(true, 0, "Log_Data", 0, 8);
        if (log && step == step && step != 0 && strt == strt && stop == stop) {
            // STRT, STOP and STEP of ~W describe the log only; the bound below keeps a wrong STOP harmless
            est = (long) Math.min(1e12, Math.abs((stop - strt) / step)) + 1;
        }
        long bound = sizeHint / (2L * Math.max(1, width)) + 1;
        capacity = (int) Math.max(1, Math.min(Math.min(est, bound), MAX_ROWS));
        num = new double[width][];
        txt = new String[width][];
        for (int c = 0; c < width; c++) {
            if (isText[c]) {
                txt[c] = new String[capacity];
            } else {
                num[c] = new double[capacity];
            }
        }
        List<Double> nv = new ArrayList<>();
        if (options.nullPolicy().usesFileNull() && nullValue == nullValue) {
            nv.add(nullValue);
        }
        for (double v : options.nullPolicy().values()) {
            nv.add(v);
        }
        nulls = new double[nv.size()];
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = nv.get(i);
        }
    }

    private void grow() {
        if (capacity >= MAX_ROWS) {
            throw new InvalidContentException(source, src.line(), "more than " + MAX_ROWS + " rows");
        }
        capacity = (int) Math.min(MAX_ROWS, capacity + (capacity >> 1) + 16L);
        for (int c = 0; c < width; c++) {
            if (num[c] != null) {
                num[c] = Arrays.copyOf(num[c], capacity);
            } else {
                txt[c] = Arrays.copyOf(txt[c], capacity);
            }
        }
    }

    /** Tokenizes the current data line into the row being built. */
    private void row(Delim delim) throws IOException {
        if (col == 0) {
            rowLine = src.line();
            if (rows == capacity) {
                grow();
            }
        }
        char[] b = src.buf();
        int i = src.start();
        int e = src.end();
        if (delim == Delim.SPACE) {
            while (true) {
                while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
                if (i >= e) {
                    break;
                }
                if (b[i] == '"' || b[i] == '\'') {
                    String q = quoted(i, b[i]);
                    b = src.buf();
                    e = src.end();
                    i = quoteEnd;
                    textValue(q);
                    continue;
                }
                int s = i;
                while (i < e && b[i] != ' ' && b[i] != '\t') {
                    i++;
                }
                value(b, s, i, s, i);
            }
        } else {
            char d = delim == Delim.COMMA ? ',' : '\t';
            while (true) {
                int s = i;
                while (i < e && b[i] == ' ') {
                    i++;
                }
                if (i < e && b[i] == '"') {
                    String q = quoted(i, '"');
                    b = src.buf();
                    e = src.end();
                    i = quoteEnd;
                    while (i < e && b[i] != d) {
                        i++;
                    }
                    textValue(q);
                } else {
                    i = s;
                    while (i < e && b[i] != d) {
                        i++;
                    }
                    int ts = s;
                    int te = i;
                    while (ts < te && (b[ts] == ' ' || b[ts] == '\t')) {
                        ts++;
                    }
                    while (te > ts && (b[te - 1] == ' ' || b[te - 1] == '\t')) {
                        te--;
                    }
                    value(b, ts, te, s, i);
                }
                if (i >= e) {
                    break;
                }
                i++;
            }
        }
        if (!wrapped) {
            endLine();
        }
    }

    private int quoteEnd;

    /**
     * A value quoted by {@code quote} (double quotes; single quotes too in blank-delimited data) starting at
     * {@code buf[i]}, possibly over several lines; sets {@link #quoteEnd}.
     */
    private String quoted(int i, char quote) throws IOException {
        long startLine = src.line();
        StringBuilder sb = new StringBuilder();
        int p = i + 1;
        while (true) {
            char[] b = src.buf();
            int e = src.end();
            int q = p;
            while (q < e && b[q] != quote) {
                q++;
            }
            sb.append(b, p, q - p);
            if (q < e) {
                quoteEnd = q + 1;
                return sb.toString();
            }
            if (sb.length() > MAX_QUOTED) {
                throw new InvalidContentException(source, startLine, "quoted value longer than " + MAX_QUOTED
                        + " characters");
            }
            if (!src.next() || isTitle()) {
                throw new InvalidContentException(source, startLine, "quote not closed");
            }
            sb.append('\n');
            p = src.start();
        }
    }

    private void checkWidth() {
        if (col >= width) {
            throw new InvalidContentException(source, src.line(), (wrapped ? "wrapped row goes on past its " : "row has "
                    + "more than ") + width + " values (" + columnRange() + ")");
        }
    }

    private String columnRange() {
        return width == 0 ? "no curves" : "curves " + columns.get(0).mnemonic() + " .. "
                + columns.get(width - 1).mnemonic();
    }

    private void textValue(String s) {
        checkWidth();
        int c = col;
        if (isText[c]) {
            txt[c][rows] = s;
        } else {
            num[c][rows] = nonNumber(s, c);
        }
        advance();
    }

    /** A token: {@code [s, e)} trimmed for numbers, {@code [rs, re)} raw for text. */
    private void value(char[] b, int s, int e, int rs, int re) {
        checkWidth();
        int c = col;
        if (isText[c]) {
            txt[c][rows] = new String(b, rs, re - rs);
        } else {
            double v = LasNumbers.parse(b, s, e, decimalComma);
            if (v != v) {
                v = s == e ? Double.NaN : nonNumber(new String(b, s, e - s), c);
            } else if (c > 0) {
                for (double n : nulls) {
                    if (v == n) {
                        v = Double.NaN;
                        break;
                    }
                }
            }
            num[c][rows] = v;
        }
        advance();
    }

    private void advance() {
        col++;
        if (wrapped && col == width) {
            rows++;
            col = 0;
            rowLine = src.line() + 1;
            if (rows == capacity) {
                grow();
            }
        }
    }

    private double nonNumber(String token, int c) {
        String u = token.strip().toUpperCase(Locale.ROOT);
        if (u.isEmpty() || u.equals(nullToken) && options.nullPolicy().usesFileNull()
                || options.nullPolicy().tokens().contains(u) || options.nullPolicy().anyTextIsNull()) {
            return Double.NaN;
        }
        switch (options.nonNumeric()) {
            case TEXT_CURVE:
                throw new TextColumnFound(tableIndex, c);
            case NULL:
                if (!nonNumericWarned) {
                    nonNumericWarned = true;
                    warnings.add(source + ":" + src.line() + ": value \"" + clip(token) + "\" of curve "
                            + columns.get(c).mnemonic() + " is not a number: read as null (and so are any later "
                            + "ones in this table)");
                }
                return Double.NaN;
            default:
                throw new InvalidContentException(source, src.line(), "value \"" + clip(token) + "\" of curve "
                        + columns.get(c).mnemonic() + " is not a number");
        }
    }

    /** End of a line of an unwrapped table: the row must have the width of the first row. */
    private void endLine() {
        if (rowWidth < 0) {
            rowWidth = col;
            if (col < width) {
                warnings.add(source + ":" + src.line() + ": rows have " + col + " values for " + width
                        + " curves: curves " + columns.get(col).mnemonic() + " .. " + columns.get(width - 1).mnemonic()
                        + " are all null");
            }
        } else if (col != rowWidth) {
            throw new InvalidContentException(source, src.line(), "row has " + col + " values, expected " + rowWidth
                    + " (" + columnRange() + ")");
        }
        for (int c = col; c < width; c++) {
            if (isText[c]) {
                txt[c][rows] = "";
            } else {
                num[c][rows] = Double.NaN;
            }
        }
        rows++;
        col = 0;
    }

    private void finishTable(String name, String defName, long line) {
        tables.add(new RawTable(name, defName, line, columns, rows, num, txt));
        num = null;
        txt = null;
    }
}
