package org.geoassure.geodb.store.internal;

import java.sql.SQLException;
import java.util.List;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.store.BlockModelStore;

/**
 * The reads of {@link BlockModelStore} over the {@link BlockTables} of one connection, the same in every SQL engine:
 * an engine implements the hooks of {@link SqlReads} and its write (which differs in how an ingest is locked and
 * numbered). Internal.
 */
public interface SqlBlockModelReads extends BlockModelStore, SqlReads {
    /** The engine's cache of decoded bricks (one per store, made with {@link BrickCache#fromSystemProperty()}). */
    BrickCache brickCache();

    @Override
    default CacheUse brickCacheUse() {
        return brickCache().use();
    }

    @Override
    default List<Version> blockModels() {
        try {
            return BlockTables.versions(readConnection(), null);
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    @Override
    default List<Version> blockModelVersions(String name) {
        try {
            return BlockTables.versions(readConnection(), name);
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    @Override
    default BrickSource blockModel(String name) {
        return blockModel(name, 0);
    }

    @Override
    default BrickSource blockModel(String name, int version) {
        try {
            return BlockTables.source(readConnection(), brickCache(), name, version);
        } catch (SQLException e) {
            throw readError(e);
        }
    }
}
