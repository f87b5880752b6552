package org.geoassure.postgis;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.WorkspaceStoreConformance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostGIS engine against the SPI conformance suite, each test in a fresh schema of the cluster named by
 * {@code GEODB_PG_URL} (start one with {@code bash scripts/pg-throwaway.sh start}).
 */
class PostgisStoreConformanceTest extends WorkspaceStoreConformance {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private String schema;

    /** The cluster URL; fails under CI=true and skips otherwise when it is not set. */
    static String clusterUrl() {
        String url = System.getenv("GEODB_PG_URL");
        if (url == null || url.isBlank()) {
            String missing = "GEODB_PG_URL is not set: the PostGIS tests need a PostgreSQL 15 + PostGIS cluster "
                    + "(start one with 'bash scripts/pg-throwaway.sh start' and export the URL it prints)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        return url;
    }

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        schema = "conf_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        return PostgisWorkspaces.create(clusterUrl(), new Properties(), schema, info);
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            PostgisWorkspaces.drop(clusterUrl(), new Properties(), schema);
        }
    }
}
