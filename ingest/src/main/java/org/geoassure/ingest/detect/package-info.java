/**
 * What a file is, from its content: {@link org.geoassure.ingest.detect.SourceDetector} runs a table of detectors over
 * the first 64 KiB (magic bytes, first lines, the header of delimited text) and answers a
 * {@link org.geoassure.ingest.detect.Detection}: the {@link org.geoassure.ingest.detect.SourceKind} (the
 * {@code ingest} kind that reads it), the reader picked and what decided it. Drillhole tables and block-model CSVs are
 * recognised but need options only the user can give, so their detection carries the command to run instead.
 * The extension is never the only evidence: a Shapefile's side files are the one case where it is used.
 */
package org.geoassure.ingest.detect;
