package org.geoassure.geodb.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.series.Bin;
import org.geoassure.geodb.series.Gap;
import org.geoassure.geodb.series.LastValue;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;

/**
 * Monitoring stations and their readings, an engine capability beside {@link WorkspaceStore} (test with
 * {@code instanceof}). Both engines implement it (embedded, and PostGIS with readings in yearly partitions) and pass
 * the same conformance suite ({@code SeriesStoreConformance} in geodb's test jar).
 *
 * <h2>Versions</h2>
 * Stations are versioned by record time: writing a station whose content differs from its current version
 * supersedes that version and records the new one; identical content writes nothing. Readings are append-only: a
 * reading at a (station, time) already held with a different value or quality flag is a correction, recorded as a
 * new version while the old one gets its superseded time, so a record-time slice still sees the old value; an
 * identical reading writes nothing. A reading's time is its valid time.
 *
 * <h2>Ingests</h2>
 * Every write is one transaction and one entry in the ingest log (kinds {@code stations} and {@code readings}), all or
 * nothing: bad content leaves the store as it was. In the {@link IngestRecord}, the counts of holes mean stations
 * (new, changed, unchanged) or readings (new, corrected, unchanged), and {@code intervalRows} the rows written.
 *
 * <h2>Queries</h2>
 * Every query takes {@code recordedAsOf}: what the store knew then ({@code null}: now). A range {@code [from, to)}
 * with a {@code null} end is open on that side. An unknown station id is an
 * {@link org.geoassure.geodb.InvalidContentException}.
 */
public interface SeriesStore {

    /** Writes stations (ingest kind {@code stations}); ids must be distinct within the list. */
    IngestRecord ingestStations(List<Station> stations, Provenance provenance);

    /**
     * Writes readings (ingest kind {@code readings}); every station must be in the store. Several batches of one
     * station may be given when their times do not repeat.
     */
    IngestRecord ingestReadings(List<Readings> batches, Provenance provenance);

    /** The stations as of {@code recordedAsOf}, by id. */
    List<Station> seriesStations(Instant recordedAsOf);

    /** One station as of {@code recordedAsOf}, if it existed then. */
    Optional<Station> seriesStation(String id, Instant recordedAsOf);

    /** The readings of a station at times in [from, to), in time order. */
    Readings readings(String stationId, Instant from, Instant to, Instant recordedAsOf);

    /**
     * The readings in [from, to) resampled to intervals of {@code step} aligned to 1970-01-01T00:00Z; intervals
     * without readings are left out.
     */
    List<Bin> resample(String stationId, Instant from, Instant to, Duration step, Instant recordedAsOf);

    /**
     * For each station, its latest reading at or before {@code at}; stations without one are left out. In the order
     * of {@code stationIds}.
     */
    List<LastValue> lastValues(Collection<String> stationIds, Instant at, Instant recordedAsOf);

    /** Stretches of [from, to) where consecutive readings are more than {@code longerThan} apart. */
    List<Gap> gaps(String stationId, Instant from, Instant to, Duration longerThan, Instant recordedAsOf);

    /** Counts for {@code geoassure info}. */
    SeriesCounts seriesCounts();

    /**
     * Counts of the series tables.
     *
     * @param stations current stations
     * @param readings current readings
     * @param readingVersions reading rows on the record axis (corrections included)
     */
    record SeriesCounts(long stations, long readings, long readingVersions) {
    }
}
