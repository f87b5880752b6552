package org.geoassure.postgis;

import java.util.Properties;
import java.util.function.Supplier;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceConcurrencyConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostGIS engine under the concurrency stress: one JDBC connection per thread on a fresh schema of the cluster
 * named by {@code GEODB_PG_URL}; {@link RequiresPostgis} fails (CI=true) or skips without it.
 */
@ExtendWith(RequiresPostgis.class)
class PostgisConcurrencyTest extends WorkspaceConcurrencyConformance {
    private String schema;

    @Override
    protected Supplier<WorkspaceStore> workspace(WorkspaceInfo info) {
        String name = "stress_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
        PostgisWorkspaces.create(RequiresPostgis.url(), new Properties(), name, info).close();
        schema = name;
        return () -> PostgisWorkspaces.open(RequiresPostgis.url(), new Properties(), name);
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            PostgisWorkspaces.drop(RequiresPostgis.url(), new Properties(), schema);
        }
    }
}
