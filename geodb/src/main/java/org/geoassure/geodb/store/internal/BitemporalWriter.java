package org.geoassure.geodb.store.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.instant;
import static org.geoassure.geodb.store.internal.Bitemporal.micros;
import static org.geoassure.geodb.store.internal.Bitemporal.unchanged;
import static org.geoassure.geodb.store.internal.Bitemporal.validFor;
import static org.geoassure.geodb.store.internal.Bitemporal.versionAt;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.store.WorkspaceStore.WriteProgress;
import org.geoassure.geodb.store.internal.Bitemporal.Version;

/**
 * One drillhole write transaction, engine-independent: the bitemporal rules of {@link org.geoassure.geodb.store}
 * (unchanged holes write nothing, a write without valid time corrects the current state from its valid start, an
 * explicit valid time splits, a changed trace re-derives interval positions in every table), the ingest counts and
 * the provenance rows. Each engine (embedded, PostGIS) extends it with the SQL of its tables; the caller owns the
 * transaction (commit after {@link #write}, roll back when it throws). Internal: for GeoAssure's engines only.
 *
 * @param <T> the engine's handle of an interval table
 */
public abstract class BitemporalWriter<T> implements AutoCloseable {
    /** Record time of every version this write makes (UTC microseconds). */
    protected final long now;
    private final WriteProgress progress;
    private final Map<String, T> tables = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private int holesNew;
    private int holesChanged;
    private int holesUnchanged;
    private long intervalRows;

    protected BitemporalWriter(long now, WriteProgress progress) {
        this.now = now;
        this.progress = progress;
    }

    // ------------------------------------------------------------------------------------------------ engine SQL

    /** Inserts the ga_ingest row (counts 0) and returns its id. */
    protected abstract long insertIngest(DrillholeBatch batch) throws SQLException;

    /** Creates or extends an interval table for the batch's columns (see {@link #newColumns}, {@link #batchIndex}). */
    protected abstract T ensureTable(String name, List<Column> batchColumns) throws SQLException;

    /** Names of the interval tables, this transaction's new ones included. */
    protected abstract List<String> intervalTables() throws SQLException;

    /** The handle of an existing interval table (identity column mapping). */
    protected abstract T table(String name) throws SQLException;

    /** Current versions (superseded_at open) of a hole, by valid start. */
    protected abstract List<Version> currentHoleVersions(String holeId) throws SQLException;

    /** Current versions of a hole's interval set in a table, by valid start. */
    protected abstract List<Version> currentSets(T table, String holeId) throws SQLException;

    /** The deepest interval bottom of a hole's current sets in any table, or 0. */
    protected abstract double storedEndDepth(String holeId) throws SQLException;

    /** Writes a new hole version [valid, open) with its stations and trace to {@code endDepth}; returns its id. */
    protected abstract long insertHoleVersion(long ingestId, PreparedHole hole, String hash, double endDepth, long valid)
            throws SQLException;

    /** Supersedes a hole version and its stations and trace. */
    protected abstract void supersedeHoleVersion(long id) throws SQLException;

    /** Re-records a hole version (with stations and trace) as valid in [validFrom, validTo). */
    protected abstract void copyHoleVersion(long id, long validFrom, long validTo) throws SQLException;

    /** Writes a new interval set [valid, open) with its rows at {@code positions} (9 per row: from, to, mid). */
    protected abstract void insertSet(long ingestId, T table, String holeId, long holeVersion, String hash,
            List<IntervalRow> rows, double[] positions, long valid) throws SQLException;

    /** Supersedes an interval set and its rows. */
    protected abstract void supersedeSet(T table, long id) throws SQLException;

    /** Re-records an interval set (with its rows) as valid in [validFrom, validTo). */
    protected abstract void copySet(T table, long id, long validFrom, long validTo) throws SQLException;

    /** The rows of an interval set in table column order, values as Double / String. */
    protected abstract List<IntervalRow> readSetRows(T table, long setId) throws SQLException;

    /** Prepares a statement for {@link #stmt}. */
    protected abstract PreparedStatement prepare(String sql) throws SQLException;

    /** Called after the last hole, before the counts are written (e.g. to flush index entries). */
    protected void finish() throws SQLException {
    }

    // ------------------------------------------------------------------------------------------------ the rules

    /** Writes the batch; the caller commits. */
    public final IngestRecord write(DrillholeBatch batch) throws SQLException {
        Set<String> seen = new HashSet<>();
        for (HoleData h : batch.holes()) {
            if (!seen.add(h.holeId())) {
                throw new InvalidContentException("batch: hole '" + h.holeId() + "' appears more than once");
            }
        }
        long ingestId = insertIngest(batch);
        insertProvenance(ingestId, batch);
        for (var e : batch.intervalSchemas().entrySet()) {
            tables.put(e.getKey(), ensureTable(e.getKey(), e.getValue()));
        }
        int done = 0;
        int total = batch.holes().size();
        for (HoleData hole : batch.holes()) {
            Instant explicit = hole.validFrom() != null ? hole.validFrom() : batch.validFrom();
            writeHole(ingestId, hole, batch.method(), explicit == null ? null : micros(explicit), batch);
            if (++done % 256 == 0 || done == total) {
                progress.written(done, total);
            }
        }
        finish();
        PreparedStatement ps = stmt("UPDATE ga_ingest SET holes_new = ?, holes_changed = ?, holes_unchanged = ?, "
                + "interval_rows = ? WHERE id = ?");
        ps.setInt(1, holesNew);
        ps.setInt(2, holesChanged);
        ps.setInt(3, holesUnchanged);
        ps.setLong(4, intervalRows);
        ps.setLong(5, ingestId);
        ps.executeUpdate();
        return new IngestRecord(ingestId, instant(now), "drillholes", batch.provenance(), holesNew, holesChanged,
                holesUnchanged, intervalRows);
    }

    private void insertProvenance(long id, DrillholeBatch batch) throws SQLException {
        insertProvenance(stmt("SELECT 1").getConnection(), id, batch.provenance(),
                Map.of("desurvey_method", batch.method().label()));
    }

    /**
     * Writes the ingest log row of ingest {@code id} (its counts zero, or set later with {@link #ingestCounts}) and its
     * provenance (with {@code extra} parameters).
     */
    static void logIngest(java.sql.Connection c, long id, long now, String kind, Provenance p, Map<String, String> extra)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_ingest (id, recorded_at, kind, user_name, "
                + "holes_new, holes_changed, holes_unchanged, interval_rows) VALUES (?, ?, ?, ?, 0, 0, 0, 0)")) {
            ps.setLong(1, id);
            ps.setLong(2, now);
            ps.setString(3, kind);
            ps.setString(4, p.user());
            ps.executeUpdate();
        }
        insertProvenance(c, id, p, extra);
    }

    /** Sets the counts of ingest {@code id}: new, changed, unchanged (holes, or the family's unit) and rows. */
    static void ingestCounts(java.sql.Connection c, long id, long added, long changed, long unchanged, long rows)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ga_ingest SET holes_new = ?, holes_changed = ?, "
                + "holes_unchanged = ?, interval_rows = ? WHERE id = ?")) {
            ps.setLong(1, added);
            ps.setLong(2, changed);
            ps.setLong(3, unchanged);
            ps.setLong(4, rows);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    /** Writes an ingest's sources, parameters (with {@code extra} added) and warnings. */
    static void insertProvenance(java.sql.Connection c, long id, Provenance p, Map<String, String> extra)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_ingest_source VALUES (?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (SourceFile f : p.sources()) {
                ps.setLong(1, id);
                ps.setInt(2, seq++);
                ps.setString(3, f.role());
                ps.setString(4, f.name());
                ps.setString(5, f.sha256());
                ps.setLong(6, f.rows());
                ps.executeUpdate();
            }
        }
        Map<String, String> params = new TreeMap<>(p.parameters());
        params.putAll(extra);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_ingest_parameter VALUES (?, ?, ?)")) {
            for (var e : params.entrySet()) {
                ps.setLong(1, id);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_ingest_warning VALUES (?, ?, ?)")) {
            int seq = 0;
            for (String w : p.warnings()) {
                ps.setLong(1, id);
                ps.setInt(2, seq++);
                ps.setString(3, w);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Writes one hole. Without an explicit valid time a change is a correction: it applies from the valid start of
     * the state it corrects (or from the record time for a new hole).
     */
    private void writeHole(long ingestId, HoleData hole, DesurveyMethod method, Long explicitValid, DrillholeBatch batch)
            throws SQLException {
        PreparedHole prepared = PreparedHole.of(hole.collar(), hole.survey(), method);
        String hash = prepared.contentHash();
        List<Version> current = currentHoleVersions(hole.holeId());
        long valid = validFor(explicitValid, current, now);
        Version at = versionAt(current, valid);
        long holeVersion;
        boolean traceChanged;
        if (unchanged(at, hash)) {
            holesUnchanged++;
            holeVersion = at.id();
            traceChanged = false;
        } else {
            if (current.isEmpty()) {
                holesNew++;
            } else {
                holesChanged++;
                Bitemporal.split(current, valid, new Bitemporal.Splitter() {
                    @Override
                    public void supersede(long id) throws SQLException {
                        supersedeHoleVersion(id);
                    }

                    @Override
                    public void copy(long id, long validFrom, long validTo) throws SQLException {
                        copyHoleVersion(id, validFrom, validTo);
                    }
                });
            }
            double end = Bitemporal.batchEndDepth(hole);
            if (!current.isEmpty()) {
                end = Math.max(end, storedEndDepth(hole.holeId()));
            }
            holeVersion = insertHoleVersion(ingestId, prepared, hash, end, valid);
            traceChanged = !current.isEmpty();
        }
        for (var e : batch.intervalSchemas().entrySet()) {
            List<IntervalRow> rows = hole.intervals().get(e.getKey());
            if (rows != null) {
                writeIntervalSet(ingestId, tables.get(e.getKey()), hole.holeId(), holeVersion, prepared, rows,
                        explicitValid, valid);
            }
        }
        if (traceChanged) {
            // re-derive positions of the hole's current rows in the tables this batch left alone
            for (String name : intervalTables()) {
                if (hole.intervals().containsKey(name)) {
                    continue;
                }
                T t = table(name);
                Version set = versionAt(currentSets(t, hole.holeId()), valid);
                if (set != null) {
                    writeIntervalSet(ingestId, t, hole.holeId(), holeVersion, prepared, readSetRows(t, set.id()),
                            explicitValid, valid);
                }
            }
        }
    }

    private void writeIntervalSet(long ingestId, T t, String holeId, long holeVersion, PreparedHole prepared,
            List<IntervalRow> rows, Long explicitValid, long holeValid) throws SQLException {
        double[] pos = prepared.intervalPositions(rows);
        String hash = PreparedHole.intervalSetHash(rows, pos);
        List<Version> current = currentSets(t, holeId);
        long valid = validFor(explicitValid, current, holeValid);
        if (unchanged(versionAt(current, valid), hash)) {
            return;
        }
        Bitemporal.split(current, valid, new Bitemporal.Splitter() {
            @Override
            public void supersede(long id) throws SQLException {
                supersedeSet(t, id);
            }

            @Override
            public void copy(long id, long validFrom, long validTo) throws SQLException {
                copySet(t, id, validFrom, validTo);
            }
        });
        insertSet(ingestId, t, holeId, holeVersion, hash, rows, pos, valid);
        intervalRows += rows.size();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<R> {
        R run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on {@code conn}: commits when it returns, rolls back when it throws
     * ({@code where} names the workspace in messages), and leaves the connection in auto-commit.
     */
    public static <R> R inTransaction(java.sql.Connection conn, String where, Work<R> work) {
        try {
            conn.setAutoCommit(false);
            R r = work.run();
            conn.commit();
            return r;
        } catch (SQLException e) {
            rollback(conn, where);
            throw new org.geoassure.geodb.StorageException("ingest failed in " + where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback(conn, where);
            throw e;
        } finally {
            try {
                conn.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is unusable; the next call reports it
            }
        }
    }

    private static void rollback(java.sql.Connection conn, String where) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            throw new org.geoassure.geodb.StorageException("rollback failed in " + where + ": " + e.getMessage(), e);
        }
    }

    /** Checks an interval table name and a batch's column names (reserved names are refused). */
    protected static void checkNames(String name, List<Column> batchColumns) {
        if (!Column.isValidName(name)) {
            throw new InvalidContentException("interval table name '" + name
                    + "': use letters, digits and underscore, starting with a letter");
        }
        for (Column c : batchColumns) {
            if (Column.RESERVED_NAMES.contains(c.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidContentException("interval table " + name + ": column name '" + c.name()
                        + "' is reserved; rename it in the mapping");
            }
        }
    }

    /** Refuses a new table whose name differs only in case from an existing one. */
    protected void checkCaseClash(String name) throws SQLException {
        for (String other : intervalTables()) {
            if (other.equalsIgnoreCase(name)) {
                throw new InvalidContentException("interval table '" + name + "' differs only in case from existing '"
                        + other + "'");
            }
        }
    }

    /**
     * The batch's columns the table lacks (names compare case-insensitively), in batch order.
     *
     * @throws InvalidContentException if the batch has text for a numeric column
     */
    protected static List<Column> newColumns(String table, List<Column> existing, List<Column> batchColumns) {
        List<Column> cols = new ArrayList<>(existing);
        List<Column> added = new ArrayList<>();
        for (Column c : batchColumns) {
            Column have = null;
            for (Column e : cols) {
                if (e.name().equalsIgnoreCase(c.name())) {
                    have = e;
                }
            }
            if (have == null) {
                cols.add(c);
                added.add(c);
            } else if (have.type() == ColumnType.NUMBER && c.type() == ColumnType.TEXT) {
                throw new InvalidContentException("interval table " + table + ": column " + c.name()
                        + " is numeric in the workspace but the input has text values");
            }
        }
        return added;
    }

    /** For each table column, the index of the batch column with its name, or -1. */
    protected static int[] batchIndex(List<Column> tableColumns, List<Column> batchColumns) {
        int[] map = new int[tableColumns.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = -1;
            for (int j = 0; j < batchColumns.size(); j++) {
                if (batchColumns.get(j).name().equalsIgnoreCase(tableColumns.get(i).name())) {
                    map[i] = j;
                }
            }
        }
        return map;
    }

    /** The value of table column {@code c} in a batch row ({@code index} from {@link #batchIndex}), or null. */
    protected static Object value(IntervalRow r, int[] index, int c) {
        int i = index[c];
        return i < 0 || i >= r.values().size() ? null : r.values().get(i);
    }

    /** A statement of this write, prepared once and reused; closed by {@link #close()}. */
    protected final PreparedStatement stmt(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = prepare(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Closes the statements of this write (after commit or rollback). */
    @Override
    public void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // closing a statement of a finished transaction: nothing to keep
            }
        }
        statements.clear();
    }
}
