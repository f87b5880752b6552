package org.geoassure.ingest.feature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.ingest.asciigrid.AsciiGridReader;
import org.geoassure.ingest.dxf.DxfReader;
import org.geoassure.ingest.feature.internal.SourceFiles;
import org.geoassure.ingest.geojson.GeoJsonReader;
import org.geoassure.ingest.geopackage.GeoPackageReader;
import org.geoassure.ingest.gocad.GocadReader;
import org.geoassure.ingest.points.PointCsvOptions;
import org.geoassure.ingest.points.PointCsvReader;
import org.geoassure.ingest.shapefile.ShapefileReader;

/**
 * Picks the vector or surface reader for a file from its first bytes, and from its extension where the content
 * leaves a choice: the basis of {@code ingest auto}.
 *
 * <ul>
 *   <li>big-endian 9994 at byte 0: Shapefile (a .dbf, .shx, .prj or .cpg given instead is redirected to the .shp
 *       beside it);</li>
 *   <li>"GOCAD " at the start of the first non-blank line: GOCAD;</li>
 *   <li>"AutoCAD Binary DXF", or a first group pair {@code 0 / SECTION} (after 999 comments): DXF;</li>
 *   <li>a JSON object start <code>{</code>: GeoJSON;</li>
 *   <li>"SQLite format 3" at byte 0: GeoPackage;</li>
 *   <li>a first word ncols, nrows, xllcorner, ... (any case): ESRI ASCII grid;</li>
 *   <li>a delimited header line with x and y columns by their usual names: point CSV.</li>
 * </ul>
 * Anything else is an {@link UnsupportedFormatException} naming what the file looks like.
 */
public final class FeatureReaders {
    private FeatureReaders() {
    }

    /** The format of a file, from its content (and its extension for Shapefile side files). */
    public static FeatureFormat detect(Path file) {
        String ext = extension(file);
        if (ext.equals("dbf") || ext.equals("shx") || ext.equals("prj") || ext.equals("cpg")) {
            return FeatureFormat.SHAPEFILE;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
        if (head.length >= 4 && ByteBuffer.wrap(head).getInt(0) == 9994) {
            return FeatureFormat.SHAPEFILE;
        }
        if (new String(head, 0, Math.min(16, head.length), StandardCharsets.ISO_8859_1)
                .equals(GeoPackageReader.SQLITE_MAGIC)) {
            return FeatureFormat.GEOPACKAGE;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3);
        }
        if (text.startsWith("AutoCAD Binary DXF")) {
            return FeatureFormat.DXF;
        }
        String s = text.stripLeading();
        if (s.startsWith("GOCAD ")) {
            return FeatureFormat.GOCAD;
        }
        if (s.startsWith("{")) {
            return FeatureFormat.GEOJSON;
        }
        if (isDxf(s)) {
            return FeatureFormat.DXF;
        }
        String firstWord = s.split("\\s", 2)[0].toLowerCase(Locale.ROOT);
        if (AsciiGridReader.KEYS.contains(firstWord)) {
            return FeatureFormat.ASCII_GRID;
        }
        if (isPointCsv(s)) {
            return FeatureFormat.CSV_POINTS;
        }
        String what = head.length == 0 ? "an empty file" : s.isEmpty() ? "blank text"
                : "a file beginning \"" + printable(s) + "\"";
        throw new UnsupportedFormatException(file.toString(), "not a GOCAD, Shapefile, GeoJSON, DXF, GeoPackage, ESRI ASCII grid or point CSV file: "
                + what + (ext.isEmpty() ? "" : " (extension ." + ext + ")"));
    }

    private static boolean isDxf(String s) {
        String[] lines = s.split("\r\n|\n|\r", 64);
        int i = 0;
        while (i + 1 < lines.length && lines[i].strip().equals("999")) {
            i += 2;
        }
        return i + 1 < lines.length && lines[i].strip().equals("0") && lines[i + 1].strip().equals("SECTION");
    }

    /** A first line with a comma, tab or semicolon whose fields include x and y columns by their usual names. */
    private static boolean isPointCsv(String s) {
        String first = s.lines().findFirst().orElse("");
        char d = first.indexOf('\t') >= 0 ? '\t' : first.indexOf(';') > first.indexOf(',') ? ';' : ',';
        if (first.indexOf(d) < 0) {
            return false;
        }
        String[] header = first.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].strip().replace("\"", "");
        }
        return PointCsvReader.columns(header, PointCsvOptions.defaults()).isPresent();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 24; i++) {
            char c = s.charAt(i);
            b.append(c >= 32 && c < 127 ? c : '.');
        }
        return b.toString();
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a file with the reader {@link #detect(Path)} picks.
     *
     * @throws org.geoassure.geodb.InvalidContentException for bad content
     * @throws UnsupportedFormatException when no reader applies, or the reader refuses the kind of file
     * @throws org.geoassure.geodb.StorageException when the file cannot be read
     */
    public static FeatureFile read(Path file, FeatureOptions options) {
        return switch (detect(file)) {
            case GOCAD -> GocadReader.read(file, options);
            case SHAPEFILE -> ShapefileReader.read(shp(file), options);
            case GEOJSON -> GeoJsonReader.read(file, options);
            case DXF -> DxfReader.read(file, options);
            case GEOPACKAGE -> onlyTable(file, options);
            case ASCII_GRID -> AsciiGridReader.read(file, options);
            case CSV_POINTS -> PointCsvReader.read(file, options.encoding().isEmpty() ? PointCsvOptions.defaults()
                    : PointCsvOptions.defaults().withEncoding(options.encoding().get()));
        };
    }

    /** A GeoPackage's single feature table; one with several tables is read with {@link GeoPackageReader}. */
    private static FeatureFile onlyTable(Path file, FeatureOptions options) {
        java.util.List<String> tables = GeoPackageReader.featureTables(file);
        if (tables.size() != 1) {
            throw new UnsupportedFormatException(file.toString(), "a GeoPackage with " + tables.size()
                    + " feature tables (" + String.join(", ", tables) + "): read them one layer each with "
                    + "GeoPackageReader");
        }
        return GeoPackageReader.read(file, tables, options).get(0).file();
    }

    private static Path shp(Path file) {
        String ext = extension(file);
        if (!(ext.equals("dbf") || ext.equals("shx") || ext.equals("prj") || ext.equals("cpg"))) {
            return file;
        }
        String n = file.getFileName().toString();
        String base = n.substring(0, n.length() - ext.length());
        for (String e : new String[] {"shp", "SHP"}) {
            Path p = file.resolveSibling(base + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new UnsupportedFormatException(file.toString(), "a Shapefile ." + ext + " without its .shp beside it");
    }
}
