/**
 * GOCAD Voxet regular grids ({@code .vo} header and raw binary property files) as block models: reading
 * ({@link org.geoassure.ingest.voxet.VoxetReader}) and writing ({@link org.geoassure.ingest.voxet.VoxetWriter}).
 *
 * <h2>Geometry</h2>
 * The header places node (iu, iv, iw) at {@code AXIS_O + (MIN_u + iu·s_u)·AXIS_U + (MIN_v + iv·s_v)·AXIS_V +
 * (MIN_w + iw·s_w)·AXIS_W} with {@code s = (AXIS_MAX − AXIS_MIN) / (AXIS_N − 1)}. A voxet value belongs to a node;
 * GOCAD paints it over the cell centred on the node, so each node becomes the <em>centre</em> of a block model cell
 * and the block model's corner (its origin) lies half a node step before the first node along each axis. For
 * {@code small.vo} (AXIS_O 696000 6863000 −40000, 500 m steps) the first cell's centre is AXIS_O and the model
 * origin is (695750, 6862750, −40250).
 * <ul>
 *   <li>U and V must be horizontal and orthogonal and W vertical (within 1e-6 relative): the block model rotation is
 *       the angle of U from +x (counter-clockwise). When V points clockwise from U, or W points down, that axis is
 *       read in reverse so that j is 90° counter-clockwise from i and k is up. Tilted or oblique axes are refused
 *       ({@link org.geoassure.geodb.UnsupportedFormatException}).</li>
 *   <li>{@code ZPOSITIVE Depth} negates z (stored z is up). Only metre coordinates are accepted.</li>
 *   <li>A grid with one node along W and no W length (a 2-D map stored as a voxet) becomes one layer 1 m thick
 *       centred on the nodes, with a warning.</li>
 * </ul>
 *
 * <h2>Property files</h2>
 * {@code PROP_FORMAT RAW} only, big-endian (GOCAD's order), u fastest, then v, then w, from {@code PROP_OFFSET}.
 * {@code PROP_ETYPE IEEE} with {@code PROP_ESIZE} 4 (float32; {@code PROP_STORAGE_TYPE Int}: int32), 8 (float64),
 * 2 (int16, or uint16 with {@code PROP_SIGNED 0}), 1 (uint8, or int8 with {@code PROP_SIGNED 1}); {@code octet}
 * with size 1. Float properties are stored as float32/float64 attributes, integer ones as int32. The
 * {@code PROP_NO_DATA_VALUE} and NaN are nulls. An integer property given a code table
 * ({@code code,"label"[,r,g,b]} CSV, as GOCAD lithology colour tables are exported) is stored as a category, its
 * colours in the provenance; a {@code PROPERTY_SUBCLASS ROCK} property without one stays int32 codes, with a warning. {@code PROP_STORAGE_TYPE RGBA} (images) is refused. A file shorter
 * than its values is refused before anything is read; {@code PROP_SAMPLE_STATS} is compared with the values read
 * and a difference is a warning.
 */
package org.geoassure.ingest.voxet;
