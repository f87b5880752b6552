package org.geoassure.geodb.store.internal;

import java.time.Instant;
import java.util.List;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Period;
import org.geoassure.geodb.model.SurveyStation;

/**
 * The engine-independent part of the bitemporal rules of {@link org.geoassure.geodb.store}: which valid time a write
 * applies from, whether it changes anything, and which current versions it supersedes or splits. Every engine
 * (embedded, PostGIS) calls these so that both version a write identically; the engines only supply the SQL.
 * Times are UTC microseconds; {@link #OPEN} is an open end. Internal: not for use outside GeoAssure's engines.
 */
public final class Bitemporal {
    /** Open end of a period, in microseconds. */
    public static final long OPEN = Long.MAX_VALUE;

    private Bitemporal() {
    }

    /** A current version (superseded_at open) of a hole or an interval set: id, valid period, content hash. */
    public record Version(long id, long validFrom, long validTo, String hash) {
    }

    /** What an engine does to its rows when a write splits or supersedes a version. */
    public interface Splitter {
        /** Sets superseded_at = the write's record time on version {@code id} and its child rows. */
        void supersede(long id) throws java.sql.SQLException;

        /** Re-records version {@code id} (and its child rows) with valid period [validFrom, validTo). */
        void copy(long id, long validFrom, long validTo) throws java.sql.SQLException;
    }

    /** The explicit valid time, else the valid start of the current state (a correction), else {@code fallback}. */
    public static long validFor(Long explicit, List<Version> current, long fallback) {
        if (explicit != null) {
            return explicit;
        }
        long earliest = Long.MAX_VALUE;
        for (Version r : current) {
            earliest = Math.min(earliest, r.validFrom());
        }
        return current.isEmpty() ? fallback : earliest;
    }

    /** The current version valid at {@code t}, or null. */
    public static Version versionAt(List<Version> rows, long t) {
        for (Version r : rows) {
            if (r.validFrom() <= t && t < r.validTo()) {
                return r;
            }
        }
        return null;
    }

    /** Whether a write with content {@code hash} at the valid time of {@code at} changes nothing. */
    public static boolean unchanged(Version at, String hash) {
        return at != null && at.hash().equals(hash) && at.validTo() == OPEN;
    }

    /**
     * Supersedes each current version whose valid period reaches past {@code valid}, re-recording its part before
     * {@code valid}; versions ending before {@code valid} stay as they are.
     */
    public static void split(List<Version> current, long valid, Splitter splitter) throws java.sql.SQLException {
        for (Version r : current) {
            if (r.validTo() <= valid) {
                continue;
            }
            splitter.supersede(r.id());
            if (r.validFrom() < valid) {
                splitter.copy(r.id(), r.validFrom(), valid);
            }
        }
    }

    /**
     * Trace end from the write alone: the deepest of total depth, last station and every interval bottom in the batch
     * (engines add the bottoms of stored current rows of a known hole).
     */
    public static double batchEndDepth(HoleData hole) {
        double end = Double.isNaN(hole.collar().totalDepth()) ? 0 : hole.collar().totalDepth();
        for (SurveyStation s : hole.survey()) {
            end = Math.max(end, s.depth());
        }
        for (List<IntervalRow> rows : hole.intervals().values()) {
            for (IntervalRow r : rows) {
                end = Math.max(end, r.to());
            }
        }
        return end;
    }

    /** UTC microseconds of an instant. */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** The instant of UTC microseconds. */
    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** A period from stored microseconds ({@link #OPEN} end: open). */
    public static Period period(long from, long to) {
        return new Period(instant(from), to == OPEN ? null : instant(to));
    }
}
