/**
 * Helpers shared by the vector and surface readers (source-file checksums, I/O errors). Not API.
 */
package org.geoassure.ingest.feature.internal;
