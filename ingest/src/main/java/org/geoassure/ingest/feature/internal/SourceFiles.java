package org.geoassure.ingest.feature.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.model.SourceFile;

/** SHA-256 of source files, and I/O errors as {@link StorageException}s naming the file. */
public final class SourceFiles {
    private SourceFiles() {
    }

    /** The file as a {@link SourceFile}: its name as given, its SHA-256 and the rows (features) read from it. */
    public static SourceFile of(String role, Path file, long rows) {
        return new SourceFile(role, file.toString(), sha256(file), rows);
    }

    /** Hex SHA-256 of the file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw io(file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An I/O failure on a file, as a {@link StorageException}. */
    public static StorageException io(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new StorageException(file + ": no such file", e);
        }
        return new StorageException(file + ": cannot read: " + e.getMessage(), e);
    }
}
