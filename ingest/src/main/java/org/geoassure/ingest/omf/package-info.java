/**
 * Open Mining Format files, version 1 (omf-python 1.x: binary header, JSON index at the end, zlib arrays) and version
 * 2 (omf-rust: a zip of {@code index.json.gz} and Parquet arrays), read into GeoAssure features and block models:
 * {@link org.geoassure.ingest.omf.OmfReader#read(java.nio.file.Path, org.geoassure.ingest.omf.OmfOptions)}.
 *
 * <p>Mapping of elements (OMF 2 geometry types; the OMF 1 classes in brackets):
 * <ul>
 *   <li><b>PointSet</b> [PointSetElement]: without vertex attributes one {@code POINTS} feature (a MultiPoint, or a
 *       Point for one vertex); with them one {@code POINTS} feature per vertex, id {@code name/i} (i from 0), carrying
 *       that vertex's values.</li>
 *   <li><b>LineSet</b> [LineSetElement]: one {@code LINES} feature; segments are chained while each starts where the
 *       previous ended, giving a LineString or a MultiLineString. Vertex and segment values are not kept.</li>
 *   <li><b>Surface</b> [SurfaceElement with SurfaceGeometry]: one {@code SURFACE} feature with a
 *       {@link org.geoassure.geodb.model.Mesh}; vertex values become mesh vertex properties (numbers; booleans 1/0;
 *       dates and date-times as seconds since 1970-01-01T00:00:00Z; category codes, with the code table in the
 *       feature attribute {@code "<name> categories"}; vectors as {@code name[0]}, {@code name[1]}, ...). Triangle
 *       values, text and colours on vertices are not kept.</li>
 *   <li><b>GridSurface</b> [SurfaceElement with SurfaceGridGeometry]: a {@code SURFACE} mesh of the grid's vertices
 *       (u fastest) at origin + u + v + height along u × v, two triangles per cell.</li>
 *   <li><b>BlockModel</b> [VolumeElement]: a {@link org.geoassure.geodb.grid.BlockData}, named after the element
 *       (letters, digits and '_'; others become '_', with a warning). The orientation must be a rotation about the
 *       vertical axis (w = (0, 0, 1), v = u turned 90° counter-clockwise); a tensor grid must have equal spacings
 *       on each axis. Regular and octree sub-blocks are refined to the finest sub-block size: every cell a sub-block
 *       covers takes its values (the same refinement as the CSV reader's {@code --sub-blocks}). Free-form
 *       sub-blocks, unequal tensor spacings and other orientations are refused (or, with
 *       {@link org.geoassure.ingest.omf.OmfOptions#skipUnsupported()}, left out with a warning): they are never
 *       resampled. Block attributes: numbers float64, categories with their names, booleans int32 0/1, vectors one
 *       float64 per component; on parents (sub-blocked models) each cell takes its parent's value.</li>
 *   <li><b>Composite</b>: its children, with ids {@code composite/child}.</li>
 * </ul>
 * Element descriptions and scalar metadata become feature attributes; colours, colour maps, textures, category
 * colours and category attributes are not kept. Everything not kept is named in a warning. OMF has no CRS: the
 * coordinates are returned as in the file (OMF 1: plus the project and geometry origins).
 *
 * <p>Bad content is an {@link org.geoassure.geodb.InvalidContentException} naming the file, the element and the
 * Parquet member (OMF 2) or byte offset (OMF 1): a member named in the index but missing, a member whose row count
 * is not the index's {@code item_count}, two elements of one name (OMF 2), an index out of range, a damaged member
 * (the Parquet library's failure, wrapped). Lengths and offsets from the file are checked before anything is
 * allocated. The omf-python "2.0 alpha" zip ({@code project.json}) is an
 * {@link org.geoassure.geodb.UnsupportedFormatException}.
 *
 * <p>{@link org.geoassure.ingest.omf.OmfWriter} writes features as OMF 2 (Surface, LineSet, PointSet), which this
 * reader reads back to the same features (metadata {@code geoassure:name} and {@code geoassure:role} carry the name and
 * role; a solid comes back as a surface).
 *
 * <p>Parquet members are read with parquet-hadoop without Hadoop on the class path, through
 * {@code org.apache.parquet.NoHadoopReadOptions}; uncompressed and GZIP members are read (GZIP through
 * java.util.zip), other codecs refused.
 */
package org.geoassure.ingest.omf;
