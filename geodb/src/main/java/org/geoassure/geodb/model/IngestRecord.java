package org.geoassure.geodb.model;

import java.time.Instant;

/**
 * What an ingest did, as kept in the store.
 *
 * @param id ingest id (increasing)
 * @param recordedAt record time of every version it wrote
 * @param kind dataset kind, e.g. "drillholes"
 * @param provenance files, checksums, user, parameters, warnings
 * @param holesNew holes seen for the first time
 * @param holesChanged holes that got a new version
 * @param holesUnchanged holes identical to their current version (nothing written for them)
 * @param intervalRows interval rows written
 */
public record IngestRecord(long id, Instant recordedAt, String kind, Provenance provenance,
        int holesNew, int holesChanged, int holesUnchanged, long intervalRows) {
}
