package org.geoassure.geodb.store;

import java.nio.file.Path;
import org.geoassure.geodb.model.WorkspaceInfo;
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
}
