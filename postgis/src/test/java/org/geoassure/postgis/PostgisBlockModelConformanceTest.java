package org.geoassure.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.store.BlockModelStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.postgis.internal.PgStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostGIS engine against the block model conformance suite, each test in a fresh schema ({@link TestSchemas}),
 * plus {@code check()} finding a damaged brick in the bytea rows, as it does in the embedded engine.
 */
@ExtendWith(RequiresPostgis.class)
class PostgisBlockModelConformanceTest extends BlockModelStoreConformance {
    private final TestSchemas schemas = new TestSchemas("blocks");

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
    void checkFindsATruncatedBrick() throws Exception {
        BlockModel m = new BlockModel("pit", 10, 20, 30, 15, 5, 5, 5, 40, 3, 2,
                List.of(BlockAttribute.of("au", AttributeType.FLOAT32)));
        try (WorkspaceStore ws = newStore(INFO)) {
            ((BlockModelStore) ws).writeBlockModel(BlockData.builder(m).put(0, 0, 0, new double[] {1.5}).build(), "",
                    new Provenance(List.of(), "u", Map.of(), List.of()));
            try (Connection c = DriverManager.getConnection(RequiresPostgis.url()); Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + ((PgStore) ws).schema() + ", public");
                s.execute("UPDATE ga_block_brick SET data = '\\x00'::bytea");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ga_block_brick")) {
                    rs.next();
                    assertEquals(1, rs.getLong(1));
                }
            }
            assertEquals(List.of("ga_block_brick: values blob of the wrong length: pit v1 au brick 0"), ws.check());
        }
    }
}
