package org.geoassure.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.model.LogRecord;
import org.geoassure.render.gltf.GlbWriter;
import org.geoassure.render.mesh.IntervalTubes;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a dataset as CSV, JSON or Arrow (IPC stream), or a 3D model as glTF (GLB).",
            "  traces     hole_id, depth, x, y, z of every survey station",
            "  intervals  hole_id, from, to, the attribute columns, x/y/z of from, to and mid (needs --table)",
            "  gltf       the intervals of --table as tubes coloured by --color-by, binary glTF 2.0 (GLB)",
            "  logs       hole_id, log, depth (m), one column per curve (nulls empty); --hole, --log select",
            "  blocks     i, j, k, centroid x, y, z and the attributes of --model's cells; --box, --where select;",
            "             --format voxet --out F.vo: the whole model as a GOCAD Voxet",
            "  tiles      --model's cells kept by --where/--box as a 3D Tiles 1.1 tileset with levels of detail,",
            "             coloured by --color-by, written to the directory --out",
            "  features   the features of --layer (default all) valid at --as-of as --format geojson, csv (points),",
            "             tsurf (surfaces) or omf (OMF 2); logs --format las: one log (--hole, --log) as LAS 2.0"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Parameters(index = "1", paramLabel = "DATASET", description = "traces, intervals, gltf, logs, blocks, tiles or "
            + "features")
    String dataset;

    @Option(names = "--color-by", paramLabel = "COLUMN",
            description = "gltf: attribute to colour by (text: categories, numbers: a ramp); default one colour")
    String colorBy;

    @Option(names = "--radius", paramLabel = "M", defaultValue = "1.0", description = "gltf: tube radius in metres "
            + "(default ${DEFAULT-VALUE})")
    double radius;

    @Option(names = "--sides", paramLabel = "N", defaultValue = "8", description = "gltf: sides of a tube, 3..64 "
            + "(default ${DEFAULT-VALUE})")
    int sides;

    @Option(names = "--ramp", paramLabel = "R", defaultValue = "quantile", description = "gltf: colours for a numeric "
            + "--color-by: quantile (minimum, quartiles, maximum get the five ramp colours; suits grades) or linear "
            + "(default ${DEFAULT-VALUE})")
    String ramp;

    @Option(names = "--table", paramLabel = "NAME", description = "interval table to export (for intervals)")
    String table;

    @Option(names = "--hole", paramLabel = "ID", description = "logs: only this hole (repeatable)")
    List<String> holes = new java.util.ArrayList<>();

    @Option(names = "--log", paramLabel = "NAME", description = "logs: only logs of this name")
    String log;

    @Mixin
    BlockModelArg blockModel;

    @Option(names = "--box", paramLabel = "X1,Y1,Z1,X2,Y2,Z2", description = "blocks: cells whose centroid is in this "
            + "world box (any two opposite corners)")
    String box;

    @Option(names = "--where", paramLabel = "EXPR", description = "blocks: attribute condition, repeatable (all must "
            + "hold): COL op VALUE, COL in (A,B), COL is [not] null")
    List<String> where = new java.util.ArrayList<>();

    @Option(names = "--features", description = "gltf: the features valid at --as-of (surfaces and solids as "
            + "triangles, lines and outlines as tubes, coloured by role) instead of an interval table")
    boolean features;

    @Option(names = "--isosurface", paramLabel = "ATTR:LEVEL", description = "gltf: the isosurface of --model's ATTR "
            + "at LEVEL (enclosing the cells above it, or below it with --below), closed at the model's edge")
    String isosurface;

    @Option(names = "--boundaries", paramLabel = "ATTR", description = "gltf: the boundary surfaces between the "
            + "categories of --model's category attribute ATTR, one closed shell per category in its colour")
    String boundaries;

    @Option(names = "--slice-z", paramLabel = "Z", description = "gltf: the horizontal slice of --model at height Z as "
            + "a surface coloured by --color-by")
    Double sliceZ;

    @Option(names = "--section", paramLabel = "X,Y;X,Y;...", description = "gltf: the vertical section of --model "
            + "along this polyline as a surface coloured by --color-by")
    String section;

    @Option(names = "--step", paramLabel = "M", description = "gltf --section: sample spacing along the line (default "
            + "the smaller horizontal cell size)")
    Double step;

    @Option(names = "--below", description = "gltf --isosurface: enclose the cells below the level (e.g. low "
            + "resistivity)")
    boolean below;

    @Option(names = "--layer", paramLabel = "NAME", description = "gltf --features, features: only these layers "
            + "(repeatable)")
    List<String> layers = new java.util.ArrayList<>();

    @Option(names = "--tile-size", paramLabel = "N", defaultValue = "64", description = "tiles: cells per tile and "
            + "axis, 2..256 (default ${DEFAULT-VALUE})")
    int tileSize;

    @Mixin
    ReadOptions read;

    @Override
    public Integer call() {
        if (dataset.equals("blocks") && read.format.equals("voxet")) {
            try (WorkspaceStore store = ws.open()) {
                return VolumeCommands.exportVoxet(store, blockModel, read.out, box != null || !where.isEmpty(),
                        spec.commandLine().getOut());
            }
        }
        if (dataset.equals("features") && read.format.equals("omf")) {
            return OmfCommands.export(this);
        }
        boolean fileFormat = dataset.equals("features") || dataset.equals("logs") && read.format.equals("las");
        Selection s = fileFormat ? read.time(Selection.all()) : read.apply(Selection.all());
        try (WorkspaceStore store = ws.open()) {
            if (dataset.equals("features")) {
                return FeatureExport.features(store, layers, s, read, spec.commandLine().getOut());
            }
            if (dataset.equals("gltf")) {
                return gltf(store, s);
            }
            if (dataset.equals("logs")) {
                return logs(store, s);
            }
            if (dataset.equals("tiles")) {
                return TilesExport.write(blockModel.open(store), BlockRows.query(box, where), colorBy, tileSize,
                        read.out, store.info().crs(), spec.commandLine().getOut());
            }
            if (dataset.equals("blocks")) {
                org.geoassure.geodb.grid.BrickSource src = blockModel.open(store);
                org.geoassure.geodb.grid.BlockQuery q = BlockRows.query(box, where);
                read.output(spec.commandLine().getOut(), w -> BlockRows.cells(src, q, read.format, w));
                return 0;
            }
            Rows.Dataset what = switch (dataset) {
                case "traces" -> Rows.Dataset.STATIONS;
                case "intervals" -> Rows.Dataset.INTERVALS;
                default -> throw new InvalidContentException("DATASET: '" + dataset
                        + "' is not one of traces, intervals, gltf, logs, blocks, tiles, features");
            };
            read.output(spec.commandLine().getOut(), w -> Rows.write(store, what, table, s, read.format, w));
        }
        return 0;
    }

    /**
     * {@code export WS gltf --model M --isosurface ATTR:LEVEL [--below]}: the isosurface of one attribute through the
     * cell centroids (marching tetrahedra, closed at the model's edge and around absent or null cells), as one GLB with
     * the model, attribute, level and the enclosed volume in extras.
     */
    private int isosurfaceGltf(WorkspaceStore store) {
        if (features || table != null || colorBy != null) {
            throw new InvalidContentException("--isosurface: not with --features, --table or --color-by");
        }
        IsosurfaceGlb glb = isosurface(store, blockModel.open(store), isosurface, below, "--");
        read.output(spec.commandLine().getOut(), o -> glb.write(o.bytes()));
        return 0;
    }

    /**
     * An isosurface built and checked, ready to write: the mesh rebased to its bounds' centre, the CRS and the extras
     * (model, attribute, level, inside, triangles).
     */
    record IsosurfaceGlb(org.geoassure.render.mesh.TriangleMesh mesh, String crs, java.util.Map<String, Object> extras) {
        /** Writes the GLB. */
        void write(java.io.OutputStream out) {
            try {
                GlbWriter.write(mesh, "isosurface", crs, extras, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The isosurface {@code spec} (ATTR:LEVEL) of a block model's attribute, enclosing the cells above the level or
     * below it, checked as {@code export gltf --isosurface} checks it (also used by the HTTP API, {@code GET
     * /api/v1/gltf?model=M&isosurface=ATTR:LEVEL}).
     *
     * @param prefix put before the option names in messages: {@code "--"} for the command line, {@code ""} for HTTP
     */
    static IsosurfaceGlb isosurface(WorkspaceStore store, org.geoassure.geodb.grid.BrickSource src, String spec,
            boolean below, String prefix) {
        String option = prefix + "isosurface";
        int colon = spec.lastIndexOf(':');
        if (colon <= 0) {
            throw new InvalidContentException(option + ": '" + spec + "' is not ATTR:LEVEL");
        }
        String attribute = spec.substring(0, colon);
        double level = QueryCommand.numbers(option, spec.substring(colon + 1), ",", 1)[0];
        org.geoassure.geodb.grid.BlockModel m = src.model();
        double[] values;
        try {
            values = BlockRows.dense(src, attribute);
        } catch (InvalidContentException e) {
            throw new InvalidContentException(option + ": " + e.getMessage());
        }
        org.geoassure.geodb.model.Mesh grid = org.geoassure.render.mesh.Isosurface.extract(values, m.nx(), m.ny(), m.nz(),
                level, below);
        if (grid.triangleCount() == 0) {
            throw new InvalidContentException(option + ": no cell of block model " + m.name() + " has " + attribute
                    + (below ? " below " : " above ") + level);
        }
        org.geoassure.geodb.model.Mesh world = org.geoassure.render.mesh.Isosurface.toWorld(grid, m.originX(),
                m.originY(), m.originZ(), m.rotation(), m.dx(), m.dy(), m.dz());
        double[] b = world.bounds();
        var origin = new org.geoassure.render.RenderOrigin((b[0] + b[3]) / 2, (b[1] + b[4]) / 2, (b[2] + b[5]) / 2);
        String id = m.name() + ":" + attribute + (below ? "<" : ">") + RowWriter.number(level);
        var mesh = org.geoassure.render.mesh.FeatureMeshes.build(List.of(org.geoassure.geodb.model.Feature.ofMesh(id,
                id, org.geoassure.geodb.model.FeatureKind.SOLID, "isosurface", world, java.util.Map.of())), origin, 1);
        java.util.Map<String, Object> extras = new java.util.LinkedHashMap<>();
        extras.put("model", m.name());
        extras.put("attribute", attribute);
        extras.put("level", level);
        extras.put("inside", below ? "below" : "above");
        extras.put("triangles", grid.triangleCount());
        return new IsosurfaceGlb(mesh, store.info().crs(), extras);
    }

    /**
     * {@code export WS gltf --model M --boundaries ATTR}: the boundary shells of a category attribute's categories
     * ({@link org.geoassure.render.mesh.CategoryBoundaries}), one SOLID feature per category named by its label and
     * coloured as the category, with the categories in the feature table.
     */
    private int boundariesGltf(WorkspaceStore store) {
        if (features || table != null || colorBy != null || below) {
            throw new InvalidContentException("--boundaries: not with --features, --table, --color-by or --below");
        }
        org.geoassure.geodb.grid.BrickSource src = blockModel.open(store);
        org.geoassure.geodb.grid.BlockModel m = src.model();
        int a = m.attributeIndex(boundaries);
        if (a < 0 || m.attributes().get(a).type() != org.geoassure.geodb.grid.AttributeType.CATEGORY) {
            throw new InvalidContentException("--boundaries: '" + boundaries + "' is not a category attribute of block "
                    + "model " + m.name() + " (category attributes: " + m.attributes().stream().filter(x -> x.type()
                    == org.geoassure.geodb.grid.AttributeType.CATEGORY).map(x -> x.name()).toList() + ")");
        }
        if (m.gridCells() > Integer.MAX_VALUE - 8) {
            throw new InvalidContentException("block model " + m.name() + ": " + m.gridCells() + " cells is too many "
                    + "for one boundary pass");
        }
        List<String> labels = m.attributes().get(a).categories();
        int[] codes = new int[(int) m.gridCells()];
        java.util.Arrays.fill(codes, -1);
        org.geoassure.geodb.grid.BlockScan.select(src, org.geoassure.geodb.grid.BlockQuery.all(),
                List.of(m.attributes().get(a).name()), (i, j, k, b, local) -> {
                    double v = b.value(a, local);
                    if (!Double.isNaN(v)) {
                        codes[i + m.nx() * (j + m.ny() * k)] = (int) v;
                    }
                });
        var shells = org.geoassure.render.mesh.CategoryBoundaries.extract(codes, m.nx(), m.ny(), m.nz(), -1);
        if (shells.isEmpty()) {
            throw new InvalidContentException("--boundaries: no cell of block model " + m.name() + " has a "
                    + boundaries);
        }
        List<org.geoassure.geodb.model.Feature> solids = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (var e : shells.entrySet()) {
            String label = labels.get(e.getKey());
            org.geoassure.geodb.model.Mesh world = org.geoassure.render.mesh.Isosurface.toWorld(e.getValue(),
                    m.originX(), m.originY(), m.originZ(), m.rotation(), m.dx(), m.dy(), m.dz());
            double[] b = world.bounds();
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], b[k]);
                hi[k] = Math.max(hi[k], b[k + 3]);
            }
            solids.add(org.geoassure.geodb.model.Feature.ofMesh(label, label,
                    org.geoassure.geodb.model.FeatureKind.SOLID, "category", world, java.util.Map.of()));
            names.add(label);
        }
        var origin = new org.geoassure.render.RenderOrigin((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2,
                (lo[2] + hi[2]) / 2);
        var built = org.geoassure.render.mesh.FeatureMeshes.build(solids, origin, 1);
        var scale = org.geoassure.render.mesh.ColorScale.categorical(labels);
        byte[] colours = new byte[4 * built.vertexCount()];
        for (int v = 0; v < built.vertexCount(); v++) {
            int c = scale.color(names.get(built.featureIds()[v]));
            for (int k = 0; k < 4; k++) {
                colours[4 * v + k] = (byte) (c >>> (24 - 8 * k));
            }
        }
        var mesh = new org.geoassure.render.mesh.TriangleMesh(built.origin(), built.positions(), built.normals(),
                colours, built.featureIds(), built.indices());
        java.util.Map<String, Object> extras = new java.util.LinkedHashMap<>();
        extras.put("model", m.name());
        extras.put("attribute", m.attributes().get(a).name());
        extras.put("featureTable", java.util.Map.of("columns", List.of("category"), "rows",
                names.stream().map(List::of).toList()));
        extras.put("legend", scale.legend());
        read.output(spec.commandLine().getOut(), o -> {
            try {
                GlbWriter.write(mesh, "category boundaries", store.info().crs(), extras, o.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }

    /**
     * {@code export WS gltf --model M (--slice-z Z | --section X,Y;...) --color-by ATTR}: a slice or section of one
     * attribute ({@link org.geoassure.geodb.grid.BlockSlices}) as a surface coloured by the values
     * ({@link org.geoassure.render.mesh.SliceMesh}), with the legend in extras.
     */
    private int sliceGltf(WorkspaceStore store) {
        if (sliceZ != null && section != null) {
            throw new InvalidContentException("--slice-z and --section: one at a time");
        }
        if (features || table != null || below || isosurface != null) {
            throw new InvalidContentException((sliceZ != null ? "--slice-z" : "--section") + ": not with --features, "
                    + "--table, --isosurface or --below");
        }
        if (colorBy == null) {
            throw new InvalidContentException((sliceZ != null ? "--slice-z" : "--section") + ": needs --color-by ATTR");
        }
        if (sliceZ != null && step != null) {
            throw new InvalidContentException("--step: only with --section");
        }
        org.geoassure.geodb.grid.BrickSource src = blockModel.open(store);
        org.geoassure.geodb.grid.BlockModel m = src.model();
        org.geoassure.geodb.grid.BlockSlices.Slice s = QueryCommand.slice(src, colorBy, sliceZ, section, step);
        var attr = m.attribute(s.attribute());
        boolean category = attr.type() == org.geoassure.geodb.grid.AttributeType.CATEGORY;
        double[] present = java.util.Arrays.stream(s.values()).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length == 0) {
            throw new InvalidContentException("the " + (sliceZ != null ? "slice" : "section") + " of block model "
                    + m.name() + " meets no cell with a value of " + s.attribute());
        }
        org.geoassure.render.mesh.ColorScale scale = category
                ? org.geoassure.render.mesh.ColorScale.categorical(attr.categories())
                : ExportCommand.ramp("--ramp", ramp) == org.geoassure.render.mesh.IntervalTubes.Ramp.LINEAR
                        ? org.geoassure.render.mesh.ColorScale.ramp(java.util.Arrays.stream(present).min().getAsDouble(),
                                java.util.Arrays.stream(present).max().getAsDouble())
                        : org.geoassure.render.mesh.ColorScale.quantiles(present);
        double cx = java.util.Arrays.stream(s.x()).average().orElse(0);
        double cy = java.util.Arrays.stream(s.y()).average().orElse(0);
        double cz = java.util.Arrays.stream(s.z()).average().orElse(0);
        var mesh = org.geoassure.render.mesh.SliceMesh.build(s, v -> scale.color(category
                ? attr.categories().get((int) v) : (Object) v), new org.geoassure.render.RenderOrigin(cx, cy, cz));
        if (mesh.triangleCount() == 0) {
            throw new InvalidContentException("the " + (sliceZ != null ? "slice" : "section") + " of block model "
                    + m.name() + " has no two neighbouring rows and columns of samples with values to draw");
        }
        java.util.Map<String, Object> extras = new java.util.LinkedHashMap<>();
        extras.put("model", m.name());
        extras.put("attribute", s.attribute());
        extras.put(sliceZ != null ? "sliceZ" : "section", sliceZ != null ? (Object) sliceZ : section);
        extras.put("samples", List.of(s.columns(), s.rows()));
        extras.put("legend", scale.legend());
        read.output(spec.commandLine().getOut(), o -> {
            try {
                GlbWriter.write(mesh, sliceZ != null ? "slice" : "section", store.info().crs(), extras, o.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }

    /** Logs of the selected holes (all when no --hole), as rows of {@link LogRows}. */
    private int logs(WorkspaceStore store, Selection s) {
        Selection sel = holes.isEmpty() ? s : s.holes(new java.util.LinkedHashSet<>(holes));
        for (String h : holes) {
            if (!store.holeIds().contains(h)) {
                throw new InvalidContentException("--hole: no hole '" + h + "' in this workspace");
            }
        }
        List<LogData> logs;
        try (Stream<LogRecord> st = store.logs(sel)) {
            logs = st.map(LogRecord::log).filter(l -> log == null || l.name().equals(log)).toList();
        }
        if (read.format.equals("las")) {
            return FeatureExport.las(logs, read, spec.commandLine().getOut());
        }
        read.output(spec.commandLine().getOut(), w -> LogRows.write(logs, read.format, w));
        return 0;
    }

    /** Interval tubes as GLB, with the feature table and legend in the file's extras (docs/cli.md). */
    private int gltf(WorkspaceStore store, Selection s) {
        if (isosurface != null && boundaries != null) {
            throw new InvalidContentException("--isosurface and --boundaries: one at a time");
        }
        if (isosurface != null) {
            return isosurfaceGltf(store);
        }
        if (boundaries != null) {
            return boundariesGltf(store);
        }
        if (sliceZ != null || section != null) {
            return sliceGltf(store);
        }
        if (below) {
            throw new InvalidContentException("--below: only with --isosurface");
        }
        if (features) {
            return featureGltf(store, s);
        }
        if (table == null) {
            throw new InvalidContentException("--table: required for gltf (tables: " + store.intervalTables() + ")");
        }
        IntervalTubes.Result tubes = tubes(store, table, colorBy, radius, sides, ramp("--ramp", ramp), s, "--");
        read.output(spec.commandLine().getOut(), o -> writeGlb(store, table, colorBy, tubes, o.bytes()));
        return 0;
    }

    /**
     * The tubes of {@code table}'s intervals in the selection, checked as {@code export gltf} checks them (also used
     * by the HTTP API, whose parameters are named without the {@code --}).
     *
     * @param radius tube radius in metres, or null for {@link IntervalTubes#defaultRadius}
     * @param prefix put before the option names in messages: {@code "--"} for the command line, {@code ""} for HTTP
     */
    static IntervalTubes.Result tubes(WorkspaceStore store, String table, String colorBy, Double radius, int sides,
            IntervalTubes.Ramp ramp, Selection s, String prefix) {
        if (radius != null && (!(radius > 0) || !Double.isFinite(radius))) {
            throw new InvalidContentException(prefix + "radius: must be a positive number of metres, got " + radius);
        }
        if (sides < 3 || sides > 64) {
            throw new InvalidContentException(prefix + "sides: must be 3..64, got " + sides);
        }
        String colour = prefix.isEmpty() ? "colorBy" : "--color-by";
        if (colorBy != null && store.intervalColumns(table).stream().noneMatch(c -> c.name().equalsIgnoreCase(colorBy))) {
            throw new InvalidContentException(colour + ": table " + table + " has no column '" + colorBy + "' (columns: "
                    + store.intervalColumns(table).stream().map(c -> c.name()).toList() + ")");
        }
        List<IntervalRecord> rows;
        try (Stream<IntervalRecord> st = store.intervals(table, s)) {
            rows = st.toList();
        }
        if (rows.isEmpty()) {
            throw new InvalidContentException(prefix + "table: " + table
                    + " has no intervals in this time slice: nothing to draw");
        }
        try {
            return IntervalTubes.build(rows, colorBy, radius != null ? radius : IntervalTubes.defaultRadius(rows), sides,
                    ramp);
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException(prefix + "table: " + e.getMessage());
        }
    }

    /** The ramp named by {@code text} (null: quantile), or bad input naming {@code option}. */
    static IntervalTubes.Ramp ramp(String option, String text) {
        if (text == null || text.equals("quantile")) {
            return IntervalTubes.Ramp.QUANTILE;
        }
        if (text.equals("linear")) {
            return IntervalTubes.Ramp.LINEAR;
        }
        throw new InvalidContentException(option + ": '" + text + "' is not one of quantile, linear");
    }

    /** Writes {@code tubes} as GLB with the workspace CRS, the feature table and the legend. */
    /** {@code export WS gltf --features}: the features valid in the slice as one GLB, a feature table in extras. */
    private int featureGltf(WorkspaceStore store, Selection s) {
        if (table != null || colorBy != null) {
            throw new InvalidContentException("--features: not with --table or --color-by (features are coloured by "
                    + "role)");
        }
        List<org.geoassure.geodb.store.FeatureStore.StoredFeature> rows;
        try (Stream<org.geoassure.geodb.store.FeatureStore.StoredFeature> st = FeatureCommands.features(store)
                .features(java.util.Set.copyOf(layers), java.util.Set.of(), null, s.time())) {
            rows = st.toList();
        }
        if (rows.isEmpty()) {
            throw new InvalidContentException("--features: no feature is valid at the time asked"
                    + (layers.isEmpty() ? "" : " in layers " + layers));
        }
        double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX;
        double maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
        for (var r : rows) {
            var f = r.feature();
            double[] b;
            if (f.mesh() != null) {
                b = f.mesh().bounds();
            } else {
                var e = f.geometry().getEnvelopeInternal();
                double z0 = Double.POSITIVE_INFINITY, z1 = Double.NEGATIVE_INFINITY;
                for (var c : f.geometry().getCoordinates()) {
                    if (!Double.isNaN(c.getZ())) {
                        z0 = Math.min(z0, c.getZ());
                        z1 = Math.max(z1, c.getZ());
                    }
                }
                b = new double[] {e.getMinX(), e.getMinY(), z0 > z1 ? 0 : z0, e.getMaxX(), e.getMaxY(), z0 > z1 ? 0 : z1};
            }
            minX = Math.min(minX, b[0]);
            minY = Math.min(minY, b[1]);
            minZ = Math.min(minZ, b[2]);
            maxX = Math.max(maxX, b[3]);
            maxY = Math.max(maxY, b[4]);
            maxZ = Math.max(maxZ, b[5]);
        }
        var origin = new org.geoassure.render.RenderOrigin((minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2);
        double extent = Math.max(maxX - minX, Math.max(maxY - minY, maxZ - minZ));
        double r = Math.max(radius, extent / 2000);
        var mesh = org.geoassure.render.mesh.FeatureMeshes.build(rows.stream().map(x -> x.feature()).toList(), origin,
                r);
        if (mesh.triangleCount() == 0) {
            throw new InvalidContentException("--features: nothing drawable (points only)");
        }
        List<List<Object>> table = new java.util.ArrayList<>();
        java.util.Map<String, String> legend = new java.util.TreeMap<>();
        for (var x : rows) {
            table.add(java.util.Arrays.asList(x.layer(), x.feature().id(), x.feature().name(), x.feature().role(),
                    x.valid().from().toString()));
            legend.put(x.feature().role(), String.format("#%06x",
                    org.geoassure.render.mesh.FeatureMeshes.colour(x.feature().role()) >>> 8));
        }
        java.util.Map<String, Object> extras = new java.util.LinkedHashMap<>();
        extras.put("featureTable", java.util.Map.of("columns", List.of("layer", "feature_id", "name", "role",
                "valid_from"), "rows", table));
        List<java.util.Map<String, String>> items = new java.util.ArrayList<>();
        legend.forEach((role, colour) -> items.add(java.util.Map.of("value", role, "color", colour)));
        extras.put("legend", items);
        extras.put("asOf", s.time().validAt() == null ? "now" : s.time().validAt().toString());
        read.output(spec.commandLine().getOut(), o -> {
            try {
                GlbWriter.write(mesh, "features", store.info().crs(), extras, o.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }

    static void writeGlb(WorkspaceStore store, String table, String colorBy, IntervalTubes.Result tubes,
            java.io.OutputStream out) {
        try {
            GlbWriter.write(tubes.mesh(), table, store.info().crs(), IntervalTubes.extras(tubes, colorBy), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
