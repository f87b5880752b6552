/**
 * Internals of the GOCAD reader: the line tokenizer and object parser. Not API: use
 * {@link org.geoassure.ingest.gocad.GocadReader}.
 */
package org.geoassure.ingest.gocad.internal;
