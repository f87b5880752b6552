package org.geoassure.geodb.store;

import java.time.Instant;
import java.util.List;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.model.Provenance;

/**
 * Block model storage, an engine capability beside {@link WorkspaceStore} (the embedded engine has it; test with
 * {@code instanceof}). A model is written whole in one transaction; writing a name again makes a new version whose
 * parent is the previous one, and every version stays readable. Bricks are stored in Morton order with their
 * statistics, in the format of {@link org.geoassure.geodb.grid.BrickCodec}.
 *
 * <p>Reads go through a cache of decoded bricks held by the store, bounded in bytes: system property
 * {@code geoassure.brickcache} (e.g. {@code 2g}, {@code 512m}), by default 40 % of the maximum heap. The least recently
 * used bricks are dropped first, so a model larger than the bound (or the heap) is streamed through it and still
 * answers queries; a repeated query over a model that fits is answered from memory.
 */
public interface BlockModelStore {

    /**
     * Writes a model as the next version of its name (ingest kind {@code blockmodel}), all or nothing. The bricks are
     * taken one at a time from {@code data} (a {@link BlockData} in memory, or a source that makes or reads them on
     * demand, so a model larger than the heap can be written); its headers' statistics are stored with them and must
     * be those of the bricks.
     *
     * @param comment why (kept with the version; may be empty)
     * @param provenance source files, user, parameters and warnings, kept in the ingest log
     */
    Version writeBlockModel(BrickSource data, String comment, Provenance provenance);

    /** The current (latest) version of every model, by name. */
    List<Version> blockModels();

    /** Every version of a model, oldest first; empty if there is no such model. */
    List<Version> blockModelVersions(String name);

    /**
     * The bricks of a model's latest version, read on demand. Valid while the store is open.
     *
     * @throws org.geoassure.geodb.InvalidContentException naming the models there are when there is no such model
     */
    BrickSource blockModel(String name);

    /** As {@link #blockModel(String)} for one version. */
    BrickSource blockModel(String name, int version);

    /** How the store's brick cache has been used (see the interface comment). */
    CacheUse brickCacheUse();

    /**
     * The use of a store's brick cache.
     *
     * @param bound bytes it may hold
     * @param bytes bytes it holds now (decoded arrays plus a fixed overhead per entry)
     * @param peak most bytes it has held
     * @param entries entries it holds now (one per brick column, mask or header list)
     * @param hits lookups answered from memory
     * @param misses lookups read from the database
     * @param evictions entries dropped to stay within the bound
     */
    record CacheUse(long bound, long bytes, long peak, long entries, long hits, long misses, long evictions) {
    }

    /**
     * One stored version of a block model.
     *
     * @param model definition
     * @param version 1 for the first, then 2, 3...
     * @param parent previous version, 0 for the first
     * @param ingestId the ingest that wrote it
     * @param recordedAt when
     * @param user who
     * @param comment why
     * @param cells present cells
     * @param bricks stored bricks
     */
    record Version(BlockModel model, int version, int parent, long ingestId, Instant recordedAt, String user,
            String comment, long cells, long bricks) {
    }
}
