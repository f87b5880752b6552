/**
 * GeoPackage (OGC 12-128r19, {@code .gpkg}) feature tables as features:
 * {@link org.geoassure.ingest.geopackage.GeoPackageReader} reads every table {@code gpkg_contents} lists with
 * {@code data_type = 'features'} (or those named), one {@link org.geoassure.ingest.geopackage.GeoPackageReader.Layer}
 * per table, because each table has its own CRS.
 *
 * <ul>
 *   <li>geometry: the GeoPackage blob header ({@code GP}, version 0, flags, srs_id, envelope) then ISO WKB, 2D, Z, M
 *       or ZM; M values are dropped with a warning; NULL and empty geometries are skipped with a count in the
 *       warnings; a GeometryCollection is split as the GeoJSON reader splits it;</li>
 *   <li>CRS: the table's {@code gpkg_geometry_columns.srs_id} row of {@code gpkg_spatial_ref_sys}; its
 *       {@code organization_coordsys_id} when the organization is EPSG, else an EPSG id at the end of its WKT, else
 *       the WKT without a code; srs_id 0 and -1 (undefined) state no CRS;</li>
 *   <li>attributes: every other column but the primary key (the feature id), INTEGER as Long, REAL as Double, TEXT
 *       (and DATE, DATETIME) as String, BOOLEAN as Boolean; BLOB columns are left out with a warning; the display
 *       name is a text column called {@code name} (any case), else the id.</li>
 * </ul>
 *
 * <p>The file is opened read-only and {@code immutable} (no lock, journal or WAL file is made beside it) through
 * sqlite-jdbc, which the workspace engine already uses; geometries are decoded with JTS. A GeoAssure workspace (also
 * a GeoPackage) is refused as a source: its layers are versioned, and reading them as plain features would drop the
 * versions and the provenance. A damaged database is an {@link org.geoassure.geodb.InvalidContentException} with
 * SQLite's reason; a bad geometry names the table and the feature id.
 */
package org.geoassure.ingest.geopackage;
