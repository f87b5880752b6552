package org.geoassure.geodb.query;

import java.time.Instant;
import java.util.Optional;

/**
 * A point on both time axes. {@code validAt}: state of the ground at that instant ("as of"); {@code recordedAt}:
 * what the store knew at that instant ("as recorded"). An absent value means "now", so {@link #current()} is the
 * current state.
 *
 * @param validAt valid time, or null for now
 * @param recordedAt record time, or null for now
 */
public record TimeSlice(Instant validAt, Instant recordedAt) {
    private static final TimeSlice CURRENT = new TimeSlice(null, null);

    /** The current state: valid now, as recorded now. */
    public static TimeSlice current() {
        return CURRENT;
    }

    /**
     * The time forms every front end accepts: a date ({@code 2025-06-01}, meaning 00:00 UTC) or an ISO instant
     * ({@code 2025-06-01T08:00:00Z}).
     *
     * @throws java.time.format.DateTimeParseException if {@code text} is neither; callers name the option or field
     */
    public static Instant parseTime(String text) {
        if (text.length() == 10) {
            return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(text);
    }

    public Optional<Instant> valid() {
        return Optional.ofNullable(validAt);
    }

    public Optional<Instant> recorded() {
        return Optional.ofNullable(recordedAt);
    }
}
