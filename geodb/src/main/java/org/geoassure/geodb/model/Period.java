package org.geoassure.geodb.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A half-open time interval [from, to) in UTC. An open end ({@code to} absent) means "until further notice".
 *
 * @param from start, inclusive
 * @param to end, exclusive, or null when open
 */
public record Period(Instant from, Instant to) {
    public Period {
        Objects.requireNonNull(from, "from");
        if (to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("period end " + to + " is not after its start " + from);
        }
    }

    /** The end, if the period is closed. */
    public Optional<Instant> end() {
        return Optional.ofNullable(to);
    }

    /** Whether the period has no end. */
    public boolean isOpen() {
        return to == null;
    }

    /** Whether {@code t} lies in [from, to). */
    public boolean contains(Instant t) {
        return !t.isBefore(from) && (to == null || t.isBefore(to));
    }

    @Override
    public String toString() {
        return "[" + from + ", " + (to == null ? "open" : to.toString()) + ")";
    }
}
