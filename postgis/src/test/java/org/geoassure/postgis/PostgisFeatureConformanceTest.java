package org.geoassure.postgis;

import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.FeatureStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostGIS engine against the features conformance suite, each test in a fresh schema ({@link TestSchemas}). */
@ExtendWith(RequiresPostgis.class)
class PostgisFeatureConformanceTest extends FeatureStoreConformance {
    private final TestSchemas schemas = new TestSchemas("feat");

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return schemas.create(info);
    }

    /** Runs before the suite's own close: closes the store, drops the schema. */
    @AfterEach
    void dropSchema() throws Exception {
        schemas.drop(ws);
    }
}
