/**
 * Monitoring time series: {@link org.geoassure.geodb.series.Station}s (piezometers, water level and inflow gauges,
 * rain gauges, pumping, tailings-dam phreatic line and beach length, displacement) and their readings.
 *
 * <h2>Concepts</h2>
 * <ul>
 * <li>A station has a stable id, a kind, the position of its sensor in the workspace CRS (z is elevation, up; NaN
 * when unknown), one SI unit for all its readings and the aquifer or structure it watches.</li>
 * <li>{@link org.geoassure.geodb.series.Readings} is a batch of one station as primitive arrays: times in UTC
 * microseconds (strictly increasing), finite values, optional quality flags.</li>
 * <li>Query results are small records: {@link org.geoassure.geodb.series.Bin} (a resample interval),
 * {@link org.geoassure.geodb.series.LastValue}, {@link org.geoassure.geodb.series.Gap}.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * Times are UTC; a reading's time is its valid time. Readings are append-only: a reading at an existing time with a
 * different value is a correction, a new record version; queries take a record-time ("as of") slice to see what was
 * known then. Storage is {@link org.geoassure.geodb.store.SeriesStore}.
 */
package org.geoassure.geodb.series;
