package org.geoassure.server.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.internal.SqlReads;

/**
 * Open workspace stores for the API server's requests: a request leases one (an idle one, or a newly opened one),
 * uses it alone, and gives it back. At most {@code size} are lent at once: a request beyond that waits for one to
 * come back, rather than opening yet another connection, so under a burst of connections the machine answers a few
 * requests at a time instead of thrashing between many; they all stay open between requests. Opening a workspace
 * per request (a connection, its pragmas, the catalogue) cost more than answering a small request; a store is never
 * shared by two requests at once, so no engine needs to be thread-safe. A store whose connection no longer answers
 * is closed instead of being lent again.
 */
final class StorePool implements AutoCloseable {
    /** How long a request waits for a store before it fails. */
    static final long WAIT_SECONDS = 60;

    private final Supplier<WorkspaceStore> opener;
    private final Semaphore lent;
    private final Deque<WorkspaceStore> idle = new ArrayDeque<>();
    private boolean closed;

    StorePool(Supplier<WorkspaceStore> opener, int size) {
        this.opener = opener;
        this.lent = new Semaphore(size, true);
    }

    /** A store for one request, waiting for one when all are lent; close the lease to give it back. */
    Lease lease() {
        try {
            if (!lent.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new StorageException("no workspace connection came free in " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a workspace connection", e);
        }
        try {
            return open();
        } catch (RuntimeException e) {
            lent.release();
            throw e;
        }
    }

    private Lease open() {
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
        boolean keep;
        synchronized (this) {
            keep = !closed;
            if (keep) {
                idle.addFirst(s);
            }
        }
        if (!keep) {
            closeQuietly(s);
        }
        lent.release();
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
