package org.geoassure.geodb.store;

import java.util.List;
import java.util.stream.Stream;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.model.LogRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.model.TraceRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.ScanStats;
import org.geoassure.geodb.query.Selection;

/**
 * The storage SPI: one workspace (one mine) in one engine. Every engine (embedded GeoPackage, PostGIS) passes the
 * same conformance suite ({@code WorkspaceStoreConformance} in geodb's test jar).
 *
 * <p>Writes are atomic: {@link #ingest} writes everything or, when it throws, nothing. Updates never overwrite: a
 * changed hole closes the record period of its current version and opens a new one; a valid-time split keeps the
 * earlier state for the earlier valid period. Reads take a {@link Selection}, whose time slice defaults to the
 * current state, and stream their results: close the stream (try-with-resources) to release the cursor.
 *
 * <p>A store is not thread-safe: use one per thread, or synchronise outside.
 */
public interface WorkspaceStore extends AutoCloseable {

    /** Workspace metadata. */
    WorkspaceInfo info();

    /**
     * Writes a drillhole batch in one transaction: new holes get a first version, changed holes a new version,
     * unchanged holes nothing. Traces and interval positions are desurveyed here with the batch's method.
     *
     * @return what was written, as kept in the ingest log
     * @throws org.geoassure.geodb.InvalidContentException if the batch conflicts with the store (e.g. a column
     *     type) or cannot be desurveyed; nothing is written
     */
    default IngestRecord ingest(DrillholeBatch batch) {
        return ingest(batch, (done, total) -> { });
    }

    /**
     * As {@link #ingest(DrillholeBatch)}, reporting how many of the batch's holes have been written.
     *
     * @param progress called from the writing thread with (holes written, holes in the batch)
     */
    IngestRecord ingest(DrillholeBatch batch, WriteProgress progress);

    /** Progress of a write, in holes. */
    @FunctionalInterface
    interface WriteProgress {
        /** Called after each hole (or group of holes) is written. */
        void written(long done, long total);
    }

    /**
     * Writes well logs in one transaction (ingest kind {@code logs}). A log is identified by hole id and log name: a
     * new identity gets a first version; different content under a known identity closes the record period of the
     * current version and opens a new one (its history stays readable with a record-time slice); identical content
     * writes nothing. In the returned record the hole counts count logs (new, replaced, unchanged) and
     * {@link IngestRecord#intervalRows()} the depth samples written.
     *
     * @throws org.geoassure.geodb.InvalidContentException naming the file and the hole if a log's hole is not in the
     *     current state, or if a hole and log name appear twice; nothing is written
     */
    IngestRecord ingestLogs(List<LogData> logs, Provenance provenance);

    /** Names of the current logs of a hole, sorted; empty if it has none. */
    List<String> logNames(String holeId);

    /**
     * Log versions of the selection's holes in its time slice, ordered by hole id then log name; a spatial filter
     * selects the holes whose trace passes it. Attribute predicates are not allowed. Close the stream.
     */
    Stream<LogRecord> logs(Selection selection);

    /** Names of the interval tables, sorted. */
    List<String> intervalTables();

    /**
     * Attribute columns of an interval table, in table order.
     *
     * @throws org.geoassure.geodb.InvalidContentException if there is no such table
     */
    List<Column> intervalColumns(String table);

    /** Hole versions in the selection's time slice, ordered by hole id. Attribute predicates are not allowed. */
    default Stream<HoleVersion> boreholes(Selection selection) {
        return boreholes(selection, new ScanStats());
    }

    /** As {@link #boreholes(Selection)}, recording in {@code stats} how the rows were found (for EXPLAIN). */
    Stream<HoleVersion> boreholes(Selection selection, ScanStats stats);

    /** Survey stations with positions in the selection's time slice, ordered by hole id then depth. */
    default Stream<StationRecord> stations(Selection selection) {
        return stations(selection, new ScanStats());
    }

    /** As {@link #stations(Selection)}, recording in {@code stats} how the rows were found (for EXPLAIN). */
    Stream<StationRecord> stations(Selection selection, ScanStats stats);

    /**
     * Desurveyed traces of the hole versions in the selection's time slice, ordered by hole id; a spatial filter tests
     * the trace (as {@link #boreholes(Selection)} does). Attribute predicates are not allowed.
     */
    default Stream<TraceRecord> traces(Selection selection) {
        return traces(selection, new ScanStats());
    }

    /** As {@link #traces(Selection)}, recording in {@code stats} how the rows were found (for EXPLAIN). */
    Stream<TraceRecord> traces(Selection selection, ScanStats stats);

    /** Interval rows of {@code table} in the selection, ordered by hole id then from-depth. */
    default Stream<IntervalRecord> intervals(String table, Selection selection) {
        return intervals(table, selection, new ScanStats());
    }

    /** As {@link #intervals(String, Selection)}, recording in {@code stats} how the rows were found (for EXPLAIN). */
    Stream<IntervalRecord> intervals(String table, Selection selection, ScanStats stats);

    /** Ids of every hole the store has ever recorded, sorted. */
    List<String> holeIds();

    /** Every version of a hole on both time axes, ordered by record time then valid time; empty if unknown. */
    List<HoleVersion> history(String holeId);

    /** Every version of every interval row of one hole in one table, ordered by record time, valid time, depth. */
    List<IntervalRecord> intervalHistory(String table, String holeId);

    /** The ingest log, oldest first. */
    List<IngestRecord> ingests();

    /** Counts for {@code geoassure info}. */
    WorkspaceStats stats();

    /**
     * Checks the workspace's integrity: the engine's own consistency checks, the catalog, the spatial indexes, the
     * bitemporal invariants (non-empty periods, no two versions of a hole overlapping on both time axes, exactly one
     * current version per hole) and the ingest log (every row's ingest exists). Reads only.
     *
     * @return one line per finding, naming the table and a few examples; empty when the workspace is sound
     */
    List<String> check();

    @Override
    void close();
}
