/**
 * Internals of the drillhole reader: the streaming CSV tokenizer, header detection, number parsing and the read
 * itself. Not API: use {@link org.geoassure.ingest.drillhole.DrillholeReader}.
 */
package org.geoassure.ingest.drillhole.internal;
