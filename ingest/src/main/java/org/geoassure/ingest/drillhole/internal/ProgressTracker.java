package org.geoassure.ingest.drillhole.internal;

import org.geoassure.ingest.Progress;

/** Counts bytes read over all files of one read and forwards progress, at most every 256 KiB. */
public final class ProgressTracker {
    private static final long STEP = 256 * 1024;

    private final Progress listener;
    private final long total;
    private long done;
    private long reported = -1;

    /**
     * @param listener where to report
     * @param total total size of all files (bytes)
     */
    public ProgressTracker(Progress listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    /** Adds bytes read. */
    public void add(long bytes) {
        done += bytes;
        if (done - reported >= STEP) {
            report();
        }
    }

    /** Reports the current count now (e.g. at the end of a file). */
    public void report() {
        long d = Math.min(done, total);
        if (d != reported) {
            reported = d;
            listener.update(d, total);
        }
    }

    /** Marks a file as skipped or finished early: counts its unread bytes as done. */
    public void skip(long bytes) {
        done += Math.max(0, bytes);
        report();
    }

    /** Bytes counted so far. */
    public long done() {
        return done;
    }
}
