/** Do not use! The parsers behind {@link org.geoassure.ingest.series.SeriesReader}; internal to GeoAssure. */
package org.geoassure.ingest.series.internal;
