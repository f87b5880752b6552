/**
 * Format readers that turn user files into validated geodb write batches.
 *
 * <p>Readers stream their input, report progress through {@link org.geoassure.ingest.Progress}, and report bad
 * input as {@link org.geoassure.geodb.InvalidContentException}s whose messages read {@code file:line: reason},
 * with the file name as the user gave it and 1-based physical line numbers. Nothing is written anywhere by a
 * reader: the caller hands the batch to a {@link org.geoassure.geodb.store.WorkspaceStore}.
 *
 * <p>Gridded volumes (GOCAD Voxet, post-stack 3-D SEG-Y, ModEM resistivity) are read into block models by
 * {@code voxet}, {@code segy} and {@code modem}; {@code voxet} also writes them.
 *
 * <p>Drillhole CSV/TSV tables are read by {@link org.geoassure.ingest.drillhole.DrillholeReader}; monitoring rules
 * files (JSON) by {@link org.geoassure.ingest.rules.RulesJson}; vector and surface files (GOCAD, Shapefile, GeoJSON,
 * DXF, GeoPackage, ESRI ASCII grid, point CSV) through {@link org.geoassure.ingest.feature.FeatureReaders}. What kind
 * of file a user handed in is told from its content by {@link org.geoassure.ingest.detect.SourceDetector}. Writers
 * for the way back: {@link org.geoassure.ingest.geojson.GeoJsonWriter}, {@link org.geoassure.ingest.points.PointCsvWriter},
 * {@link org.geoassure.ingest.gocad.TSurfWriter}, {@link org.geoassure.ingest.las.LasWriter}.
 */
package org.geoassure.ingest;
