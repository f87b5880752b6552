package org.geoassure.ingest.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.ingest.drillhole.internal.Role;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureReaders;
import org.geoassure.ingest.feature.internal.SourceFiles;

/**
 * Recognises what a file is from its content (first bytes and first lines, not its extension): the basis of
 * {@code geoassure ingest WS auto}. The detectors are tried in the order of {@link #DETECTORS}; the first that
 * recognises the file wins. A file none recognises is an {@link UnsupportedFormatException} naming what it begins
 * with.
 */
public final class SourceDetector {
    /** Bytes of the file's head given to the detectors. */
    public static final int HEAD = 1 << 16;

    /** The first bytes of a file and, when it is text, its first lines (never the whole file). */
    record Probe(Path file, byte[] head, String text, List<String> lines) {
        /** The first non-blank line, without a byte-order mark; empty for a binary or empty file. */
        public String firstLine() {
            return lines.isEmpty() ? "" : lines.get(0);
        }

        /** The fields of the first line split at its delimiter (comma, tab or semicolon), unquoted and trimmed. */
        public List<String> header() {
            String l = firstLine();
            char d = l.indexOf('\t') >= 0 ? '\t' : l.indexOf(';') > l.indexOf(',') ? ';' : ',';
            List<String> out = new ArrayList<>();
            for (String f : l.split(Pattern.quote(String.valueOf(d)), -1)) {
                out.add(f.strip().replace("\"", ""));
            }
            return out;
        }
    }

    /** One entry of the detector table. */
    @FunctionalInterface
    interface Detector {
        Optional<Detection> detect(Probe p);
    }

    /**
     * The detector table, tried in order: volumes and OMF first (a Voxet header also begins "GOCAD"), then LAS,
     * readings in JSON or XML, the vector and surface formats, and delimited text by its columns.
     */
    static final List<Detector> DETECTORS = List.of(
            SourceDetector::volumes,
            SourceDetector::las,
            SourceDetector::readingsJsonOrXml,
            SourceDetector::features,
            SourceDetector::delimited);

    private SourceDetector() {
    }

    /**
     * What the file is.
     *
     * @throws UnsupportedFormatException when no detector recognises it, naming what the file begins with
     * @throws org.geoassure.geodb.StorageException when it cannot be read
     */
    public static Detection detect(Path file) {
        Probe p = probe(file);
        for (Detector d : DETECTORS) {
            Optional<Detection> r = d.detect(p);
            if (r.isPresent()) {
                return r.get();
            }
        }
        String ext = file.getFileName().toString();
        int dot = ext.lastIndexOf('.');
        ext = dot < 0 ? "" : " (extension " + ext.substring(dot) + ")";
        String what = p.head().length == 0 ? "an empty file" : p.text() == null ? "a binary file beginning "
                + hex(p.head()) : p.firstLine().isEmpty() ? "blank text" : "text beginning \"" + printable(p.firstLine())
                + "\"";
        throw new UnsupportedFormatException(file.toString(), "no reader recognises this content: " + what + ext);
    }

    static Probe probe(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
        String text = null;
        List<String> lines = List.of();
        if (isText(head)) {
            text = new String(head, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(16).toList();
        }
        return new Probe(file, head, text, lines);
    }

    /** No NUL and few control characters in the head: text (in any ASCII-compatible encoding). */
    private static boolean isText(byte[] b) {
        int control = 0;
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
            if (x > 0 && x < 32 && x != '\n' && x != '\r' && x != '\t' && x != '\f') {
                control++;
            }
        }
        return control * 100 <= b.length;
    }

    /** GOCAD Voxet (before the GOCAD features), OMF 1 and 2, SEG-Y. ModEM models have no signature to tell them by. */
    private static Optional<Detection> volumes(Probe p) {
        if (p.firstLine().toUpperCase(Locale.ROOT).startsWith("GOCAD VOXET")) {
            return Optional.of(Detection.of(SourceKind.VOXET, "GOCAD Voxet", "first line \"GOCAD Voxet ...\""));
        }
        byte[] h = p.head();
        if (h.length >= 4 && (h[0] & 0xff) == 0x84 && (h[1] & 0xff) == 0x83 && (h[2] & 0xff) == 0x82
                && (h[3] & 0xff) == 0x81) {
            return Optional.of(Detection.of(SourceKind.OMF, "OMF 1", "magic bytes 84 83 82 81"));
        }
        if (h.length >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4
                && org.geoassure.ingest.omf.OmfReader.looksLikeOmf(p.file())) {
            return Optional.of(Detection.of(SourceKind.OMF, "OMF 2", "a zip archive"));
        }
        if (h.length >= 3600 && ((h[0] & 0xff) == 0xC3 || h[0] == 'C') && segyFormat(h)) {
            return Optional.of(Detection.of(SourceKind.SEGY, "SEG-Y", "a 3200-byte textual header and a binary header "
                    + "with a known sample format"));
        }
        return Optional.empty();
    }

    /**
     * Samples per trace above 0 and a sample format code in the binary header, in either byte order: one the SEG-Y
     * reader reads ({@link org.geoassure.ingest.segy.SampleFormat}), or the obsolete 4, which it refuses by name.
     */
    private static boolean segyFormat(byte[] h) {
        for (boolean big : new boolean[] {true, false}) {
            int samples = big ? ((h[3220] & 0xff) << 8) | (h[3221] & 0xff) : ((h[3221] & 0xff) << 8) | (h[3220] & 0xff);
            int format = big ? ((h[3224] & 0xff) << 8) | (h[3225] & 0xff) : ((h[3225] & 0xff) << 8) | (h[3224] & 0xff);
            if (samples > 0 && (format == 4 || org.geoassure.ingest.segy.SampleFormat.ofCode(format).isPresent())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Detection> las(Probe p) {
        String l = p.firstLine().toUpperCase(Locale.ROOT);
        if (l.startsWith("~V")) {
            return Optional.of(Detection.of(SourceKind.LAS, "LAS", "first section ~VERSION"));
        }
        return Optional.empty();
    }

    private static Optional<Detection> readingsJsonOrXml(Probe p) {
        if (p.text() == null) {
            return Optional.empty();
        }
        String s = p.text().stripLeading();
        if (s.startsWith("{") && s.contains("\"timeSeries\"")) {
            return Optional.of(Detection.of(SourceKind.READINGS, "WaterML-JSON", "a JSON object with \"timeSeries\""));
        }
        if (s.startsWith("<") && s.contains("http://www.opengis.net/waterml/2.0")) {
            return Optional.of(Detection.of(SourceKind.READINGS, "WaterML 2.0", "XML in the WaterML 2.0 namespace"));
        }
        if (s.startsWith("#") && (s.contains("\nagency_cd") || s.contains("USGS"))) {
            return Optional.of(Detection.of(SourceKind.READINGS, "USGS RDB", "'#' comments and agency_cd columns"));
        }
        return Optional.empty();
    }

    private static Optional<Detection> features(Probe p) {
        FeatureFormat f;
        try {
            f = FeatureReaders.detect(p.file());
        } catch (UnsupportedFormatException e) {
            return Optional.empty();
        }
        return switch (f) {
            case CSV_POINTS -> Optional.empty(); // delimited text is told apart below
            case GOCAD -> Optional.of(Detection.of(SourceKind.FEATURES, "GOCAD", "first line \"GOCAD ...\""));
            case SHAPEFILE -> Optional.of(Detection.of(SourceKind.FEATURES, "Shapefile", "file code 9994"));
            case GEOJSON -> Optional.of(Detection.of(SourceKind.FEATURES, "GeoJSON", "a JSON object"));
            case DXF -> Optional.of(Detection.of(SourceKind.FEATURES, "DXF", "group 0 SECTION"));
            case GEOPACKAGE -> Optional.of(Detection.of(SourceKind.FEATURES, "GeoPackage", "SQLite 3 header"));
            case ASCII_GRID -> Optional.of(Detection.of(SourceKind.FEATURES, "ESRI ASCII grid", "header key "
                    + p.firstLine().split("\\s+")[0]));
        };
    }

    private static final Set<String> BLOCK_COLUMNS = Set.of("IJK", "IX", "XC", "DX", "XINC", "XMORIG", "I");
    private static final Set<String> TIME_COLUMNS = Set.of("", "DATE", "TIME", "DATETIME", "TIMESTAMP", "T");

    /** Delimited text, told apart by its header: drillhole tables, block models, stations, progress, readings, points. */
    private static Optional<Detection> delimited(Probe p) {
        if (p.text() == null || p.firstLine().isEmpty()) {
            return Optional.empty();
        }
        List<String> header = p.header();
        if (header.size() < 2) {
            return Optional.empty();
        }
        List<String> norm = header.stream().map(Role::normalise).toList();
        String cols = String.join(", ", header);
        if (has(norm, Role.HOLE_ID)) {
            String which = has(norm, Role.FROM) && has(norm, Role.TO) ? "interval"
                    : has(norm, Role.X) && has(norm, Role.Y) ? "collar"
                    : has(norm, Role.DEPTH) && (has(norm, Role.AZIMUTH) || has(norm, Role.DIP)) ? "survey" : null;
            if (which != null) {
                String option = switch (which) {
                    case "collar" -> "--collar FILE";
                    case "survey" -> "--survey FILE";
                    default -> "--intervals NAME=FILE";
                };
                return Optional.of(new Detection(SourceKind.DRILLHOLE_TABLE, "drillhole " + which + " CSV", "columns "
                        + cols, "a drillhole " + which + " table: give it by option, with the hole's other tables: "
                        + "geoassure ingest WS drillholes --collar C.csv [--survey S.csv] [--intervals NAME=I.csv] ("
                        + option + ")"));
            }
        }
        if (norm.stream().anyMatch(BLOCK_COLUMNS::contains) && (norm.contains("IJK") || norm.contains("XC")
                || norm.contains("IX") || norm.contains("DX") && norm.contains("DY") && norm.contains("DZ"))) {
            return Optional.of(new Detection(SourceKind.BLOCK_MODEL_CSV, "block-model CSV", "columns " + cols,
                    "a block model: it needs its grid: geoassure ingest WS blockmodel FILE --name M (--xyz X,Y,Z | "
                            + "--ijk I,J,K) --size DX,DY,DZ"));
        }
        if (norm.contains("WATCHES") || norm.containsAll(List.of("ID", "NAME", "KIND", "X", "Y", "Z", "UNIT"))) {
            return Optional.of(Detection.of(SourceKind.STATIONS, "station CSV", "columns " + cols));
        }
        if (norm.contains("GEOMETRY") && norm.contains("DATE") && norm.contains("ID")) {
            return Optional.of(Detection.of(SourceKind.PROGRESS, "progress CSV", "columns " + cols));
        }
        if (org.geoassure.ingest.points.PointCsvReader.columns(header.toArray(String[]::new),
                org.geoassure.ingest.points.PointCsvOptions.defaults()).isPresent()) {
            return Optional.of(Detection.of(SourceKind.FEATURES, "point CSV", "columns " + cols));
        }
        if (TIME_COLUMNS.contains(norm.get(0)) && p.lines().size() > 1 && looksLikeTime(p.lines().get(1))) {
            return Optional.of(Detection.of(SourceKind.READINGS, "readings CSV", "columns " + cols));
        }
        return Optional.empty();
    }

    private static final Pattern TIME = Pattern.compile("^\"?\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}.*");

    private static boolean looksLikeTime(String line) {
        return TIME.matcher(line).matches();
    }

    private static boolean has(List<String> norm, Role role) {
        return role.candidates().stream().anyMatch(norm::contains);
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(8, b.length); i++) {
            s.append(String.format("%02x", b[i] & 0xFF));
        }
        return s.toString();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 32; i++) {
            char c = s.charAt(i);
            b.append(c >= 32 && c != 127 ? c : '.');
        }
        return b.toString();
    }
}
