package org.geoassure.ingest.series.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.ingest.series.SeriesOptions;

/** The CSV and USGS RDB readers: one line at a time, errors as {@code file:line: reason}. Internal. */
public final class DelimitedSeries {
    /** USGS remark codes standing in for a value in RDB files (ice, equipment, seasonal, ...): skipped with a warning. */
    private static final Set<String> RDB_NO_VALUE = Set.of("ice", "eqp", "ssn", "bkw", "dis", "fld", "mnt", "rat",
            "tst", "***", "dry", "zfl", "pr", "--", "");
    /** USGS parameter codes whose unit an RDB file implies: discharge ft3/s, gage height ft, depth to water ft. */
    private static final Map<String, String> USGS_PARAMETER_UNIT = Map.of("00060", "ft3/s", "00065", "ft", "72019",
            "ft", "62611", "ft", "00045", "in");
    private static final Map<String, Integer> US_ZONES = Map.of("UTC", 0, "GMT", 0, "EST", -5, "EDT", -4, "CST", -6,
            "CDT", -5, "MST", -7, "MDT", -6, "PST", -8, "PDT", -7);

    private DelimitedSeries() {
    }

    /** Reads the one series of a CSV file; {@code rows} receives the data rows read. */
    public static List<SeriesBuilder> csv(BufferedReader in, String file, SeriesOptions o, List<String> warnings,
            long[] rows) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new InvalidContentException(file + ":1: the file is empty (expected a header such as date,value)");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        char d = o.delimiter() != 0 ? o.delimiter() : header.indexOf('\t') >= 0 ? '\t'
                : header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        List<String> names = split(header, d);
        int tc = column(names, o.timeColumn(), 0, "--time-column", file);
        int vc = column(names, o.valueColumn(), 1, "--value-column", file);
        String valueName = names.get(vc).isBlank() ? "value" : names.get(vc);
        SeriesBuilder b = new SeriesBuilder(valueName, "", valueName, o.unit() == null ? "" : o.unit());
        TimeParser times = new TimeParser(o.zone(), o.timeFormat());
        String line;
        int no = 1;
        int skipped = 0;
        while ((line = in.readLine()) != null) {
            no++;
            if (line.isBlank()) {
                continue;
            }
            rows[0]++;
            List<String> f = split(line, d);
            String where = file + ":" + no;
            if (f.size() <= Math.max(tc, vc)) {
                throw new InvalidContentException(where + ": " + f.size() + " fields, expected at least "
                        + (Math.max(tc, vc) + 1) + " (delimiter '" + printable(d) + "')");
            }
            long t = times.parse(f.get(tc), where);
            String v = f.get(vc).trim();
            if (v.isEmpty() || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("na")) {
                if (skipped++ < 20) {
                    warnings.add(where + ": no value in column '" + valueName + "'; row skipped");
                }
                continue;
            }
            b.add(t, number(v, where, valueName), null, where);
        }
        if (skipped > 20) {
            warnings.add(file + ": " + skipped + " rows without a value skipped in all");
        }
        return List.of(b);
    }

    /**
     * Reads a USGS RDB file: one series per value column (DD_PARAMETER[_STATISTIC]), its quality from the column of
     * the same name + {@code _cd}; the unit from the parameter code (00060 ft3/s, 00065 ft, ...).
     */
    public static List<SeriesBuilder> rdb(BufferedReader in, String file, SeriesOptions o, List<String> warnings,
            long[] rows) throws IOException {
        String line;
        int no = 0;
        List<String> names = null;
        Map<String, String> descriptions = new HashMap<>();
        while ((line = in.readLine()) != null) {
            no++;
            if (line.startsWith("#")) {
                // "#    01   00060     00003     Discharge, cubic feet per second (Mean)"
                String[] p = line.substring(1).trim().split("\\s+", 4);
                if (p.length == 4 && p[0].matches("\\d+") && p[1].matches("\\d{5}")) {
                    descriptions.put(p[0] + "_" + p[1], p[3]);
                }
                continue;
            }
            names = split(line, '\t');
            break;
        }
        if (names == null) {
            throw new InvalidContentException(file + ":" + Math.max(1, no) + ": no header line (agency_cd, site_no, "
                    + "datetime, ...) in this RDB file");
        }
        int headerLine = no;
        String defs = in.readLine();
        no++;
        if (defs == null || split(defs, '\t').size() != names.size()) {
            throw new InvalidContentException(file + ":" + no + ": expected the column-definition line (e.g. 5s 15s "
                    + "20d 14n 10s) with " + names.size() + " fields, as the header on line " + headerLine);
        }
        int site = names.indexOf("site_no");
        int dt = names.indexOf("datetime");
        int tz = names.indexOf("tz_cd");
        if (site < 0 || dt < 0) {
            throw new InvalidContentException(file + ":" + headerLine + ": the header lacks site_no or datetime");
        }
        List<Integer> valueCols = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (o.valueColumn() != null ? n.equals(o.valueColumn()) : n.matches("\\d+_\\d{5}(_\\d{5})?")) {
                valueCols.add(i);
            }
        }
        if (valueCols.isEmpty()) {
            throw new InvalidContentException(file + ":" + headerLine + ": no value column " + (o.valueColumn() != null
                    ? "'" + o.valueColumn() + "'" : "(named like 01_00060_00003)") + " in " + names);
        }
        TimeParser local = new TimeParser(o.zone(), null);
        Map<String, SeriesBuilder> series = new java.util.LinkedHashMap<>();
        int skipped = 0;
        while ((line = in.readLine()) != null) {
            no++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows[0]++;
            String where = file + ":" + no;
            List<String> f = split(line, '\t');
            if (f.size() != names.size()) {
                throw new InvalidContentException(where + ": " + f.size() + " fields, the header has " + names.size());
            }
            long t;
            if (tz >= 0 && !f.get(tz).isBlank()) {
                Integer h = US_ZONES.get(f.get(tz).trim().toUpperCase(Locale.ROOT));
                if (h == null) {
                    throw new InvalidContentException(where + ": time zone code '" + f.get(tz) + "' is not known (known: "
                            + new java.util.TreeSet<>(US_ZONES.keySet()) + ")");
                }
                t = new TimeParser(java.time.ZoneOffset.ofHours(h), null).parse(f.get(dt), where);
            } else {
                t = local.parse(f.get(dt), where);
            }
            for (int c : valueCols) {
                String col = names.get(c);
                String[] parts = col.split("_");
                String param = parts.length > 1 ? parts[1] : col;
                String siteCode = f.get(site).trim();
                String key = siteCode + ":" + param;
                SeriesBuilder b = series.computeIfAbsent(key, k -> new SeriesBuilder(k, siteCode,
                        descriptions.getOrDefault(parts[0] + "_" + param, col),
                        USGS_PARAMETER_UNIT.getOrDefault(param, "")));
                String v = f.get(c).trim();
                if (RDB_NO_VALUE.contains(v.toLowerCase(Locale.ROOT))) {
                    if (skipped++ < 20) {
                        warnings.add(where + ": no value ('" + v + "') in column " + col + "; skipped");
                    }
                    continue;
                }
                int qc = names.indexOf(col + "_cd");
                String q = qc >= 0 && !f.get(qc).isBlank() ? f.get(qc).trim() : null;
                b.add(t, number(v, where, col), q, where);
            }
        }
        return new ArrayList<>(series.values());
    }

    private static int column(List<String> names, String wanted, int fallback, String option, String file) {
        if (wanted == null) {
            if (names.size() <= fallback) {
                throw new InvalidContentException(file + ":1: the header has " + names.size() + " column(s); expected "
                        + "a time column and a value column");
            }
            return fallback;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).trim().equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        throw new InvalidContentException(file + ":1: " + option + " '" + wanted + "' is not in the header " + names);
    }

    static double number(String v, String where, String column) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidContentException(where + ": '" + v + "' in column '" + column + "' is not a finite number");
        }
    }

    private static String printable(char d) {
        return d == '\t' ? "\\t" : Character.toString(d);
    }

    /** Fields of a line; a field in double quotes may hold the delimiter and doubled quotes. */
    static List<String> split(String line, char d) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' && cur.length() == 0) {
                quoted = true;
            } else if (ch == d) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
