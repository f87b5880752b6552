package org.geoassure.geodb.store;

import java.sql.SQLException;
import java.util.Map;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.store.internal.Transfer;

/**
 * Copies a workspace between engines (embedded GeoPackage and PostGIS, either way, or to another file or schema of
 * the same engine), history included: every version of every hole, interval set, log, feature, station, reading,
 * block model, rule set and acknowledgement keeps its ids, record time, valid period and supersession, and the
 * ingest log comes along whole. So any time slice, {@code history}, and every stored block-model version read the
 * same in the copy. What an engine derives from the rows (R*Trees, interval chunks, GeoPackage extents; PostGIS
 * surfaces and sequences) is rebuilt in the target rather than copied.
 *
 * <p>The target must be a new, empty workspace in the same CRS (create it with the source's
 * {@link WorkspaceStore#info()}). The import is one transaction: on any failure the target holds nothing. After it,
 * both sides are read again and compared row by row through a digest ({@link #digest}); a difference fails the copy.
 */
public final class WorkspaceCopy {
    private WorkspaceCopy() {
    }

    /**
     * What a copy moved.
     *
     * @param rows rows per table ("interval table NAME" for interval tables), in copy order
     * @param digest the digest both workspaces gave after the copy
     */
    public record Result(Map<String, Long> rows, String digest) {
        public Result {
            rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
        }

        /** Rows copied, all tables together. */
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Copies every row of {@code from} into {@code to}.
     *
     * @throws org.geoassure.geodb.InvalidContentException if {@code to} is not empty or its CRS differs
     * @throws StorageException if reading or writing fails (then {@code to} is as it was), or if the copy reads back
     *     differently from the source
     * @throws UnsupportedFormatException if either store cannot take part in a copy
     */
    public static Result copy(WorkspaceStore from, WorkspaceStore to) {
        if (!from.info().crs().equals(to.info().crs())) {
            throw new org.geoassure.geodb.InvalidContentException("the target workspace is in " + to.info().crs()
                    + " and the source in " + from.info().crs() + "; a copy keeps coordinates as they are, so both "
                    + "must be in the same CRS");
        }
        Transfer.Endpoint a = endpoint(from);
        Transfer.Endpoint b = endpoint(to);
        try {
            Transfer.Report r = Transfer.copy(a, b);
            return new Result(r.rows(), r.digest());
        } catch (SQLException e) {
            throw new StorageException("cannot copy " + a.label() + " to " + b.label() + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    /**
     * A SHA-256 (hex) over every row of every table of {@code ws}, history included, in one snapshot: equal for two
     * workspaces that hold the same rows, whichever engine holds them.
     */
    public static String digest(WorkspaceStore ws) {
        Transfer.Endpoint e = endpoint(ws);
        try {
            return Transfer.digest(e);
        } catch (SQLException ex) {
            throw new StorageException("cannot read " + e.label() + ": " + ex.getMessage(), ex);
        }
    }

    private static Transfer.Endpoint endpoint(WorkspaceStore ws) {
        if (ws instanceof Transfer.Participant p) {
            return p.transfer();
        }
        throw new UnsupportedFormatException(ws.getClass().getSimpleName(), "this store cannot be copied");
    }
}
