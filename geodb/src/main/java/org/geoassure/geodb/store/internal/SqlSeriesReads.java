package org.geoassure.geodb.store.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.micros;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.geoassure.geodb.series.Bin;
import org.geoassure.geodb.series.Gap;
import org.geoassure.geodb.series.LastValue;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.store.SeriesStore;

/**
 * The reads of {@link SeriesStore} over the {@link SeriesTables} of one connection, the same in every SQL engine: an
 * engine implements the hooks of {@link SqlReads} and its writes (which differ in how an ingest is locked and numbered). Internal.
 */
public interface SqlSeriesReads extends SeriesStore, SqlReads {
    /** A read of the series tables. */
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

    private static long from(Instant t) {
        return t == null ? Long.MIN_VALUE : micros(t);
    }

    private static long to(Instant t) {
        return t == null ? Long.MAX_VALUE : micros(t);
    }

    @Override
    default List<Station> seriesStations(Instant recordedAsOf) {
        return read(recordedAsOf, SeriesTables::stations);
    }

    @Override
    default Optional<Station> seriesStation(String id, Instant recordedAsOf) {
        return read(recordedAsOf, (c, r) -> SeriesTables.station(c, id, r));
    }

    @Override
    default Readings readings(String stationId, Instant from, Instant to, Instant recordedAsOf) {
        return read(recordedAsOf, (c, r) -> SeriesTables.readings(c, stationId, from(from), to(to), r));
    }

    @Override
    default List<Bin> resample(String stationId, Instant from, Instant to, Duration step, Instant recordedAsOf) {
        return read(recordedAsOf, (c, r) -> SeriesTables.resample(c, stationId, from(from), to(to), step, r));
    }

    @Override
    default List<LastValue> lastValues(Collection<String> stationIds, Instant at, Instant recordedAsOf) {
        return read(recordedAsOf, (c, r) -> SeriesTables.lastValues(c, stationIds, micros(at), r));
    }

    @Override
    default List<Gap> gaps(String stationId, Instant from, Instant to, Duration longerThan, Instant recordedAsOf) {
        return read(recordedAsOf, (c, r) -> SeriesTables.gaps(c, stationId, from(from), to(to), longerThan, r));
    }

    @Override
    default SeriesCounts seriesCounts() {
        return read(null, (c, r) -> SeriesTables.counts(c));
    }
}
