/**
 * The common result of the vector and surface readers (GOCAD, Shapefile, GeoJSON, DXF, GeoPackage, ESRI ASCII grid,
 * point CSV), {@link org.geoassure.ingest.feature.FeatureFile}, their options, and
 * {@link org.geoassure.ingest.feature.FeatureReaders}, which picks the reader for a file by its content (and by
 * extension only for a Shapefile's side files). A GeoPackage with several feature tables is read one layer per table
 * with {@link org.geoassure.ingest.geopackage.GeoPackageReader}, since each table has its own CRS.
 *
 * <p>Each reader turns one data set into {@link org.geoassure.geodb.model.Feature}s: points, lines and polygons as
 * JTS geometries with z (NaN where the source has none), surfaces as {@link org.geoassure.geodb.model.Mesh}es of
 * doubles. Coordinates are as in the file, in the CRS the file states ({@link org.geoassure.ingest.feature.SourceCrs},
 * when it states one); no reprojection happens here. Bad content is an
 * {@link org.geoassure.geodb.InvalidContentException} naming the file and the line (text formats), the byte offset
 * (binary formats) or the record number; a valid file of a kind not read is an
 * {@link org.geoassure.geodb.UnsupportedFormatException} saying what it is; I/O failures are
 * {@link org.geoassure.geodb.StorageException}s.
 */
package org.geoassure.ingest.feature;
