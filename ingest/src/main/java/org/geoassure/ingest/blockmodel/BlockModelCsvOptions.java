package org.geoassure.ingest.blockmodel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.geoassure.geodb.grid.AttributeType;

/**
 * How to read a block model CSV: the model name; where a cell is (three index columns, or three centroid columns in
 * world coordinates); the cell size; the grid placement; which columns are attributes and their types. Immutable;
 * start from {@link #byIndex} or {@link #byCentroid} and refine with the {@code with...} methods.
 *
 * @param name model name
 * @param positionColumns the i, j, k columns (0-based indices) or the x, y, z centroid columns
 * @param centroids whether {@code positionColumns} are centroids
 * @param size cell size dx, dy, dz (m)
 * @param origin lower-left corner of the grid, or null: (0, 0, 0) with index columns; with centroid columns the least
 *     centroid minus half a cell on each axis (allowed only without rotation)
 * @param rotation degrees about z, counter-clockwise from above, about the origin
 * @param dimensions nx, ny, nz, or null for the greatest index + 1 on each axis
 * @param attributes attribute columns, or null for every column that is not a position and not ignored
 * @param ignore columns that are not attributes (e.g. an IJK key or redundant centroids)
 * @param types attribute types by column name (case-insensitive); a column not listed is float64 when every
 *     non-empty value is a number, else a category
 * @param encoding character encoding of the file
 * @param subBlockColumns with centroid columns, the three columns giving each row's block size (dx, dy, dz): a
 *     sub-blocked model (regular or octree sub-blocks, each a whole number of cells on each axis and aligned to the
 *     grid) is stored at the grid's cell size, every cell a sub-block covers taking its values; null for one cell per
 *     row
 */
public record BlockModelCsvOptions(String name, List<String> positionColumns, boolean centroids, double[] size,
        double[] origin, double rotation, int[] dimensions, List<String> attributes, List<String> ignore,
        Map<String, AttributeType> types, Charset encoding, List<String> subBlockColumns) {

    public BlockModelCsvOptions {
        Objects.requireNonNull(name, "name");
        positionColumns = List.copyOf(positionColumns);
        if (positionColumns.size() != 3) {
            throw new IllegalArgumentException("three position columns are needed, got " + positionColumns);
        }
        if (size == null || size.length != 3) {
            throw new IllegalArgumentException("the cell size needs three numbers dx, dy, dz");
        }
        size = size.clone();
        origin = origin == null ? null : origin.clone();
        if (origin != null && origin.length != 3) {
            throw new IllegalArgumentException("the origin needs three numbers x, y, z");
        }
        dimensions = dimensions == null ? null : dimensions.clone();
        if (dimensions != null && dimensions.length != 3) {
            throw new IllegalArgumentException("the dimensions need three numbers nx, ny, nz");
        }
        attributes = attributes == null ? null : List.copyOf(attributes);
        ignore = List.copyOf(ignore);
        types = Map.copyOf(types);
        Objects.requireNonNull(encoding, "encoding");
        subBlockColumns = subBlockColumns == null ? null : List.copyOf(subBlockColumns);
        if (subBlockColumns != null && (subBlockColumns.size() != 3 || !centroids)) {
            throw new IllegalArgumentException("sub-blocks need three size columns and centroid position columns");
        }
    }

    /** Cells located by integer index columns (i, j, k from 0). */
    public static BlockModelCsvOptions byIndex(String name, List<String> ijk, double dx, double dy, double dz) {
        return new BlockModelCsvOptions(name, ijk, false, new double[] {dx, dy, dz}, null, 0, null, null, List.of(),
                Map.of(), StandardCharsets.UTF_8, null);
    }

    /** Cells located by world centroid columns. */
    public static BlockModelCsvOptions byCentroid(String name, List<String> xyz, double dx, double dy, double dz) {
        return new BlockModelCsvOptions(name, xyz, true, new double[] {dx, dy, dz}, null, 0, null, null, List.of(),
                Map.of(), StandardCharsets.UTF_8, null);
    }

    /** With the grid's lower-left corner. */
    public BlockModelCsvOptions withOrigin(double x, double y, double z) {
        return new BlockModelCsvOptions(name, positionColumns, centroids, size, new double[] {x, y, z}, rotation,
                dimensions, attributes, ignore, types, encoding, subBlockColumns);
    }

    /** With a rotation about z (degrees). */
    public BlockModelCsvOptions withRotation(double degrees) {
        return new BlockModelCsvOptions(name, positionColumns, centroids, size, origin, degrees, dimensions, attributes,
                ignore, types, encoding, subBlockColumns);
    }

    /** With the grid dimensions. */
    public BlockModelCsvOptions withDimensions(int nx, int ny, int nz) {
        return new BlockModelCsvOptions(name, positionColumns, centroids, size, origin, rotation,
                new int[] {nx, ny, nz}, attributes, ignore, types, encoding, subBlockColumns);
    }

    /** With exactly these attribute columns. */
    public BlockModelCsvOptions withAttributes(List<String> columns) {
        return new BlockModelCsvOptions(name, positionColumns, centroids, size, origin, rotation, dimensions, columns,
                ignore, types, encoding, subBlockColumns);
    }

    /** With columns that are not attributes. */
    public BlockModelCsvOptions withIgnored(List<String> columns) {
        return new BlockModelCsvOptions(name, positionColumns, centroids, size, origin, rotation, dimensions, attributes,
                columns, types, encoding, subBlockColumns);
    }

    /** With a type for one attribute column. */
    public BlockModelCsvOptions withType(String column, AttributeType type) {
        Map<String, AttributeType> t = new LinkedHashMap<>(types);
        t.put(column, type);
        return new BlockModelCsvOptions(name, positionColumns, centroids, size, origin, rotation, dimensions, attributes,
                ignore, t, encoding, subBlockColumns);
    }

    /** With sub-blocks: the three columns giving each row's block size. */
    public BlockModelCsvOptions withSubBlocks(List<String> sizeColumns) {
        return new BlockModelCsvOptions(name, positionColumns, centroids, size, origin, rotation, dimensions, attributes,
                ignore, types, encoding, sizeColumns);
    }

    /** With a character encoding. */
    public BlockModelCsvOptions withEncoding(Charset charset) {
        return new BlockModelCsvOptions(name, positionColumns, centroids, size, origin, rotation, dimensions, attributes,
                ignore, types, charset, subBlockColumns);
    }

    /** The type given for a column (case-insensitive), or null. */
    AttributeType typeOf(String column) {
        for (var e : types.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public double[] size() {
        return size.clone();
    }

    @Override
    public double[] origin() {
        return origin == null ? null : origin.clone();
    }

    @Override
    public int[] dimensions() {
        return dimensions == null ? null : dimensions.clone();
    }

    /** Every option as text, for the ingest's provenance. */
    public Map<String, String> asParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model", name);
        p.put(centroids ? "centroid_columns" : "index_columns", String.join(",", positionColumns));
        p.put("size", join(size));
        if (origin != null) {
            p.put("origin", join(origin));
        }
        p.put("rotation", Double.toString(rotation));
        if (dimensions != null) {
            p.put("dimensions", dimensions[0] + "," + dimensions[1] + "," + dimensions[2]);
        }
        if (attributes != null) {
            p.put("attributes", String.join(",", attributes));
        }
        if (!ignore.isEmpty()) {
            p.put("ignore", String.join(",", ignore));
        }
        if (subBlockColumns != null) {
            p.put("sub_block_columns", String.join(",", subBlockColumns));
        }
        List<String> t = new ArrayList<>();
        types.forEach((k, v) -> t.add(k + ":" + v.name().toLowerCase(java.util.Locale.ROOT)));
        if (!t.isEmpty()) {
            p.put("types", String.join(",", t.stream().sorted().toList()));
        }
        p.put("encoding", encoding.name());
        return p;
    }

    private static String join(double[] v) {
        return v[0] + "," + v[1] + "," + v[2];
    }
}
