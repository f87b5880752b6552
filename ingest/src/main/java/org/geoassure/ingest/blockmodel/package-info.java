/**
 * Block model readers. {@link org.geoassure.ingest.blockmodel.BlockModelCsvReader} reads regular models from CSV: one
 * row per stored cell (sparse models store only the cells inside their domain), located by index columns (i, j, k
 * from 0; GSLIB order IJK = i + nx·j + nx·ny·k is only a key) or by world centroid columns, with the cell size, the
 * grid origin (lower-left corner) and a rotation about z given as options
 * ({@link org.geoassure.ingest.blockmodel.BlockModelCsvOptions}). Numeric columns become float64 unless typed
 * otherwise, text columns categories. Errors are {@code file:line: reason}; a failed read returns nothing.
 *
 * <p>Gridded volumes become block models through their own readers, which all return a
 * {@link org.geoassure.ingest.blockmodel.VolumeRead} (cells, files, mapping parameters, warnings):
 * {@link org.geoassure.ingest.voxet.VoxetReader} (GOCAD Voxet), {@link org.geoassure.ingest.segy.SegyVolumeReader}
 * (post-stack 3-D SEG-Y) and {@link org.geoassure.ingest.modem.ModemReader} (ModEM resistivity, resampled).
 */
package org.geoassure.ingest.blockmodel;
