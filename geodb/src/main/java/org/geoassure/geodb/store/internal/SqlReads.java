package org.geoassure.geodb.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the shared reads of an SQL engine ({@link SqlSeriesReads}, {@link SqlFeatureReads}, {@link SqlBlockModelReads},
 * {@link SqlWarningReads}) need from it. Internal.
 */
public interface SqlReads {
    /** The engine's connection (one statement per read). */
    Connection readConnection();

    /** "Now" for a read without a record time, in UTC microseconds. */
    long readNow();

    /** The engine's error for a failed statement. */
    RuntimeException readError(SQLException e);
}
