/**
 * Computations on the model: desurvey, and geostatistics (variograms, kriging, inverse distance).
 *
 * <h2>Geostatistics</h2>
 * <ul>
 *   <li>Data: {@link org.geoassure.geodb.analysis.Samples} (x, y, z, value; z = 0 for 2D).</li>
 *   <li>Experimental variograms: {@link org.geoassure.geodb.analysis.ExperimentalVariogram} over
 *       {@link org.geoassure.geodb.analysis.LagClasses} (right-closed classes as gstat) in a
 *       {@link org.geoassure.geodb.analysis.VariogramDirection} (cone and band, or omnidirectional).</li>
 *   <li>Models: {@link org.geoassure.geodb.analysis.VariogramModel} = nugget + nested
 *       {@link org.geoassure.geodb.analysis.VariogramStructure}s ({@link org.geoassure.geodb.analysis.StructureType}:
 *       spherical, exponential, gaussian with <i>practical</i> ranges, linear), each with an
 *       {@link org.geoassure.geodb.analysis.Ellipsoid} in GSLIB's rotation convention;
 *       {@link org.geoassure.geodb.analysis.VariogramFit} fits sills and ranges by weighted least squares with
 *       gstat's weights Nⱼ/hⱼ².</li>
 *   <li>Estimators: {@link org.geoassure.geodb.analysis.Kriging} (simple, ordinary, universal with linear drift; point
 *       or block with a {@link org.geoassure.geodb.analysis.BlockDiscretisation}) and
 *       {@link org.geoassure.geodb.analysis.InverseDistance}; run by {@link org.geoassure.geodb.analysis.Estimation}
 *       globally, at a point, or onto a {@link org.geoassure.geodb.grid.BlockModel} grid in parallel, with the
 *       {@link org.geoassure.geodb.analysis.Neighbourhood} found by {@link org.geoassure.geodb.analysis.NeighbourSearch}
 *       (k-d tree, anisotropic distance, optional octant limit).</li>
 * </ul>
 * Methods, parameters, defaults and the references reproduced are in docs/modelling.md.
 *
 * <h2>Models from boreholes</h2>
 * <ul>
 *   <li>{@link org.geoassure.geodb.analysis.ContactPicks}: unit runs and contacts from logged intervals.</li>
 *   <li>{@link org.geoassure.geodb.analysis.StratigraphicSurfaces}: the top of each unit of a stratigraphic order,
 *       estimated (IDW or ordinary kriging without nugget, honouring the picks) onto a
 *       {@link org.geoassure.geodb.analysis.SurfaceGrid}, clamped so that no surface rises above the one before it;
 *       thickness maps; SURFACE features (two triangles per grid cell) and back; optionally cut into fault blocks
 *       by {@link org.geoassure.geodb.analysis.FaultSurface}s (each block estimated from its own picks).</li>
 *   <li>{@link org.geoassure.geodb.analysis.LayerCake}: a category block model from the stacked surfaces.</li>
 *   <li>{@link org.geoassure.geodb.analysis.IndicatorModel}: a category block model for bodies that are not layers,
 *       by indicator kriging or IDW of each category, with optional probabilities.</li>
 *   <li>{@link org.geoassure.geodb.analysis.PropertyModel}: a grade or property block model (value and kriging
 *       variance), and {@link org.geoassure.geodb.analysis.IncrementalUpdate}: its re-estimation after new or
 *       changed samples, brick by brick, equal to a full rebuild.</li>
 *   <li>{@link org.geoassure.geodb.analysis.VariogramText}: a variogram model as one line of text.</li>
 * </ul>
 *
 * <h2>Desurvey</h2>
 * Desurvey comes first: {@link org.geoassure.geodb.analysis.Desurvey} turns a
 * collar and its survey stations into a {@link org.geoassure.geodb.analysis.HoleTrace}, the hole's 3D
 * path.
 *
 * <h2>Conventions (project rules)</h2>
 * <ul>
 *   <li>Coordinates: x east, y north, z elevation (up). Depth is measured along the hole from the collar
 *       (depth 0), in the same length unit as the coordinates.</li>
 *   <li>Azimuth A: degrees clockwise from grid north, any finite value, taken modulo 360.</li>
 *   <li>Dip: degrees, <b>negative downwards</b>, in [−90, 90]. Inclination from vertical-down is
 *       I = 90 + dip (dip −90 → I = 0, vertical down; dip 0 → horizontal). Sources that give
 *       inclination convert with dip = I − 90.</li>
 *   <li>Unit direction (east, north, up) = (sin I sin A, sin I cos A, −cos I)
 *       = (cos dip sin A, cos dip cos A, sin dip).</li>
 *   <li>Stations: depths strictly increasing and ≥ 0; at least one station (a hole without survey gets
 *       one station built by the caller from the collar orientation).</li>
 *   <li>Above the first station the hole runs straight from the collar along the first station's
 *       direction (a tie-in node at depth 0 is added when the first station is deeper than 0). A
 *       single-station hole is straight. Below the last station the hole continues straight along the
 *       last station's direction (extrapolation).</li>
 *   <li>Dogleg severity is reported in degrees per 30 length units (°/30 m); the oilfield °/100 ft is
 *       100/30 times that number.</li>
 * </ul>
 *
 * <h2>Formulas</h2>
 * For a course from station 1 (depth d₁, direction t₁) to station 2 (d₂, t₂), ΔMD = d₂ − d₁:
 * <ul>
 *   <li>Dogleg β = 2·atan2(|t₂ − t₁|, |t₂ + t₁|). This is numerically stable for every angle, unlike
 *       the textbook cos β = cos(I₂−I₁) − sin I₁ sin I₂ (1 − cos(A₂−A₁)) with acos, which loses half the
 *       digits for small β.</li>
 *   <li><b>Minimum curvature</b> (circular arc; Sawaryn &amp; Thorogood, SPE 84246, 2005):
 *       ΔP = ΔMD/2 · (t₁ + t₂) · RF(β), ratio factor RF(β) = tan(β/2)/(β/2), taken as
 *       1 + β²/12 + β⁴/120 for β &lt; 1e-4 and exactly 1 for β = 0.</li>
 *   <li><b>Tangent</b>: ΔP = ΔMD · t₂ (the lower station's direction for the whole course).</li>
 *   <li><b>Balanced tangent</b>: ΔP = ΔMD/2 · (t₁ + t₂).</li>
 *   <li>Consecutive stations whose dogleg is within 1e-9 rad of π (anti-parallel) have no defined path
 *       and are rejected with a {@link org.geoassure.geodb.analysis.DesurveyException} naming the
 *       station, as are bad depths and angles.</li>
 * </ul>
 *
 * <h2>Positions between stations</h2>
 * <ul>
 *   <li>Minimum curvature: a point at depth s ∈ [d₁, d₂] lies on the arc, not the chord. With
 *       f = (s − d₁)/ΔMD the direction there is the slerp t(f) = (sin((1−f)β) t₁ + sin(fβ) t₂)/sin β and
 *       the displacement from station 1 is (f·ΔMD/2)(t₁ + t(f))·RF(fβ).</li>
 *   <li>Tangent and balanced tangent: linear interpolation between the two computed nodes (their
 *       "path" is only defined at the nodes).</li>
 *   <li>Courses whose two directions are identical are straight for every method. Within a run of
 *       identical directions positions are measured from the start of the run, so a vertical hole's
 *       elevation drop equals its depth exactly (no accumulated rounding).</li>
 * </ul>
 *
 * <h2>Sources and tests</h2>
 * Formulas: Sawaryn, S.J. and Thorogood, J.L., "A Compendium of Directional Calculations Based on the
 * Minimum Curvature Method", SPE Drilling &amp; Completion 20(1), 2005 (SPE 84246). The tests compare
 * with published results: the textbook single-interval example (Lapeyrouse, <i>Formulas and
 * Calculations for Drilling, Production and Workover</i>), the regression cases and survey reports of
 * wellpathpy and welly, the ISCWSA standard well paths (r4, 2017) and pygslib's direction vectors; the
 * test resources' {@code SOURCES.md} names every file's origin and licence.
 */
package org.geoassure.geodb.analysis;
