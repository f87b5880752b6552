/**
 * Internals of the SEG-Y reader: header parsing and byte-order detection ({@link
 * org.geoassure.ingest.segy.internal.SegyFileImpl}), sample decoders ({@link
 * org.geoassure.ingest.segy.internal.Samples}) and the geometry scan ({@link
 * org.geoassure.ingest.segy.internal.GeometryScan}). Not API: use {@link org.geoassure.ingest.segy.SegyReader}.
 */
package org.geoassure.ingest.segy.internal;
