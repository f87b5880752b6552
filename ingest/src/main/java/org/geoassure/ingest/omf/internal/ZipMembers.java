package org.geoassure.ingest.omf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.ingest.feature.internal.SourceFiles;

/**
 * The members of a zip file (an OMF v2 container), read in one pass with {@link ZipInputStream} (which, unlike
 * {@code ZipFile}, accepts the zip64 extra fields omf-rust writes on every JDK). Sizes in the headers are not trusted:
 * each member grows as it is read, and the total may not pass the heap the JVM has left.
 */
public final class ZipMembers {
    private ZipMembers() {
    }

    /** Member names to contents, in file order. */
    public static Map<String, byte[]> read(Path file) {
        String source = file.toString();
        Map<String, byte[]> members = new LinkedHashMap<>();
        long total = 0;
        Runtime rt = Runtime.getRuntime();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            byte[] buf = new byte[1 << 16];
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                String name = e.getName();
                if (members.containsKey(name)) {
                    throw new InvalidContentException(source, -1, "zip member " + name + " appears twice");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int n; (n = zip.read(buf)) > 0;) {
                    out.write(buf, 0, n);
                    total += n;
                    if (total > (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 2) {
                        throw new InvalidContentException(source, -1, "zip member " + name + ": the members take "
                                + "more than half the heap this JVM has left (" + (total >> 20) + " MB read); give it "
                                + "more with -Xmx");
                    }
                }
                members.put(name, out.toByteArray());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new InvalidContentException(source, -1, "not a readable zip file (an OMF v2 container): "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            // ZipInputStream's refusal of a malformed name or extra field
            throw new InvalidContentException(source, -1, "not a readable zip file (an OMF v2 container): "
                    + e.getMessage());
        } catch (IOException e) {
            throw SourceFiles.io(file, e);
        }
        if (members.isEmpty()) {
            throw new InvalidContentException(source, -1, "a zip file without members (not an OMF v2 file)");
        }
        return members;
    }

    /** A member's bytes read fully (for gzip members inside the zip), as at most {@code limit} bytes. */
    static byte[] readAll(InputStream in, long limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0;) {
            out.write(buf, 0, n);
            if (out.size() > limit) {
                throw new IOException(what + " is larger than " + limit + " bytes");
            }
        }
        return out.toByteArray();
    }
}
