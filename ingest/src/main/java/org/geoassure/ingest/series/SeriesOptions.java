package org.geoassure.ingest.series;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;

/**
 * How to read a series file. Immutable; start from {@link #defaults()}.
 *
 * @param timeColumn CSV: header name of the time column (null: the first column)
 * @param valueColumn CSV: header name of the value column; RDB: the value column (null: CSV the second column, RDB
 *     every value column)
 * @param timeFormat CSV: a {@link java.time.format.DateTimeFormatter} pattern (null: ISO dates and times, or
 *     M/D/YYYY)
 * @param zone time zone of times written without an offset (default UTC)
 * @param unit unit of the values when the file does not say (null: the station's); converted to SI when known
 * @param delimiter CSV: the delimiter (0: a tab when the header holds one, else ';' when it holds one and no ',', else
 *     ',')
 * @param stationId the station of a file holding one series (null: named by {@code stationMap} or the site code)
 * @param stationMap series key ({@code SITE:PARAMETER} or {@code SITE}) to station id, for files with several series
 */
public record SeriesOptions(String timeColumn, String valueColumn, String timeFormat, ZoneId zone, String unit,
        char delimiter, String stationId, Map<String, String> stationMap) {
    public SeriesOptions {
        if (zone == null) {
            throw new InvalidContentException("--time-zone: missing");
        }
        stationMap = Map.copyOf(stationMap);
        if (timeFormat != null) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(timeFormat);
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException("--time-format: '" + timeFormat + "' is not a date-time pattern: "
                        + e.getMessage());
            }
        }
    }

    /** Columns by position, ISO or M/D/YYYY times in UTC, unit from the station, delimiter detected. */
    public static SeriesOptions defaults() {
        return new SeriesOptions(null, null, null, ZoneOffset.UTC, null, (char) 0, null, Map.of());
    }

    public SeriesOptions withTimeColumn(String name) {
        return new SeriesOptions(name, valueColumn, timeFormat, zone, unit, delimiter, stationId, stationMap);
    }

    public SeriesOptions withValueColumn(String name) {
        return new SeriesOptions(timeColumn, name, timeFormat, zone, unit, delimiter, stationId, stationMap);
    }

    public SeriesOptions withTimeFormat(String pattern) {
        return new SeriesOptions(timeColumn, valueColumn, pattern, zone, unit, delimiter, stationId, stationMap);
    }

    public SeriesOptions withZone(ZoneId z) {
        return new SeriesOptions(timeColumn, valueColumn, timeFormat, z, unit, delimiter, stationId, stationMap);
    }

    public SeriesOptions withUnit(String u) {
        return new SeriesOptions(timeColumn, valueColumn, timeFormat, zone, u, delimiter, stationId, stationMap);
    }

    public SeriesOptions withDelimiter(char d) {
        return new SeriesOptions(timeColumn, valueColumn, timeFormat, zone, unit, d, stationId, stationMap);
    }

    public SeriesOptions withStation(String id) {
        return new SeriesOptions(timeColumn, valueColumn, timeFormat, zone, unit, delimiter, id, stationMap);
    }

    public SeriesOptions withStationMap(Map<String, String> map) {
        return new SeriesOptions(timeColumn, valueColumn, timeFormat, zone, unit, delimiter, stationId, map);
    }

    public Optional<String> unitOption() {
        return Optional.ofNullable(unit);
    }
}
