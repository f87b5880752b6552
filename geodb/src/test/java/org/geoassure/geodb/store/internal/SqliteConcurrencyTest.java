package org.geoassure.geodb.store.internal;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceConcurrencyConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.io.TempDir;

/** The embedded GeoPackage engine under the concurrency stress: one SQLite connection per thread, WAL mode. */
class SqliteConcurrencyTest extends WorkspaceConcurrencyConformance {
    @TempDir
    Path dir;

    @Override
    protected Supplier<WorkspaceStore> workspace(WorkspaceInfo info) {
        Path file = dir.resolve("stress.gpkg");
        Workspaces.create(file, info).close();
        return () -> Workspaces.open(file);
    }
}
