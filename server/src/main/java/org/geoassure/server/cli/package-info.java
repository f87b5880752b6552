/**
 * The {@code geoassure} command line (picocli): one class per command, {@link org.geoassure.server.cli.GeoAssureCli}
 * as the entry point. Exit codes: 0 success, 2 bad input ({@link org.geoassure.geodb.InvalidContentException}, with
 * file:line or the option named), 1 internal failure. Output formats: CSV, JSON and Arrow IPC stream
 * ({@link org.geoassure.server.cli.ArrowRows}), streamed row by row or batch by batch. See docs/cli.md.
 */
package org.geoassure.server.cli;
