package org.geoassure.postgis;

import java.util.Properties;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.postgis.internal.PgStore;

/**
 * Opens workspaces in the PostGIS engine: PostgreSQL 15+ with PostGIS 3.3+, one PostgreSQL schema per workspace, so
 * several workspaces (mines) share a database. The schema's tables are created and migrated by versioned SQL files
 * ({@code migrations/V<n>__*.sql}, recorded in {@code schema_version}) when a workspace is created or opened.
 *
 * <p>Credentials go in {@code credentials} ({@code user}, {@code password}, any pgjdbc property), not in the URL,
 * so that they stay out of command lines and logs. The database needs the {@code postgis} extension.
 *
 * <pre>{@code
 * Properties cred = new Properties();
 * cred.setProperty("user", System.getenv("PGUSER"));
 * cred.setProperty("password", System.getenv("PGPASSWORD"));
 * try (WorkspaceStore ws = PostgisWorkspaces.open("jdbc:postgresql://db:5432/mines", cred, "babbitt")) { ... }
 * }</pre>
 */
public final class PostgisWorkspaces {
    private PostgisWorkspaces() {
    }

    /**
     * Creates a workspace in schema {@code schema} (created if missing; it must hold no tables).
     *
     * @param jdbcUrl a {@code jdbc:postgresql://} URL
     * @param credentials pgjdbc connection properties (user, password...), may be empty
     * @param schema the workspace schema: letters, digits and underscore, not starting with a digit or pg_
     * @throws org.geoassure.geodb.InvalidContentException if the schema holds tables or the CRS is unknown
     * @throws org.geoassure.geodb.StorageException if the database cannot be reached or lacks PostGIS
     */
    public static WorkspaceStore create(String jdbcUrl, Properties credentials, String schema, WorkspaceInfo info) {
        return PgStore.create(jdbcUrl, credentials, schema, info);
    }

    /**
     * Opens the workspace in schema {@code schema}, applying pending schema migrations in one transaction.
     *
     * @throws org.geoassure.geodb.InvalidContentException if the schema holds no workspace
     */
    public static WorkspaceStore open(String jdbcUrl, Properties credentials, String schema) {
        return PgStore.open(jdbcUrl, credentials, schema);
    }

    /** Drops the workspace schema and everything in it. Irreversible. */
    public static void drop(String jdbcUrl, Properties credentials, String schema) {
        PgStore.drop(jdbcUrl, credentials, schema);
    }
}
