package org.geoassure.ingest.series;

import org.geoassure.geodb.series.Readings;

/**
 * One series read from a file, values in SI when the unit was known.
 *
 * @param key what identifies it in the file: {@code SITE:PARAMETER} (USGS), else the value column name
 * @param siteCode the site code in the file, or empty
 * @param name site or column name, for display
 * @param unit unit of the values after conversion (e.g. {@code m3/s}); empty when neither the file nor the options
 *     gave one
 * @param sourceUnit unit in the file (e.g. {@code ft3/s}); empty when unknown
 * @param readings the readings, under the station id they are mapped to
 */
public record Series(String key, String siteCode, String name, String unit, String sourceUnit, Readings readings) {
}
