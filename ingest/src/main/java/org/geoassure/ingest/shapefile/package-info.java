/**
 * ESRI Shapefiles read into {@link org.geoassure.geodb.model.Feature}s:
 * {@link org.geoassure.ingest.shapefile.ShapefileReader#read(java.nio.file.Path,
 * org.geoassure.ingest.feature.FeatureOptions)}, after the ESRI Shapefile Technical Description (July 1998) and the
 * dBASE III/IV table layout.
 *
 * <ul>
 *   <li>.shp, streamed record by record: Point, MultiPoint, PolyLine, Polygon and their Z and M variants. Z types
 *       give z, the others NaN; M values (below -1e38 = no data) are kept as the JTS measure. A PolyLine of one part
 *       is a LineString, of several a MultiLineString. Polygon rings: clockwise = outer, counter-clockwise = hole,
 *       each hole in the smallest outer ring containing it (a hole inside none is read as an outer ring, with a
 *       warning); one outer ring gives a Polygon, several a MultiPolygon. Null shapes are skipped with a warning
 *       (a feature needs a geometry). MultiPatch (type 31) is refused as unsupported.</li>
 *   <li>.dbf: one attribute map per record, in field order: C as String (blanks at both ends removed, as GDAL
 *       does; blank = null), N with no decimals and under 19 digits as Long, other N and F as Double, L as
 *       Boolean ({@code ?} = null), D as ISO date text {@code YYYY-MM-DD}, I as Long; other field types are
 *       skipped with a warning. Records marked deleted are skipped with a warning. Text charset: the
 *       {@link org.geoassure.ingest.feature.FeatureOptions}
 *       encoding, else the .cpg (e.g. {@code UTF-8}, {@code 1252}, {@code 936} = GBK), else the DBF language byte
 *       (e.g. 0x57 windows-1252, 0x4D / 0x7A GBK), else ISO-8859-1. The .dbf must have as many rows as the .shp has
 *       records.</li>
 *   <li>.prj: kept as the source CRS text, with an EPSG code when the WKT ends with an EPSG authority, or is the
 *       ESRI form of WGS 84 (4326), CGCS2000 (4490), a CGCS2000 3-degree Gauss-Kruger zone (4513-4533) or central
 *       meridian (4534-4554) or a WGS 84 UTM zone (326nn / 327nn) whose central meridian and false easting agree
 *       with its name.</li>
 *   <li>.shx: not needed for reading; its size is checked against the record count (a warning when it differs).</li>
 * </ul>
 *
 * <p>Feature id = the record number (1-based); name = the value of a text field called {@code name} (any case),
 * else the id. Errors give the byte offset: {@code file.shp: byte offset N: record R: reason}; lengths read from the
 * file are checked against the file size before anything is allocated.
 */
package org.geoassure.ingest.shapefile;
