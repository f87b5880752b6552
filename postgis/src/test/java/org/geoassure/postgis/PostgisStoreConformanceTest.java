package org.geoassure.postgis;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.WorkspaceStoreConformance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostGIS engine against the SPI conformance suite, each test in a fresh schema of the cluster named by
 * {@code GEODB_PG_URL} (start one with {@code bash scripts/pg-throwaway.sh start}); {@link RequiresPostgis} fails
 * (CI=true) or skips without it.
 */
@ExtendWith(RequiresPostgis.class)
class PostgisStoreConformanceTest extends WorkspaceStoreConformance {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private String schema;

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        String url = RequiresPostgis.url();
        String name = "conf_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        WorkspaceStore created = PostgisWorkspaces.create(url, new Properties(), name, info);
        schema = name;
        return created;
    }

    /** Runs before the suite's own close (a subclass's @AfterEach runs first): closes the store, drops the schema. */
    @AfterEach
    void dropSchema() {
        if (schema != null) {
            if (store != null) {
                store.close();
            }
            PostgisWorkspaces.drop(RequiresPostgis.url(), new Properties(), schema);
        }
    }
}
