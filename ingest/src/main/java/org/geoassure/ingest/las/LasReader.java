package org.geoassure.ingest.las;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.ingest.las.internal.LasParser;

/**
 * Reads a LAS 1.2, 2.0 or 3.0 well-log file into an immutable {@link LasFile}. See the package documentation for
 * what is read and how.
 */
public final class LasReader {
    /** windows-1252, the fallback for files that are not valid UTF-8. */
    public static final Charset CP1252 = Charset.forName("windows-1252");

    private LasReader() {
    }

    /**
     * Reads a file.
     *
     * @param file the LAS file; messages name it as given
     * @throws InvalidContentException for bad content, as {@code file:line: reason}
     * @throws org.geoassure.geodb.UnsupportedFormatException when the file is not LAS, or uses what is not read
     * @throws StorageException when the file cannot be read
     */
    public static LasFile read(Path file, LasOptions options) {
        String name = file.toString();
        Map<Integer, BitSet> text = new HashMap<>();
        Charset forced = options.encoding().orElse(null);
        boolean fallback = false;
        try {
            long size = Files.size(file);
            for (int attempt = 0;; attempt++) {
                Bom bom = bom(file);
                Charset cs = forced != null ? forced : bom.charset != null ? bom.charset
                        : fallback ? CP1252 : StandardCharsets.UTF_8;
                // windows-1252 leaves 5 bytes unmapped: replaced, so that the fallback reads any file
                CodingErrorAction onError = fallback ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
                CharsetDecoder dec = cs.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    in.skipNBytes(bom.charset != null && (forced == null || forced.equals(bom.charset)) ? bom.length : 0);
                    Reader r = new InputStreamReader(in, dec);
                    LasParser.Result res = new LasParser(name, r, size, options, text).parse();
                    return assemble(name, res, cs, bom.charset != null);
                } catch (LasParser.TextColumnFound t) {
                    BitSet cols = text.computeIfAbsent(t.table, k -> new BitSet());
                    if (cols.get(t.column)) {
                        throw new IllegalStateException("column " + t.column + " found text twice");
                    }
                    cols.set(t.column);
                } catch (CharacterCodingException e) {
                    if (forced != null || bom.charset != null || fallback) {
                        throw new InvalidContentException(name, -1, "not valid " + cs.name() + " text"
                                + (forced != null ? "" : " although it starts with a " + cs.name() + " byte-order mark")
                                + ": give the file's encoding");
                    }
                    fallback = true;
                }
            }
        } catch (NoSuchFileException e) {
            throw new StorageException(name + ": no such file", e);
        } catch (IOException e) {
            throw new StorageException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private record Bom(Charset charset, int length) {
    }

    private static Bom bom(Path file) throws IOException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 3);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Bom(StandardCharsets.UTF_8, 3);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        }
        return new Bom(null, 0);
    }

    private static LasFile assemble(String name, LasParser.Result res, Charset cs, boolean bom) {
        List<LasTable> tables = new ArrayList<>();
        for (LasParser.RawTable t : res.tables()) {
            List<Curve> curves = new ArrayList<>(t.columns().size());
            for (int c = 0; c < t.columns().size(); c++) {
                curves.add(new Curve(t.columns().get(c), t.numbers()[c], t.texts()[c], t.rows()));
            }
            tables.add(new LasTable(t.name(), t.definition(), t.line(), t.rows(), curves));
        }
        return new LasFile(name, res.version(), res.wrapped(), res.nullValue(), cs, bom, res.sections(), tables,
                res.warnings());
    }
}
