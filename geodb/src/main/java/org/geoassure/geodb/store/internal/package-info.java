/**
 * Do not use outside geodb: the storage engines behind {@link org.geoassure.geodb.store.WorkspaceStore}.
 *
 * <ul>
 *   <li>{@code PreparedHole}: what every engine derives from a hole before storing it (trace, positions, hashes);</li>
 *   <li>{@code SqliteStore}: the embedded engine (GeoPackage over sqlite-jdbc): open/create, catalog, reads;</li>
 *   <li>{@code SqliteIngest}: one write transaction of the embedded engine (bitemporal versioning);</li>
 *   <li>{@code IntervalChunks}, {@code BoxBuffer}, {@code RowPredicate}: read-optimised chunks of interval rows,
 *       Morton-ordered R*Tree loading, Java evaluation of attribute predicates with SQLite semantics;</li>
 *   <li>{@code Schema}, {@code GpkgGeometry}: the GeoPackage tables and geometry encoding.</li>
 * </ul>
 */
package org.geoassure.geodb.store.internal;
