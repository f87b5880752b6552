package org.geoassure.geodb.query.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.logging.Logger;
import org.geoassure.geodb.GeoDbException;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;

/**
 * JDBC driver for {@code jdbc:geoassure:<workspace file>}, so DBeaver and other JDBC tools can query a workspace with
 * the SQL of {@link SqlQueries}. Read-only. Connection properties {@code asOf} and {@code recordedAsOf} (UTC instants,
 * e.g. {@code 2025-06-01T00:00:00Z}) choose the time slice; default: the current state. Registered through
 * {@code META-INF/services/java.sql.Driver}.
 */
public final class GeoAssureDriver implements Driver {
    /** URL prefix. */
    public static final String PREFIX = "jdbc:geoassure:";

    static {
        try {
            DriverManager.registerDriver(new GeoAssureDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        TimeSlice slice = new TimeSlice(instant(info, "asOf"), instant(info, "recordedAsOf"));
        WorkspaceStore store;
        try {
            store = Workspaces.open(Path.of(url.substring(PREFIX.length())));
        } catch (GeoDbException e) {
            throw new SQLException(e.getMessage(), "08001", e);
        }
        Connection sql = SqlQueries.connect(store, slice);
        // closing the JDBC connection closes the workspace too
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    try {
                        Object r = method.invoke(sql, args);
                        if (method.getName().equals("close")) {
                            store.close();
                        }
                        return r;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Instant instant(Properties info, String key) throws SQLException {
        String v = info == null ? null : info.getProperty(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new SQLException(key + ": '" + v + "' is not a UTC instant such as 2025-06-01T00:00:00Z", "22007", e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX) && url.length() > PREFIX.length();
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo asOf = new DriverPropertyInfo("asOf", info == null ? null : info.getProperty("asOf"));
        asOf.description = "valid time: the state of the ground at this UTC instant (default now)";
        DriverPropertyInfo rec = new DriverPropertyInfo("recordedAsOf", info == null ? null : info.getProperty("recordedAsOf"));
        rec.description = "record time: what the workspace knew at this UTC instant (default now)";
        return new DriverPropertyInfo[] {asOf, rec};
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging logger");
    }
}
