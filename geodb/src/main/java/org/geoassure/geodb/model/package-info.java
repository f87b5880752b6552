/**
 * Immutable value types of the GeoAssure data model.
 *
 * <p>Conventions: coordinates are doubles in the workspace CRS (x east or longitude, y north or latitude,
 * z elevation, up); "depth" is along the hole, never z; lengths in metres; azimuth in degrees clockwise from
 * grid north; dip in degrees, negative downwards; instants in UTC. Periods are half-open [from, to) with
 * an open end meaning "until further notice".
 *
 * <p>Every stored object is bitemporal: a <em>valid</em> period (when it is true in the ground) and a
 * <em>recorded</em> period (from when the store knew it until it was superseded). Updates never overwrite.
 *
 * <p>{@link org.geoassure.geodb.model.SolidCheck} tells whether a {@link org.geoassure.geodb.model.Mesh} bounds a
 * solid (closed, manifold, oriented, not crossing itself), for the readers that make {@code SOLID} features.
 */
package org.geoassure.geodb.model;
