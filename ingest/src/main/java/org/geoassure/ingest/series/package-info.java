/**
 * Readers of monitoring time series: CSV (pastas style: a time column and a value column under a header; ISO or
 * M/D/YYYY dates; any delimiter, tab included), USGS RDB, OGC WaterML 2.0 (StAX) and USGS WaterML-JSON (Jackson
 * streaming). Entry point {@link org.geoassure.ingest.series.SeriesReader}; options
 * {@link org.geoassure.ingest.series.SeriesOptions}.
 *
 * <h2>Conventions</h2>
 * Times become UTC microseconds; a time without an offset is in the zone of the options (UTC by default); a date is
 * 00:00 of that day. Values are converted to SI where the unit is known ({@link org.geoassure.ingest.series.Units}),
 * and every conversion is a warning kept in the ingest's provenance. Readings must increase in time within a series:
 * an out-of-order or repeated time is an error naming both lines. Rows without a value (empty, NaN, USGS remark codes
 * such as {@code Ice}, the JSON {@code noDataValue}) are skipped with a warning.
 */
package org.geoassure.ingest.series;
