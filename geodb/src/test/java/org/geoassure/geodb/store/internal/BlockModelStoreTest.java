package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.BlockModelStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine against the block model conformance suite, plus what it checks of its own file: a damaged brick
 * found by {@code check()}, and the upgrade of a schema version 2 file.
 */
class BlockModelStoreTest extends BlockModelStoreConformance {
    @TempDir
    Path dir;

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return SqliteStore.create(dir.resolve("blocks.gpkg"), info);
    }

    private static final WorkspaceInfo INFO = new WorkspaceInfo("t", "EPSG:4527", "", "m",
            Instant.parse("2026-01-01T00:00:00Z"));

    private static BlockData model(double value) {
        BlockModel m = new BlockModel("pit", 10, 20, 30, 15, 5, 5, 5, 40, 3, 2, List.of(
                BlockAttribute.of("au", AttributeType.FLOAT32), BlockAttribute.category("rock", List.of("ox", "fresh"))));
        return BlockData.builder(m).put(0, 0, 0, new double[] {value, 1}).put(39, 2, 1, new double[] {Double.NaN, 0})
                .build();
    }

    @Test
    void checkFindsATruncatedBlobAndALostBrick() throws Exception {
        Path f = dir.resolve("w.gpkg");
        try (SqliteStore ws = SqliteStore.create(f, INFO)) {
            ws.writeBlockModel(model(1), "", new Provenance(List.of(), "u", Map.of(), List.of()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("UPDATE ga_block_brick SET data = x'00' WHERE attr_seq = 0 AND brick = 0");
            s.execute("DELETE FROM ga_block_brick WHERE attr_seq = 1 AND brick = (SELECT max(brick) FROM ga_block_mask)");
        }
        try (SqliteStore ws = SqliteStore.open(f)) {
            assertEquals(List.of("ga_block_mask: brick without one values row per attribute: pit v1 brick 1",
                    "ga_block_brick: values blob of the wrong length: pit v1 au brick 0"), ws.check());
        }
    }

    @Test
    void versionTwoFileIsUpgradedOnOpen() throws Exception {
        Path f = dir.resolve("old.gpkg");
        SqliteStore.create(f, INFO).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            for (String t : List.of("ga_block_brick", "ga_block_mask", "ga_block_category", "ga_block_attribute",
                    "ga_block_model")) {
                s.execute("DROP TABLE " + t);
            }
            // what a version 2 file does not have of the later versions either
            SeriesStoreTest.dropSeriesTables(s);
            s.execute("UPDATE ga_workspace SET value = '2' WHERE key = 'schema_version'");
        }
        try (SqliteStore ws = SqliteStore.open(f)) {
            assertTrue(ws.blockModels().isEmpty());
            ws.writeBlockModel(model(1), "", new Provenance(List.of(), "u", Map.of(), List.of()));
            assertEquals(1, ws.blockModels().size());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT value FROM ga_workspace WHERE key = 'schema_version'")) {
            rs.next();
            assertEquals(Integer.toString(Schema.VERSION), rs.getString(1));
        }
    }
}
