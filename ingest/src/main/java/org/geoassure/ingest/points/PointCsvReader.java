package org.geoassure.ingest.points;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.ingest.drillhole.internal.CsvTokenizer;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.internal.SourceFiles;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Reads a CSV of points (x, y, z and attribute columns) into point features. See the package documentation. */
public final class PointCsvReader {
    /** Header names taken as x (ignoring case), in order of preference. */
    public static final List<String> X_NAMES = List.of("x", "easting", "east", "xcoord", "x_coord", "e", "lon",
            "longitude");
    /** Header names taken as y (ignoring case), in order of preference. */
    public static final List<String> Y_NAMES = List.of("y", "northing", "north", "ycoord", "y_coord", "n", "lat",
            "latitude");
    /** Header names taken as z (ignoring case), in order of preference. */
    public static final List<String> Z_NAMES = List.of("z", "elevation", "elev", "rl", "zcoord", "z_coord", "height",
            "altitude");
    /** Header names taken as the point id (ignoring case), in order of preference. */
    public static final List<String> ID_NAMES = List.of("id", "point_id", "pointid", "name", "station");

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private PointCsvReader() {
    }

    /**
     * The x, y, z and id columns the reader would use for a header, by position (-1 where none), or empty when it has
     * no x or no y column. Used to recognise a point CSV by its header.
     */
    public static Optional<int[]> columns(String[] header, PointCsvOptions options) {
        int x = find(header, options.x(), X_NAMES);
        int y = find(header, options.y(), Y_NAMES);
        if (x < 0 || y < 0) {
            return Optional.empty();
        }
        int z = options.x().isPresent() ? options.z().map(n -> indexOf(header, n)).orElse(-1)
                : find(header, Optional.empty(), Z_NAMES);
        int id = find(header, options.id(), ID_NAMES);
        return Optional.of(new int[] {x, y, z, id});
    }

    /**
     * Reads a file.
     *
     * @throws InvalidContentException for bad content: {@code file:line: reason}
     * @throws org.geoassure.geodb.StorageException when the file cannot be read
     */
    public static FeatureFile read(Path file, PointCsvOptions options) {
        String name = file.toString();
        List<Feature> features = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                CsvTokenizer csv = new CsvTokenizer(new InputStreamReader(in, options.encoding().newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String[] header = csv.readHeader();
            if (header == null) {
                throw new InvalidContentException(name, 1, "empty file: no header line");
            }
            for (String n : new String[] {options.x().orElse(null), options.y().orElse(null),
                options.z().orElse(null), options.id().orElse(null)}) {
                if (n != null && indexOf(header, n) < 0) {
                    throw new InvalidContentException(name, 1, "no column '" + n + "' (columns: "
                            + String.join(", ", header) + ")");
                }
            }
            int[] cols = columns(header, options).orElseThrow(() -> new InvalidContentException(name, 1,
                    "no x and y columns found (columns: " + String.join(", ", header) + "); name them with --xyz "
                    + "X,Y,Z"));
            int xi = cols[0];
            int yi = cols[1];
            int zi = cols[2];
            int idi = cols[3];
            if (zi < 0) {
                warnings.add(name + ": no z column: the points are 2D (z unknown)");
            }
            Map<String, Integer> ids = new LinkedHashMap<>();
            while (csv.next()) {
                long line = csv.line();
                if (csv.fieldCount() > header.length) {
                    throw new InvalidContentException(name, line, csv.fieldCount() + " fields, the header has "
                            + header.length);
                }
                double x = coordinate(csv, xi, header, name, line);
                double y = coordinate(csv, yi, header, name, line);
                double z = zi < 0 || field(csv, zi).isEmpty() ? Double.NaN : coordinate(csv, zi, header, name, line);
                String id = idi >= 0 ? field(csv, idi) : "";
                if (id.isEmpty()) {
                    id = "line " + line;
                }
                int seen = ids.merge(id, 1, Integer::sum);
                if (seen > 1) {
                    throw new InvalidContentException(name, line, "id '" + id + "' repeats an earlier point's id");
                }
                Map<String, Object> attrs = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    if (i != xi && i != yi && i != zi && i != idi) {
                        attrs.put(header[i], value(field(csv, i)));
                    }
                }
                String display = attrs.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("name") && e.getValue() instanceof String)
                        .map(e -> (String) e.getValue()).findFirst().orElse(id);
                features.add(Feature.of(id, display, "", GEOMETRY.createPoint(new Coordinate(x, y, z)), attrs));
            }
            if (features.isEmpty()) {
                throw new InvalidContentException(name, 1, "no points after the header");
            }
        } catch (CsvTokenizer.CsvException e) {
            throw new InvalidContentException(name, e.line(), e.getMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidContentException(name, -1, "not " + options.encoding() + " text (give --encoding)");
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
        return new FeatureFile(FeatureFormat.CSV_POINTS, List.of(SourceFiles.of("points", file, features.size())),
                null, features, warnings);
    }

    /** A field; with semicolons as delimiter a decimal comma (12,5) is read as a decimal point. */
    private static String field(CsvTokenizer csv, int i) {
        String s = i < csv.fieldCount() ? csv.field(i) : "";
        if (csv.delimiter() == ';' && s.indexOf('.') < 0 && s.indexOf(',') >= 0 && s.indexOf(',') == s.lastIndexOf(',')
                && s.length() > 1 && s.chars().allMatch(c -> Character.isDigit(c) || c == ',' || c == '-'
                        || c == '+')) {
            return s.replace(',', '.');
        }
        return s;
    }

    private static double coordinate(CsvTokenizer csv, int i, String[] header, String name, long line) {
        String s = field(csv, i);
        if (s.isEmpty()) {
            throw new InvalidContentException(name, line, header[i] + " is empty");
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidContentException(name, line, header[i] + " '" + s + "' is not a finite number");
    }

    /** Text as a value: empty is null; an integer without leading zeros a Long; another number a Double. */
    private static Object value(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || Character.isDigit(c))) {
            return s;
        }
        String digits = c == '-' || c == '+' ? s.substring(1) : s;
        boolean integer = !digits.isEmpty() && digits.chars().allMatch(Character::isDigit);
        if (integer) {
            if (digits.length() > 1 && digits.charAt(0) == '0' || digits.length() > 18) {
                return s;
            }
            return Long.parseLong(s);
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : s;
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static int find(String[] header, Optional<String> given, List<String> names) {
        if (given.isPresent()) {
            return indexOf(header, given.get());
        }
        for (String n : names) {
            int i = indexOf(header, n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
