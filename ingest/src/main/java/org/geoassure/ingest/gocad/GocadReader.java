package org.geoassure.ingest.gocad;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.SourceCrs;
import org.geoassure.ingest.feature.internal.SourceFiles;
import org.geoassure.ingest.gocad.internal.GocadParser;

/** Reads a GOCAD ASCII file (TSurf, TSolid, PLine, VSet, Well, groups) into features. See the package documentation. */
public final class GocadReader {
    private GocadReader() {
    }

    /**
     * Reads a file.
     *
     * @param file the GOCAD file; messages name it as given
     * @param options the encoding (default ISO-8859-1, which decodes any byte)
     * @throws InvalidContentException for bad content, as {@code file:line: reason}
     * @throws org.geoassure.geodb.UnsupportedFormatException when the file is not GOCAD ASCII or its first object
     *     is of a type not read (Voxet, SGrid, GSurf, ...)
     * @throws StorageException when the file cannot be read
     */
    public static FeatureFile read(Path file, FeatureOptions options) {
        Charset cs = options.encoding().orElse(StandardCharsets.ISO_8859_1);
        GocadParser.Result r;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), cs), 1 << 16)) {
            r = new GocadParser(file.toString(), in).parse();
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
        SourceCrs crs = r.crsName() == null ? null : new SourceCrs(0, r.crsName());
        return new FeatureFile(FeatureFormat.GOCAD, List.of(SourceFiles.of("gocad", file, r.features().size())), crs,
                r.features(), r.warnings());
    }
}
