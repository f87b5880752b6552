package org.geoassure.geodb.model;

/**
 * A stored version of a well log.
 *
 * @param log what was ingested (depths in metres)
 * @param valid valid period: from the valid start of the hole version current when the log was ingested
 * @param recorded record period: a re-ingest of the same hole and log name with other content closes it
 * @param ingestId the ingest that wrote this version
 */
public record LogRecord(LogData log, Period valid, Period recorded, long ingestId) {
}
