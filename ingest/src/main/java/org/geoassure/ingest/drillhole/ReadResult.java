package org.geoassure.ingest.drillhole;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.model.DrillholeBatch;

/**
 * The outcome of a successful drillhole read.
 *
 * @param batch the validated batch, ready for {@link org.geoassure.geodb.store.WorkspaceStore#ingest}
 * @param warnings every warning, each {@code file:line: reason}, sorted by file and line (the batch's provenance
 *     keeps at most 1000 of them)
 */
public record ReadResult(DrillholeBatch batch, List<String> warnings) {
    public ReadResult {
        Objects.requireNonNull(batch, "batch");
        warnings = List.copyOf(warnings);
    }
}
