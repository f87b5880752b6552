/**
 * LAS well logs (Canadian Well Logging Society Log ASCII Standard 1.2, 2.0 and 3.0) read into an immutable
 * {@link org.geoassure.ingest.las.LasFile}.
 *
 * <p>Entry point: {@link org.geoassure.ingest.las.LasReader#read(java.nio.file.Path, LasOptions)}. The file is
 * streamed once (twice when a column turns out to hold text, or when it is not valid UTF-8): header sections become
 * ordered lists of {@link org.geoassure.ingest.las.HeaderItem}s, data sections become
 * {@link org.geoassure.ingest.las.LasTable}s of {@link org.geoassure.ingest.las.Curve}s holding packed
 * {@code double} values (nulls as NaN) or text.
 *
 * <p>Conventions:
 * <ul>
 *   <li>Sections are recognised by the first letter of their title (V, W, C, P, O, A) and, in any version, by the
 *       LAS 3 suffixes {@code _Parameter}, {@code _Definition}, {@code _Data} or a {@code | definition} in the
 *       title. A data section takes its columns from the named definition, else from {@code xxx_Definition} for
 *       {@code xxx_Data}, else (for {@code ~A}) from the last {@code ~C}; with none, columns are named
 *       {@code UNKNOWN}.</li>
 *   <li>Mnemonics are upper-cased; duplicates within a section are renamed {@code M:1}, {@code M:2}, ... (all
 *       occurrences, as lasio does); the text as written is kept in {@link HeaderItem#originalMnemonic()}.</li>
 *   <li>LAS 1.2 {@code ~W}: except for STRT, STOP, STEP and NULL the information is after the colon, so the
 *       value and description fields are swapped to give {@code UWI.value()} the identifier.</li>
 *   <li>Data delimiter: LAS 3 {@code DLM} (SPACE, TAB, COMMA; also honoured in 2.0); otherwise blanks, or commas
 *       when the first data line splits into the curve count by commas but not by blanks. With blank or tab
 *       delimiters a comma is a decimal mark ({@code 123,42}). Values in double quotes (and, in blank-delimited
 *       data, single quotes) may contain delimiters and line breaks; the quotes are removed.</li>
 *   <li>Rows of an unwrapped table must all have as many values as the first; when the first row has fewer values
 *       than there are curves, the missing trailing curves are all null and a warning says so. Wrapped tables
 *       take values across lines until a row is complete.</li>
 *   <li>Nulls follow the {@link org.geoassure.ingest.las.NullPolicy}; the index (first curve) is never nulled by
 *       number. Values that are not numbers make the curve text by default
 *       ({@link org.geoassure.ingest.las.LasOptions.NonNumeric}); LAS 3 channels with format {@code {S}} are
 *       text.</li>
 *   <li>Text encoding: see {@link org.geoassure.ingest.las.LasOptions}.</li>
 * </ul>
 *
 * <p>Differences from lasio worth knowing: header-only files need
 * {@link org.geoassure.ingest.las.LasOptions#withHeaderOnlyAllowed}; a row whose value count differs from the first
 * row's is an error, not reshaped; numbers in text channels of LAS 3 are kept as numbers in numeric channels
 * ({@code YME} 2.85E+12 is the double 2.85e12); encodings are reported as Java charsets (windows-1252, UTF-8 or UTF-16LE
 * with {@link org.geoassure.ingest.las.LasFile#byteOrderMark()}).
 *
 * <p>Errors: {@link org.geoassure.geodb.InvalidContentException} {@code file:line: reason} (naming the curve where
 * one is concerned), {@link org.geoassure.geodb.UnsupportedFormatException} for files that are not LAS and for wrapped
 * LAS 3, {@link org.geoassure.geodb.StorageException} for I/O failures. Allocations sized from header values are
 * bounded by the file size; lines longer than 16 Mi characters and quoted values longer than 1 Mi are rejected.
 */
package org.geoassure.ingest.las;
