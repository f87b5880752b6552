package org.geoassure.geodb.store;

import java.util.Map;

/**
 * Counts describing a workspace.
 *
 * @param holes holes in the current state
 * @param holeVersions hole version rows on both axes
 * @param stations survey stations in the current state
 * @param intervalRows current interval rows per table
 * @param ingests ingests recorded
 */
public record WorkspaceStats(long holes, long holeVersions, long stations, Map<String, Long> intervalRows, long ingests) {
    public WorkspaceStats {
        intervalRows = Map.copyOf(intervalRows);
    }
}
