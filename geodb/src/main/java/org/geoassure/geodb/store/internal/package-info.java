/**
 * Do not use outside geodb and the engine modules (postgis): the storage engines behind
 * {@link org.geoassure.geodb.store.WorkspaceStore}.
 *
 * <ul>
 *   <li>{@code PreparedHole}: what every engine derives from a hole before storing it (trace, positions, hashes);</li>
 *   <li>{@code SqliteStore}: the embedded engine (GeoPackage over sqlite-jdbc): open/create, catalog, reads;</li>
 *   <li>{@code BitemporalWriter}, {@code Bitemporal}: one drillhole write with the bitemporal rules, engine-independent
 *       (every engine extends the writer with its SQL); {@code Predicates}: attribute predicates as SQL;</li>
 *   <li>{@code SqliteIngest}: the embedded engine's SQL for a write;</li>
 *   <li>{@code IntervalChunks}, {@code BoxBuffer}, {@code RowPredicate}: read-optimised chunks of interval rows,
 *       Morton-ordered R*Tree loading, Java evaluation of attribute predicates with SQLite semantics;</li>
 *   <li>{@code Schema}, {@code GpkgGeometry}: the GeoPackage tables and geometry encoding;</li>
 *   <li>{@code FeatureTables} (with an engine {@code Dialect}), {@code FeatureCodec}, {@code FeatureRefine},
 *       {@code SeriesTables}, {@code LogTables}: the SQL of features, series and logs, one body for both engines;
 *       {@code SqlReads}, {@code SqlFeatureReads}, {@code SqlSeriesReads}: the capability reads as default methods
 *       over an engine's connection; {@code IntegrityCheck}: the checks behind {@code check()}.</li>
 * </ul>
 */
package org.geoassure.geodb.store.internal;
