package org.geoassure.server.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.TimeSlice;

/** Parses time options: an ISO instant (2025-06-01T00:00:00Z) or a date (2025-06-01, meaning 00:00 UTC). */
final class Times {
    private Times() {
    }

    static Instant parse(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return TimeSlice.parseTime(text);
        } catch (DateTimeParseException e) {
            throw new InvalidContentException(option + ": '" + text
                    + "' is not a date (2025-06-01) or a UTC instant (2025-06-01T08:00:00Z)");
        }
    }
}
