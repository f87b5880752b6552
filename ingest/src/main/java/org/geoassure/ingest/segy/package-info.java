/**
 * SEG-Y seismic files (rev 0, 1, 2): headers, trace headers, samples and the inline/crossline grid.
 *
 * <p>Entry point: {@link org.geoassure.ingest.segy.SegyReader#open}, which checks the headers and returns an
 * {@link org.geoassure.ingest.segy.SegyFile} (AutoCloseable, one {@link java.nio.channels.FileChannel}). Traces
 * are read on demand: {@link org.geoassure.ingest.segy.SegyFile#traceHeader} gives a
 * {@link org.geoassure.ingest.segy.TraceHeader} (standard fields, scalars applied), and
 * {@link org.geoassure.ingest.segy.SegyFile#readSamples} / {@link org.geoassure.ingest.segy.SegyFile#readTraces}
 * decode samples into a caller's {@code float[]}, so a file of any size streams through a fixed buffer (256 KiB or
 * one trace). {@link org.geoassure.ingest.segy.SegyFile#geometry} classifies the layout (post-stack grid,
 * pre-stack gathers, unstructured) and fits the grid to CDP X/Y: origin, azimuth, bin sizes, corners.
 * {@link org.geoassure.ingest.segy.SegyVolumeReader} turns a post-stack 3-D volume into a block model (traces as cell
 * centres; time kept as milliseconds unless converted, see {@link org.geoassure.ingest.segy.SegyVolumeOptions}).
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li>Byte positions in the API and its documentation are the SEG-Y standard's 1-based positions (binary header
 *     3201-3600, trace header 1-240); byte offsets in error messages are 0-based file offsets, e.g.
 *     {@code f.sgy: byte offset 3220: ...} for the samples-per-trace field.
 * <li>Trace indices are 0-based, in file order.
 * <li>Azimuths are degrees clockwise from the +Y (grid north) axis of the CDP coordinates, in [0, 360).
 * <li>Bad input is an {@link org.geoassure.geodb.InvalidContentException} (or its subclass
 *     {@link org.geoassure.geodb.UnsupportedFormatException}); I/O failures are
 *     {@link org.geoassure.geodb.StorageException}s; nothing is written anywhere.
 * </ul>
 * The rules (byte order detection, textual encoding, revisions, trace count, geometry) are in
 * {@link org.geoassure.ingest.segy.SegyReader}.
 */
package org.geoassure.ingest.segy;
