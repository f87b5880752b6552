/**
 * GOCAD ASCII objects read into {@link org.geoassure.geodb.model.Feature}s:
 * {@link org.geoassure.ingest.gocad.GocadReader#read(java.nio.file.Path, org.geoassure.ingest.feature.FeatureOptions)}.
 *
 * <ul>
 *   <li><b>TSurf</b>: one {@code SURFACE} feature per object, all its {@code TFACE}s in one
 *       {@link org.geoassure.geodb.model.Mesh} (attribute {@code tfaces} = their count). {@code VRTX}, {@code PVRTX}
 *       (with the {@code PROPERTIES} values as vertex properties, {@code NO_DATA_VALUES} as NaN, {@code ESIZES} > 1
 *       as columns {@code P[0]}, {@code P[1]}, ...), {@code ATOM} / {@code PATOM} (a new vertex at the position of
 *       the one it names), {@code TRGL}. Vertex ids may be sparse and in any order; triangles may name vertices
 *       defined after them in the same object. {@code BSTONE}, {@code BORDER} and styles are not kept.</li>
 *   <li><b>TSolid</b>: one {@code SOLID} feature per object: the outer surface of its {@code TETRA}s (the faces of
 *       one tetrahedron only, turned outwards; an ATOM is the vertex it names, so faces between regions split by
 *       ATOMs are inside; vertices inside dropped), attributes {@code tetrahedra} and
 *       {@code tvolumes}. It must bound a solid ({@link org.geoassure.geodb.model.SolidCheck}): a flat tetrahedron,
 *       tetrahedra that overlap or touch only at an edge or a vertex, or an outer surface that crosses itself are
 *       refused with the lines of the TETRAs concerned.</li>
 *   <li><b>PLine</b>: one {@code LINES} feature; each {@code ILINE} gives one or more line strings, its {@code SEG}s
 *       chained while each starts where the last ended. Vertex properties are not kept (a warning says so).</li>
 *   <li><b>VSet</b>: one {@code POINTS} feature (a MultiPoint); a VSet of a single vertex is a Point whose property
 *       values become attributes (Double, null for no-data). Vertex properties of larger VSets are not kept.</li>
 *   <li><b>Well</b>: one {@code LINES} feature named as the well: the path from {@code WREF} through the
 *       {@code STATION md inclination azimuth} stations by minimum curvature (inclination from vertical, as GOCAD
 *       writes it), or else through its {@code PATH md z dx dy} points (z absolute, dx and dy from WREF);
 *       attributes {@code wref_x/y/z} and the names of the curves. Curve values, held in the binary
 *       {@code BINARY_DATA_FILE}, are not read; a warning says so. Markers and zones are not kept.</li>
 *   <li><b>Groups</b> ({@code HomogeneousGroup}, {@code HeterogeneousGroup}): every member between
 *       {@code BEGIN_MEMBERS} and {@code END_MEMBERS} is read (nested groups too), with attribute {@code group}.</li>
 *   <li>Several objects may follow one another in one file. Other object types (Voxet, SGrid, GSurf, ...)
 *       are refused with {@link org.geoassure.geodb.UnsupportedFormatException} when first in the file, else skipped
 *       with a warning.</li>
 * </ul>
 *
 * <p>Conventions: {@code ZPOSITIVE Depth} in {@code GOCAD_ORIGINAL_COORDINATE_SYSTEM} turns every z (and WREF z) to
 * elevation (z up) by negating it; triangle order is kept as in the file. Feature id = the header {@code name}
 * (the type when there is none; a repeated name gets {@code #2}, {@code #3}); {@code GEOLOGICAL_TYPE} becomes the
 * role (e.g. {@code fault}). A coordinate-system {@code NAME} other than {@code Default} is kept as the source CRS
 * text. Coordinates are not converted when {@code AXIS_UNIT} is not metres (a warning says so).
 */
package org.geoassure.ingest.gocad;
