package org.geoassure.geodb.model;

/**
 * A file read by an ingest.
 *
 * @param role what the file was (collar, survey, intervals:lithology, ...)
 * @param name file name as given by the user
 * @param sha256 hex SHA-256 of the file's bytes
 * @param rows data rows read (header excluded)
 */
public record SourceFile(String role, String name, String sha256, long rows) {
}
