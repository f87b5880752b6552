package org.geoassure.geodb.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.geoassure.geodb.analysis.DesurveyMethod;

/**
 * A validated drillhole write: holes, interval-table schemas, desurvey method, valid time and provenance.
 * Applied atomically by {@link org.geoassure.geodb.store.WorkspaceStore#ingest(DrillholeBatch)}.
 *
 * @param holes holes in input order; hole ids unique
 * @param intervalSchemas columns per interval table named in the holes
 * @param method desurvey method for the traces
 * @param validFrom valid time from which this state holds in the ground (UTC); null means the ingest's record time
 * @param provenance files, user, parameters, warnings
 */
public record DrillholeBatch(List<HoleData> holes, Map<String, List<Column>> intervalSchemas,
        DesurveyMethod method, Instant validFrom, Provenance provenance) {
    public DrillholeBatch {
        holes = List.copyOf(holes);
        Map<String, List<Column>> copy = new LinkedHashMap<>();
        intervalSchemas.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        intervalSchemas = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(provenance, "provenance");
    }
}
