/**
 * GeoAssure's database: one bitemporal 3D store for a mine.
 *
 * <p>Packages show the architecture:
 * <ul>
 *   <li>{@code model}: immutable value types (collars, survey stations, interval rows, versions,
 *       provenance) in SI units and the workspace CRS;</li>
 *   <li>{@code analysis}: computations on the model, desurvey first;</li>
 *   <li>{@code crs}: coordinate reference systems as objects (EPSG codes validated with proj4j);</li>
 *   <li>{@code query}: the query vocabulary (spatial filters, attribute predicates, time slices);</li>
 *   <li>{@code store}: the storage SPI and its engines (embedded GeoPackage/SQLite now, PostGIS later).
 *       Implementation classes live in {@code internal} sub-packages and are not for use outside geodb.</li>
 * </ul>
 *
 * <p>Exceptions form one family: {@link org.geoassure.geodb.InvalidContentException} for bad input
 * (with file and line), {@link org.geoassure.geodb.StorageException} for failures of the store,
 * {@link org.geoassure.geodb.UnsupportedFormatException} for inputs we do not read.
 */
package org.geoassure.geodb;
