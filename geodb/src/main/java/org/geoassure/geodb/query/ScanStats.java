package org.geoassure.geodb.query;

/**
 * What one scan of the store did, for EXPLAIN: how the store found its rows ({@link #access()}), how many entries the
 * spatial index returned, how many rows were examined (refined in double, tested against attribute predicates) and
 * how many were returned. A scan fills it while its stream is read; read it after the stream is closed. One scan per
 * instance, on one thread.
 */
public final class ScanStats {
    private String access = "";
    private long indexCandidates;
    private long examined;
    private long returned;

    /** How the store read the rows, e.g. {@code R*Tree ga_rtree_chunks_lithology, refine in double}. */
    public String access() {
        return access;
    }

    /** Entries returned by the spatial index (chunks of interval rows, trace pieces); 0 without an index search. */
    public long indexCandidates() {
        return indexCandidates;
    }

    /** Rows read and tested by the store (exact geometry test and attribute predicates). */
    public long examined() {
        return examined;
    }

    /** Rows the scan returned. */
    public long returned() {
        return returned;
    }

    /** Sets the access path; for stores. */
    public void access(String how) {
        this.access = how;
    }

    /** Counts {@code n} index entries; for stores. */
    public void addIndexCandidates(long n) {
        indexCandidates += n;
    }

    /** Counts {@code n} examined rows; for stores. */
    public void addExamined(long n) {
        examined += n;
    }

    /** Counts {@code n} returned rows; for stores. */
    public void addReturned(long n) {
        returned += n;
    }

    /**
     * Two lines for an EXPLAIN: {@code   <scan>: <access>: <counts>} and {@code     pushed down: <selection>}.
     */
    public String report(String scan, Selection pushed) {
        return "  " + scan + ": " + this + "\n    pushed down: " + pushed.describe() + "\n";
    }

    @Override
    public String toString() {
        return access + ": " + (indexCandidates > 0 || access.contains("R*Tree") ? indexCandidates + " index candidates, " : "")
                + examined + " rows examined, " + returned + " returned";
    }
}
