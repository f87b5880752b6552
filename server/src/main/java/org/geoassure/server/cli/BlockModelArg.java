package org.geoassure.server.cli;

import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.store.WorkspaceStore;
import picocli.CommandLine.Option;

/** The block model options shared by {@code export WS blocks} and {@code query WS blocks}. */
final class BlockModelArg {
    @Option(names = "--model", paramLabel = "NAME", description = "blocks: the block model")
    String model;

    @Option(names = "--model-version", paramLabel = "N", description = "blocks: a version of the model (default the "
            + "latest)")
    Integer version;

    /** The chosen model's bricks. */
    BrickSource open(WorkspaceStore store) {
        return BlockRows.source(store, model, version);
    }
}
