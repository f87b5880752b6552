package org.geoassure.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.AggregateResult;
import org.geoassure.geodb.grid.Aggregation;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.BlockQuery;
import org.geoassure.geodb.grid.BlockScan;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.grid.CellRegion;
import org.geoassure.geodb.grid.ScanReport;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.server.cli.RowWriter.Col;

/**
 * Block model cells and aggregates as rows, for {@code export WS blocks} and {@code query WS blocks} (docs/cli.md).
 * Cell rows: i, j, k, the world centroid x, y, z, then one column per attribute (a category as its label, null
 * empty). Aggregates: one row; a grade-tonnage curve: one row per cut-off.
 */
final class BlockRows {
    private BlockRows() {
    }

    /** The block model capability of a workspace, or an error naming the engine that lacks it. */
    static BlockModelStore blocks(WorkspaceStore store) {
        if (store instanceof BlockModelStore b) {
            return b;
        }
        throw new InvalidContentException("this workspace's engine does not store block models yet (use a GeoPackage "
                + "workspace)");
    }

    /** The model's bricks, {@code --model} required. */
    static BrickSource source(WorkspaceStore store, String model, Integer version) {
        if (model == null) {
            List<String> names = blocks(store).blockModels().stream().map(v -> v.model().name()).toList();
            throw new InvalidContentException("--model: required for blocks (models: " + names + ")");
        }
        return version == null ? blocks(store).blockModel(model) : blocks(store).blockModel(model, version);
    }

    /** A query from {@code --box} (any two opposite corners) and {@code --where} options. */
    static BlockQuery query(String box, List<String> where) {
        BlockQuery q = BlockQuery.all();
        if (box != null) {
            double[] v = QueryCommand.numbers("--box", box, ",", 6);
            q = q.within(new Box3(Math.min(v[0], v[3]), Math.min(v[1], v[4]), Math.min(v[2], v[5]),
                    Math.max(v[0], v[3]), Math.max(v[1], v[4]), Math.max(v[2], v[5])));
        }
        for (String w : where) {
            q = q.where(AttributePredicate.parse(w));
        }
        return q;
    }

    /**
     * The query limited by a spatial filter (a box stays a box; a point or line with a distance becomes a region) and by
     * the regions of features: inside a closed mesh, above or below a surface, each named LAYER:ID and read as of
     * {@code time}.
     */
    static BlockQuery regions(WorkspaceStore store, BlockModel model, BlockQuery q,
            org.geoassure.geodb.query.SpatialFilter spatial, String inside, String above, String below,
            org.geoassure.geodb.query.TimeSlice time) {
        BlockQuery r = q;
        if (spatial instanceof org.geoassure.geodb.query.SpatialFilter.InBox b) {
            r = r.within(b.box());
        } else if (spatial instanceof org.geoassure.geodb.query.SpatialFilter.NearPoint p) {
            r = r.inside(CellRegion.withinDistance(model, List.of(new double[] {p.x(), p.y(), p.z()}), p.distance()));
        } else if (spatial instanceof org.geoassure.geodb.query.SpatialFilter.NearPolyline l) {
            r = r.inside(CellRegion.withinDistance(model, List.of(l.line()), l.distance()));
        }
        if (inside != null) {
            r = r.inside(CellRegion.insideMesh(model, mesh(store, "--inside", inside, time)));
        }
        if (above != null) {
            r = r.inside(CellRegion.aboveSurface(model, mesh(store, "--above", above, time)));
        }
        if (below != null) {
            r = r.inside(CellRegion.belowSurface(model, mesh(store, "--below", below, time)));
        }
        return r;
    }

    /**
     * One numeric attribute of every grid cell, i fastest ({@code [i + nx * (j + ny * k)]}); NaN where a cell is absent
     * or null.
     *
     * @throws InvalidContentException if the attribute is unknown or a category, or the grid has over 2^31 cells
     */
    static double[] dense(BrickSource src, String attribute) {
        BlockModel m = src.model();
        int a = m.attributeIndex(attribute);
        if (a < 0 || m.attributes().get(a).type() == AttributeType.CATEGORY) {
            throw new InvalidContentException("'" + attribute + "' is not a numeric attribute of block model " + m.name()
                    + " (attributes: " + m.attributes().stream().map(BlockAttribute::name).toList() + ")");
        }
        if (m.gridCells() > Integer.MAX_VALUE - 8) {
            throw new InvalidContentException("block model " + m.name() + ": " + m.gridCells() + " cells is too many "
                    + "for one dense grid");
        }
        double[] v = new double[(int) m.gridCells()];
        java.util.Arrays.fill(v, Double.NaN);
        BlockScan.select(src, BlockQuery.all(), List.of(m.attributes().get(a).name()), (i, j, k, b, local) ->
                v[i + m.nx() * (j + m.ny() * k)] = b.value(a, local));
        return v;
    }

    /** The mesh of feature LAYER:ID as of {@code time}, or a clear error naming the option. */
    private static org.geoassure.geodb.model.Mesh mesh(WorkspaceStore store, String option, String ref,
            org.geoassure.geodb.query.TimeSlice time) {
        int colon = ref.indexOf(':');
        if (colon <= 0 || colon == ref.length() - 1) {
            throw new InvalidContentException(option + ": '" + ref + "' is not LAYER:ID");
        }
        String layer = ref.substring(0, colon);
        String id = ref.substring(colon + 1);
        org.geoassure.geodb.store.FeatureStore fs = FeatureCommands.features(store);
        try (var rows = fs.features(java.util.Set.of(layer), java.util.Set.of(), null, time)) {
            var found = rows.filter(f -> f.feature().id().equals(id)).findFirst().orElseThrow(() ->
                    new InvalidContentException(option + ": no feature '" + id + "' in layer '" + layer + "' at that time"));
            if (found.feature().mesh() == null) {
                throw new InvalidContentException(option + ": feature '" + id + "' of layer '" + layer + "' is a "
                        + found.feature().kind().name().toLowerCase(java.util.Locale.ROOT) + " without a triangle mesh");
            }
            return found.feature().mesh();
        }
    }

    /** Writes the selected cells; returns the scan report. */
    static ScanReport cells(BrickSource src, BlockQuery q, String format, RowWriter.Output w) {
        BlockModel m = src.model();
        List<Col> cols = new ArrayList<>(List.of(Col.number("i"), Col.number("j"), Col.number("k"), Col.number("x"),
                Col.number("y"), Col.number("z")));
        List<String> names = new ArrayList<>();
        for (BlockAttribute a : m.attributes()) {
            cols.add(a.type() == AttributeType.CATEGORY ? Col.text(a.name()) : Col.number(a.name()));
            names.add(a.name());
        }
        double[] xyz = new double[3];
        try (RowWriter out = RowWriter.create(format, w, cols)) {
            return BlockScan.select(src, q, names, (i, j, k, b, local) -> {
                m.centroid(i, j, k, xyz);
                List<Object> row = new ArrayList<>(cols.size());
                row.add((long) i);
                row.add((long) j);
                row.add((long) k);
                row.add(xyz[0]);
                row.add(xyz[1]);
                row.add(xyz[2]);
                for (int a = 0; a < m.attributes().size(); a++) {
                    BlockAttribute attr = m.attributes().get(a);
                    double v = b.value(a, local);
                    if (Double.isNaN(v)) {
                        row.add(null);
                    } else if (attr.type() == AttributeType.CATEGORY) {
                        row.add(attr.categories().get((int) v));
                    } else if (attr.type() == AttributeType.FLOAT32) {
                        row.add(attr.type().decimal(v));
                    } else if (attr.type() == AttributeType.INT32) {
                        row.add((long) v);
                    } else {
                        row.add(v);
                    }
                }
                out.row(row);
            });
        }
    }

    /**
     * Parses {@code --aggregate}: comma-separated {@code count}, {@code volume}, {@code tonnage},
     * {@code mean:ATTR}, {@code min:ATTR}, {@code max:ATTR}.
     */
    static List<String[]> aggregates(String spec) {
        List<String[]> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            String[] kv = p.split(":", -1);
            String fn = kv[0].toLowerCase(Locale.ROOT);
            boolean ok = switch (fn) {
                case "count", "volume", "tonnage" -> kv.length == 1;
                case "mean", "min", "max" -> kv.length == 2 && !kv[1].isBlank();
                default -> false;
            };
            if (!ok) {
                throw new InvalidContentException("--aggregate: '" + p + "' is not one of count, volume, tonnage, "
                        + "mean:ATTR, min:ATTR, max:ATTR");
            }
            out.add(kv.length == 1 ? new String[] {fn} : new String[] {fn, kv[1].trim()});
        }
        return out;
    }

    /**
     * Parses {@code --grade-tonnage ATTR:C1,C2,...} or {@code ATTR:FROM..TO/STEP}; returns the attribute and the
     * cut-offs.
     */
    static Object[] gradeTonnage(String spec) {
        return cutoffs("--grade-tonnage", spec);
    }

    /** ATTR:C1,C2,... or ATTR:FROM..TO/STEP as {attribute, strictly ascending values}; {@code option} names errors. */
    static Object[] cutoffs(String option, String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new InvalidContentException(option + ": '" + spec + "' must be ATTR:C1,C2,... or ATTR:FROM..TO/STEP");
        }
        String attr = spec.substring(0, colon).trim();
        String cuts = spec.substring(colon + 1).trim();
        double[] c;
        if (cuts.contains("..")) {
            String[] range = cuts.split("\\.\\.|/");
            if (range.length != 3) {
                throw new InvalidContentException(option + ": '" + cuts + "' must be FROM..TO/STEP");
            }
            double[] v = QueryCommand.numbers(option, String.join(",", range), ",", 3);
            if (!(v[2] > 0) || !(v[1] >= v[0]) || (v[1] - v[0]) / v[2] > 100_000) {
                throw new InvalidContentException(option + ": '" + cuts + "' needs FROM <= TO and a STEP > 0 "
                        + "giving at most 100000 values");
            }
            int n = (int) Math.floor((v[1] - v[0]) / v[2] + 1e-9) + 1;
            c = new double[n];
            for (int x = 0; x < n; x++) {
                c[x] = Double.parseDouble(RowWriter.number(v[0] + x * v[2]));
            }
        } else {
            String[] parts = cuts.split(",");
            c = QueryCommand.numbers(option, cuts, ",", parts.length);
        }
        for (int x = 1; x < c.length; x++) {
            if (!(c[x] > c[x - 1])) {
                throw new InvalidContentException(option + ": values must be strictly ascending, got " + cuts);
            }
        }
        return new Object[] {attr, c};
    }

    /** The aggregation for the options. {@code density} is a number (t/m³) or an attribute name. */
    static Aggregation aggregation(List<String[]> aggs, Object[] curve, String partial, String density) {
        Aggregation a = Aggregation.basic();
        if (partial != null) {
            a = a.partial(partial);
        }
        if (density != null) {
            double d;
            try {
                d = Double.parseDouble(density);
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
            try {
                a = Double.isNaN(d) ? a.densityAttribute(density) : a.density(d);
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException("--density: " + e.getMessage());
            }
        }
        for (String[] f : aggs) {
            if (f[0].equals("tonnage") && density == null) {
                throw new InvalidContentException("--aggregate: tonnage needs --density (t/m³, or a density attribute)");
            }
            if (f.length == 2 && !a.summaries().contains(f[1])) {
                a = a.summarise(f[1]);
            }
        }
        if (curve != null) {
            a = a.gradeTonnage((String) curve[0], (double[]) curve[1]);
        }
        return a;
    }

    /** Writes one row of the asked aggregates, then the bricks scanned and skipped. */
    static void aggregateRow(AggregateResult r, List<String[]> aggs, String format, RowWriter.Output w) {
        List<Col> cols = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        for (String[] f : aggs) {
            switch (f[0]) {
                case "count" -> {
                    cols.add(new Col("count", RowWriter.Kind.LONG));
                    row.add(r.count());
                }
                case "volume" -> {
                    cols.add(Col.number("volume"));
                    row.add(r.volume());
                }
                case "tonnage" -> {
                    cols.add(Col.number("tonnage"));
                    row.add(r.tonnage());
                }
                default -> {
                    AggregateResult.Summary s = r.summaries().stream().filter(x -> x.attribute().equalsIgnoreCase(f[1]))
                            .findFirst().orElseThrow();
                    double v = f[0].equals("mean") ? s.mean() : f[0].equals("min") ? s.min() : s.max();
                    cols.add(Col.number(f[0] + "_" + s.attribute()));
                    row.add(Double.isNaN(v) ? null : v);
                }
            }
        }
        cols.add(new Col("bricks_scanned", RowWriter.Kind.LONG));
        cols.add(new Col("bricks_skipped", RowWriter.Kind.LONG));
        row.add(r.scan().scanned());
        row.add(r.scan().skipped());
        try (RowWriter out = RowWriter.create(format, w, cols)) {
            out.row(row);
        }
    }

    /** Writes the grade-tonnage curve: cutoff, cells, volume, tonnage, mean_grade, metal. */
    static void curveRows(AggregateResult r, String format, RowWriter.Output w) {
        List<Col> cols = List.of(Col.number("cutoff"), new Col("cells", RowWriter.Kind.LONG), Col.number("volume"),
                Col.number("tonnage"), Col.number("mean_grade"), Col.number("metal"));
        try (RowWriter out = RowWriter.create(format, w, cols)) {
            for (AggregateResult.GradeTonnageRow g : r.gradeTonnage()) {
                out.row(java.util.Arrays.asList(g.cutoff(), g.cells(), g.volume(), nan(g.tonnage()), nan(g.meanGrade()),
                        nan(g.metal())));
            }
        }
    }

    /** One row per bin: from (empty below the first edge), to (empty above the last), cells, volume; then nulls. */
    static void histogramRows(BlockScan.Histogram h, String format, RowWriter.Output w) {
        List<Col> cols = List.of(Col.number("from"), Col.number("to"), new Col("cells", RowWriter.Kind.LONG),
                Col.number("volume"));
        double[] e = h.edges();
        try (RowWriter out = RowWriter.create(format, w, cols)) {
            for (int b = 0; b <= e.length; b++) {
                out.row(java.util.Arrays.asList(b == 0 ? null : e[b - 1], b == e.length ? null : e[b], h.cells()[b],
                        h.cells()[b] * h.cellVolume()));
            }
        }
    }

    /** One row per sample: column, row, along (sections), x, y, z, value (a category's label). */
    static void sliceRows(org.geoassure.geodb.grid.BlockSlices.Slice s, BlockModel m, String format,
            RowWriter.Output w) {
        BlockAttribute attr = m.attribute(s.attribute());
        boolean category = attr.type() == AttributeType.CATEGORY;
        List<Col> cols = List.of(new Col("column", RowWriter.Kind.LONG), new Col("row", RowWriter.Kind.LONG),
                Col.number("along"), Col.number("x"), Col.number("y"), Col.number("z"),
                category ? new Col(attr.name(), RowWriter.Kind.TEXT) : Col.number(attr.name()));
        try (RowWriter out = RowWriter.create(format, w, cols)) {
            for (int r = 0; r < s.rows(); r++) {
                for (int c = 0; c < s.columns(); c++) {
                    int p = r * s.columns() + c;
                    double v = s.values()[p];
                    Object value = Double.isNaN(v) ? null : category ? attr.categories().get((int) v) : (Object) v;
                    out.row(java.util.Arrays.asList((long) c, (long) r, nan(s.along()[c]), s.x()[p], s.y()[p], s.z()[p],
                            value));
                }
            }
        }
    }

    /** The rows of a diff: i, j, k, centroid x, y, z, change, attribute, before, after (categories as labels). */
    static org.geoassure.geodb.grid.BlockDiff.Summary diffRows(BrickSource a, BrickSource b, BlockQuery q,
            String format, RowWriter.Output w) {
        BlockModel m = a.model();
        List<Col> cols = List.of(new Col("i", RowWriter.Kind.LONG), new Col("j", RowWriter.Kind.LONG),
                new Col("k", RowWriter.Kind.LONG), Col.number("x"), Col.number("y"), Col.number("z"),
                new Col("change", RowWriter.Kind.TEXT), new Col("attribute", RowWriter.Kind.TEXT),
                new Col("before", RowWriter.Kind.TEXT), new Col("after", RowWriter.Kind.TEXT));
        double[] c = new double[3];
        try (RowWriter out = RowWriter.create(format, w, cols)) {
            return org.geoassure.geodb.grid.BlockDiff.diff(a, b, q, ch -> {
                m.centroid(ch.i(), ch.j(), ch.k(), c);
                out.row(java.util.Arrays.asList((long) ch.i(), (long) ch.j(), (long) ch.k(), c[0], c[1], c[2],
                        ch.kind().name().toLowerCase(java.util.Locale.ROOT), ch.attribute(),
                        shown(a.model(), ch.attribute(), ch.before()), shown(b.model(), ch.attribute(), ch.after())));
            });
        }
    }

    /** A value as text: its category label, the float32 or float64 decimal, or null. */
    private static String shown(BlockModel m, String attribute, double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        BlockAttribute attr = m.attribute(attribute);
        if (attr.type() == AttributeType.CATEGORY) {
            return attr.categories().get((int) v);
        }
        return RowWriter.number(attr.type().decimal(v));
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** The scan report as text, for {@code --explain}. */
    static String explain(BrickSource src, BlockQuery q, ScanReport r) {
        return "block model " + src.model().name() + " (" + src.model().nx() + " x " + src.model().ny() + " x "
                + src.model().nz() + " cells, bricks of 32^3)\n"
                + "  box: " + (q.box() == null ? "none" : q.box()) + "\n"
                + "  where: " + (q.where().isEmpty() ? "none" : q.where()) + "\n"
                + "  bricks: " + r.bricks() + " stored, " + r.skippedByBox() + " skipped by the box, "
                + r.skippedByStats() + " skipped by statistics, " + r.scanned() + " scanned\n"
                + "  cells: " + r.cellsTested() + " tested, " + r.cellsSelected() + " selected\n";
    }
}
