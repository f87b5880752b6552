package org.geoassure.postgis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations: {@code migrations/V<n>__<what>.sql} resources, applied in order inside the caller's
 * transaction and recorded in the workspace schema's {@code schema_version} table. Internal.
 */
final class PgSchema {
    /** Migrations in order; V(i+1) is element i. */
    static final List<String> MIGRATIONS = List.of("V1__init.sql", "V2__logs.sql", "V3__features.sql", "V4__series.sql",
            "V5__block_models.sql", "V6__warnings.sql", "V7__feature_surfaces.sql");

    private PgSchema() {
    }

    /** The newest version this build knows. */
    static int latest() {
        return MIGRATIONS.size();
    }

    /**
     * Applies the pending migrations to the schema on the connection's search path. The caller holds the transaction;
     * a lock on {@code schema_version} keeps two openers from migrating at once.
     *
     * @return the schema version after migrating
     */
    static int migrate(Connection c, int srid) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
            s.execute("LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE");
        }
        int current = current(c);
        if (current > latest()) {
            throw new org.geoassure.geodb.InvalidContentException("workspace schema version " + current
                    + " is newer than this build supports (" + latest() + "); upgrade GeoAssure");
        }
        for (int v = current + 1; v <= latest(); v++) {
            String file = MIGRATIONS.get(v - 1);
            String sql = resource(file).replace("${srid}", Integer.toString(srid));
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version, description) VALUES (?, ?)")) {
                ps.setInt(1, v);
                ps.setString(2, file);
                ps.executeUpdate();
            }
        }
        return latest();
    }

    /** The applied version (0 for an empty schema). */
    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String resource(String file) {
        try (InputStream in = PgSchema.class.getResourceAsStream("/org/geoassure/postgis/migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + file, e);
        }
    }
}
