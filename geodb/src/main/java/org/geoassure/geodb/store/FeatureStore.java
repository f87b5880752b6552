package org.geoassure.geodb.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Period;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.query.TimeSlice;

/**
 * Features (points, lines, polygons, surfaces, solids: roadways, faults, horizons, goaf, old workings, face lines) in
 * named layers, versioned on both time axes like boreholes. Both engines implement it (embedded and PostGIS) and pass
 * the same conformance suite ({@code FeatureStoreConformance} in geodb's test jar).
 *
 * <p>A feature is identified by its layer and its {@link Feature#id()}. Writing a feature whose content differs from
 * the version valid at the write's valid time ends that version there (mining progress: a face line advanced on a
 * date is the same face, valid from that date) and records the new one; writing identical content writes nothing.
 * Features the write does not mention are left as they are; {@link #retireFeatures} ends them.
 */
public interface FeatureStore {

    /**
     * One feature of a write, valid from {@code validFrom} (null: from the record time of the write, or, for a
     * correction of a feature whose current version starts earlier, from that version's start).
     */
    record FeatureWrite(Feature feature, Instant validFrom) {
        public FeatureWrite {
            Objects.requireNonNull(feature, "feature");
        }
    }

    /**
     * Writes features into {@code layer} in one transaction (ingest kind {@code features}), all or nothing. The same
     * id may appear several times with increasing valid times (the advance records of one face).
     *
     * @return the ingest record: hole counts count features (new, changed, unchanged)
     * @throws org.geoassure.geodb.InvalidContentException naming the layer and feature if an id appears twice at the
     *     same valid time or with valid times out of order; nothing is written
     */
    IngestRecord writeFeatures(String layer, List<FeatureWrite> features, Provenance provenance);

    /**
     * Ends the valid period of the named current features at {@code validTo} (a water body drained, a roadway
     * backfilled), as one ingest.
     *
     * @throws org.geoassure.geodb.InvalidContentException if a feature is not valid at {@code validTo}; nothing is
     *     written
     */
    IngestRecord retireFeatures(String layer, Set<String> ids, Instant validTo, Provenance provenance);

    /** Names of the layers with at least one feature version, sorted. */
    List<String> featureLayers();

    /**
     * Feature versions in the time slice, ordered by layer then id then valid start. Empty {@code layers} or
     * {@code roles} mean all; a spatial filter (nullable) is tested exactly in double against points, line segments
     * and triangles (polygons are triangulated), after an index search on the feature boxes (R*Tree, or n-D GiST in
     * PostGIS). Close the stream.
     */
    Stream<StoredFeature> features(Set<String> layers, Set<String> roles, SpatialFilter spatial, TimeSlice time);

    /** Every version of one feature on both time axes, ordered by record time then valid time. */
    List<StoredFeature> featureHistory(String layer, String id);

    /**
     * One stored version of a feature.
     *
     * @param layer the layer it belongs to
     * @param feature its content
     * @param valid valid-time period
     * @param recorded record-time period
     * @param ingestId the ingest that recorded it
     */
    record StoredFeature(String layer, Feature feature, Period valid, Period recorded, long ingestId) {
        public StoredFeature {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(valid, "valid");
            Objects.requireNonNull(recorded, "recorded");
        }
    }
}
