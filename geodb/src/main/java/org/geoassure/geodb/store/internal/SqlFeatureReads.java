package org.geoassure.geodb.store.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.FeatureStore;

/**
 * The reads of {@link FeatureStore} over the {@link FeatureTables} of one connection, the same in every SQL engine
 * but for the engine's {@link FeatureTables.Dialect}; an engine implements the hooks and its writes. Internal.
 */
public interface SqlFeatureReads extends FeatureStore, SqlReads {
    /** The engine's features SQL. */
    FeatureTables.Dialect featureDialect();

    @Override
    default List<String> featureLayers() {
        try {
            return FeatureTables.layers(readConnection());
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    @Override
    default Stream<StoredFeature> features(Set<String> layers, Set<String> roles, SpatialFilter spatial,
            TimeSlice time) {
        return FeatureTables.read(readConnection(), featureDialect(), layers, roles, spatial, time, readNow(),
                this::readError);
    }

    @Override
    default List<StoredFeature> featureHistory(String layer, String id) {
        try {
            return FeatureTables.history(readConnection(), featureDialect(), layer, id);
        } catch (SQLException e) {
            throw readError(e);
        }
    }
}
