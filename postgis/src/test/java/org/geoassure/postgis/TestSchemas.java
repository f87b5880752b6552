package org.geoassure.postgis;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;

/** Fresh workspace schemas in the cluster named by {@code GEODB_PG_URL}, dropped by {@link #drop}, for one test. */
final class TestSchemas {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final String prefix;
    private String schema;

    TestSchemas(String prefix) {
        this.prefix = prefix;
    }

    /** A new workspace in a new schema. */
    WorkspaceStore create(WorkspaceInfo info) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        WorkspaceStore created = PostgisWorkspaces.create(RequiresPostgis.url(), new Properties(), name, info);
        schema = name;
        return created;
    }

    /** Closes the store (nullable) and drops the schema of the last {@link #create}, if any. */
    void drop(AutoCloseable store) throws Exception {
        if (schema != null) {
            if (store != null) {
                store.close();
            }
            PostgisWorkspaces.drop(RequiresPostgis.url(), new Properties(), schema);
            schema = null;
        }
    }
}
