package org.geoassure.ingest;

/**
 * Receives progress of a long-running read, e.g. to drive a progress bar. Called from the reading thread,
 * with {@code done} never decreasing and never exceeding {@code total}.
 */
@FunctionalInterface
public interface Progress {
    /** A listener that ignores every update. */
    Progress NONE = (done, total) -> { };

    /**
     * Reports progress.
     *
     * @param done units of work done so far (for file readers: bytes read)
     * @param total units of work in all (for file readers: the total size of the files)
     */
    void update(long done, long total);
}
