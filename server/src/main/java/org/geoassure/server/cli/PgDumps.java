package org.geoassure.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.postgis.PostgisWorkspaces;

/**
 * Backup and restore of a PostGIS workspace with PostgreSQL's own tools: {@code pg_dump -Fc -n SCHEMA} (one
 * consistent snapshot) and {@code pg_restore --single-transaction} (all or nothing). The tools are found on the
 * {@code PATH}; connection settings go to them as libpq environment variables, never on the command line.
 */
final class PgDumps {
    /** A pg_dump custom-format archive starts with these bytes. */
    private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SCHEMA_ENTRY = Pattern.compile("^\\d+; \\d+ \\d+ SCHEMA - (\\S+) ", Pattern.MULTILINE);

    private PgDumps() {
    }

    /** Whether {@code file} is a pg_dump custom-format archive. */
    static boolean isDump(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Dumps the workspace's schema to {@code file} (which must not exist), through a temporary file beside it. */
    static void dump(PostgisLocation ws, Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs)) {
            throw new InvalidContentException(file + ": a file already exists there; choose a new backup path");
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".partial");
        try {
            run(ws, List.of("pg_dump", "-Fc", "--no-owner", "-n", ws.schema(), "-f", tmp.toString()));
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException("cannot back up schema " + ws.schema() + " to " + file + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /**
     * Restores a dump into the workspace the locator names: the dump must hold that schema; an existing schema is
     * refused unless {@code replace}, which drops it first (so a failed restore then leaves no workspace).
     *
     * @return the check's findings on the restored workspace (empty when sound)
     */
    static List<String> restore(Path file, PostgisLocation ws, boolean replace) {
        String listing = run(ws, List.of("pg_restore", "-l", file.toString()));
        List<String> schemas = new ArrayList<>();
        Matcher m = SCHEMA_ENTRY.matcher(listing);
        while (m.find()) {
            schemas.add(m.group(1));
        }
        if (!schemas.equals(List.of(ws.schema()))) {
            throw new InvalidContentException(file + ": holds schema(s) " + schemas + ", not the workspace's schema "
                    + ws.schema() + "; restore it to a locator naming that schema");
        }
        Properties cred = ws.credentials(System.getenv());
        if (schemaExists(ws, cred)) {
            if (!replace) {
                throw new InvalidContentException(ws.schema() + ": the workspace schema already exists; give --force to "
                        + "replace it");
            }
            PostgisWorkspaces.drop(ws.url(), cred, ws.schema());
        }
        run(ws, List.of("pg_restore", "--single-transaction", "--exit-on-error", "--no-owner", "-d",
                libpq(ws).get("PGDATABASE"), file.toString()));
        try (WorkspaceStore store = ws.open()) {
            return store.check();
        }
    }

    private static boolean schemaExists(PostgisLocation ws, Properties cred) {
        try (Connection c = DriverManager.getConnection(ws.url(), cred);
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, ws.schema());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot reach " + ws.url() + ": " + e.getMessage(), e);
        }
    }

    /** libpq settings from the JDBC URL and the credentials. */
    private static Map<String, String> libpq(PostgisLocation ws) {
        String rest = ws.url().substring("jdbc:".length());
        URI uri = URI.create(rest);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new InvalidContentException(ws.url() + ": pg_dump needs a URL of the form "
                    + "jdbc:postgresql://host:port/database");
        }
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PGHOST", uri.getHost());
        env.put("PGPORT", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()));
        env.put("PGDATABASE", uri.getPath().substring(1));
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                if (kv.startsWith("user=")) {
                    env.put("PGUSER", kv.substring("user=".length()));
                }
            }
        }
        Properties cred = ws.credentials(System.getenv());
        if (cred.getProperty("user") != null) {
            env.put("PGUSER", cred.getProperty("user"));
        }
        if (cred.getProperty("password") != null) {
            env.put("PGPASSWORD", cred.getProperty("password"));
        }
        return env;
    }

    /** Runs a PostgreSQL tool; returns its standard output, or throws with its standard error. */
    private static String run(PostgisLocation ws, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(libpq(ws));
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread drain = new Thread(() -> {
                try {
                    err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.complete(e.toString());
                }
            });
            drain.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            drain.join();
            if (code != 0) {
                throw new InvalidContentException(command.get(0) + " failed (exit " + code + "): "
                        + err.join().strip().replace('\n', ' '));
            }
            return out;
        } catch (IOException e) {
            throw new InvalidContentException(command.get(0) + " is not on the PATH (" + e.getMessage() + "); install "
                    + "the PostgreSQL client tools (e.g. /usr/lib/postgresql/15/bin) to back up a PostGIS workspace");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(command.get(0) + " interrupted", e);
        }
    }
}
