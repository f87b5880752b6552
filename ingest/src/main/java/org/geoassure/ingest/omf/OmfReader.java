package org.geoassure.ingest.omf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.ingest.feature.internal.SourceFiles;
import org.geoassure.ingest.omf.internal.Mapper;
import org.geoassure.ingest.omf.internal.Omf1Reader;
import org.geoassure.ingest.omf.internal.Omf2Reader;
import org.geoassure.ingest.omf.internal.ZipMembers;

/** Reads an Open Mining Format file, version 1 or 2, into features and block models. See the package documentation. */
public final class OmfReader {
    private OmfReader() {
    }

    /** Whether a file starts like an OMF 1 file (magic {@code 84 83 82 81}) or a zip (a possible OMF 2 file). */
    public static boolean looksLikeOmf(Path file) {
        byte[] head = head(file);
        return isOmf1(head) || isZip(head);
    }

    /**
     * Reads a file: OMF 1 by its magic bytes, OMF 2 when it is a zip with {@code index.json.gz}.
     *
     * @throws InvalidContentException for bad content, naming the file, the element and the member or byte offset
     * @throws UnsupportedFormatException for a file that is not OMF (or is the omf-python 2.0 alpha format), and for
     *     elements GeoAssure cannot store unless {@link OmfOptions#skipUnsupported()}
     * @throws StorageException when the file cannot be read
     */
    public static OmfFile read(Path file, OmfOptions options) {
        byte[] head = head(file);
        String source = file.toString();
        Mapper m = new Mapper(source, options.skipUnsupported());
        JsonNode project;
        int version;
        String date;
        if (isOmf1(head)) {
            Omf1Reader r = new Omf1Reader(file, m);
            r.read();
            project = r.project();
            version = 1;
            date = project.path("date_created").asText("");
        } else if (isZip(head)) {
            Map<String, byte[]> members = ZipMembers.read(file);
            Omf2Reader r = new Omf2Reader(source, members, m);
            r.read();
            project = r.project();
            version = 2;
            date = project.path("date").asText("");
        } else {
            throw new UnsupportedFormatException(source, head.length == 0 ? "an empty file, not OMF"
                    : "not an OMF file: neither the OMF 1 magic bytes 84 83 82 81 nor a zip (OMF 2)");
        }
        SourceFile sf = new SourceFile("omf", source, SourceFiles.sha256(file), m.elements().size());
        return new OmfFile(version, project.path("name").asText(""), project.path("description").asText(""),
                project.path("author").asText(""), date, sf, m.elements(), m.features(), m.blocks(), m.warnings());
    }

    private static boolean isOmf1(byte[] h) {
        return h.length >= 4 && (h[0] & 0xff) == 0x84 && (h[1] & 0xff) == 0x83 && (h[2] & 0xff) == 0x82
                && (h[3] & 0xff) == 0x81;
    }

    private static boolean isZip(byte[] h) {
        return h.length >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 || h[2] == 5) && (h[3] == 4 || h[3] == 6);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
    }
}
