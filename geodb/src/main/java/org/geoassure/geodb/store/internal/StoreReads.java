package org.geoassure.geodb.store.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.instant;
import static org.geoassure.geodb.store.internal.Bitemporal.period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStats;

/**
 * The reads every SQL engine does alike, over the tables both keep with the same columns ({@code boreholes},
 * {@code surveys}, {@code ga_ingest*}): time and hole conditions, hole versions, the ingest log, counts, and a lazily
 * read, filtered stream over a query. Internal: for GeoAssure's engines only.
 */
public final class StoreReads {
    private StoreReads() {
    }

    /** A row as a result, or null to skip it (refine step). */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * SQL condition on one alias for the selection's time slice ({@code now} for an absent instant, in UTC
     * microseconds); appends its four parameters.
     */
    public static String timeCondition(String alias, Selection s, long now, List<Object> params) {
        long v = s.time().valid().map(Bitemporal::micros).orElse(now);
        long r = s.time().recorded().map(Bitemporal::micros).orElse(now);
        params.add(r);
        params.add(r);
        params.add(v);
        params.add(v);
        return alias + ".recorded_at <= ? AND " + alias + ".superseded_at > ? AND " + alias + ".valid_from <= ? AND "
                + alias + ".valid_to > ?";
    }

    /** {@code AND alias.hole_id IN (...)} for the selection's holes, or "" for all holes. */
    public static String holeCondition(String alias, Selection s, List<Object> params) {
        if (s.holeIds().isEmpty()) {
            return "";
        }
        params.addAll(s.holeIds());
        return " AND " + alias + ".hole_id IN (" + "?, ".repeat(s.holeIds().size() - 1) + "?)";
    }

    /** A hole version from a {@code boreholes} row, with its survey stations. */
    public static HoleVersion holeVersion(Connection conn, ResultSet rs) throws SQLException {
        long id = rs.getLong("fid");
        Collar collar = new Collar(rs.getString("hole_id"), rs.getDouble("x"), rs.getDouble("y"), rs.getDouble("z"),
                nullableDouble(rs, "total_depth"), nullableDouble(rs, "azimuth"), nullableDouble(rs, "dip"));
        List<SurveyStation> survey = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT depth, azimuth, dip FROM surveys WHERE hole_version = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet r2 = ps.executeQuery()) {
                while (r2.next()) {
                    survey.add(new SurveyStation(r2.getDouble(1), r2.getDouble(2), r2.getDouble(3)));
                }
            }
        }
        return new HoleVersion(id, collar, survey, DesurveyMethod.parse(rs.getString("desurvey_method")),
                period(rs.getLong("valid_from"), rs.getLong("valid_to")),
                period(rs.getLong("recorded_at"), rs.getLong("superseded_at")), rs.getLong("ingest_id"));
    }

    /** The ingest log, oldest first. */
    public static List<IngestRecord> ingests(Connection conn) throws SQLException {
        List<IngestRecord> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM ga_ingest ORDER BY id")) {
            while (rs.next()) {
                long id = rs.getLong("id");
                List<SourceFile> sources = new ArrayList<>();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT role, name, sha256, rows FROM ga_ingest_source WHERE ingest_id = ? ORDER BY seq")) {
                    ps.setLong(1, id);
                    try (ResultSet r2 = ps.executeQuery()) {
                        while (r2.next()) {
                            sources.add(new SourceFile(r2.getString(1), r2.getString(2), r2.getString(3), r2.getLong(4)));
                        }
                    }
                }
                Map<String, String> params = new LinkedHashMap<>();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT key, value FROM ga_ingest_parameter WHERE ingest_id = ? ORDER BY key")) {
                    ps.setLong(1, id);
                    try (ResultSet r2 = ps.executeQuery()) {
                        while (r2.next()) {
                            params.put(r2.getString(1), r2.getString(2));
                        }
                    }
                }
                List<String> warnings = new ArrayList<>();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT message FROM ga_ingest_warning WHERE ingest_id = ? ORDER BY seq")) {
                    ps.setLong(1, id);
                    try (ResultSet r2 = ps.executeQuery()) {
                        while (r2.next()) {
                            warnings.add(r2.getString(1));
                        }
                    }
                }
                out.add(new IngestRecord(id, instant(rs.getLong("recorded_at")), rs.getString("kind"),
                        new Provenance(sources, rs.getString("user_name"), params, warnings), rs.getInt("holes_new"),
                        rs.getInt("holes_changed"), rs.getInt("holes_unchanged"), rs.getLong("interval_rows")));
            }
        }
        return out;
    }

    /** The first column of every row of a query without parameters. */
    public static List<String> strings(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Counts for {@code geoassure info} at {@code now}; {@code sqlTables} maps interval table names to their SQL
     * tables (quoted).
     */
    public static WorkspaceStats stats(Connection conn, long now, Map<String, String> sqlTables) throws SQLException {
        List<Object> p = new ArrayList<>();
        String tc = timeCondition("b", Selection.all(), now, p);
        long holes = count(conn, "SELECT count(*) FROM boreholes b WHERE " + tc, p);
        long versions = count(conn, "SELECT count(*) FROM boreholes", List.of());
        long stations = count(conn, "SELECT count(*) FROM surveys b WHERE " + tc, p);
        Map<String, Long> rows = new TreeMap<>();
        for (var t : sqlTables.entrySet()) {
            rows.put(t.getKey(), count(conn, "SELECT count(*) FROM " + t.getValue() + " b WHERE " + tc, p));
        }
        long ingests = count(conn, "SELECT count(*) FROM ga_ingest", List.of());
        return new WorkspaceStats(holes, versions, stations, rows, ingests);
    }

    private static long count(Connection conn, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A lazily read, filtered stream over a query; closing the stream closes the cursor. {@code error} turns an
     * {@link SQLException} into the engine's exception.
     */
    public static <T> Stream<T> query(Connection conn, String sql, List<Object> params, RowMapper<T> mapper,
            Function<SQLException, RuntimeException> error) {
        try {
            PreparedStatement ps = conn.prepareStatement(sql);
            bind(ps, params);
            ResultSet rs = ps.executeQuery();
            Spliterator<T> split = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
                @Override
                public boolean tryAdvance(Consumer<? super T> action) {
                    try {
                        while (rs.next()) {
                            T t = mapper.map(rs);
                            if (t != null) {
                                action.accept(t);
                                return true;
                            }
                        }
                        return false;
                    } catch (SQLException e) {
                        throw error.apply(e);
                    }
                }
            };
            return StreamSupport.stream(split, false).onClose(() -> {
                try {
                    rs.close();
                    ps.close();
                } catch (SQLException e) {
                    throw error.apply(e);
                }
            });
        } catch (SQLException e) {
            throw error.apply(e);
        }
    }

    /** Binds Long, Double, byte[] and String parameters in order. */
    public static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int k = 1;
        for (Object o : params) {
            if (o instanceof Long l) {
                ps.setLong(k++, l);
            } else if (o instanceof Double d) {
                ps.setDouble(k++, d);
            } else if (o instanceof byte[] b) {
                ps.setBytes(k++, b);
            } else {
                ps.setString(k++, (String) o);
            }
        }
    }

    /** A nullable double column, NaN for null. */
    public static double nullableDouble(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }
}
