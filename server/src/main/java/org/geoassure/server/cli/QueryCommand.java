package org.geoassure.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.server.query.JsonQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Select boreholes, survey stations or interval rows by 3D box, 3D distance, attributes and time,",
            "or run SQL (--sql): tables boreholes, surveys and one per interval table; ST_3D* functions; see docs/query.md.",
            "Example: geoassure query mine.gpkg intervals --table lithology --near 500100,6800200,300 --within 30 \\",
            "           --where \"CET_Litho = 'granite'\" --as-of 2025-06-01 --format json",
            "Block models: geoassure query mine.gpkg blocks --model demo1 --box 0,0,0,100,100,60 --where \"Au_OK >= 1\" \\",
            "           --aggregate count,volume,tonnage,mean:Au_OK --partial __in --density 2.7",
            "Features (mining progress, goaf, faults): geoassure query mine.gpkg features --role face --as-of 2025-03-01 \\",
            "           --format geojson (csv, json and arrow give one row per feature with WKT)",
            "Readings: geoassure query mine.gpkg readings --station PZ1,PZ2 --from 2025-01-01 --resample 1d --agg mean,max",
            "           (or --last-at T, --gaps 30d; --recorded-as-of T for what was known then)"})
final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET",
            description = "boreholes, stations, intervals, blocks, features or readings (not with --sql)")
    String target;

    @Option(names = "--sql", paramLabel = "QUERY", description = "a SQL query over the workspace (read-only)")
    String sql;

    @Option(names = "--json", paramLabel = "FILE", description = "the query as JSON (docs/query.md), from FILE or - for stdin")
    String json;

    @Option(names = "--explain", description = "run the query and print how it was answered (plan, pushed-down "
            + "conditions, index candidates, rows examined and returned) instead of the rows")
    boolean explain;

    @Option(names = "--table", paramLabel = "NAME", description = "interval table (for intervals)")
    String table;

    @Option(names = "--box", paramLabel = "X1,Y1,Z1,X2,Y2,Z2", description = "3D box (any two opposite corners)")
    String box;

    @Option(names = "--near", paramLabel = "X,Y,Z", description = "a point; use with --within")
    String near;

    @Option(names = "--line", paramLabel = "X,Y,Z;X,Y,Z;...", description = "a polyline; use with --within")
    String line;

    @Option(names = "--within", paramLabel = "D", description = "3D distance in metres from --near or --line")
    Double within;

    @Option(names = "--inside", paramLabel = "LAYER:ID", description = "blocks: cells whose centroid is inside the "
            + "closed mesh of feature ID of LAYER (as of --as-of)")
    String inside;

    @Option(names = "--above", paramLabel = "LAYER:ID", description = "blocks: cells above the surface feature ID of "
            + "LAYER (above its highest crossing of the cell's column)")
    String above;

    @Option(names = "--below", paramLabel = "LAYER:ID", description = "blocks: cells below the surface feature ID of "
            + "LAYER (below its lowest crossing of the cell's column)")
    String below;

    @Option(names = "--where", paramLabel = "EXPR",
            description = "attribute condition, repeatable (all must hold): COL op VALUE, COL in (A,B), COL is [not] null")
    List<String> where = new ArrayList<>();

    @Option(names = "--hole", paramLabel = "ID", description = "restrict to these holes (repeatable)")
    List<String> holes = new ArrayList<>();

    @Option(names = "--layer", paramLabel = "NAME", description = "features: restrict to these layers (repeatable)")
    List<String> layers = new ArrayList<>();

    @Option(names = "--role", paramLabel = "ROLE", description = "features: restrict to these roles (repeatable): "
            + "face, roadway, goaf, old_workings, fault, ...")
    List<String> roles = new ArrayList<>();

    @Mixin
    BlockModelArg blockModel;

    @Option(names = "--aggregate", paramLabel = "LIST", description = "blocks: one row of aggregates over the selected "
            + "cells instead of the cells: count, volume, tonnage, mean:ATTR, min:ATTR, max:ATTR (comma-separated)")
    String aggregate;

    @Option(names = "--grade-tonnage", paramLabel = "ATTR:CUTOFFS", description = "blocks: the grade-tonnage curve of "
            + "ATTR instead of the cells, one row per cut-off: ATTR:0.5,1,1.5 or ATTR:FROM..TO/STEP")
    String gradeTonnage;

    @Option(names = "--histogram", paramLabel = "ATTR:EDGES", description = "blocks: the histogram of ATTR over the "
            + "selected cells instead of the cells, one row per bin (below the first edge, between edges, above the last): "
            + "ATTR:0,1,2.5 or ATTR:FROM..TO/STEP")
    String histogram;

    @Option(names = "--slice-z", paramLabel = "Z", description = "blocks: the horizontal slice of --attribute at height "
            + "Z (the layer of cells holding it), one row per cell column")
    Double sliceZ;

    @Option(names = "--section", paramLabel = "X,Y;X,Y;...", description = "blocks: the vertical section of --attribute "
            + "along this polyline, sampled every --step metres and at every layer")
    String section;

    @Option(names = "--step", paramLabel = "M", description = "blocks --section: sample spacing along the line "
            + "(default the smaller horizontal cell size)")
    Double step;

    @Option(names = "--diff", paramLabel = "V1,V2", description = "blocks: what changed from version V1 to V2 of "
            + "--model in the selected cells (by position: --box, --near/--line, --inside, --above, --below), one row "
            + "per changed attribute of a cell; a summary on standard error")
    String diff;

    @Option(names = "--attribute", paramLabel = "ATTR", description = "blocks --slice-z / --section: the attribute")
    String attribute;

    @Option(names = "--partial", paramLabel = "ATTR", description = "blocks: fraction of each cell to count in volumes "
            + "and tonnages (e.g. __in)")
    String partial;

    @Option(names = "--density", paramLabel = "T_M3|ATTR", description = "blocks: density for tonnages, a number in "
            + "t/m³ or a density attribute")
    String density;

    @Mixin
    ReadOptions read;

    @Mixin
    SeriesCli.QueryOptions series;

    @Override
    public Integer call() {
        if (sql != null && json != null) {
            throw new InvalidContentException("--json: not with --sql (give one query)");
        }
        if (sql != null) {
            return SqlRunner.run(this);
        }
        if (json != null) {
            return runJson();
        }
        if (target == null) {
            throw new InvalidContentException("TARGET: give boreholes, stations or intervals, or a query with --sql or --json");
        }
        boolean geojson = target.equals("features") && "geojson".equals(read.format);
        if (geojson) {
            read.format = "json"; // checked as a row format below, written as GeoJSON
        }
        Selection s = read.apply(Selection.all());
        if (geojson) {
            read.format = "geojson";
        }
        SpatialFilter f = spatial();
        if (f != null) {
            s = s.within(f);
        }
        for (String w : where) {
            s = s.where(AttributePredicate.parse(w));
        }
        if (!holes.isEmpty()) {
            s = s.holes(Set.copyOf(holes));
        }
        if (target.equals("blocks")) {
            return blocks();
        }
        if (target.equals("features")) {
            return FeatureCommands.query(this, s, f);
        }
        if (target.equals("readings")) {
            return readings();
        }
        Rows.Dataset what = switch (target) {
            case "boreholes" -> Rows.Dataset.BOREHOLES;
            case "stations" -> Rows.Dataset.STATIONS;
            case "intervals" -> Rows.Dataset.INTERVALS;
            default -> throw new InvalidContentException("TARGET: '" + target
                    + "' is not one of boreholes, stations, intervals, blocks, features, readings");
        };
        return select(what, table, s);
    }

    /** The cells {@code --where}, the spatial filter and {@code --inside/--above/--below} (as of --as-of) select. */
    private org.geoassure.geodb.grid.BlockQuery blockQuery(WorkspaceStore store,
            org.geoassure.geodb.grid.BrickSource src, SpatialFilter spatialFilter) {
        return BlockRows.regions(store, src.model(), BlockRows.query(null, where), spatialFilter, inside, above, below,
                read.apply(Selection.all()).time());
    }

    /** {@code query WS blocks --model M --diff V1,V2}: the changed cells, one row per changed attribute. */
    private int diff(SpatialFilter spatialFilter) {
        if (blockModel.version != null) {
            throw new InvalidContentException("--model-version: not with --diff, which names both versions");
        }
        if (!where.isEmpty()) {
            throw new InvalidContentException("--where: not with --diff (cells are compared by position; the values "
                    + "are what differs)");
        }
        double[] v = numbers("--diff", diff, ",", 2);
        for (double x : v) {
            if (x != Math.rint(x) || x < 1) {
                throw new InvalidContentException("--diff: expected two version numbers V1,V2, got '" + diff + "'");
            }
        }
        try (WorkspaceStore store = ws.open()) {
            org.geoassure.geodb.grid.BrickSource a = BlockRows.source(store, blockModel.model, (int) v[0]);
            org.geoassure.geodb.grid.BrickSource b = BlockRows.source(store, blockModel.model, (int) v[1]);
            org.geoassure.geodb.grid.BlockQuery q = blockQuery(store, a, spatialFilter);
            org.geoassure.geodb.grid.BlockDiff.Summary[] sum = new org.geoassure.geodb.grid.BlockDiff.Summary[1];
            read.output(spec.commandLine().getOut(), w -> sum[0] = BlockRows.diffRows(a, b, q, read.format, w));
            var s = sum[0];
            spec.commandLine().getErr().printf("block model %s v%d -> v%d: %d cells added, %d removed, %d changed, %d "
                    + "unchanged; changed per attribute %s%s%s%n", a.model().name(), (int) v[0], (int) v[1], s.added(),
                    s.removed(), s.changed(), s.unchanged(), s.changedByAttribute(),
                    s.onlyBefore().isEmpty() ? "" : "; only in v" + (int) v[0] + ": " + s.onlyBefore(),
                    s.onlyAfter().isEmpty() ? "" : "; only in v" + (int) v[1] + ": " + s.onlyAfter());
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    /** {@code query WS blocks --slice-z | --section}: one attribute as a 2D grid of samples. */
    private int slice() {
        if (attribute == null) {
            throw new InvalidContentException((sliceZ != null ? "--slice-z" : "--section") + ": needs --attribute ATTR");
        }
        if (spatialFilter() || !where.isEmpty() || inside != null || above != null || below != null) {
            throw new InvalidContentException((sliceZ != null ? "--slice-z" : "--section") + ": takes the whole layer "
                    + "or line (not --box, --near, --line, --where, --inside, --above, --below)");
        }
        if (sliceZ != null && step != null) {
            throw new InvalidContentException("--step: only with --section");
        }
        try (WorkspaceStore store = ws.open()) {
            org.geoassure.geodb.grid.BrickSource src = blockModel.open(store);
            org.geoassure.geodb.grid.BlockModel m = src.model();
            org.geoassure.geodb.grid.BlockSlices.Slice slice = slice(src, attribute, sliceZ, section, step);
            read.output(spec.commandLine().getOut(), w -> BlockRows.sliceRows(slice, m, read.format, w));
        }
        return 0;
    }

    private boolean spatialFilter() {
        return box != null || near != null || line != null || within != null;
    }

    /** {@code query WS blocks}: the selected cells, one row of aggregates, or a grade-tonnage curve. */
    private int blocks() {
        if (!holes.isEmpty() || table != null) {
            throw new InvalidContentException("blocks: select cells with --box, --near/--line with --within, --inside, "
                    + "--above, --below and --where (not --hole, --table)");
        }
        SpatialFilter spatialFilter = spatial();
        int tables = (aggregate != null ? 1 : 0) + (gradeTonnage != null ? 1 : 0) + (histogram != null ? 1 : 0)
                + (sliceZ != null ? 1 : 0) + (section != null ? 1 : 0) + (diff != null ? 1 : 0);
        if (tables > 1) {
            throw new InvalidContentException("--aggregate, --grade-tonnage, --histogram, --slice-z, --section, --diff: "
                    + "give one (one table per query)");
        }
        if (diff != null) {
            return diff(spatialFilter);
        }
        if (sliceZ != null || section != null) {
            return slice();
        }
        if (step != null || attribute != null) {
            throw new InvalidContentException((step != null ? "--step" : "--attribute") + ": only with --slice-z or "
                    + "--section");
        }
        if (histogram != null) {
            Object[] h = BlockRows.cutoffs("--histogram", histogram);
            try (WorkspaceStore store = ws.open()) {
                org.geoassure.geodb.grid.BrickSource src = blockModel.open(store);
                org.geoassure.geodb.grid.BlockQuery q = blockQuery(store, src, spatialFilter);
                var hist = org.geoassure.geodb.grid.BlockScan.histogram(src, q, (String) h[0], (double[]) h[1]);
                read.output(spec.commandLine().getOut(), w -> BlockRows.histogramRows(hist, read.format, w));
            }
            return 0;
        }
        List<String[]> aggs = aggregate == null ? List.of() : BlockRows.aggregates(aggregate);
        Object[] curve = gradeTonnage == null ? null : BlockRows.gradeTonnage(gradeTonnage);
        try (WorkspaceStore store = ws.open()) {
            org.geoassure.geodb.grid.BrickSource src = blockModel.open(store);
            org.geoassure.geodb.grid.BlockQuery q = blockQuery(store, src, spatialFilter);
            if (aggregate == null && gradeTonnage == null) {
                if (explain) {
                    var rep = org.geoassure.geodb.grid.BlockScan.select(src, q, List.of(), (i, j, k, b, l) -> { });
                    spec.commandLine().getOut().print(BlockRows.explain(src, q, rep));
                    spec.commandLine().getOut().flush();
                    return 0;
                }
                read.output(spec.commandLine().getOut(), w -> BlockRows.cells(src, q, read.format, w));
                return 0;
            }
            org.geoassure.geodb.grid.AggregateResult r;
            try {
                r = org.geoassure.geodb.grid.BlockScan.aggregate(src, q, BlockRows.aggregation(aggs, curve, partial,
                        density));
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException(e.getMessage());
            }
            if (explain) {
                spec.commandLine().getOut().print(BlockRows.explain(src, q, r.scan()));
                spec.commandLine().getOut().flush();
                return 0;
            }
            read.output(spec.commandLine().getOut(), w -> {
                if (curve != null) {
                    BlockRows.curveRows(r, read.format, w);
                } else {
                    BlockRows.aggregateRow(r, aggs, read.format, w);
                }
            });
        }
        return 0;
    }

    /** {@code query WS readings}: monitoring readings of stations (range, resample, last values, gaps). */
    private int readings() {
        if (box != null || near != null || line != null || !where.isEmpty() || !holes.isEmpty() || table != null
                || explain || read.asOf != null) {
            throw new InvalidContentException("readings: select with --station, --from, --to and --recorded-as-of "
                    + "(not --box, --near, --line, --where, --hole, --table, --explain, --as-of)");
        }
        java.time.Instant recorded = Times.parse("--recorded-as-of", read.recordedAsOf);
        try (WorkspaceStore store = ws.open()) {
            read.output(spec.commandLine().getOut(), w -> SeriesCli.query(store, series, recorded, read.format, w));
        }
        return 0;
    }

    /** {@code --json}: the same selection as the options, read from a JSON document. */
    private int runJson() {
        if (target != null || table != null || box != null || near != null || line != null || within != null
                || !where.isEmpty() || !holes.isEmpty() || read.asOf != null || read.recordedAsOf != null) {
            throw new InvalidContentException("--json: put the target and every condition in the JSON document, "
                    + "not in options");
        }
        JsonQuery q;
        if (json.equals("-")) {
            q = JsonQuery.parse(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8), "-");
        } else {
            java.nio.file.Path file = java.nio.file.Path.of(json);
            try {
                q = JsonQuery.parse(java.nio.file.Files.readString(file), file.toString());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new InvalidContentException("--json: no such file " + file);
            } catch (java.io.IOException e) {
                throw new org.geoassure.geodb.StorageException("--json: cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        read.apply(Selection.all());
        Rows.Dataset what = switch (q.target()) {
            case "boreholes" -> Rows.Dataset.BOREHOLES;
            case "stations" -> Rows.Dataset.STATIONS;
            default -> Rows.Dataset.INTERVALS;
        };
        return select(what, q.table().orElse(null), q.selection());
    }

    private int select(Rows.Dataset what, String tableName, Selection selection) {
        try (WorkspaceStore store = ws.open()) {
            if (explain) {
                spec.commandLine().getOut().print(Explain.run(store, what, tableName, selection));
                spec.commandLine().getOut().flush();
                return 0;
            }
            read.output(spec.commandLine().getOut(), w -> Rows.write(store, what, tableName, selection, read.format, w));
        }
        return 0;
    }

    private SpatialFilter spatial() {
        int given = (box != null ? 1 : 0) + (near != null ? 1 : 0) + (line != null ? 1 : 0);
        if (given > 1) {
            throw new InvalidContentException("--box, --near and --line: give at most one");
        }
        if (within != null && near == null && line == null) {
            throw new InvalidContentException("--within: needs --near or --line");
        }
        if ((near != null || line != null) && within == null) {
            throw new InvalidContentException((near != null ? "--near" : "--line") + ": needs --within D");
        }
        if (within != null && !(within >= 0)) {
            throw new InvalidContentException("--within: distance must be >= 0, got " + within);
        }
        if (box != null) {
            double[] v = numbers("--box", box, ",", 6);
            return new SpatialFilter.InBox(new Box3(Math.min(v[0], v[3]), Math.min(v[1], v[4]), Math.min(v[2], v[5]),
                    Math.max(v[0], v[3]), Math.max(v[1], v[4]), Math.max(v[2], v[5])));
        }
        if (near != null) {
            double[] p = numbers("--near", near, ",", 3);
            return new SpatialFilter.NearPoint(p[0], p[1], p[2], within);
        }
        if (line != null) {
            String[] pts = line.split(";");
            if (pts.length < 2) {
                throw new InvalidContentException("--line: needs at least two points X,Y,Z;X,Y,Z");
            }
            double[] xyz = new double[3 * pts.length];
            for (int i = 0; i < pts.length; i++) {
                System.arraycopy(numbers("--line", pts[i], ",", 3), 0, xyz, 3 * i, 3);
            }
            return new SpatialFilter.NearPolyline(xyz, within);
        }
        return null;
    }

    /**
     * The horizontal slice at {@code sliceZ}, or else the section along {@code section} ({@code X,Y;X,Y;...}) sampled
     * every {@code step} metres (default the smaller horizontal cell size), of one attribute.
     */
    static org.geoassure.geodb.grid.BlockSlices.Slice slice(org.geoassure.geodb.grid.BrickSource src, String attribute,
            Double sliceZ, String section, Double step) {
        if (sliceZ != null) {
            return org.geoassure.geodb.grid.BlockSlices.horizontal(src, attribute, sliceZ);
        }
        org.geoassure.geodb.grid.BlockModel m = src.model();
        return org.geoassure.geodb.grid.BlockSlices.section(src, attribute, sectionLine("--section", section),
                step != null ? step : Math.min(m.dx(), m.dy()));
    }

    /** A section line {@code X,Y;X,Y;...} as x, y pairs. */
    static double[] sectionLine(String option, String text) {
        String[] pts = text.split(";");
        if (pts.length < 2) {
            throw new InvalidContentException(option + ": needs at least two points X,Y;X,Y");
        }
        double[] xy = new double[2 * pts.length];
        for (int p = 0; p < pts.length; p++) {
            System.arraycopy(numbers(option, pts[p], ",", 2), 0, xy, 2 * p, 2);
        }
        return xy;
    }

    static double[] numbers(String option, String text, String sep, int n) {
        String[] parts = text.split(sep);
        if (parts.length != n) {
            throw new InvalidContentException(option + ": '" + text + "' needs " + n + " numbers separated by '" + sep + "'");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidContentException(option + ": '" + parts[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new InvalidContentException(option + ": '" + parts[i].trim() + "' is not a finite number");
            }
        }
        return v;
    }
}
