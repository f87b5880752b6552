package org.geoassure.postgis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WarningStore;
import org.geoassure.geodb.store.WarningStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.postgis.internal.PgStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostGIS engine against the warning conformance suite, each test in a fresh schema ({@link TestSchemas}), plus
 * {@code check()} over the two tables, as in the embedded engine.
 */
@ExtendWith(RequiresPostgis.class)
class PostgisWarningConformanceTest extends WarningStoreConformance {
    private final TestSchemas schemas = new TestSchemas("warn");

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return schemas.create(info);
    }

    /** Drops the schema of the test (the test closed its store). */
    @AfterEach
    void dropSchema() throws Exception {
        schemas.drop(null);
    }

    @Test
    void checkFindsRulesOutOfOrder() throws Exception {
        try (WorkspaceStore ws = newStore(INFO)) {
            ((WarningStore) ws).writeRules("{\"rules\": []}", "", new Provenance(List.of(), "u", Map.of(), List.of()));
            try (Connection c = DriverManager.getConnection(RequiresPostgis.url()); Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + ((PgStore) ws).schema() + ", public");
                s.execute("UPDATE ga_warning_rules SET version = 5");
            }
            List<String> found = ws.check();
            assertTrue(found.contains("ga_warning_rules: versions not numbered 1, 2, ... in record order: v5"),
                    found.toString());
        }
    }
}
