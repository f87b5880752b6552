package org.geoassure.ingest.drillhole.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.analysis.Desurvey;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.ingest.Progress;
import org.geoassure.ingest.drillhole.ColumnMapping;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.ReadResult;

/**
 * One drillhole read: streams the collar, survey and interval files, validates every row, then sorts, checks
 * and converts into a {@link DrillholeBatch}. Single use, single thread.
 */
public final class DrillholeRead {

    private static final int MAX_NAME = 63;
    private static final int DEDUPE_LIMIT = 4096;
    private static final Object[] NO_VALUES = new Object[0];

    private final DrillholeOptions opt;
    private final ColumnMapping mapping;
    private final Diagnostics diag = new Diagnostics();
    private final Map<String, Hole> holes = new LinkedHashMap<>();
    private final List<SourceFile> sources = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Progress listener;

    private ProgressTracker progress;
    private boolean collarUsable;
    private String collarName;
    private List<String> tableNames = List.of();
    private List<TableSchema> schemas = List.of();
    private boolean hasSurveyFile;

    /** What is known of one hole while reading. */
    private static final class Hole {
        final String id;
        final long line;
        boolean valid = true;
        double x;
        double y;
        double z;
        double td = Double.NaN;
        String tdText;
        double az = Double.NaN;
        double dip = Double.NaN;
        Instant validFrom;
        List<Station> stations;
        List<Interval>[] intervals;

        Hole(String id, long line) {
            this.id = id;
            this.line = line;
        }
    }

    /** A survey station in input units, store dip convention. */
    private record Station(double depth, double az, double dip, long line) {
    }

    /** An interval row in input units; values raw (String or null) until the column type is known. */
    private static final class Interval {
        final double from;
        final double to;
        final long line;
        final Object[] values;

        Interval(double from, double to, long line, Object[] values) {
            this.from = from;
            this.to = to;
            this.line = line;
            this.values = values;
        }
    }

    /** Attribute columns of one interval table. */
    private static final class TableSchema {
        final String table;
        final String file;
        int[] cols = new int[0];
        String[] names = new String[0];
        boolean[] numeric = new boolean[0];

        TableSchema(String table, String file) {
            this.table = table;
            this.file = file;
        }
    }

    /** Where the roles of a file are, and which columns are unnamed. */
    private static final class Layout {
        final Map<Role, Integer> cols = new EnumMap<>(Role.class);
        String[] header;
        int width;
        int minWidth;
        boolean[] unnamed;

        int col(Role r) {
            Integer c = cols.get(r);
            return c == null ? -1 : c;
        }
    }

    /**
     * @param options read options
     * @param progress progress listener (null: none)
     */
    public DrillholeRead(DrillholeOptions options, Progress progress) {
        this.opt = options;
        this.mapping = options.mapping();
        this.listener = progress == null ? Progress.NONE : progress;
    }

    /**
     * Runs the read.
     *
     * @throws org.geoassure.ingest.drillhole.DrillholeValidationException when any rule is broken
     * @throws InvalidContentException when a file does not exist
     * @throws StorageException when a file cannot be read
     */
    public ReadResult run(Path collar, Path survey, Map<String, Path> intervals) {
        collarName = collar.toString();
        hasSurveyFile = survey != null;
        tableNames = new ArrayList<>(intervals.keySet());
        checkTableNames();
        checkMappingTables();
        long total = 0;
        List<Path> all = new ArrayList<>();
        all.add(collar);
        if (survey != null) {
            all.add(survey);
        }
        all.addAll(intervals.values());
        int idx = 0;
        for (Path p : all) {
            try {
                total += Files.size(p);
            } catch (NoSuchFileException e) {
                diag.error(idx, p.toString(), -1, "no such file");
            } catch (IOException e) {
                throw new StorageException("cannot read " + p + ": " + e.getMessage(), e);
            }
            idx++;
        }
        diag.throwIfErrors();
        progress = new ProgressTracker(listener, total);
        listener.update(0, total);

        readFile(collar, "collar", 0, this::readCollar);
        int fileIdx = 1;
        if (survey != null) {
            readFile(survey, "survey", fileIdx++, this::readSurvey);
        }
        schemas = new ArrayList<>();
        int t = 0;
        for (Map.Entry<String, Path> e : intervals.entrySet()) {
            TableSchema schema = new TableSchema(e.getKey(), e.getValue().toString());
            schemas.add(schema);
            int tableIndex = t++;
            readFile(e.getValue(), "intervals:" + e.getKey(), fileIdx++,
                    (tok, name, fi) -> readIntervals(tok, name, fi, schema, tableIndex));
        }
        progress.report();
        checkHoles(survey == null ? null : survey.toString());
        reproject();
        diag.throwIfErrors();
        return build();
    }

    // ------------------------------------------------------------------ files

    @FunctionalInterface
    private interface FileBody {
        /** Reads the records after the header; returns the number of data rows. */
        long read(CsvTokenizer tok, String name, int fileIdx) throws IOException;
    }

    private void readFile(Path path, String role, int fileIdx, FileBody body) {
        String name = path.toString();
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new StorageException("cannot read " + name + ": " + e.getMessage(), e);
        }
        long before = progress.done();
        try (SourceInput src = new SourceInput(path, progress)) {
            CsvTokenizer tok = new CsvTokenizer(new InputStreamReader(src, opt.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            long rows = body.read(tok, name, fileIdx);
            src.drain();
            sources.add(new SourceFile(role, name, src.sha256(), rows));
        } catch (CsvTokenizer.CsvException e) {
            diag.error(fileIdx, name, e.line(), e.getMessage());
            abandoned(fileIdx);
        } catch (CharacterCodingException e) {
            if (opt.encoding().equals(StandardCharsets.UTF_8)) {
                long line;
                try {
                    line = Utf8Check.firstInvalidLine(path);
                } catch (IOException again) {
                    line = -1;
                }
                diag.error(fileIdx, name, line, "not valid UTF-8 text; save the file as UTF-8 (CSV UTF-8), or name its "
                        + "encoding (e.g. GB18030 for Chinese Excel files)");
            } else {
                diag.error(fileIdx, name, -1, "not valid " + opt.encoding().name() + " text");
            }
            abandoned(fileIdx);
        } catch (NoSuchFileException e) {
            diag.error(fileIdx, name, -1, "no such file");
            abandoned(fileIdx);
        } catch (IOException e) {
            throw new StorageException("cannot read " + name + ": " + e.getMessage(), e);
        }
        // count whatever was not read (a file abandoned after an error) as done
        progress.skip(size - (progress.done() - before));
    }

    /** A file could not be read to its end: when it is the collar file, do not report other files' holes as orphans. */
    private void abandoned(int fileIdx) {
        if (fileIdx == 0) {
            collarUsable = false;
        }
    }

    /** Reads the header and resolves the roles; null (with errors added) when a required role is missing. */
    private Layout header(CsvTokenizer tok, String name, int fileIdx, String kind, String table, List<Role> roles)
            throws IOException {
        String[] header = tok.readHeader();
        if (header == null) {
            diag.error(fileIdx, name, -1, "the file is empty (no header line)");
            return null;
        }
        long line = tok.line();
        Layout layout = new Layout();
        layout.header = header;
        layout.width = header.length;
        layout.unnamed = new boolean[header.length];
        int last = -1;
        for (int i = 0; i < header.length; i++) {
            layout.unnamed[i] = header[i].isEmpty();
            if (!header[i].isEmpty()) {
                last = i;
            }
        }
        layout.minWidth = last + 1;
        boolean[] used = new boolean[header.length];
        boolean ok = true;
        List<Role> auto = new ArrayList<>();
        for (Role role : roles) {
            String mapped = mapping.header(kind, table, role.key()).orElse(null);
            if (mapped == null) {
                auto.add(role);
                continue;
            }
            int c = find(header, mapped);
            if (c < 0) {
                diag.error(fileIdx, name, line, "mapping names column '" + mapped + "' for " + role.key()
                        + ", but the header has: " + list(header));
                ok = false;
            } else if (used[c]) {
                diag.error(fileIdx, name, line, "mapping names column '" + mapped + "' for two roles, "
                        + owner(layout, c) + " and " + role.key());
                ok = false;
            } else {
                used[c] = true;
                layout.cols.put(role, c);
            }
        }
        String[] norm = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            norm[i] = Role.normalise(header[i]);
        }
        for (Role role : auto) {
            int pick = -1;
            for (String cand : role.candidates()) {
                for (int i = 0; i < header.length && pick < 0; i++) {
                    if (!used[i] && !layout.unnamed[i] && norm[i].equals(cand)) {
                        pick = i;
                    }
                }
                if (pick >= 0) {
                    break;
                }
            }
            if (pick < 0) {
                if (role.required(kind)) {
                    diag.error(fileIdx, name, line, "no " + role.display() + " column (looked for "
                            + String.join(", ", role.candidates()) + "); name it in the mapping file");
                    ok = false;
                }
                continue;
            }
            used[pick] = true;
            layout.cols.put(role, pick);
            List<String> others = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                if (!used[i] && !layout.unnamed[i] && role.candidates().contains(norm[i])) {
                    others.add("'" + header[i] + "'");
                }
            }
            if (!others.isEmpty()) {
                diag.warning(fileIdx, name, line, "several columns look like the " + role.display() + " column ('"
                        + header[pick] + "', " + String.join(", ", others) + "); using '" + header[pick] + "' (set "
                        + kind + "." + role.key() + " in the mapping file to choose)");
            }
        }
        if (ok) {
            StringJoiner j = new StringJoiner(", ");
            for (Role r : roles) {
                Integer c = layout.cols.get(r);
                if (c != null) {
                    j.add(r.key() + "=" + header[c]);
                }
            }
            parameters.put("columns." + (table == null ? kind : "intervals:" + table), j.toString());
        }
        return ok ? layout : null;
    }

    private static String owner(Layout layout, int col) {
        for (Map.Entry<Role, Integer> e : layout.cols.entrySet()) {
            if (e.getValue() == col) {
                return e.getKey().key();
            }
        }
        return "?";
    }

    private static int find(String[] header, String name) {
        String n = name.strip();
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equalsIgnoreCase(n)) {
                return i;
            }
        }
        return -1;
    }

    private static String list(String[] header) {
        StringJoiner j = new StringJoiner(", ");
        for (String h : header) {
            j.add(h.isEmpty() ? "(unnamed)" : h);
        }
        return j.toString();
    }

    /** Checks the field count of the current record; adds an error and returns false when wrong. */
    private boolean width(CsvTokenizer tok, Layout layout, String name, int fileIdx) {
        int n = tok.fieldCount();
        boolean ok = n >= layout.minWidth;
        for (int i = layout.width; ok && i < n; i++) {
            ok = tok.field(i).isEmpty();
        }
        if (!ok) {
            diag.error(fileIdx, name, tok.line(), n + " fields, but the header has " + layout.width);
        }
        return ok;
    }

    // ------------------------------------------------------------------ collar

    private long readCollar(CsvTokenizer tok, String name, int fileIdx) throws IOException {
        Layout layout = header(tok, name, fileIdx, "collar", null, Role.COLLAR);
        if (layout == null) {
            return 0;
        }
        collarUsable = true;
        int cId = layout.col(Role.HOLE_ID);
        int cX = layout.col(Role.X);
        int cY = layout.col(Role.Y);
        int cZ = layout.col(Role.Z);
        int cTd = layout.col(Role.TOTAL_DEPTH);
        int cAz = layout.col(Role.AZIMUTH);
        int cDip = layout.col(Role.DIP);
        int cDate = layout.col(Role.DATE);
        long rows = 0;
        Row row = new Row(fileIdx, name);
        while (tok.next()) {
            rows++;
            long line = tok.line();
            if (!width(tok, layout, name, fileIdx)) {
                // keep the hole known (as invalid) so that its survey and interval rows are not reported as orphans
                String id = tok.field(cId).strip();
                if (!Numbers.isNull(id) && !holes.containsKey(id)) {
                    Hole h = new Hole(id, line);
                    h.valid = false;
                    holes.put(id, h);
                }
                continue;
            }
            row.start(line);
            String id = tok.field(cId).strip();
            if (Numbers.isNull(id)) {
                row.error("missing hole id");
                continue;
            }
            row.hole = id;
            Hole prev = holes.get(id);
            if (prev != null) {
                row.error("duplicate hole id '" + id + "' (first at line " + prev.line + ")");
                continue;
            }
            Hole h = new Hole(id, line);
            holes.put(id, h);
            h.x = row.number(tok.field(cX), "x", true);
            h.y = row.number(tok.field(cY), "y", true);
            h.z = row.number(tok.field(cZ), "z", true);
            if (cTd >= 0) {
                String v = tok.field(cTd);
                h.td = row.number(v, "total depth", false);
                h.tdText = v;
                if (h.td < 0) {
                    row.error("negative total depth " + v);
                    h.td = Double.NaN;
                }
            }
            if (cAz >= 0) {
                h.az = row.azimuth(tok.field(cAz), false);
            }
            if (cDip >= 0) {
                h.dip = row.dip(tok.field(cDip), false);
            }
            if (cDate >= 0) {
                h.validFrom = row.date(tok.field(cDate));
            }
            h.valid = !row.bad;
        }
        return rows;
    }

    // ------------------------------------------------------------------ survey

    private long readSurvey(CsvTokenizer tok, String name, int fileIdx) throws IOException {
        Layout layout = header(tok, name, fileIdx, "survey", null, Role.SURVEY);
        if (layout == null) {
            return 0;
        }
        int cId = layout.col(Role.HOLE_ID);
        int cDepth = layout.col(Role.DEPTH);
        int cAz = layout.col(Role.AZIMUTH);
        int cDip = layout.col(Role.DIP);
        Map<String, long[]> orphans = new LinkedHashMap<>();
        long rows = 0;
        Row row = new Row(fileIdx, name);
        while (tok.next()) {
            rows++;
            long line = tok.line();
            if (!width(tok, layout, name, fileIdx)) {
                continue;
            }
            row.start(line);
            String id = rowHole(tok, cId, row, orphans, line);
            if (id == null) {
                continue;
            }
            Hole h = holes.get(id);
            String dv = tok.field(cDepth);
            double depth = row.number(dv, "depth", true);
            if (depth < 0) {
                row.error("negative depth " + dv);
            }
            double az = row.azimuth(tok.field(cAz), true);
            double dip = row.dip(tok.field(cDip), true);
            if (h != null && !Double.isNaN(h.td) && depth > h.td) {
                beyond(row, "survey depth " + dv, h);
            }
            if (!row.bad && h != null) {
                if (h.stations == null) {
                    h.stations = new ArrayList<>();
                }
                h.stations.add(new Station(depth, az, dip, line));
            }
        }
        reportOrphans(orphans, fileIdx, name);
        return rows;
    }

    /**
     * The hole a survey or interval row belongs to, or null when the row is skipped: without a hole id (an error) or
     * for a hole missing from a usable collar file (noted for the orphans policy).
     */
    private String rowHole(CsvTokenizer tok, int cId, Row row, Map<String, long[]> orphans, long line) {
        String id = tok.field(cId).strip();
        if (Numbers.isNull(id)) {
            row.error("missing hole id");
            return null;
        }
        if (holes.get(id) == null && collarUsable) {
            orphan(orphans, id, line);
            return null;
        }
        row.hole = id;
        return id;
    }

    private static void orphan(Map<String, long[]> orphans, String id, long line) {
        long[] o = orphans.get(id);
        if (o == null) {
            orphans.put(id, new long[] {line, 1});
        } else {
            o[1]++;
        }
    }

    private void reportOrphans(Map<String, long[]> orphans, int fileIdx, String name) {
        for (Map.Entry<String, long[]> e : orphans.entrySet()) {
            long first = e.getValue()[0];
            long n = e.getValue()[1];
            String rows = n == 1 ? "1 row" : n + " rows";
            if (opt.orphans() == DrillholeOptions.OrphanPolicy.SKIP) {
                diag.warning(fileIdx, name, first, "hole '" + e.getKey() + "' is not in the collar file " + collarName
                        + ": " + rows + " skipped");
            } else {
                diag.error(fileIdx, name, first, "hole '" + e.getKey() + "' is not in the collar file " + collarName
                        + " (" + rows + "; skip them with the orphans policy SKIP)");
            }
        }
    }

    private void beyond(Row row, String what, Hole h) {
        String text = what + " is beyond the total depth " + h.tdText + " of hole '" + h.id + "' (" + collarName
                + " line " + h.line + ")";
        if (opt.beyondTotalDepth() == DrillholeOptions.DepthPolicy.WARN) {
            diag.warning(row.fileIdx, row.name, row.line, text);
        } else {
            row.error(text);
        }
    }

    // ------------------------------------------------------------------ intervals

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long readIntervals(CsvTokenizer tok, String name, int fileIdx, TableSchema schema, int tableIndex)
            throws IOException {
        Layout layout = header(tok, name, fileIdx, "intervals", schema.table, Role.INTERVALS);
        if (layout == null) {
            return 0;
        }
        long headerLine = tok.line();
        String[] header = layout.header;
        if (!attributes(schema, layout, header, name, fileIdx, headerLine)) {
            return 0;
        }
        int cId = layout.col(Role.HOLE_ID);
        int cFrom = layout.col(Role.FROM);
        int cTo = layout.col(Role.TO);
        int nAttr = schema.cols.length;
        int[] attrCols = schema.cols;
        boolean[] numeric = schema.numeric;
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String>[] dedupe = new HashMap[nAttr];
        for (int a = 0; a < nAttr; a++) {
            dedupe[a] = new HashMap<>();
        }
        int[] unnamedWithValues = unnamedColumns(layout);
        boolean[] unnamedReported = new boolean[layout.width];
        Map<String, long[]> orphans = new LinkedHashMap<>();
        int nTables = tableNames.size();
        long rows = 0;
        Row row = new Row(fileIdx, name);
        while (tok.next()) {
            rows++;
            long line = tok.line();
            if (!width(tok, layout, name, fileIdx)) {
                continue;
            }
            row.start(line);
            for (int c : unnamedWithValues) {
                if (!unnamedReported[c] && !Numbers.isNull(tok.field(c))) {
                    unnamedReported[c] = true;
                    row.error("column " + (c + 1) + " has no header but holds '" + tok.field(c)
                            + "'; give it a header (or delete the column)");
                }
            }
            String id = rowHole(tok, cId, row, orphans, line);
            if (id == null) {
                continue;
            }
            Hole h = holes.get(id);
            String fv = tok.field(cFrom);
            String tv = tok.field(cTo);
            double from = row.number(fv, "from", true);
            double to = row.number(tv, "to", true);
            if (from < 0) {
                row.error("negative from " + fv);
            }
            if (to < 0) {
                row.error("negative to " + tv);
            }
            if (from >= to) {
                row.error("from " + fv + " is not less than to " + tv);
            }
            if (h != null && !Double.isNaN(h.td) && to > h.td) {
                beyond(row, "to " + tv, h);
            }
            Object[] values = nAttr == 0 ? NO_VALUES : new Object[nAttr];
            for (int a = 0; a < nAttr; a++) {
                String v = tok.field(attrCols[a]);
                if (Numbers.isNull(v)) {
                    continue;
                }
                if (numeric[a] && Double.isNaN(Numbers.parse(v))) {
                    numeric[a] = false;
                }
                Map<String, String> cache = dedupe[a];
                String known = cache.get(v);
                if (known != null) {
                    v = known;
                } else if (cache.size() < DEDUPE_LIMIT) {
                    cache.put(v, v);
                }
                values[a] = v;
            }
            if (!row.bad && h != null) {
                if (h.intervals == null) {
                    h.intervals = new List[nTables];
                }
                List<Interval> list = h.intervals[tableIndex];
                if (list == null) {
                    list = new ArrayList<>();
                    h.intervals[tableIndex] = list;
                }
                list.add(new Interval(from, to, line, values));
            }
        }
        reportOrphans(orphans, fileIdx, name);
        return rows;
    }

    private static int[] unnamedColumns(Layout layout) {
        int n = 0;
        for (boolean u : layout.unnamed) {
            if (u) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < layout.unnamed.length; i++) {
            if (layout.unnamed[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Works out the attribute columns of a table; false (with errors) when their names are unusable. */
    private boolean attributes(TableSchema schema, Layout layout, String[] header, String name, int fileIdx,
            long line) {
        boolean[] skip = new boolean[header.length];
        for (int c : layout.cols.values()) {
            skip[c] = true;
        }
        for (int i = 0; i < header.length; i++) {
            if (layout.unnamed[i]) {
                skip[i] = true;
            }
        }
        boolean ok = true;
        Set<String> specific = mapping.ignoredForTable(schema.table);
        for (String ign : mapping.ignored(schema.table)) {
            int c = find(header, ign);
            if (c >= 0) {
                skip[c] = true;
            } else if (specific.contains(ign)) {
                diag.error(fileIdx, name, line, "mapping ignores column '" + ign + "', but the header has: "
                        + list(header));
                ok = false;
            }
        }
        List<Integer> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (skip[i]) {
                continue;
            }
            String h = header[i].strip();
            String n = sanitise(h);
            String lower = n.toLowerCase(Locale.ROOT);
            if (Column.RESERVED_NAMES.contains(lower)) {
                diag.error(fileIdx, name, line, "column '" + h + "' has a reserved name (" + lower
                        + "); rename it in the file, or drop it with 'intervals." + schema.table + ".ignore = " + h
                        + "' in the mapping file");
                ok = false;
                continue;
            }
            String other = seen.putIfAbsent(lower, h);
            if (other != null) {
                diag.error(fileIdx, name, line, "columns '" + other + "' and '" + h + "' both become the column name '"
                        + n + "'; rename one, or drop one with 'intervals." + schema.table + ".ignore = ...' in the "
                        + "mapping file");
                ok = false;
                continue;
            }
            cols.add(i);
            names.add(n);
        }
        schema.cols = cols.stream().mapToInt(Integer::intValue).toArray();
        schema.names = names.toArray(new String[0]);
        schema.numeric = new boolean[names.size()];
        Arrays.fill(schema.numeric, true);
        return ok;
    }

    /**
     * A column name: letters of any script (岩性 stays 岩性), digits and '_' kept, every other character to '_', a
     * leading digit prefixed with '_', at most 63 characters.
     */
    public static String sanitise(String header) {
        StringBuilder sb = new StringBuilder(header.length() + 1);
        header.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '_') {
                sb.appendCodePoint(c);
            } else {
                sb.append('_');
            }
        });
        if (sb.length() == 0 || Character.isDigit(sb.codePointAt(0))) {
            sb.insert(0, '_');
        }
        if (sb.length() > MAX_NAME) {
            sb.setLength(MAX_NAME);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ per-hole checks

    private void checkHoles(String surveyName) {
        int surveyIdx = 1;
        int firstTableIdx = hasSurveyFile ? 2 : 1;
        int noSurvey = 0;
        for (Hole h : holes.values()) {
            double deepest = Double.isNaN(h.td) ? 0 : h.td;
            if (h.intervals != null) {
                for (int t = 0; t < h.intervals.length; t++) {
                    List<Interval> list = h.intervals[t];
                    if (list == null) {
                        continue;
                    }
                    list.sort(Comparator.comparingDouble((Interval i) -> i.from).thenComparingDouble(i -> i.to)
                            .thenComparingLong(i -> i.line));
                    overlaps(h, list, firstTableIdx + t, schemas.get(t).file);
                    for (Interval i : list) {
                        deepest = Math.max(deepest, i.to);
                    }
                }
            }
            if (h.stations == null || h.stations.isEmpty()) {
                if (hasSurveyFile && h.valid) {
                    diag.warning(0, collarName, h.line, "hole '" + h.id + "' has no survey stations; "
                            + (hasOrientation(h) ? "using its collar orientation (azimuth " + Numbers.format(h.az)
                                    + ", dip " + Numbers.format(h.dip) + ")" : "assuming a vertical hole"));
                }
                noSurvey++;
                continue;
            }
            h.stations.sort(Comparator.comparingDouble(Station::depth).thenComparingLong(Station::line));
            Station prev = null;
            for (Station s : h.stations) {
                if (prev != null && prev.depth == s.depth) {
                    long later = Math.max(prev.line, s.line);
                    long earlier = Math.min(prev.line, s.line);
                    diag.error(surveyIdx, surveyName, later, "duplicate survey depth " + Numbers.format(s.depth)
                            + " for hole '" + h.id + "' (also at line " + earlier + ")");
                } else if (prev != null && Desurvey.isAntiParallel(Desurvey.dogleg(prev.az, prev.dip, s.az, s.dip))) {
                    diag.error(surveyIdx, surveyName, s.line, "station at depth " + Numbers.format(s.depth) + " of hole '"
                            + h.id + "' points the opposite way to the station at line " + prev.line
                            + " (anti-parallel): the hole cannot reverse on itself");
                }
                prev = s;
                if (deepest > 0 && s.depth > 2 * deepest) {
                    diag.warning(surveyIdx, surveyName, s.line, "survey depth " + Numbers.format(s.depth) + " of hole '"
                            + h.id + "' is more than twice the hole's known depth " + Numbers.format(deepest)
                            + " (deepest interval or total depth): it looks like a sentinel station, not a measurement");
                }
            }
        }
        if (!hasSurveyFile && !holes.isEmpty()) {
            diag.warning(0, collarName, -1, "no survey file: " + noSurvey + " holes use their collar orientation, or"
                    + " run vertically down where the collar has none");
        }
    }

    private static boolean hasOrientation(Hole h) {
        return !Double.isNaN(h.az) && !Double.isNaN(h.dip);
    }

    private void overlaps(Hole h, List<Interval> list, int fileIdx, String name) {
        Interval deepest = null;
        boolean warn = opt.overlaps() == DrillholeOptions.OverlapPolicy.WARN;
        for (Interval i : list) {
            if (deepest != null && i.from < deepest.to) {
                Interval later = i.line >= deepest.line ? i : deepest;
                Interval earlier = later == i ? deepest : i;
                String text;
                if (i.from == deepest.from && i.to == deepest.to) {
                    text = "interval " + Numbers.format(later.from) + "-" + Numbers.format(later.to) + " of hole '" + h.id
                            + "' duplicates the interval at line " + earlier.line;
                } else {
                    text = "interval " + Numbers.format(later.from) + "-" + Numbers.format(later.to) + " of hole '" + h.id
                            + "' overlaps the interval " + Numbers.format(earlier.from) + "-"
                            + Numbers.format(earlier.to) + " at line " + earlier.line;
                }
                if (warn) {
                    diag.warning(fileIdx, name, later.line, text);
                } else {
                    diag.error(fileIdx, name, later.line, text);
                }
            }
            if (deepest == null || i.to > deepest.to) {
                deepest = i;
            }
        }
    }

    // ------------------------------------------------------------------ CRS

    private void reproject() {
        Crs source = opt.effectiveSourceCrs();
        Crs target = opt.targetCrs();
        if (source.equals(target) || diag.hasErrors()) {
            return;
        }
        boolean geographic = source.isGeographic();
        List<Hole> list = new ArrayList<>();
        for (Hole h : holes.values()) {
            if (!h.valid) {
                continue;
            }
            if (geographic && (h.x < -180 || h.x > 180 || h.y < -90 || h.y > 90)) {
                // proj4j does not reject these: it returns finite nonsense
                diag.error(0, collarName, h.line, "collar x " + Numbers.format(h.x) + ", y " + Numbers.format(h.y)
                        + " of hole '" + h.id + "' is not a longitude, latitude in " + source.code()
                        + " (x must be in [-180, 180], y in [-90, 90])");
                continue;
            }
            list.add(h);
        }
        double[] xy = new double[2 * list.size()];
        for (int i = 0; i < list.size(); i++) {
            xy[2 * i] = list.get(i).x;
            xy[2 * i + 1] = list.get(i).y;
        }
        try {
            source.transformTo(target, xy, list.size());
        } catch (InvalidContentException e) {
            // find the bad points one by one, to name their lines
            for (int i = 0; i < list.size(); i++) {
                Hole h = list.get(i);
                double[] one = {h.x, h.y};
                try {
                    source.transformTo(target, one, 1);
                    xy[2 * i] = one[0];
                    xy[2 * i + 1] = one[1];
                } catch (InvalidContentException bad) {
                    diag.error(0, collarName, h.line, "collar x " + Numbers.format(h.x) + ", y " + Numbers.format(h.y)
                            + " of hole '" + h.id + "' cannot be transformed from " + source.code() + " to "
                            + target.code());
                }
            }
        }
        for (int i = 0; i < list.size(); i++) {
            list.get(i).x = xy[2 * i];
            list.get(i).y = xy[2 * i + 1];
        }
    }

    // ------------------------------------------------------------------ output

    private ReadResult build() {
        double f = opt.units().metresPerUnit();
        boolean metre = f == 1.0;
        Map<String, List<Column>> schemaMap = new LinkedHashMap<>();
        for (TableSchema s : schemas) {
            List<Column> cols = new ArrayList<>(s.names.length);
            for (int a = 0; a < s.names.length; a++) {
                cols.add(new Column(s.names[a], s.numeric[a] ? ColumnType.NUMBER : ColumnType.TEXT));
            }
            schemaMap.put(s.table, cols);
        }
        List<HoleData> out = new ArrayList<>(holes.size());
        for (Hole h : holes.values()) {
            Collar collar = new Collar(h.id, h.x, h.y, metre ? h.z : h.z * f, metre ? h.td : h.td * f,
                    normaliseAzimuth(h.az), h.dip);
            List<SurveyStation> survey = new ArrayList<>(h.stations == null ? 0 : h.stations.size());
            if (h.stations != null) {
                for (Station s : h.stations) {
                    survey.add(new SurveyStation(metre ? s.depth : s.depth * f, normaliseAzimuth(s.az), s.dip));
                }
            }
            Map<String, List<IntervalRow>> intervals = new LinkedHashMap<>();
            for (int t = 0; t < schemas.size(); t++) {
                TableSchema s = schemas.get(t);
                List<Interval> list = h.intervals == null ? null : h.intervals[t];
                List<IntervalRow> rows = new ArrayList<>(list == null ? 0 : list.size());
                if (list != null) {
                    for (Interval i : list) {
                        rows.add(new IntervalRow(metre ? i.from : i.from * f, metre ? i.to : i.to * f,
                                Arrays.asList(typed(i.values, s.numeric))));
                    }
                    h.intervals[t] = null; // let the raw rows go as we go
                }
                intervals.put(s.table, rows);
            }
            out.add(new HoleData(collar, survey, intervals, h.validFrom));
        }
        List<String> warnings = diag.warnings();
        Provenance provenance = new Provenance(sources, opt.user(), parameters(), Diagnostics.capped(warnings));
        DrillholeBatch batch = new DrillholeBatch(out, schemaMap, opt.method(), opt.validFrom(), provenance);
        return new ReadResult(batch, warnings);
    }

    private static Object[] typed(Object[] raw, boolean[] numeric) {
        for (int a = 0; a < raw.length; a++) {
            if (numeric[a] && raw[a] != null) {
                raw[a] = Numbers.parse((String) raw[a]);
            }
        }
        return raw;
    }

    private static double normaliseAzimuth(double az) {
        return az == 360.0 ? 0.0 : az;
    }

    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("units", opt.units().symbol());
        p.put("encoding", opt.encoding().name());
        p.put("dip_convention", opt.dipConvention().label());
        p.put("crs_source", opt.effectiveSourceCrs().code());
        p.put("crs_target", opt.targetCrs().code());
        p.put("mapping", mapping.source().orElse("auto"));
        mapping.entries().forEach((k, v) -> p.put("mapping." + k, v));
        p.put("orphans", opt.orphans().label());
        p.put("overlaps", opt.overlaps().label());
        p.put("beyond_total_depth", opt.beyondTotalDepth().label());
        p.put("desurvey_method", opt.method().label());
        if (opt.validFrom() != null) {
            p.put("valid_from", opt.validFrom().toString());
        }
        p.putAll(parameters);
        return p;
    }

    // ------------------------------------------------------------------ argument checks

    private void checkTableNames() {
        Map<String, String> lower = new HashMap<>();
        for (String t : tableNames) {
            if (!Column.isValidName(t)) {
                diag.error(-1, null, -1, "interval table name '" + t
                        + "' is not valid: use letters, digits and underscore, not starting with a digit");
            } else {
                String other = lower.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
                if (other != null) {
                    diag.error(-1, null, -1, "interval tables '" + other + "' and '" + t + "' differ only in case");
                }
            }
        }
        diag.throwIfErrors();
    }

    private void checkMappingTables() {
        Set<String> given = new java.util.HashSet<>();
        for (String t : tableNames) {
            given.add(t.toLowerCase(Locale.ROOT));
        }
        for (String t : mapping.intervalTables()) {
            if (!given.contains(t)) {
                diag.warning(-1, mapping.source().orElse("mapping"), -1, "the mapping names interval table '" + t
                        + "', which is not among the tables read (" + String.join(", ", tableNames) + ")");
            }
        }
    }

    // ------------------------------------------------------------------ row helper

    /** Per-row value parsing with error reporting at the row's line. */
    private final class Row {
        final int fileIdx;
        final String name;
        long line;
        String hole;
        boolean bad;

        Row(int fileIdx, String name) {
            this.fileIdx = fileIdx;
            this.name = name;
        }

        void start(long l) {
            line = l;
            hole = null;
            bad = false;
        }

        void error(String reason) {
            bad = true;
            diag.error(fileIdx, name, line, hole == null || reason.contains("'" + hole + "'") ? reason
                    : reason + " for hole '" + hole + "'");
        }

        /** A number; NaN when null (an error if required) or bad (an error). */
        double number(String v, String what, boolean required) {
            if (Numbers.isNull(v)) {
                if (required) {
                    error("missing " + what);
                }
                return Double.NaN;
            }
            double d = Numbers.parse(v);
            if (Double.isNaN(d)) {
                error("non-numeric " + what + " '" + v + "'");
            }
            return d;
        }

        double azimuth(String v, boolean required) {
            double a = number(v, "azimuth", required);
            if (a < 0 || a > 360) {
                error("azimuth " + v + " is outside [0, 360]");
            }
            return a;
        }

        double dip(String v, boolean required) {
            double d = number(v, "dip", required);
            if (Double.isNaN(d)) {
                return d;
            }
            if (!opt.dipConvention().isValid(d)) {
                error("dip " + v + " is outside " + opt.dipConvention().rangeText() + " (" + opt.dipConvention().label()
                        + ")");
                return Double.NaN;
            }
            return opt.dipConvention().toStore(d);
        }

        Instant date(String v) {
            String s = v.strip();
            if (Numbers.isNull(s)) {
                return null;
            }
            try {
                if (s.length() == 10) {
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                error("bad date '" + v + "' (expected yyyy-MM-dd or an ISO instant such as 2024-05-01T08:00:00Z)");
                return null;
            }
        }
    }
}
