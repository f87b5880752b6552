package org.geoassure.ingest.segy;

/**
 * The fields of the 400-byte binary header (file bytes 3201-3600) that the reader uses or reports, as stored
 * (before the reader's fallbacks: see {@link SegyFile#samplesPerTrace()} and {@link SegyFile#sampleInterval()}).
 * Byte positions in the parameter descriptions are the 1-based positions of the SEG-Y standard.
 *
 * @param jobId 3201-3204
 * @param lineNumber 3205-3208
 * @param reelNumber 3209-3212
 * @param tracesPerEnsemble 3213-3214
 * @param sampleInterval 3217-3218, microseconds (or Hz, m, ft for other domains)
 * @param samplesPerTrace 3221-3222, unsigned
 * @param formatCode 3225-3226
 * @param ensembleFold 3227-3228
 * @param sortingCode 3229-3230 (as written; {@link SurveyGeometry#sorting()} is what the trace headers show)
 * @param measurementSystem 3255-3256: 1 metres, 2 feet
 * @param revisionMajor 3501 (0 for rev 0; see {@link SegyReader} for writers that store the revision as a 16-bit
 *     integer)
 * @param revisionMinor 3502
 * @param fixedLengthTraces 3503-3504 equals 1
 * @param extendedTextualHeaders 3505-3506: count, or -1 for a variable count ended by {@code ((SEG: EndText))}
 * @param additionalTraceHeaders rev 2, 3507-3510: 240-byte trace-header extensions following each trace header
 * @param byteOrderField rev 2, 3297-3300 as read big-endian: 0x01020304 big-endian, 0x04030201 little-endian,
 *     0 when not set
 * @param extendedSamplesPerTrace rev 2, 3269-3272 (0 when not set)
 * @param extendedSampleInterval rev 2, 3273-3280 (0 when not set)
 */
public record BinaryHeader(int jobId, int lineNumber, int reelNumber, int tracesPerEnsemble, int sampleInterval,
        int samplesPerTrace, int formatCode, int ensembleFold, int sortingCode, int measurementSystem,
        int revisionMajor, int revisionMinor, boolean fixedLengthTraces, int extendedTextualHeaders,
        int additionalTraceHeaders, int byteOrderField, long extendedSamplesPerTrace, double extendedSampleInterval) {
}
