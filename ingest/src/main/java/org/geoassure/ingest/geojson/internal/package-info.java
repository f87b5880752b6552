/**
 * Internals of the GeoJSON reader: geometry objects into JTS. Not API: use
 * {@link org.geoassure.ingest.geojson.GeoJsonReader}.
 */
package org.geoassure.ingest.geojson.internal;
