/**
 * Hazard analyses as explainable computations over values: points, grids and JTS geometries in, zones, statistics
 * and an {@link org.geoassure.geodb.hazard.Explanation} out. Reading the inputs from a workspace as of a date is the
 * caller's job; the inputs' identities, versions and as-of times travel with them ({@link
 * org.geoassure.geodb.hazard.InputRef}) into the explanation. Formulas, parameter sources and worked examples:
 * {@code docs/hazards.md}.
 *
 * <h2>Analyses</h2>
 * <ul>
 *   <li>{@link org.geoassure.geodb.hazard.WaterInrush}: floor water-inrush coefficient T = P / M (MPa/m) on an
 *       {@link org.geoassure.geodb.hazard.AnalysisGrid}, classified against 0.06 MPa/m in structurally disturbed
 *       zones and 0.10 MPa/m elsewhere (configurable).</li>
 *   <li>{@link org.geoassure.geodb.hazard.FractureZone}: height of the water-conducting fracture zone from the mined
 *       thickness and the overburden class, against the distance to the aquifer above.</li>
 *   <li>{@link org.geoassure.geodb.hazard.FaultPillar}: waterproof pillar width beside a water-bearing fault.</li>
 *   <li>{@link org.geoassure.geodb.hazard.Proximity}: distances (3D and plan) from working faces to faults, goaf,
 *       old workings, collapse columns and water-bearing boreholes, against named rule sets of lines.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>SI units inside: metres, m², and MPa for pressure (the unit in which the field states T, MPa/m). Heads are in
 *       metres and convert with ρg = 1000 kg/m³ × 9.80665 m/s² unless given.</li>
 *   <li>Coordinates are doubles in the workspace CRS; z is elevation, up.</li>
 *   <li>Grids: cell (i, j) has index j·nx + i, centre at local ((i + ½)dx, (j + ½)dy), the placement of
 *       {@link org.geoassure.geodb.grid.BlockModel}; NaN is "no value".</li>
 *   <li>Every coefficient is a parameter; the defaults carry their source and a confidence, and where the standard's
 *       text could not be checked the source says "unverified".</li>
 *   <li>Bad input throws {@link org.geoassure.geodb.InvalidContentException} naming the field.</li>
 * </ul>
 */
package org.geoassure.geodb.hazard;
