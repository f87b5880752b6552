package org.geoassure.ingest.progress;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.FeatureStore.FeatureWrite;
import org.geoassure.ingest.drillhole.internal.CsvTokenizer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads dated features from a CSV (or TSV, semicolon) file with a header line. Columns, matched without regard to
 * case:
 * <ul>
 * <li>{@code id} (or {@code face_id}, {@code feature_id}): the feature; required;
 * <li>{@code date} (or {@code valid_from}): when this state holds in the ground, a date ({@code 2025-03-01}, taken
 * as UTC midnight) or an ISO instant; required;
 * <li>{@code geometry} (or {@code wkt}): the shape as WKT, with z where known ({@code LINESTRING Z (...)},
 * {@code POLYGON Z (...)}, points, multi-geometries); required;
 * <li>{@code name} and {@code role}: optional; the role defaults to the reader's (e.g. {@code face});
 * <li>every other column is an attribute: empty is null, {@code true}/{@code false} a boolean, a whole number a
 * long, another number a double, anything else text (e.g. {@code water_filled}, {@code water_level_m}).
 * </ul>
 * Rows of one feature may come in any order; they become its versions in date order. The first error stops the read
 * as {@code file:line: reason}, so nothing is written.
 */
public final class ProgressCsvReader {
    private ProgressCsvReader() {
    }

    /**
     * What was read.
     *
     * @param writes one write per row, ordered by feature id then date
     * @param source the file (role {@code progress}), its SHA-256 and row count
     */
    public record Result(List<FeatureWrite> writes, SourceFile source) {
        public Result {
            writes = List.copyOf(writes);
        }
    }

    /**
     * Reads a file.
     *
     * @param defaultRole the role of rows without a role column or value (e.g. {@code face})
     * @throws InvalidContentException as {@code file:line: reason}
     * @throws StorageException if the file cannot be read
     */
    public static Result read(Path file, String defaultRole) {
        String where = file.toString();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Row> rows = new ArrayList<>();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
                CsvTokenizer csv = new CsvTokenizer(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = csv.readHeader();
            if (header == null) {
                throw new InvalidContentException(where, 1, "the file is empty; expected a header line with id, date "
                        + "and geometry columns");
            }
            int id = column(header, where, "id", "face_id", "feature_id");
            int date = column(header, where, "date", "valid_from");
            int geom = column(header, where, "geometry", "wkt");
            int name = optional(header, "name");
            int role = optional(header, "role");
            WKTReader wkt = new WKTReader();
            while (csv.next()) {
                long line = csv.line();
                if (csv.fieldCount() != header.length) {
                    throw new InvalidContentException(where, line, "expected " + header.length + " fields as in the "
                            + "header, got " + csv.fieldCount());
                }
                String fid = csv.field(id);
                if (fid.isEmpty()) {
                    throw new InvalidContentException(where, line, header[id] + " is empty");
                }
                Instant t;
                try {
                    t = TimeSlice.parseTime(csv.field(date));
                } catch (RuntimeException e) {
                    throw new InvalidContentException(where, line, header[date] + " '" + csv.field(date)
                            + "' is not a date (2025-03-01) or an ISO instant (2025-03-01T08:00:00Z)");
                }
                Geometry g;
                try {
                    g = wkt.read(csv.field(geom));
                } catch (ParseException | IllegalArgumentException e) {
                    throw new InvalidContentException(where, line, header[geom] + " is not WKT: " + e.getMessage());
                }
                if (g.isEmpty()) {
                    throw new InvalidContentException(where, line, header[geom] + " is an empty geometry");
                }
                Map<String, Object> attrs = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    if (i != id && i != date && i != geom && i != name && i != role) {
                        attrs.put(header[i], value(csv.field(i)));
                    }
                }
                String r = role >= 0 && !csv.field(role).isEmpty() ? csv.field(role) : defaultRole;
                String n = name >= 0 && !csv.field(name).isEmpty() ? csv.field(name) : fid;
                Feature f;
                try {
                    f = Feature.of(fid, n, r, g, attrs);
                } catch (IllegalArgumentException e) {
                    throw new InvalidContentException(where, line, e.getMessage());
                }
                rows.add(new Row(line, t, f));
            }
        } catch (CsvTokenizer.CsvException e) {
            throw new InvalidContentException(where, e.line(), e.getMessage());
        } catch (NoSuchFileException e) {
            throw new InvalidContentException(where + ": no such file");
        } catch (IOException e) {
            throw new StorageException("cannot read " + where + ": " + e.getMessage(), e);
        }
        rows.sort(Comparator.comparing((Row r) -> r.feature.id()).thenComparing(r -> r.date));
        Map<String, Row> last = new HashMap<>();
        List<FeatureWrite> writes = new ArrayList<>();
        for (Row r : rows) {
            Row before = last.put(r.feature.id(), r);
            if (before != null && before.date.equals(r.date)) {
                throw new InvalidContentException(where, Math.max(before.line, r.line), "feature '" + r.feature.id()
                        + "' has two rows dated " + r.date + " (the other is line " + Math.min(before.line, r.line)
                        + ")");
            }
            writes.add(new FeatureWrite(r.feature, r.date));
        }
        return new Result(writes, new SourceFile("progress", file.getFileName().toString(),
                HexFormat.of().formatHex(sha.digest()), rows.size()));
    }

    private record Row(long line, Instant date, Feature feature) {
    }

    private static int column(String[] header, String where, String... names) {
        for (String n : names) {
            int i = optional(header, n);
            if (i >= 0) {
                return i;
            }
        }
        throw new InvalidContentException(where, 1, "no " + String.join(" or ", names) + " column (columns: "
                + String.join(", ", header) + ")");
    }

    private static int optional(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Object value(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.valueOf(s);
        }
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            // not a whole number
        }
        try {
            double d = Double.parseDouble(s);
            if (Double.isFinite(d) && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F")) {
                return d;
            }
        } catch (NumberFormatException e) {
            // text
        }
        return s;
    }
}
