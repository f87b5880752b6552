package org.geoassure.server.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: of request bodies and rule files (provenance) and of API tokens (kept hashed). */
final class Sha256 {
    private Sha256() {
    }

    static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Of the UTF-8 bytes of {@code text}. */
    static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
