package org.geoassure.server.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.internal.SqlReads;

/**
 * Open workspace stores for the API server's requests: a request leases one (an idle one, or a newly opened one),
 * uses it alone, and gives it back; at most {@code maxIdle} wait between requests, the rest are closed. Opening a
 * workspace per request (a connection, its pragmas, the catalogue) cost more than answering a small request; a store
 * is never shared by two requests at once, so no engine needs to be thread-safe. A store whose connection no longer
 * answers is closed instead of being lent again.
 */
final class StorePool implements AutoCloseable {
    private final Supplier<WorkspaceStore> opener;
    private final int maxIdle;
    private final Deque<WorkspaceStore> idle = new ArrayDeque<>();
    private boolean closed;

    StorePool(Supplier<WorkspaceStore> opener, int maxIdle) {
        this.opener = opener;
        this.maxIdle = maxIdle;
    }

    /** A store for one request; close the lease to give it back. */
    Lease lease() {
        while (true) {
            WorkspaceStore s;
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the server is stopping");
                }
                s = idle.pollFirst();
            }
            if (s == null) {
                return new Lease(opener.get());
            }
            if (usable(s)) {
                return new Lease(s);
            }
            closeQuietly(s);
        }
    }

    private static boolean usable(WorkspaceStore s) {
        if (!(s instanceof SqlReads r)) {
            return true;
        }
        try {
            return r.readConnection().isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void giveBack(WorkspaceStore s) {
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(s);
                return;
            }
        }
        closeQuietly(s);
    }

    /** Stores waiting between requests now. */
    synchronized int idle() {
        return idle.size();
    }

    @Override
    public void close() {
        Deque<WorkspaceStore> all;
        synchronized (this) {
            closed = true;
            all = new ArrayDeque<>(idle);
            idle.clear();
        }
        all.forEach(StorePool::closeQuietly);
    }

    private static void closeQuietly(WorkspaceStore s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            // a store that failed is being dropped anyway
        }
    }

    /** One request's store. */
    final class Lease implements AutoCloseable {
        private final WorkspaceStore store;

        private Lease(WorkspaceStore store) {
            this.store = store;
        }

        WorkspaceStore store() {
            return store;
        }

        /**
         * The workspace's version: its ingest count and last record time (every write is an ingest), or null when
         * the engine cannot tell cheaply. Equal versions mean equal contents, so a response made at one version
         * serves every request at the same version.
         */
        String version() {
            if (!(store instanceof SqlReads r)) {
                return null;
            }
            Connection c = r.readConnection();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), coalesce(max(recorded_at), 0) FROM ga_ingest")) {
                rs.next();
                return rs.getLong(1) + "-" + rs.getLong(2);
            } catch (SQLException e) {
                throw new StorageException("cannot read the workspace's ingest log: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            giveBack(store);
        }
    }
}
