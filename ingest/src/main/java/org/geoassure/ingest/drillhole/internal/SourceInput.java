package org.geoassure.ingest.drillhole.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file input stream that computes the SHA-256 of the bytes read and counts them for progress. */
public final class SourceInput extends InputStream {
    private final InputStream in;
    private final MessageDigest sha;
    private final ProgressTracker progress;
    private long bytes;

    /** Opens a file. */
    public SourceInput(Path file, ProgressTracker progress) throws IOException {
        this.in = Files.newInputStream(file);
        this.progress = progress;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha.update((byte) b);
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) {
            sha.update(buf, off, n);
            count(n);
        }
        return n;
    }

    private void count(int n) {
        bytes += n;
        progress.add(n);
    }

    /** Reads the rest of the file (so that the checksum covers all of it). */
    public void drain() throws IOException {
        byte[] buf = new byte[1 << 16];
        while (read(buf, 0, buf.length) >= 0) {
            // digest only
        }
    }

    /** Bytes read so far. */
    public long bytes() {
        return bytes;
    }

    /** Hex SHA-256 of the bytes read so far (call once, after {@link #drain()}). */
    public String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
