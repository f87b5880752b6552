package org.geoassure.ingest.segy;

/**
 * One 3200-byte textual header (the main one or an extended one), decoded.
 *
 * @param text the 3200 characters as decoded (no line breaks added; card images are 80 characters each)
 * @param encoding the character set it was decoded from
 * @param byteOffset 0-based file offset of its first byte
 */
public record TextualHeader(String text, Encoding encoding, long byteOffset) {
    /** Character sets of textual headers. */
    public enum Encoding {
        /** EBCDIC, code page 037 (the SEG-Y default). */
        EBCDIC,
        /** ASCII (allowed from SEG-Y rev 1). */
        ASCII
    }

    /** Card image {@code i} (0-based, 40 in a header): 80 characters without trailing blanks. */
    public String card(int i) {
        int from = Math.min(text.length(), i * 80);
        return text.substring(from, Math.min(text.length(), from + 80)).stripTrailing();
    }
}
