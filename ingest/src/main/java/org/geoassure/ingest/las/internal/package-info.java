/**
 * Internals of the LAS reader: the line source over a decoded char buffer, header-line parsing, the data-section
 * tokenizer and number parser. Not API: use {@link org.geoassure.ingest.las.LasReader}.
 */
package org.geoassure.ingest.las.internal;
