package org.geoassure.ingest.series.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.series.Readings;

/**
 * Times of series files to UTC microseconds. Without a pattern: ISO dates ({@code 2015-06-28}), date-times with
 * {@code T} or a space ({@code 1960-04-28 12:00:00}), with or without an offset ({@code 2019-02-14T00:00:00.000-05:00},
 * {@code Z}), and US dates {@code M/D/YYYY} with an optional {@code H:mm[:ss]}. Times without an offset are in the
 * given zone. Internal.
 */
public final class TimeParser {
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalStart()
            .appendOffsetId().optionalEnd().optionalEnd().toFormatter();
    private static final DateTimeFormatter US = new DateTimeFormatterBuilder().appendPattern("M/d/uuuu")
            .optionalStart().appendLiteral(' ').appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalEnd().toFormatter();

    private final ZoneId zone;
    private final DateTimeFormatter pattern;

    public TimeParser(ZoneId zone, String pattern) {
        this.zone = zone;
        this.pattern = pattern == null ? null : DateTimeFormatter.ofPattern(pattern);
    }

    /** UTC microseconds of {@code text}; {@code where} names the place for the error. */
    public long parse(String text, String where) {
        String s = text.trim();
        try {
            TemporalAccessor a;
            if (pattern != null) {
                a = pattern.parse(s);
            } else if (s.indexOf('/') > 0) {
                a = US.parse(s);
            } else {
                a = ISO.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s);
            }
            return Readings.micros(instant(a));
        } catch (java.time.DateTimeException e) {
            throw new InvalidContentException(where + ": '" + s + "' is not a time"
                    + (pattern != null ? " in the pattern given (--time-format)"
                            : " (expected 2015-06-28, 2015-06-28 12:00:00, 2015-06-28T12:00:00Z or M/D/YYYY)"));
        }
    }

    private Instant instant(TemporalAccessor a) {
        if (a.isSupported(ChronoField.OFFSET_SECONDS)) {
            if (a.isSupported(ChronoField.HOUR_OF_DAY)) {
                return OffsetDateTime.from(a).toInstant();
            }
        }
        if (a.isSupported(ChronoField.HOUR_OF_DAY)) {
            return ZonedDateTime.of(LocalDateTime.from(a), zone).toInstant();
        }
        return LocalDate.from(a).atStartOfDay(zone).toInstant();
    }
}
