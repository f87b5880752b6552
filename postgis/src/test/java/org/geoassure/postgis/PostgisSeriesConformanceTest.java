package org.geoassure.postgis;

import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.SeriesStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostGIS engine against the series conformance suite, each test in a fresh schema ({@link TestSchemas}). */
@ExtendWith(RequiresPostgis.class)
class PostgisSeriesConformanceTest extends SeriesStoreConformance {
    private final TestSchemas schemas = new TestSchemas("series");

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return schemas.create(info);
    }

    /** Drops the schema of the test (the test closed its store). */
    @AfterEach
    void dropSchema() throws Exception {
        schemas.drop(null); // each test closes its store
    }
}
