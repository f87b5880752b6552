package org.geoassure.geodb.store.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.Acknowledgement;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.store.WarningStore.RulesVersion;
import org.geoassure.geodb.store.WarningStore.StoredAcknowledgement;

/**
 * Monitoring rules and alert acknowledgements in SQL (schema version 4). {@code ga_warning_rules} holds one row per
 * rule set version (the JSON text as given); {@code ga_warning_ack} one row per acknowledgement. Both are append-only
 * and name their ingest by id and by record time. Times are UTC microseconds.
 * Internal: for GeoAssure's engines only.
 */
public final class WarningTables {
    /** Longest rules document accepted, in characters. */
    static final int MAX_RULES_CHARS = 4 << 20;

    private WarningTables() {
    }

    /** DDL of the two tables (SQLite). */
    public static List<String> ddl() {
        return List.of("CREATE TABLE ga_warning_rules (version INTEGER PRIMARY KEY, "
                + "ingest_id INTEGER NOT NULL UNIQUE REFERENCES ga_ingest(id), recorded_at INTEGER NOT NULL, "
                + "user_name TEXT NOT NULL, comment TEXT NOT NULL, json TEXT NOT NULL)",
            "CREATE TABLE ga_warning_ack (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "ingest_id INTEGER NOT NULL UNIQUE REFERENCES ga_ingest(id), alert_id TEXT NOT NULL, "
                + "t INTEGER NOT NULL, who TEXT NOT NULL, why TEXT NOT NULL, recorded_at INTEGER NOT NULL)",
            "CREATE INDEX ga_warning_ack_alert ON ga_warning_ack (alert_id)");
    }

    /** Writes a rule set version as ingest {@code ingestId} at {@code now}; the caller holds the transaction. */
    public static RulesVersion writeRules(Connection c, long ingestId, long now, String json, String comment,
            Provenance p) throws SQLException {
        if (json == null || json.isBlank()) {
            throw new InvalidContentException("json: the rules document is missing or blank");
        }
        if (json.length() > MAX_RULES_CHARS) {
            throw new InvalidContentException("json: the rules document has " + json.length()
                    + " characters, more than the " + MAX_RULES_CHARS + " accepted");
        }
        String why = comment == null ? "" : comment;
        logIngest(c, ingestId, now, "rules", p, 1);
        int version;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM ga_warning_rules");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            version = rs.getInt(1) + 1;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_warning_rules (version, ingest_id, recorded_at, "
                + "user_name, comment, json) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setLong(2, ingestId);
            ps.setLong(3, now);
            ps.setString(4, p.user());
            ps.setString(5, why);
            ps.setString(6, json);
            ps.executeUpdate();
        }
        return new RulesVersion(version, instant(now), p.user(), why, json);
    }

    /** Writes an acknowledgement as ingest {@code ingestId} at {@code now}; the caller holds the transaction. */
    public static StoredAcknowledgement writeAcknowledgement(Connection c, long ingestId, long now, String alertId,
            Acknowledgement a, Provenance p) throws SQLException {
        if (alertId == null || alertId.isBlank() || !alertId.strip().equals(alertId)) {
            throw new InvalidContentException("alertId: '" + alertId + "' is blank or has leading or trailing spaces");
        }
        if (a == null) {
            throw new InvalidContentException("acknowledgement: missing");
        }
        logIngest(c, ingestId, now, "acknowledgement", p, 1);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_warning_ack (ingest_id, alert_id, t, who, why, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, ingestId);
            ps.setString(2, alertId);
            ps.setLong(3, a.timeMicros());
            ps.setString(4, a.who());
            ps.setString(5, a.why());
            ps.setLong(6, now);
            ps.executeUpdate();
        }
        return new StoredAcknowledgement(alertId, a, instant(now));
    }

    private static void logIngest(Connection c, long ingestId, long now, String kind, Provenance p, int rows)
            throws SQLException {
        BitemporalWriter.logIngest(c, ingestId, now, kind, p, Map.of());
        BitemporalWriter.ingestCounts(c, ingestId, rows, 0, 0, rows);
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** The version current at record time {@code r}. */
    public static Optional<RulesVersion> rules(Connection c, long r) throws SQLException {
        List<RulesVersion> v = versions(c, "WHERE recorded_at <= " + r + " ORDER BY version DESC LIMIT 1");
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Every version, oldest first. */
    public static List<RulesVersion> versions(Connection c) throws SQLException {
        return versions(c, "ORDER BY version");
    }

    private static List<RulesVersion> versions(Connection c, String tail) throws SQLException {
        List<RulesVersion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, recorded_at, user_name, comment, json FROM "
                + "ga_warning_rules " + tail); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RulesVersion(rs.getInt(1), instant(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        }
        return out;
    }

    /** The acknowledgements recorded by {@code r}, by time then record time. */
    public static List<StoredAcknowledgement> acknowledgements(Connection c, long r) throws SQLException {
        List<StoredAcknowledgement> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT alert_id, who, why, t, recorded_at FROM ga_warning_ack "
                + "WHERE recorded_at <= ? ORDER BY t, recorded_at, id")) {
            ps.setLong(1, r);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredAcknowledgement(rs.getString(1), new Acknowledgement(rs.getString(2),
                            rs.getString(3), rs.getLong(4)), instant(rs.getLong(5))));
                }
            }
        }
        return out;
    }
}
