package org.geoassure.geodb.store;

import java.nio.file.Path;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.internal.SqliteRestore;
import org.geoassure.geodb.store.internal.SqliteStore;

/**
 * Opens workspaces in the embedded engine: a GeoPackage file (SQLite, WAL mode) that QGIS can also open for its 2D
 * layers.
 */
public final class Workspaces {
    private Workspaces() {
    }

    /**
     * Creates a new workspace file.
     *
     * @throws org.geoassure.geodb.InvalidContentException if the file exists or the CRS is unknown
     */
    public static WorkspaceStore create(Path file, WorkspaceInfo info) {
        return SqliteStore.create(file, info);
    }

    /**
     * Opens an existing workspace file.
     *
     * @throws org.geoassure.geodb.InvalidContentException if the file is missing or is not a GeoAssure workspace
     */
    public static WorkspaceStore open(Path file) {
        return SqliteStore.open(file);
    }

    /**
     * Backs a workspace up to a new file with SQLite's online backup: a consistent snapshot even while other
     * connections read or write the workspace. The backup is itself a workspace file.
     *
     * @throws org.geoassure.geodb.InvalidContentException if the workspace is missing or not a workspace, or the
     *     backup file exists
     */
    public static void backup(Path workspace, Path backup) {
        try (SqliteStore ws = SqliteStore.open(workspace)) {
            ws.backupTo(backup);
        }
    }

    /**
     * Restores a backup to {@code workspace}: checks a copy of it ({@link WorkspaceStore#check()} must find nothing)
     * and moves the copy into place in one rename.
     *
     * @param replace whether an existing workspace may be replaced (nothing may have it open)
     * @throws org.geoassure.geodb.InvalidContentException if the backup is missing, not a workspace or not sound,
     *     or the workspace exists and {@code replace} is false
     */
    public static void restore(Path backup, Path workspace, boolean replace) {
        SqliteRestore.restore(backup, workspace, replace);
    }
}
