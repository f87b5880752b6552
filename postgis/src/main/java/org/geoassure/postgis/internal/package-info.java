/**
 * Do not use outside this module: the PostGIS engine behind {@link org.geoassure.postgis.PostgisWorkspaces}.
 * {@code PgStore} opens, migrates ({@code PgSchema}) and reads; {@code PgIngest} is one write transaction. Versioning
 * decisions, derived positions and predicate typing are shared with the embedded engine through geodb's
 * {@code store.internal} ({@code Bitemporal}, {@code PreparedHole}, {@code Predicates}).
 */
package org.geoassure.postgis.internal;
