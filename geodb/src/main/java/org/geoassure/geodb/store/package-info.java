/**
 * The storage SPI ({@link org.geoassure.geodb.store.WorkspaceStore}) and the factory for the embedded engine
 * ({@link org.geoassure.geodb.store.Workspaces}).
 *
 * <p>Engines live in {@code internal}; they share the derivation of traces and positions
 * ({@code internal.PreparedHole}) so that every engine stores the same numbers.
 *
 * <h2>Bitemporal versioning</h2>
 * Each hole version, survey row and interval row carries {@code valid_from, valid_to} (valid time) and
 * {@code recorded_at, superseded_at} (record time), in UTC microseconds. An open end is stored as
 * {@link java.lang.Long#MAX_VALUE}. A write at record time R with valid time V for an existing hole:
 * <ol>
 *   <li>finds the current versions (superseded_at open);</li>
 *   <li>if the version valid at V has the same content and an open valid end, writes nothing;</li>
 *   <li>otherwise supersedes (superseded_at = R) every current version whose valid period reaches past V,
 *       re-records the part of it before V as [from, V) at R, and records the new state as [V, open) at R.</li>
 * </ol>
 * The interval rows of one hole in one table are versioned as a set in the same way; a changed trace re-derives
 * the positions of the hole's interval rows in every table.
 *
 * <h2>Engine capabilities</h2>
 * Beside {@link org.geoassure.geodb.store.WorkspaceStore}, an engine may offer
 * {@link org.geoassure.geodb.store.BlockModelStore} (block model versions),
 * {@link org.geoassure.geodb.store.FeatureStore} (features in layers, versioned on both axes),
 * {@link org.geoassure.geodb.store.SeriesStore} (monitoring stations and readings, versioned on the record axis) and
 * {@link org.geoassure.geodb.store.WarningStore} (monitoring rule set versions and alert acknowledgements); test with
 * {@code instanceof}. The embedded engine has them all; PostGIS has features and series (each passing the
 * capability's conformance suite in geodb's test jar), not block models or warnings yet.
 *
 * <h2>Block model reads</h2>
 * A {@link org.geoassure.geodb.store.BlockModelStore} reads bricks through a cache of decoded bricks (columns, masks
 * and headers) held by the store and bounded in bytes: system property {@code geoassure.brickcache} ({@code 2g},
 * {@code 512m}, ...), by default 40 % of the maximum heap. The least recently used entries go first, so a model larger
 * than the bound or the heap streams through it and still answers; its use is reported by
 * {@link org.geoassure.geodb.store.BlockModelStore#brickCacheUse()}.
 */
package org.geoassure.geodb.store;
