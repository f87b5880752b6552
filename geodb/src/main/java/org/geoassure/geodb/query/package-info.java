/**
 * The query vocabulary shared by every engine and front end: {@link org.geoassure.geodb.query.Selection}
 * (hole ids, a {@link org.geoassure.geodb.query.SpatialFilter}, {@link org.geoassure.geodb.query.AttributePredicate}s
 * and a bitemporal {@link org.geoassure.geodb.query.TimeSlice}).
 *
 * <p>Execution in every engine: index candidates (R*Tree boxes in float32, rounded outward) then an exact refine in
 * double. Geometries: a hole is its desurveyed trace (a polyline densified so the chord is within 1 cm of the
 * minimum-curvature arc, extended to total depth); an interval is the polyline from -> mid -> to; a station is a
 * point. Distances are 3D Euclidean in the workspace CRS (PostGIS {@code ST_3DDistance} semantics).
 */
package org.geoassure.geodb.query;
