package org.geoassure.render.mesh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.render.RenderOrigin;

/**
 * Drillhole intervals as tubes coloured by one attribute: each interval (its from -> mid -> to polyline) is one
 * feature, whose id indexes the feature table (hole, depths, the attribute's value).
 */
public final class IntervalTubes {
    /** The mesh, the feature table (one row per feature id) and the colour legend. */
    public record Result(TriangleMesh mesh, List<String> columns, List<List<Object>> features,
            List<Map<String, Object>> legend) {
    }

    /** How numbers map to colours. */
    public enum Ramp {
        /** Linear from the minimum to the maximum. */
        LINEAR,
        /** By quantiles (minimum, quartiles, maximum): suits skewed values such as grades. */
        QUANTILE
    }

    private IntervalTubes() {
    }

    /** {@link #build(List, String, double, int, Ramp)} with the quantile ramp for numbers. */
    public static Result build(List<IntervalRecord> rows, String colorBy, double radius, int sides) {
        return build(rows, colorBy, radius, sides, Ramp.QUANTILE);
    }

    /**
     * Builds the tubes.
     *
     * @param colorBy attribute column to colour by, or null for one colour; text columns get categories, numbers a ramp
     * @throws IllegalArgumentException if {@code colorBy} is not a column of the rows, or there are no rows
     */
    public static Result build(List<IntervalRecord> rows, String colorBy, double radius, int sides, Ramp ramp) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no intervals to draw");
        }
        String column = null;
        if (colorBy != null) {
            for (String c : rows.get(0).values().keySet()) {
                if (c.equalsIgnoreCase(colorBy)) {
                    column = c;
                }
            }
            if (column == null) {
                throw new IllegalArgumentException("no column '" + colorBy + "' (columns: " + rows.get(0).values().keySet()
                        + ")");
            }
        }
        ColorScale scale = scale(rows, column, ramp);
        double[] b = bounds(rows);
        double[] lo = {b[0], b[1], b[2]};
        double[] hi = {b[3], b[4], b[5]};
        RenderOrigin origin = new RenderOrigin(Math.rint((lo[0] + hi[0]) / 2), Math.rint((lo[1] + hi[1]) / 2),
                Math.rint((lo[2] + hi[2]) / 2));
        Tubes tubes = new Tubes(origin, radius, sides);
        List<List<Object>> features = new ArrayList<>();
        double[] line = new double[9];
        for (IntervalRecord r : rows) {
            // from, mid, to (positions are from, to, mid)
            line[0] = r.position(0);
            line[1] = r.position(1);
            line[2] = r.position(2);
            line[3] = r.position(6);
            line[4] = r.position(7);
            line[5] = r.position(8);
            line[6] = r.position(3);
            line[7] = r.position(4);
            line[8] = r.position(5);
            Object value = column == null ? null : r.values().get(column);
            if (tubes.add(line, 3, features.size(), column == null ? 0xB0B0B0FF : scale.color(value))) {
                List<Object> row = new ArrayList<>(4);
                row.add(r.holeId());
                row.add(r.from());
                row.add(r.to());
                row.add(value);
                features.add(row);
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("every interval has zero length: nothing to draw");
        }
        List<String> columns = List.of("hole_id", "depth_from", "depth_to", column == null ? "value" : column);
        return new Result(tubes.mesh(), columns, features, column == null ? List.of() : scale.legend());
    }

    /**
     * A radius that keeps holes visible in a picture of all of {@code rows}: 1/250 of the largest extent of their
     * positions, at least 0.5 m.
     */
    public static double defaultRadius(List<IntervalRecord> rows) {
        double[] b = bounds(rows);
        double extent = Math.max(b[3] - b[0], Math.max(b[4] - b[1], b[5] - b[2]));
        return Math.max(0.5, extent / 250);
    }

    /** min x, y, z then max x, y, z over the from, to and mid points of the rows. */
    private static double[] bounds(List<IntervalRecord> rows) {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (IntervalRecord r : rows) {
            for (int i = 0; i < 9; i++) {
                b[i % 3] = Math.min(b[i % 3], r.position(i));
                b[3 + i % 3] = Math.max(b[3 + i % 3], r.position(i));
            }
        }
        return b;
    }

    private static ColorScale scale(List<IntervalRecord> rows, String column, Ramp ramp) {
        if (column == null) {
            return ColorScale.ramp(0, 1);
        }
        boolean numeric = false;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<String> text = new ArrayList<>();
        double[] numbers = new double[rows.size()];
        int count = 0;
        for (IntervalRecord r : rows) {
            Object v = r.values().get(column);
            if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
                numeric = true;
                numbers[count++] = n.doubleValue();
                min = Math.min(min, n.doubleValue());
                max = Math.max(max, n.doubleValue());
            } else if (v != null) {
                text.add(v.toString());
            }
        }
        if (!numeric) {
            return ColorScale.categorical(text);
        }
        return ramp == Ramp.QUANTILE ? ColorScale.quantiles(java.util.Arrays.copyOf(numbers, count))
                : ColorScale.ramp(min, max);
    }

    /** The feature table and legend as glTF extras ({@code features: {columns, rows}}, {@code legend}, {@code colorBy}). */
    public static Map<String, Object> extras(Result r, String colorBy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("featureTable", Map.of("columns", r.columns(), "rows", r.features()));
        if (colorBy != null) {
            m.put("colorBy", colorBy);
            m.put("legend", r.legend());
        }
        return m;
    }
}
