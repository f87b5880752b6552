package org.geoassure.geodb.store.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.micros;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.geoassure.geodb.store.WarningStore;

/**
 * The reads of {@link WarningStore} over the {@link WarningTables} of one connection, the same in every SQL engine: an
 * engine implements the hooks of {@link SqlReads} and the writes (which differ in how an ingest is locked and
 * numbered). Internal.
 */
public interface SqlWarningReads extends WarningStore, SqlReads {
    /** A read of the warning tables. */
    @FunctionalInterface
    interface Read<T> {
        T read(Connection c, long recordedAt) throws SQLException;
    }

    /** Runs a read as of {@code recordedAsOf} (null: now). */
    private <T> T read(Instant recordedAsOf, Read<T> r) {
        try {
            return r.read(readConnection(), recordedAsOf == null ? readNow() : micros(recordedAsOf));
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    @Override
    default Optional<RulesVersion> rules(Instant recordedAsOf) {
        return read(recordedAsOf, WarningTables::rules);
    }

    @Override
    default List<RulesVersion> rulesVersions() {
        try {
            return WarningTables.versions(readConnection());
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    @Override
    default List<StoredAcknowledgement> acknowledgements(Instant recordedAsOf) {
        return read(recordedAsOf, WarningTables::acknowledgements);
    }
}
