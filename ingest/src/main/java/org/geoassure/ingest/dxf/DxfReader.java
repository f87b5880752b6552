package org.geoassure.ingest.dxf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.ingest.dxf.internal.DxfParser;
import org.geoassure.ingest.dxf.internal.GroupReader;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.internal.SourceFiles;

/** Reads an ASCII DXF file into features. See the package documentation. */
public final class DxfReader {
    /** The first bytes of a binary DXF file. */
    public static final String BINARY_SENTINEL = "AutoCAD Binary DXF\r\n\u001a\0";

    private DxfReader() {
    }

    /**
     * Reads a file.
     *
     * @param file the DXF file; messages name it as given
     * @param options the text encoding, overriding the file's own ($ACADVER AC1021 or later: UTF-8; else
     *     $DWGCODEPAGE; else windows-1252)
     * @throws InvalidContentException for bad content, as {@code file:line: reason}
     * @throws UnsupportedFormatException for binary DXF
     * @throws org.geoassure.geodb.StorageException when the file cannot be read
     */
    public static FeatureFile read(Path file, FeatureOptions options) {
        String name = file.toString();
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(22);
            }
            if (new String(head, StandardCharsets.ISO_8859_1).startsWith("AutoCAD Binary DXF")) {
                throw new UnsupportedFormatException(name, "binary DXF is not read: save the drawing as ASCII DXF");
            }
            Charset cs = options.encoding().orElse(null);
            if (cs == null) {
                cs = sniffCharset(file);
            }
            DxfParser.Result r;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), cs),
                    1 << 16)) {
                r = new DxfParser(name, new GroupReader(in, name)).parse();
            }
            List<String> warnings = new ArrayList<>(r.warnings());
            return new FeatureFile(FeatureFormat.DXF, List.of(SourceFiles.of("dxf", file, r.features().size())), null,
                    r.features(), warnings);
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
    }

    /** UTF-8 from AC1021 (R2007) on; else the $DWGCODEPAGE (ANSI_1252, ANSI_936, ...); else windows-1252. */
    private static Charset sniffCharset(Path file) throws IOException {
        String version = "";
        String codepage = "";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.ISO_8859_1))) {
            GroupReader g = new GroupReader(in, file.toString());
            String var = null;
            int pairs = 0;
            while (g.next() && pairs++ < 100_000) {
                if (g.is("ENDSEC") || g.is("ENTITIES")) {
                    break;
                }
                if (g.code() == 9) {
                    var = g.text();
                } else if ("$ACADVER".equals(var) && g.code() == 1) {
                    version = g.text();
                } else if ("$DWGCODEPAGE".equals(var) && g.code() == 3) {
                    codepage = g.text();
                }
            }
        } catch (InvalidContentException e) {
            // the real parse reports it with the right charset
        }
        if (version.compareTo("AC1021") >= 0) {
            return StandardCharsets.UTF_8;
        }
        String cp = codepage.toUpperCase(java.util.Locale.ROOT);
        String cs = switch (cp) {
            case "ANSI_936" -> "GBK";
            case "ANSI_932" -> "windows-31j";
            case "ANSI_949" -> "x-windows-949";
            case "ANSI_950" -> "x-windows-950";
            case "ANSI_874" -> "x-windows-874";
            default -> cp.startsWith("ANSI_125") ? "windows-" + cp.substring(5) : "windows-1252";
        };
        return Charset.isSupported(cs) ? Charset.forName(cs) : Charset.forName("windows-1252");
    }
}
