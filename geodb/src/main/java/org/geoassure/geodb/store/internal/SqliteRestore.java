package org.geoassure.geodb.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.geoassure.geodb.GeoDbException;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;

/**
 * Puts a backup (a workspace file written by {@link SqliteStore#backupTo}) in place as a workspace: copies it beside
 * the target, opens and checks the copy, then moves it over the target in one rename. Internal.
 */
public final class SqliteRestore {
    private SqliteRestore() {
    }

    /**
     * Restores {@code backup} to {@code target}.
     *
     * @param replace whether an existing workspace at {@code target} may be replaced; nothing may have it open
     * @throws InvalidContentException if the backup is missing, is not a workspace, fails its check (the findings
     *     are in the message), or the target exists and {@code replace} is false; the target is then untouched
     */
    public static void restore(Path backup, Path target, boolean replace) {
        if (!Files.isRegularFile(backup)) {
            throw new InvalidContentException(backup + ": no backup file there");
        }
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs) && !replace) {
            throw new InvalidContentException(target + ": a workspace already exists there; restore to a new path, "
                    + "or give --force to replace it");
        }
        if (Files.isDirectory(abs)) {
            throw new InvalidContentException(target + ": is a directory");
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".restoring");
        try {
            Files.copy(backup, tmp, StandardCopyOption.REPLACE_EXISTING);
            List<String> findings;
            try (SqliteStore copy = SqliteStore.open(tmp)) {
                findings = copy.check();
            } catch (GeoDbException e) {
                throw new InvalidContentException(backup + ": not a usable workspace backup ("
                        + e.getMessage().replace(tmp.toString(), backup.toString()) + ")");
            }
            if (!findings.isEmpty()) {
                throw new InvalidContentException(backup + ": the backup fails its integrity check; nothing restored: "
                        + String.join("; ", findings));
            }
            if (Files.exists(abs)) {
                emptyWal(abs);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException("cannot restore " + backup + " to " + target + ": " + e, e);
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                try {
                    Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + suffix));
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /**
     * Checkpoints and removes the write-ahead log of the workspace about to be replaced: a log left beside the new
     * file would be replayed into it.
     */
    private static void emptyWal(Path ws) throws IOException {
        Path wal = ws.resolveSibling(ws.getFileName() + "-wal");
        Path shm = ws.resolveSibling(ws.getFileName() + "-shm");
        if (Files.exists(wal)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws);
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                // a damaged workspace being replaced: its log is dropped below
            }
        }
        Files.deleteIfExists(wal);
        Files.deleteIfExists(shm);
    }
}
