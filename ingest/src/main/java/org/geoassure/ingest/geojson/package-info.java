/**
 * GeoJSON (RFC 7946) read into {@link org.geoassure.geodb.model.Feature}s:
 * {@link org.geoassure.ingest.geojson.GeoJsonReader#read(java.nio.file.Path,
 * org.geoassure.ingest.feature.FeatureOptions)}.
 *
 * <ul>
 *   <li>A FeatureCollection is streamed feature by feature (Jackson's streaming parser, one tree per feature); a
 *       single Feature or a bare geometry object gives one feature.</li>
 *   <li>Geometries: Point, MultiPoint, LineString, MultiLineString, Polygon (first ring the shell, the others
 *       holes; rings must be closed and have 4 or more positions), MultiPolygon; positions of 2 or 3 numbers (z NaN
 *       when absent; a fourth and later numbers are ignored, as RFC 7946 allows). A GeometryCollection of one kind
 *       becomes that kind (e.g. points into a MultiPoint); a mixed one is split into features {@code id:1},
 *       {@code id:2}, ... with a warning. Features with a null geometry are skipped with a warning.</li>
 *   <li>Properties: strings, booleans, integers that fit a long (Long), other numbers (Double), null; nested
 *       objects and arrays are kept as their JSON text, with a warning.</li>
 *   <li>Feature id = the "id" member (string or number), else the 1-based feature number; a repeated id gets
 *       {@code #2}, ...; name = the "name" property when it is a string, else the id.</li>
 *   <li>CRS: the 2008 {@code crs} member in its named form is kept (an {@code EPSG:n} or
 *       {@code urn:ogc:def:crs:EPSG::n} name gives the EPSG code); without it, RFC 7946's WGS 84 longitude /
 *       latitude ({@code EPSG:4326}, x = longitude).</li>
 * </ul>
 *
 * <p>Errors give the line where the feature begins, its number and the JSON path of the bad member:
 * {@code file:12: feature 3: geometry.coordinates[1]: a position must be an array of 2 or 3 numbers}. JSON syntax
 * errors give the parser's line. The options are not used: GeoJSON is UTF-8.
 */
package org.geoassure.ingest.geojson;
