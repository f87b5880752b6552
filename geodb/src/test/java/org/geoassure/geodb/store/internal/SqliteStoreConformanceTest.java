package org.geoassure.geodb.store.internal;

import java.nio.file.Path;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.WorkspaceStoreConformance;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.io.TempDir;

/** The embedded GeoPackage engine against the SPI conformance suite. */
class SqliteStoreConformanceTest extends WorkspaceStoreConformance {
    @TempDir
    Path dir;

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return Workspaces.create(dir.resolve("ws.gpkg"), info);
    }
}
