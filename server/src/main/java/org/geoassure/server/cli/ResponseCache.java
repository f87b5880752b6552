package org.geoassure.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Made responses (GLB scenes) kept in memory by request and workspace version, least recently used first out, within
 * a byte bound. A workspace only changes by ingests, so a response made at one version (see
 * {@link StorePool.Lease#version}) is the answer to the same request until the next ingest; the version is part of
 * the key and of the entity tag, so nothing needs invalidating. Two requests that miss at once both make the
 * response; the second replaces the first.
 */
final class ResponseCache {
    /** A response and its entity tag. */
    record Entry(byte[] body, String etag) {
    }

    /** Makes a response body. */
    @FunctionalInterface
    interface Maker {
        void write(OutputStream out) throws IOException;
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The cached response to {@code request} at {@code version}, made with {@code maker} when missing. */
    Entry get(String request, String version, Maker maker) throws IOException {
        String key = version + " " + request;
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null) {
                hits++;
                return e;
            }
            misses++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        maker.write(out);
        Entry e = new Entry(out.toByteArray(), etag(key));
        if (e.body().length <= maxBytes / 4) { // one response may not push out most of the others
            synchronized (this) {
                Entry old = entries.put(key, e);
                bytes += e.body().length - (old == null ? 0 : old.body().length);
                Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
                while (bytes > maxBytes && it.hasNext()) {
                    bytes -= it.next().getValue().body().length;
                    it.remove();
                }
            }
        }
        return e;
    }

    /** Bytes held now. */
    synchronized long bytes() {
        return bytes;
    }

    /** Hits and misses so far. */
    synchronized long[] counts() {
        return new long[] {hits, misses};
    }

    private static String etag(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(h, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
