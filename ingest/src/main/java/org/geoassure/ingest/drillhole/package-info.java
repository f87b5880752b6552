/**
 * Drillhole tables (collar, survey and from-to interval CSV/TSV files) to a geodb
 * {@link org.geoassure.geodb.model.DrillholeBatch}.
 *
 * <p>Entry point: {@link org.geoassure.ingest.drillhole.DrillholeReader#read}. Columns are found by their header
 * names (see {@link org.geoassure.ingest.drillhole.ColumnMapping} for the recognised names and the mapping file
 * that overrides them); lengths are converted to metres ({@link org.geoassure.ingest.drillhole.LengthUnit}), dips
 * to the store convention, negative down ({@link org.geoassure.ingest.drillhole.DipConvention}), and collar
 * coordinates are reprojected to the workspace CRS. Every problem in the input is collected, each as
 * {@code file:line: reason}, and thrown together as a
 * {@link org.geoassure.ingest.drillhole.DrillholeValidationException}; problems that do not stop the read are
 * returned as warnings in the {@link org.geoassure.ingest.drillhole.ReadResult} and kept in the batch's provenance.
 */
package org.geoassure.ingest.drillhole;
