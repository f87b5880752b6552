/**
 * The PostGIS storage engine: {@link org.geoassure.postgis.PostgisWorkspaces} opens a
 * {@link org.geoassure.geodb.store.WorkspaceStore} kept in one PostgreSQL schema. It passes the same SPI conformance
 * suite as the embedded engine.
 *
 * <h2>Schema</h2>
 * {@code boreholes} (collar {@code geometry(PointZ, srid)}), {@code surveys}, {@code traces}
 * ({@code geometry(LineStringZ, srid)}), {@code ga_interval_set} and one table per interval table
 * ({@code intervals_<name>}: from-mid-to {@code geometry(LineStringZ, srid)}, nine position columns, typed attribute
 * columns), plus the ingest log ({@code ga_ingest*}) and the catalog ({@code ga_workspace}, {@code ga_interval_table},
 * {@code ga_interval_column}, {@code schema_version}). Geometry columns carry {@code gist_geometry_ops_nd} indexes.
 * The SRID is the workspace CRS's EPSG code.
 *
 * <p>The store is also a {@link org.geoassure.geodb.store.FeatureStore} ({@code features}: {@code geometry(GeometryZ,
 * srid)}, meshes as {@code bytea} in the embedded engine's blob format, {@code jsonb} attributes, the version box under
 * an n-D GiST index) and a {@link org.geoassure.geodb.store.SeriesStore} ({@code series_station_key},
 * {@code series_stations}, {@code series_readings} partitioned by UTC year), with the embedded engine's versioning
 * rules and SQL, and passes both capabilities' conformance suites. Block models are not stored here yet.
 *
 * <h2>Time</h2>
 * The four bitemporal columns are {@code bigint} UTC microseconds with {@link java.lang.Long#MAX_VALUE} as an open
 * end, exactly as in the embedded engine (no time-zone or precision conversions; the rules of
 * {@link org.geoassure.geodb.store} apply unchanged).
 *
 * <h2>Concurrency</h2>
 * Each ingest is one transaction; writers of a workspace are serialised by a table lock on {@code ga_ingest}, readers
 * never wait and never see part of a batch (READ COMMITTED, every read is one statement).
 */
package org.geoassure.postgis;
