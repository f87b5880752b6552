package org.geoassure.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;

/**
 * API tokens with roles, for {@code serve --tokens FILE}. The file holds one token per line, {@code ROLE SHA256 [NAME]}
 * (the SHA-256 of the token in hex: tokens are kept hashed at rest; {@code #} starts a comment). Roles, each allowing
 * what the ones before it allow: {@code viewer} (reads: the viewer, queries, exports, hazards, alerts),
 * {@code geologist} (also writes readings), {@code admin} (everything).
 */
final class ApiTokens {
    /** The roles, weakest first. */
    enum Role {
        VIEWER, GEOLOGIST, ADMIN
    }

    private final Map<String, Role> byHash;
    private final boolean anonymousRead;

    private ApiTokens(Map<String, Role> byHash, boolean anonymousRead) {
        this.byHash = Map.copyOf(byHash);
        this.anonymousRead = anonymousRead;
    }

    /** One token of one role (e.g. the demo's printed admin token); requests without a token read when asked. */
    static ApiTokens of(String token, Role role, boolean anonymousRead) {
        return new ApiTokens(Map.of(sha256(token), role), anonymousRead);
    }

    /** The same tokens, with reads without a token allowed or not. */
    ApiTokens withAnonymousRead(boolean allowed) {
        return new ApiTokens(byHash, allowed);
    }

    /** Whether a request without a token may read. */
    boolean anonymousRead() {
        return anonymousRead;
    }

    /** Reads a token file; exit 2 naming the file and line for a bad line. */
    static ApiTokens read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidContentException("--tokens: no such file " + file);
        } catch (IOException e) {
            throw new StorageException("--tokens: cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Role> m = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            Role role;
            try {
                role = Role.valueOf(f[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException(file.toString(), i + 1, "role '" + f[0] + "' is not one of viewer, "
                        + "geologist, admin");
            }
            if (f.length < 2 || !f[1].matches("[0-9a-fA-F]{64}")) {
                throw new InvalidContentException(file.toString(), i + 1, "expected ROLE SHA256 [NAME], the SHA-256 "
                        + "of the token as 64 hex digits (printf %s TOKEN | sha256sum)");
            }
            m.put(f[1].toLowerCase(Locale.ROOT), role);
        }
        if (m.isEmpty()) {
            throw new InvalidContentException("--tokens: " + file + " holds no token");
        }
        return new ApiTokens(m, false);
    }

    /** The role of a token, or null when it is not known. */
    Role role(String token) {
        return token == null ? null : byHash.get(sha256(token));
    }

    static String sha256(String token) {
        return Sha256.hex(token);
    }
}
