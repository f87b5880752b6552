package org.geoassure.geodb.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The integrity checks behind {@link org.geoassure.geodb.store.WorkspaceStore#check()}. Each check is one SQL query
 * that counts (or lists a few of) the rows breaking one invariant; a finding names the invariant, the table and
 * an example. A query that fails (e.g. a corrupted page) is itself a finding: a check never throws for bad content.
 * Internal: {@link #bitemporal} is shared with the PostGIS engine, whose tables have the same names and time
 * columns.
 */
public final class IntegrityCheck {
    /** Most example rows named in one finding. */
    static final int EXAMPLES = 5;

    private IntegrityCheck() {
    }

    /**
     * Bitemporal and reference invariants, in SQL common to SQLite and PostgreSQL.
     *
     * <ul>
     * <li>every period is non-empty: {@code valid_from < valid_to}, {@code recorded_at < superseded_at};
     * <li>two versions of one hole (or of one hole's interval set in one table) never overlap on both axes;
     * <li>every hole has exactly one current version (record and valid periods open);
     * <li>every hole version and interval set names an ingest in the log, and every record time of a version,
     * station, trace or interval set is the record time of an ingest (a write is one ingest);
     * <li>every provenance row (source, parameter, warning) names an ingest.
     * </ul>
     *
     * @param intervalSqlTables the SQL names of the interval row tables (times checked like the others)
     */
    public static List<String> bitemporal(Connection c, List<String> intervalSqlTables) {
        List<String> findings = new ArrayList<>();
        List<String> timed = new ArrayList<>(List.of("boreholes", "surveys", "traces", "ga_interval_set"));
        timed.addAll(intervalSqlTables);
        for (String t : timed) {
            examples(c, findings, t + ": empty or reversed valid period (valid_from >= valid_to)",
                    "SELECT hole_id FROM " + q(t) + " WHERE valid_from >= valid_to");
            examples(c, findings, t + ": empty or reversed record period (recorded_at >= superseded_at)",
                    "SELECT hole_id FROM " + q(t) + " WHERE recorded_at >= superseded_at");
            examples(c, findings, t + ": record time that is no ingest's",
                    "SELECT hole_id FROM " + q(t) + " x WHERE NOT EXISTS (SELECT 1 FROM ga_ingest i "
                    + "WHERE i.recorded_at = x.recorded_at)");
            examples(c, findings, t + ": superseded at a time that is no ingest's",
                    "SELECT hole_id FROM " + q(t) + " x WHERE superseded_at <> " + Bitemporal.OPEN
                    + " AND NOT EXISTS (SELECT 1 FROM ga_ingest i WHERE i.recorded_at = x.superseded_at)");
        }
        examples(c, findings, "boreholes: two versions of one hole overlap in both valid and record time",
                "SELECT a.hole_id FROM boreholes a JOIN boreholes b ON b.hole_id = a.hole_id AND a.fid < b.fid "
                + "WHERE " + overlap("a", "b"));
        examples(c, findings, "ga_interval_set: two versions of one hole's interval set overlap in both valid and "
                + "record time", "SELECT a.table_name || ' ' || a.hole_id FROM ga_interval_set a JOIN ga_interval_set b "
                + "ON b.table_name = a.table_name AND b.hole_id = a.hole_id AND a.id < b.id WHERE " + overlap("a", "b"));
        examples(c, findings, "boreholes: hole without exactly one current version",
                "SELECT hole_id FROM boreholes GROUP BY hole_id HAVING sum(CASE WHEN superseded_at = " + Bitemporal.OPEN
                + " AND valid_to = " + Bitemporal.OPEN + " THEN 1 ELSE 0 END) <> 1");
        examples(c, findings, "ga_interval_set: interval set with more than one current version",
                "SELECT table_name || ' ' || hole_id FROM ga_interval_set GROUP BY table_name, hole_id "
                + "HAVING sum(CASE WHEN superseded_at = " + Bitemporal.OPEN + " AND valid_to = " + Bitemporal.OPEN
                + " THEN 1 ELSE 0 END) > 1");
        for (String t : List.of("boreholes", "ga_interval_set", "ga_ingest_source", "ga_ingest_parameter",
                "ga_ingest_warning")) {
            examples(c, findings, t + ": ingest id not in the ingest log (ga_ingest)", "SELECT CAST(x.ingest_id AS TEXT) FROM "
                    + t + " x WHERE NOT EXISTS (SELECT 1 FROM ga_ingest i WHERE i.id = x.ingest_id)");
        }
        return findings;
    }

    /** The checks only the embedded engine has: SQLite's own, the GeoPackage catalog, the R*Trees and chunks. */
    static List<String> sqlite(Connection c, Map<String, String> intervalSqlTables) {
        List<String> findings = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check(" + EXAMPLES + ")")) {
            while (rs.next()) {
                if (!"ok".equals(rs.getString(1))) {
                    findings.add("integrity_check: " + rs.getString(1));
                }
            }
        } catch (SQLException e) {
            findings.add("integrity_check failed: " + e.getMessage());
            return findings; // the file is damaged: the queries below would only repeat it
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
            int n = 0;
            while (rs.next() && n++ < EXAMPLES) {
                findings.add("foreign_key_check: " + rs.getString(1) + " row " + rs.getLong(2) + " refers to a missing "
                        + rs.getString(3) + " row");
            }
        } catch (SQLException e) {
            findings.add("foreign_key_check failed: " + e.getMessage());
        }

        // GeoPackage catalog: every feature table registered with its geometry column, every registration a table
        List<String> features = new ArrayList<>(List.of("boreholes", "traces", "features"));
        features.addAll(intervalSqlTables.values());
        for (String t : features) {
            count(c, findings, "gpkg_contents: feature table " + t + " is not registered as features",
                    "SELECT CASE WHEN EXISTS (SELECT 1 FROM gpkg_contents WHERE table_name = '" + t
                    + "' AND data_type = 'features') THEN 0 ELSE 1 END");
            count(c, findings, "gpkg_geometry_columns: feature table " + t + " has no geometry column row",
                    "SELECT CASE WHEN EXISTS (SELECT 1 FROM gpkg_geometry_columns WHERE table_name = '" + t
                    + "' AND column_name = 'geom') THEN 0 ELSE 1 END");
        }
        examples(c, findings, "gpkg_contents: registered table does not exist",
                "SELECT table_name FROM gpkg_contents g WHERE NOT EXISTS (SELECT 1 FROM sqlite_master m "
                + "WHERE m.name = g.table_name AND m.type IN ('table', 'view'))");
        examples(c, findings, "gpkg_geometry_columns: geometry column of a table not in gpkg_contents",
                "SELECT table_name FROM gpkg_geometry_columns g WHERE NOT EXISTS (SELECT 1 FROM gpkg_contents c "
                + "WHERE c.table_name = g.table_name)");

        // R*Trees: every trace has its first piece's box, every box a trace; every chunk its box, every box a chunk
        int bits = SqliteStore.TRACE_PIECE_BITS;
        examples(c, findings, "ga_rtree_traces: trace without an R*Tree entry", "SELECT hole_id FROM traces t "
                + "WHERE NOT EXISTS (SELECT 1 FROM ga_rtree_traces r WHERE r.id = t.fid << " + bits + ")");
        examples(c, findings, "ga_rtree_traces: R*Tree entry of no trace", "SELECT CAST(r.id AS TEXT) FROM ga_rtree_traces r "
                + "WHERE NOT EXISTS (SELECT 1 FROM traces t WHERE t.fid = r.id >> " + bits + ")");
        rtreeCheck(c, findings, "ga_rtree_traces");
        findings.addAll(features(c));
        examples(c, findings, "ga_rtree_features: feature without an R*Tree entry", "SELECT layer || ' ' || feature_id "
                + "FROM features f WHERE NOT EXISTS (SELECT 1 FROM ga_rtree_features r WHERE r.id = f.fid)");
        examples(c, findings, "ga_rtree_features: R*Tree entry of no feature", "SELECT CAST(r.id AS TEXT) FROM "
                + "ga_rtree_features r WHERE NOT EXISTS (SELECT 1 FROM features f WHERE f.fid = r.id)");
        rtreeCheck(c, findings, "ga_rtree_features");
        for (var e : intervalSqlTables.entrySet()) {
            String rows = e.getValue();
            String chunks = "chunks_" + rows.substring("intervals_".length());
            String rtree = "ga_rtree_" + chunks;
            examples(c, findings, rtree + ": interval chunk without an R*Tree entry", "SELECT hole_id FROM " + q(chunks)
                    + " k WHERE NOT EXISTS (SELECT 1 FROM " + q(rtree) + " r WHERE r.id = k.fid)");
            examples(c, findings, rtree + ": R*Tree entry of no interval chunk", "SELECT CAST(r.id AS TEXT) FROM "
                    + q(rtree) + " r WHERE NOT EXISTS (SELECT 1 FROM " + q(chunks) + " k WHERE k.fid = r.id)");
            rtreeCheck(c, findings, rtree);
            examples(c, findings, rows + ": interval set whose row count is not the rows stored",
                    "SELECT s.hole_id FROM ga_interval_set s WHERE s.table_name = '" + e.getKey().replace("'", "''")
                    + "' AND s.rows <> (SELECT count(*) FROM " + q(rows) + " i WHERE i.set_id = s.id)");
            examples(c, findings, chunks + ": interval set whose chunks do not hold its rows",
                    "SELECT s.hole_id FROM ga_interval_set s WHERE s.table_name = '" + e.getKey().replace("'", "''")
                    + "' AND s.rows <> (SELECT coalesce(sum(k.n_rows), 0) FROM " + q(chunks) + " k WHERE k.set_id = s.id)");
        }
        return findings;
    }

    private static void rtreeCheck(Connection c, List<String> findings, String rtree) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rtreecheck('" + rtree + "')")) {
            if (rs.next() && !"ok".equals(rs.getString(1))) {
                findings.add(rtree + ": rtreecheck: " + rs.getString(1).strip().replace('\n', ';'));
            }
        } catch (SQLException e) {
            findings.add(rtree + ": rtreecheck failed: " + e.getMessage());
        }
    }

    private static String overlap(String a, String b) {
        return a + ".recorded_at < " + b + ".superseded_at AND " + b + ".recorded_at < " + a + ".superseded_at AND "
                + a + ".valid_from < " + b + ".valid_to AND " + b + ".valid_from < " + a + ".valid_to";
    }

    /**
     * Block model invariants: each version's cell and brick counts are those stored; every stored brick has one
     * values row per attribute, each blob of the length its type gives; every version names an ingest in the log.
     */
    public static List<String> blockModels(Connection c) {
        List<String> findings = new ArrayList<>();
        String name = "m.name || ' v' || m.version";
        examples(c, findings, "ga_block_model: brick or cell count is not what ga_block_mask holds", "SELECT " + name
                + " FROM ga_block_model m WHERE m.bricks != (SELECT count(*) FROM ga_block_mask k WHERE k.model_id = "
                + "m.id) OR m.cells != (SELECT coalesce(sum(k.cells), 0) FROM ga_block_mask k WHERE k.model_id = m.id)");
        examples(c, findings, "ga_block_mask: brick without one values row per attribute", "SELECT " + name
                + " || ' brick ' || k.brick FROM ga_block_mask k JOIN ga_block_model m ON m.id = k.model_id WHERE "
                + "(SELECT count(*) FROM ga_block_brick b WHERE b.model_id = k.model_id AND b.brick = k.brick) != "
                + "(SELECT count(*) FROM ga_block_attribute a WHERE a.model_id = k.model_id)");
        examples(c, findings, "ga_block_brick: values blob of the wrong length", "SELECT " + name + " || ' ' || a.name "
                + "|| ' brick ' || b.brick FROM ga_block_brick b JOIN ga_block_model m ON m.id = b.model_id JOIN "
                + "ga_block_attribute a ON a.model_id = b.model_id AND a.seq = b.attr_seq WHERE length(b.data) != "
                + org.geoassure.geodb.grid.Brick.CELLS + " * (CASE a.type WHEN 'FLOAT64' THEN 8 ELSE 4 END)");
        examples(c, findings, "ga_block_model: ingest id not in the ingest log (ga_ingest)", "SELECT " + name
                + " FROM ga_block_model m WHERE NOT EXISTS (SELECT 1 FROM ga_ingest i WHERE i.id = m.ingest_id)");
        return findings;
    }

    /**
     * Series invariants: non-empty record periods, record and superseded times that are ingests', at most one
     * current version of a station, and no two versions of one reading overlapping in record time.
     */
    public static List<String> series(Connection c) {
        List<String> findings = new ArrayList<>();
        examples(c, findings, "series_stations: empty or reversed record period (recorded_at >= superseded_at)",
                "SELECT station_id FROM series_stations WHERE recorded_at >= superseded_at");
        examples(c, findings, "series_stations: more than one current version of a station",
                "SELECT station_id FROM series_stations WHERE superseded_at = " + Bitemporal.OPEN
                + " GROUP BY station_id HAVING count(*) > 1");
        examples(c, findings, "series_readings: empty or reversed record period (recorded_at >= superseded_at)",
                "SELECT station_key || ' ' || t FROM series_readings WHERE recorded_at >= superseded_at");
        for (String t : List.of("series_stations", "series_readings")) {
            examples(c, findings, t + ": record time that is no ingest's", "SELECT x.recorded_at FROM " + t
                    + " x WHERE NOT EXISTS (SELECT 1 FROM ga_ingest i WHERE i.recorded_at = x.recorded_at)");
            examples(c, findings, t + ": superseded at a time that is no ingest's", "SELECT x.recorded_at FROM " + t
                    + " x WHERE superseded_at <> " + Bitemporal.OPEN
                    + " AND NOT EXISTS (SELECT 1 FROM ga_ingest i WHERE i.recorded_at = x.superseded_at)");
        }
        examples(c, findings, "series_readings: station key not in series_station_key", "SELECT DISTINCT r.station_key "
                + "FROM series_readings r WHERE NOT EXISTS (SELECT 1 FROM series_station_key k WHERE k.key = r.station_key)");
        examples(c, findings, "series_readings: two versions of one reading overlap in record time",
                "SELECT a.station_key || ' ' || a.t FROM series_readings a JOIN series_readings b ON "
                + "b.station_key = a.station_key AND b.t = a.t AND b.recorded_at > a.recorded_at "
                + "WHERE b.recorded_at < a.superseded_at");
        return findings;
    }

    /**
     * Warning store invariants: rule set versions numbered 1, 2, ... in record order; every rules and acknowledgement
     * row names an ingest of its kind recorded at the row's record time.
     */
    public static List<String> warnings(Connection c) {
        List<String> findings = new ArrayList<>();
        examples(c, findings, "ga_warning_rules: versions not numbered 1, 2, ... in record order", "SELECT 'v' || "
                + "a.version FROM ga_warning_rules a WHERE a.version != (SELECT count(*) FROM ga_warning_rules b WHERE "
                + "b.recorded_at <= a.recorded_at)");
        for (String[] t : new String[][] {{"ga_warning_rules", "rules", "'v' || x.version"},
                {"ga_warning_ack", "acknowledgement", "x.alert_id"}}) {
            examples(c, findings, t[0] + ": no " + t[1] + " ingest in the ingest log (ga_ingest) at its record time",
                    "SELECT " + t[2] + " FROM " + t[0] + " x WHERE NOT EXISTS (SELECT 1 FROM ga_ingest i WHERE i.id = "
                    + "x.ingest_id AND i.recorded_at = x.recorded_at AND i.kind = '" + t[1] + "')");
        }
        return findings;
    }

    /** Adds a finding naming up to {@link #EXAMPLES} of the first column's values when the query returns rows. */
    private static void examples(Connection c, List<String> findings, String what, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql + " LIMIT " + (EXAMPLES + 1))) {
            List<String> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            if (!found.isEmpty()) {
                findings.add(what + ": " + String.join(", ", found.subList(0, Math.min(EXAMPLES, found.size())))
                        + (found.size() > EXAMPLES ? ", ..." : ""));
            }
        } catch (SQLException e) {
            findings.add(what + ": the check failed: " + e.getMessage());
        }
    }

    /** Adds {@code what} when the query's single count is not zero. */
    private static void count(Connection c, List<String> findings, String what, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (rs.next() && rs.getLong(1) != 0) {
                findings.add(what);
            }
        } catch (SQLException e) {
            findings.add(what + ": the check failed: " + e.getMessage());
        }
    }

    private static String q(String ident) {
        return '"' + ident.replace("\"", "\"\"") + '"';
    }

    /**
     * Features ({@link FeatureTables}), in SQL common to SQLite and PostgreSQL: non-empty periods, record times and
     * ingest ids that are the ingest log's, no two versions of one feature overlapping on both axes. (The embedded
     * engine adds its R*Tree.)
     */
    public static List<String> features(Connection c) {
        List<String> findings = new ArrayList<>();
        String open = Long.toString(Bitemporal.OPEN);
        examples(c, findings, "features: empty or reversed valid period (valid_from >= valid_to)",
                "SELECT layer || ' ' || feature_id FROM features WHERE valid_from >= valid_to");
        examples(c, findings, "features: empty or reversed record period (recorded_at >= superseded_at)",
                "SELECT layer || ' ' || feature_id FROM features WHERE recorded_at >= superseded_at");
        examples(c, findings, "features: record time that is no ingest's", "SELECT layer || ' ' || feature_id FROM "
                + "features x WHERE NOT EXISTS (SELECT 1 FROM ga_ingest i WHERE i.recorded_at = x.recorded_at)");
        examples(c, findings, "features: superseded at a time that is no ingest's", "SELECT layer || ' ' || feature_id "
                + "FROM features x WHERE superseded_at <> " + open + " AND NOT EXISTS (SELECT 1 FROM ga_ingest i "
                + "WHERE i.recorded_at = x.superseded_at)");
        examples(c, findings, "features: ingest id not in the ingest log (ga_ingest)", "SELECT CAST(x.ingest_id AS "
                + "TEXT) FROM features x WHERE NOT EXISTS (SELECT 1 FROM ga_ingest i WHERE i.id = x.ingest_id)");
        examples(c, findings, "features: two versions of one feature overlap in both valid and record time",
                "SELECT a.layer || ' ' || a.feature_id FROM features a JOIN features b ON b.layer = a.layer AND "
                + "b.feature_id = a.feature_id AND a.fid < b.fid WHERE " + overlap("a", "b"));
        return findings;
    }
}
