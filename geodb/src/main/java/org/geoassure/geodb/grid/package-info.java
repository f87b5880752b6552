/**
 * Block models and 3D grids: definitions, bricked columnar cells, selections and aggregates.
 *
 * <h2>Concepts</h2>
 * <ul>
 *   <li>{@link org.geoassure.geodb.grid.BlockModel}: a regular grid placed in the workspace CRS by its lower-left
 *       corner (origin), a rotation about z (degrees, counter-clockwise from above, about the origin), cell sizes
 *       (dx, dy, dz) and dimensions (nx, ny, nz); z is up. Cells are addressed by (i, j, k) from 0; the centroid of
 *       (i, j, k) is at local ((i + ½)dx, (j + ½)dy, (k + ½)dz).</li>
 *   <li>Typed attributes ({@link org.geoassure.geodb.grid.BlockAttribute}): float32, float64, int32 and category
 *       (int32 codes into a code table). Null is NaN for floats and {@code Integer.MIN_VALUE} for the int types.</li>
 *   <li>{@link org.geoassure.geodb.grid.Brick}: 32³ cells, one primitive array per attribute plus a presence mask.
 *       Sparse models store only present cells' bricks; an absent cell is not a null cell (it is not counted).
 *       Bricks are ordered by the {@link org.geoassure.geodb.grid.Morton} code of their brick coordinates and carry
 *       {@link org.geoassure.geodb.grid.BrickStats} per attribute (min, max, count, null count).</li>
 *   <li>{@link org.geoassure.geodb.grid.BlockData}: a model in memory; a store gives a lazily read
 *       {@link org.geoassure.geodb.grid.BrickSource} ({@link org.geoassure.geodb.store.BlockModelStore}).</li>
 *   <li>{@link org.geoassure.geodb.grid.BlockScan}: selections ({@link org.geoassure.geodb.grid.BlockQuery}: a world
 *       box tested on centroids, honouring rotation, and attribute predicates) and aggregates
 *       ({@link org.geoassure.geodb.grid.Aggregation}: count, volume with a partial attribute, tonnage with a
 *       constant or attribute density, mean/min/max, grade-tonnage curve). Bricks are pruned by the box's index
 *       range and by their statistics; the {@link org.geoassure.geodb.grid.ScanReport} says how many were skipped.</li>
 *   <li>{@link org.geoassure.geodb.grid.CellRegion}: cells selected by geometry rather than a box: inside a closed
 *       triangle mesh (column scanline parity with the top-left rule, so a centroid on a shared edge counts once),
 *       above or below a surface, within a distance of lines or points; a query limited to a region skips the bricks
 *       the region does not touch.</li>
 *   <li>{@link org.geoassure.geodb.grid.BlockSlices}: a horizontal slice or a vertical section along a polyline of one
 *       attribute, as a 2D grid of samples with world coordinates; {@link org.geoassure.geodb.grid.BlockScan#histogram}
 *       bins an attribute over a selection.</li>
 * </ul>
 *
 * <p>The stored brick format ({@link org.geoassure.geodb.grid.BrickCodec}) is little-endian primitive arrays, the
 * same for every engine.
 */
package org.geoassure.geodb.grid;
