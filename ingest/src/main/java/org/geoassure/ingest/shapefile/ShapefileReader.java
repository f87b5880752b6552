package org.geoassure.ingest.shapefile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.SourceCrs;
import org.geoassure.ingest.feature.internal.EsriWkt;
import org.geoassure.ingest.feature.internal.SourceFiles;
import org.geoassure.ingest.shapefile.internal.Dbf;
import org.geoassure.ingest.shapefile.internal.ShpGeometry;
import org.locationtech.jts.geom.Geometry;

/** Reads an ESRI Shapefile (.shp with its .dbf, .shx, .prj, .cpg) into features. See the package documentation. */
public final class ShapefileReader {
    /** The .shp file code (big-endian int at byte 0). */
    public static final int FILE_CODE = 9994;
    /** Largest record content accepted, in bytes. */
    public static final int MAX_RECORD = 1 << 28;


    private ShapefileReader() {
    }

    /**
     * Reads a Shapefile.
     *
     * @param shp the .shp file (the others are found beside it by name, any case of extension)
     * @param options the encoding of the DBF text, overriding .cpg and the language byte
     * @throws InvalidContentException for bad content: {@code file: byte offset N: record R: reason}
     * @throws UnsupportedFormatException for a MultiPatch file, or a file that is not a Shapefile
     * @throws org.geoassure.geodb.StorageException when a file cannot be read
     */
    public static FeatureFile read(Path shp, FeatureOptions options) {
        String name = shp.toString();
        List<String> warnings = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        List<SourceFile> sources = new ArrayList<>();
        Path dbfPath = sibling(shp, "dbf");
        Path shxPath = sibling(shp, "shx");
        Path prjPath = sibling(shp, "prj");
        Path cpgPath = sibling(shp, "cpg");
        try {
            long size = Files.size(shp);
            Charset cs = options.encoding().orElse(null);
            if (cs == null && cpgPath != null) {
                cs = cpg(cpgPath, warnings);
            }
            SourceCrs crs = null;
            if (prjPath != null) {
                String wkt = Files.readString(prjPath, StandardCharsets.ISO_8859_1).strip();
                if (!wkt.isEmpty()) {
                    crs = new SourceCrs(epsg(wkt), wkt);
                }
            }
            Dbf dbf = null;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(shp), 1 << 16)) {
                if (dbfPath != null) {
                    dbf = new Dbf(dbfPath, cs);
                    if (!dbf.skipped().isEmpty()) {
                        warnings.add(dbfPath + ": fields not read: " + String.join(", ", dbf.skipped()));
                    }
                } else {
                    warnings.add(name + ": no .dbf beside it: features have no attributes");
                }
                byte[] head = in.readNBytes(100);
                ByteBuffer h = ByteBuffer.wrap(head);
                if (head.length < 100 || h.getInt(0) != FILE_CODE) {
                    throw new UnsupportedFormatException(name, "not an ESRI Shapefile: no file code 9994 in a"
                            + " 100-byte header");
                }
                long declared = 2L * h.getInt(24);
                if (declared != size) {
                    warnings.add(name + ": header says " + declared + " bytes, the file has " + size);
                }
                h.order(ByteOrder.LITTLE_ENDIAN);
                int version = h.getInt(28);
                if (version != 1000) {
                    throw new InvalidContentException(name, -1, "byte offset 28: version " + version
                            + ", expected 1000");
                }
                int layerType = h.getInt(32);
                if (layerType == 31) {
                    throw new UnsupportedFormatException(name, "MultiPatch Shapefile (type 31) is not read");
                }
                if (ShpGeometry.baseType(layerType) < 0 || layerType == 0) {
                    throw new InvalidContentException(name, -1, "byte offset 32: shape type " + layerType
                            + " is not a Shapefile type");
                }
                ShpGeometry decoder = new ShpGeometry(name, warnings);
                Map<String, Object> row = Dbf.row();
                long offset = 100;
                int rec = 0;
                int nulls = 0;
                int deleted = 0;
                byte[] rh = new byte[8];
                while (true) {
                    int n = in.readNBytes(rh, 0, 8);
                    if (n == 0) {
                        break;
                    }
                    if (n < 8) {
                        throw new InvalidContentException(name, -1, "byte offset " + offset
                                + ": file ends inside a record header");
                    }
                    rec++;
                    ByteBuffer r = ByteBuffer.wrap(rh);
                    int number = r.getInt(0);
                    long len = 2L * r.getInt(4);
                    if (len < 4 || len > MAX_RECORD || offset + 8 + len > size) {
                        throw new InvalidContentException(name, -1, "byte offset " + offset + ": record " + rec
                                + ": content length " + len + " bytes does not fit in the file's " + size + " bytes");
                    }
                    if (number != rec) {
                        warnings.add(name + ": byte offset " + offset + ": record numbered " + number + ", expected "
                                + rec);
                    }
                    byte[] content = in.readNBytes((int) len);
                    Geometry g = decoder.decode(ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN), layerType,
                            offset, rec);
                    boolean live = true;
                    if (dbf != null) {
                        if (rec > dbf.records()) {
                            throw new InvalidContentException(name, -1, "byte offset " + offset + ": record " + rec
                                    + " has no row in " + dbfPath + " (" + dbf.records() + " rows)");
                        }
                        live = dbf.next(row);
                    }
                    offset += 8 + len;
                    if (!live) {
                        deleted++;
                        continue;
                    }
                    if (g == null) {
                        nulls++;
                        continue;
                    }
                    String id = Integer.toString(rec);
                    features.add(Feature.of(id, displayName(row, id), "", g, row));
                }
                if (dbf != null && dbf.records() != rec) {
                    throw new InvalidContentException(dbfPath.toString(), -1, dbf.records() + " rows, but " + name
                            + " has " + rec + " records");
                }
                if (nulls > 0) {
                    warnings.add(name + ": " + nulls + " record(s) with a null shape skipped");
                }
                if (deleted > 0) {
                    warnings.add(dbfPath + ": " + deleted + " record(s) marked deleted skipped");
                }
                sources.add(SourceFiles.of("shp", shp, rec));
            } finally {
                if (dbf != null) {
                    dbf.close();
                }
            }
            if (shxPath != null) {
                long shx = Files.size(shxPath);
                long expected = 100 + 8L * sources.get(0).rows();
                if (shx != expected) {
                    warnings.add(shxPath + ": " + shx + " bytes, expected " + expected + " for "
                            + sources.get(0).rows() + " records (the index is not used)");
                }
                sources.add(SourceFiles.of("shx", shxPath, (shx - 100) / 8));
            }
            for (Path p : new Path[] {dbfPath, prjPath, cpgPath}) {
                if (p != null) {
                    String ext = p.getFileName().toString();
                    sources.add(SourceFiles.of(ext.substring(ext.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), p,
                            p == dbfPath ? sources.get(0).rows() : 0));
                }
            }
            return new FeatureFile(FeatureFormat.SHAPEFILE, sources, crs, features, warnings);
        } catch (IOException e) {
            throw SourceFiles.io(shp, e);
        }
    }

    private static String displayName(Map<String, Object> row, String id) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase("name") && e.getValue() instanceof String s) {
                return s;
            }
        }
        return id;
    }

    /** The file with the same base name and extension {@code ext} in any case, or null. */
    static Path sibling(Path shp, String ext) {
        String f = shp.getFileName().toString();
        int dot = f.lastIndexOf('.');
        String base = dot < 0 ? f : f.substring(0, dot);
        Path dir = shp.toAbsolutePath().getParent();
        for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
            Path p = shp.resolveSibling(base + "." + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        if (dir != null) {
            try (var s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + ext)).findFirst()
                        .map(p -> shp.resolveSibling(p.getFileName())).orElse(null);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static Charset cpg(Path cpg, List<String> warnings) throws IOException {
        String t = Files.readString(cpg, StandardCharsets.ISO_8859_1).strip();
        if (t.isEmpty()) {
            return null;
        }
        String name = t.equals("65001") ? "UTF-8" : t.matches("\\d+") ? "windows-" + t : t;
        if (t.matches("\\d+") && !t.startsWith("12") && !t.equals("65001")) {
            name = t.equals("936") ? "GBK" : t.equals("950") ? "x-windows-950" : t.equals("932") ? "windows-31j"
                    : "IBM" + t;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            warnings.add(cpg + ": code page \"" + t + "\" is not known: the .dbf language byte or ISO-8859-1 is used");
            return null;
        }
    }

    /**
     * The EPSG code of a .prj WKT when obvious (see {@link EsriWkt#epsg}), else 0.
     */
    static int epsg(String wkt) {
        return EsriWkt.epsg(wkt);
    }
}
