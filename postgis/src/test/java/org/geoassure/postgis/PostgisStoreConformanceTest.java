package org.geoassure.postgis;

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
    private final TestSchemas schemas = new TestSchemas("conf");

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return schemas.create(info);
    }

    /** Runs before the suite's own close (a subclass's @AfterEach runs first): closes the store, drops the schema. */
    @AfterEach
    void dropSchema() throws Exception {
        schemas.drop(store);
    }
}
