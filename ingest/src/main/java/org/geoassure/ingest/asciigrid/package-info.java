/**
 * ESRI (Arc/Info) ASCII grids ({@code .asc}) as a surface:
 * {@link org.geoassure.ingest.asciigrid.AsciiGridReader} turns a DEM or a gridded horizon into one
 * {@link org.geoassure.geodb.model.FeatureKind#SURFACE} feature, because the data model (DESIGN §3, "Surface: TIN or
 * regular grid") has no separate 2D grid type: its {@link org.geoassure.geodb.model.Mesh} is the regular
 * triangulation of the cell centres.
 *
 * <ul>
 *   <li>header: {@code ncols}, {@code nrows}, {@code xllcorner} or {@code xllcenter}, {@code yllcorner} or
 *       {@code yllcenter}, {@code cellsize} or {@code dx} and {@code dy} (GDAL's extension), optional
 *       {@code NODATA_value}; keys in any case, in any order, each once;</li>
 *   <li>values: {@code nrows} rows of {@code ncols} numbers, the first row the northern one, in any line layout;
 *       each valid cell is a vertex at its centre (x = xllcorner + (i + 0.5) dx, y = yllcorner + (nrows - j - 0.5)
 *       dy for file row j), z = the value;</li>
 *   <li>triangles: two per 2x2 block of valid centres (one where a single corner is NODATA), counter-clockwise seen
 *       from above; NODATA cells are left out with a count in the warnings;</li>
 *   <li>CRS: the .prj beside the grid, as for a Shapefile (an EPSG authority, or the ESRI WKT of WGS 84, CGCS2000
 *       and its Gauss-Kruger zones, WGS 84 UTM), else none; attributes {@code ncols}, {@code nrows}, {@code dx},
 *       {@code dy}, {@code nodata_cells}.</li>
 * </ul>
 *
 * <p>The file is read line by line (no whole-file string); a value that is not a number, too few or too many values,
 * or a header error is an {@link org.geoassure.geodb.InvalidContentException} naming the line.
 */
package org.geoassure.ingest.asciigrid;
