/**
 * Internals of the Shapefile reader: the .shp record decoder and the .dbf table reader. Not API: use
 * {@link org.geoassure.ingest.shapefile.ShapefileReader}.
 */
package org.geoassure.ingest.shapefile.internal;
