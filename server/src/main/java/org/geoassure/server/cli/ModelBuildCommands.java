package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.ContactPicks;
import org.geoassure.geodb.analysis.Ellipsoid;
import org.geoassure.geodb.analysis.Estimator;
import org.geoassure.geodb.analysis.FaultSurface;
import org.geoassure.geodb.analysis.InverseDistance;
import org.geoassure.geodb.analysis.Kriging;
import org.geoassure.geodb.analysis.LayerCake;
import org.geoassure.geodb.analysis.Neighbourhood;
import org.geoassure.geodb.analysis.PropertyModel;
import org.geoassure.geodb.analysis.Samples;
import org.geoassure.geodb.analysis.StratigraphicSurfaces;
import org.geoassure.geodb.analysis.VariogramModel;
import org.geoassure.geodb.analysis.VariogramText;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.WorkspaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code model WS surfaces | lithology | krige}: models from boreholes, each run stored with its parameters. */
final class ModelBuildCommands {
    private ModelBuildCommands() {
    }

    /** Cells a command builds in memory at most. */
    static final long MAX_CELLS = 200_000_000L;

    private static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static String user() {
        return System.getProperty("user.name", "");
    }

    @Command(name = "surfaces", mixinStandardHelpOptions = true,
            description = {"Surfaces (the top of each unit of a stratigraphic order) from the contact picks of an "
                + "interval column, by IDW or ordinary kriging onto a grid, honouring the picks; a lower surface "
                + "never rises above the one before it (clamped). Written as SURFACE features with role horizon into "
                + "a layer (see docs/modelling.md)."},
            footer = {"", "Example: geoassure model mine.gpkg surfaces --table lithology --column UNIT "
                + "--order Q,P1s,3#,C3t,O2 --method kriging --cell 25"})
    static final class Surfaces implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--table", required = true, description = "interval table with the unit column")
        String table;

        @Option(names = "--column", required = true, description = "unit column (e.g. UNIT)")
        String column;

        @Option(names = "--order", required = true, split = ",", description = "units top-down, comma-separated")
        List<String> order;

        @Option(names = "--method", defaultValue = "kriging", description = "kriging or idw (default ${DEFAULT-VALUE})")
        String method;

        @Option(names = "--cell", defaultValue = "25", description = "node spacing of the grid (m; default "
                + "${DEFAULT-VALUE})")
        double cell;

        @Option(names = "--layer", defaultValue = "surfaces", description = "feature layer (default ${DEFAULT-VALUE})")
        String layer;

        @Option(names = "--variogram", paramLabel = "FILE", description = "variogram model for kriging (one line, "
                + "e.g. 'nugget=0 spherical(sill=400, range=1500)'); default: fitted to each surface's picks")
        Path variogram;

        @Option(names = "--neighbours", defaultValue = "0", description = "picks per node, the nearest; 0 for all "
                + "(default ${DEFAULT-VALUE})")
        int neighbours;

        @Option(names = "--power", defaultValue = "2", description = "IDW power (default ${DEFAULT-VALUE})")
        double power;

        @Option(names = "--faults", paramLabel = "LAYER", description = "cut the surfaces by the faults in that layer "
                + "(current line features with role fault: a trace with Z, attribute dip_deg, dipping to the right of "
                + "the trace): each fault block is estimated from its own picks")
        String faultLayer;

        @Override
        public Integer call() {
            StratigraphicSurfaces.Method m = switch (method) {
                case "kriging" -> StratigraphicSurfaces.Method.KRIGING;
                case "idw" -> StratigraphicSurfaces.Method.IDW;
                default -> throw new InvalidContentException("--method: '" + method + "' is not kriging or idw");
            };
            if (!(cell > 0) || !Double.isFinite(cell)) {
                throw new InvalidContentException("--cell: " + cell + " must be positive");
            }
            if (neighbours < 0) {
                throw new InvalidContentException("--neighbours: " + neighbours + " must not be negative");
            }
            if (!(power > 0) || !Double.isFinite(power)) {
                throw new InvalidContentException("--power: " + power + " must be positive");
            }
            VariogramModel vm = variogram == null ? null : ModelBuild.variogram("--variogram", variogram);
            if (vm != null && vm.nugget() != 0) {
                throw new InvalidContentException("--variogram: nugget " + vm.nugget() + " would not honour the picks;"
                        + " surfaces need a nugget of 0");
            }
            StratigraphicSurfaces.Options o = new StratigraphicSurfaces.Options(m, vm, power, neighbours);
            PrintWriter out = spec.commandLine().getOut();
            try (WorkspaceStore store = parent.ws.open()) {
                run(store, o, out);
            }
            return 0;
        }

        /** Builds the surfaces with these options (the variogram given, if any, in them) and writes them. */
        StratigraphicSurfaces.Stack run(WorkspaceStore store, StratigraphicSurfaces.Options o, PrintWriter out) {
            StratigraphicSurfaces.Method m = o.method();
            VariogramModel vm = o.variogram();
            if (!(store instanceof FeatureStore fs)) {
                throw new InvalidContentException("WS: this engine does not store features");
            }
            ModelBuild.DataVersions dv = new ModelBuild.DataVersions();
            List<IntervalRecord> rows = ModelBuild.rows(store, table, dv, r -> true);
            if (!rows.isEmpty() && !rows.get(0).values().containsKey(column)) {
                throw new InvalidContentException("--column: no column '" + column + "' in " + table
                        + " (columns: " + rows.get(0).values().keySet() + ")");
            }
            List<ContactPicks.UnitPick> picks = ContactPicks.units(rows.stream(), column);
            List<FaultSurface> faults = List.of();
            long faultIngest = 0;
            if (faultLayer != null) {
                List<FeatureStore.StoredFeature> stored;
                try (Stream<FeatureStore.StoredFeature> f = fs.features(Set.of(faultLayer), Set.of("fault"), null,
                        TimeSlice.current())) {
                    stored = f.toList();
                }
                if (stored.isEmpty()) {
                    throw new InvalidContentException("--faults: no current fault features in layer '"
                            + faultLayer + "' (layers: " + fs.featureLayers() + ")");
                }
                try {
                    faults = stored.stream().map(f -> FaultSurface.fromFeature(f.feature())).toList();
                } catch (InvalidContentException e) {
                    throw new InvalidContentException("--faults: layer '" + faultLayer + "': " + e.getMessage());
                }
                faultIngest = stored.stream().mapToLong(FeatureStore.StoredFeature::ingestId).max().orElse(0);
            }
            StratigraphicSurfaces.Stack stack;
            try {
                stack = StratigraphicSurfaces.build(order, picks, null, cell, o, threads(), faults);
            } catch (InvalidContentException e) {
                throw e.getMessage().startsWith("order:") ? new InvalidContentException("--" + e.getMessage())
                        : e;
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("command", "model surfaces");
            params.put("column", column);
            params.put("order", String.join(",", order));
            params.put("method", method);
            params.put("cell", Double.toString(cell));
            params.put("neighbours", Integer.toString(neighbours));
            if (m == StratigraphicSurfaces.Method.IDW) {
                params.put("power", Double.toString(power));
            }
            if (vm != null) {
                params.put("variogram", VariogramText.format(vm));
            }
            if (faultLayer != null) {
                params.put("faults.layer", faultLayer);
                params.put("faults", String.join(",", faults.stream().map(FaultSurface::id).toList()));
                params.put("faults.ingest", Long.toString(faultIngest));
            }
            dv.into(params, store, table);
            List<Feature> features = stack.features();
            IngestRecord rec = fs.writeFeatures(layer, features.stream()
                    .map(f -> new FeatureStore.FeatureWrite(f, null)).toList(),
                    new Provenance(List.of(), user(), params, List.of()));
            var g = stack.grid();
            out.printf(Locale.ROOT, "surfaces: %d written to layer '%s' (ingest %d: %d new, %d changed, %d "
                    + "unchanged); grid %d x %d nodes every %s m from %s, %s%n", features.size(), layer, rec.id(),
                    rec.holesNew(), rec.holesChanged(), rec.holesUnchanged(), g.nx(), g.ny(), num(cell),
                    num(g.originX()), num(g.originY()));
            out.printf(Locale.ROOT, "data: %s.%s, %s%n", table, column, dv.describe(store));
            out.println("unit,contact,picks,clamped,zmin,zmax,parameters");
            for (StratigraphicSurfaces.Surface s : stack.surfaces()) {
                double[] z = s.z();
                double lo = Arrays.stream(z).filter(Double::isFinite).min().orElse(Double.NaN);
                double hi = Arrays.stream(z).filter(Double::isFinite).max().orElse(Double.NaN);
                out.printf(Locale.ROOT, "%s,%s,%d,%d,%.3f,%.3f,\"%s\"%n", s.unit(), s.contact(),
                        s.picks().size(), s.clamped(), lo, hi, s.parameters());
            }
            out.flush();
            return stack;
        }
    }

    @Command(name = "lithology", mixinStandardHelpOptions = true,
            description = {"Layer-cake lithology block model from the surfaces in a layer (written by model surfaces):"
                + " each cell centre takes the unit between the surfaces above and below it; cells above the top "
                + "surface are empty. Stored as a new version of the model, category attribute 'unit'."},
            footer = {"", "Example: geoassure model mine.gpkg lithology --surfaces surfaces --name strat "
                + "--size 25,25,2"})
    static final class Lithology implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--surfaces", required = true, paramLabel = "LAYER", description = "layer of the surfaces")
        String layer;

        @Option(names = "--name", required = true, description = "block model name")
        String name;

        @Option(names = "--size", required = true, paramLabel = "DX,DY,DZ", description = "cell size (m)")
        String size;

        @Option(names = "--origin", paramLabel = "X,Y,Z", description = "lower-left-bottom corner; default: the "
                + "surfaces' grid corner, and a tenth of the stack's height below the lowest surface")
        String origin;

        @Option(names = "--dims", paramLabel = "NX,NY,NZ", description = "cells per axis; default: to the far side of "
                + "the surfaces' grid and the top of the highest surface")
        String dims;

        @Option(names = "--attribute", defaultValue = "unit", description = "category attribute name (default "
                + "${DEFAULT-VALUE})")
        String attribute;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (WorkspaceStore store = parent.ws.open()) {
                run(store, out);
            }
            return 0;
        }

        /** Builds the model from the surfaces and writes it as a new version into the open store. */
        BlockModelStore.Version run(WorkspaceStore store, PrintWriter out) {
            double[] d = ModelBuild.triple("--size", size, true);
            double[] o = origin == null ? null : ModelBuild.triple("--origin", origin, false);
            int[] n = dims == null ? null : ModelBuild.dims("--dims", dims);
            if (!(store instanceof FeatureStore fs) || !(store instanceof BlockModelStore bms)) {
                throw new InvalidContentException("WS: this engine does not store features and block models");
            }
            List<FeatureStore.StoredFeature> stored;
            try (Stream<FeatureStore.StoredFeature> s = fs.features(Set.of(layer), Set.of("horizon"), null,
                    TimeSlice.current())) {
                stored = s.toList();
            }
            if (stored.isEmpty()) {
                throw new InvalidContentException("--surfaces: no current horizon features in layer '" + layer
                        + "' (layers: " + fs.featureLayers() + ")");
            }
            StratigraphicSurfaces.Stack stack;
            try {
                stack = StratigraphicSurfaces.fromFeatures(stored.stream().map(FeatureStore.StoredFeature::feature)
                        .toList());
            } catch (InvalidContentException e) {
                throw new InvalidContentException("--" + e.getMessage());
            }
            var g = stack.grid();
            double top = Double.NEGATIVE_INFINITY;
            double bottom = Double.POSITIVE_INFINITY;
            for (double z : stack.surfaces().get(0).z()) {
                top = Double.isFinite(z) ? Math.max(top, z) : top;
            }
            for (double z : stack.surfaces().get(stack.surfaces().size() - 1).z()) {
                bottom = Double.isFinite(z) ? Math.min(bottom, z) : bottom;
            }
            if (o == null) {
                o = new double[] {g.originX(), g.originY(), bottom - Math.max(d[2], (top - bottom) / 10)};
            }
            if (n == null) {
                n = new int[] {Math.max(1, (int) Math.ceil((g.x(g.nx() - 1) - o[0]) / d[0])),
                    Math.max(1, (int) Math.ceil((g.y(g.ny() - 1) - o[1]) / d[1])),
                    Math.max(1, (int) Math.ceil((top - o[2]) / d[2]))};
            }
            if ((long) n[0] * n[1] * n[2] > MAX_CELLS) {
                throw new InvalidContentException("--size: " + (long) n[0] * n[1] * n[2] + " cells are more than "
                        + MAX_CELLS + "; use larger cells or --dims");
            }
            BlockModel def = definition(name, o, d, n);
            BlockData data = LayerCake.build(def, stack, attribute);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("command", "model lithology");
            params.put("surfaces.layer", layer);
            params.put("surfaces.order", String.join(",", stack.order()));
            long ingest = stored.stream().mapToLong(FeatureStore.StoredFeature::ingestId).max().orElse(0);
            params.put("surfaces.ingest", Long.toString(ingest));
            params.put("surfaces.recordedFrom", String.valueOf(stored.stream().map(s -> s.recorded().from())
                    .max(java.util.Comparator.naturalOrder()).orElse(null)));
            params.put("origin", o[0] + "," + o[1] + "," + o[2]);
            params.put("size", d[0] + "," + d[1] + "," + d[2]);
            params.put("dims", n[0] + "," + n[1] + "," + n[2]);
            params.put("attribute", attribute);
            String comment = "layer-cake lithology from surfaces '" + layer + "' (ingest " + ingest + "; order "
                    + String.join(",", stack.order()) + ")";
            BlockModelStore.Version v = bms.writeBlockModel(data, comment, new Provenance(List.of(), user(),
                    params, List.of()));
            out.printf(Locale.ROOT, "model %s version %d: %d cells in %d bricks (%d x %d x %d grid of %s x %s x %s"
                    + " m), attribute %s %s%n", name, v.version(), v.cells(), v.bricks(), n[0], n[1], n[2],
                    num(d[0]), num(d[1]), num(d[2]), attribute, stack.order());
            out.println(comment);
            out.flush();
            return v;
        }
    }

    @Command(name = "krige", mixinStandardHelpOptions = true,
            description = {"Grade / property block model: ordinary kriging (or IDW) of a numeric interval column at the"
                + " interval mid-points into attribute <column> (and <column>_var, the kriging variance). Stored as "
                + "a new version of the model whose comment and provenance record the parameters and the data "
                + "versions read."},
            footer = {"", "Example: geoassure model mine.gpkg krige --table coal_quality --column ASH --name ash "
                + "--size 50,50,5 --fit --neighbours 16"})
    static final class Krige implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--table", required = true, description = "interval table")
        String table;

        @Option(names = "--column", required = true, description = "numeric column")
        String column;

        @Option(names = "--name", required = true, description = "block model name")
        String name;

        @Option(names = "--size", required = true, paramLabel = "DX,DY,DZ", description = "cell size (m)")
        String size;

        @Option(names = "--origin", paramLabel = "X,Y,Z", description = "lower-left-bottom corner; default: the "
                + "samples' bounding box, snapped down to multiples of the cell size")
        String origin;

        @Option(names = "--dims", paramLabel = "NX,NY,NZ", description = "cells per axis; default: to cover the "
                + "samples' bounding box")
        String dims;

        @Option(names = "--variogram", paramLabel = "FILE", description = "variogram model (one line, e.g. "
                + "'nugget=0.5 spherical(sill=4, range=900)')")
        Path variogram;

        @Option(names = "--fit", description = "fit a spherical model with nugget to the samples (the default "
                + "without --variogram)")
        boolean fit;

        @Option(names = "--neighbours", defaultValue = "16", description = "samples per estimate, the nearest "
                + "(default ${DEFAULT-VALUE})")
        int neighbours;

        @Option(names = "--radius", description = "search radius (m); default: unlimited (the nearest samples "
                + "wherever they are)")
        Double radius;

        @Option(names = "--method", defaultValue = "kriging", description = "kriging or idw (default ${DEFAULT-VALUE})")
        String method;

        @Option(names = "--power", defaultValue = "2", description = "IDW power (default ${DEFAULT-VALUE})")
        double power;

        @Override
        public Integer call() {
            if (!method.equals("kriging") && !method.equals("idw")) {
                throw new InvalidContentException("--method: '" + method + "' is not kriging or idw");
            }
            if (variogram != null && fit) {
                throw new InvalidContentException("--fit: give --variogram FILE or --fit, not both");
            }
            double[] d = ModelBuild.triple("--size", size, true);
            double[] o = origin == null ? null : ModelBuild.triple("--origin", origin, false);
            int[] n = dims == null ? null : ModelBuild.dims("--dims", dims);
            if (neighbours < 1) {
                throw new InvalidContentException("--neighbours: " + neighbours + " must be at least 1");
            }
            if (radius != null && !(radius > 0)) {
                throw new InvalidContentException("--radius: " + radius + " must be positive");
            }
            if (!(power > 0) || !Double.isFinite(power)) {
                throw new InvalidContentException("--power: " + power + " must be positive");
            }
            VariogramModel vm = variogram == null ? null : ModelBuild.variogram("--variogram", variogram);
            definition(name, new double[3], new double[] {1, 1, 1}, new int[] {1, 1, 1}); // checks the name first
            PrintWriter out = spec.commandLine().getOut();
            try (WorkspaceStore store = parent.ws.open()) {
                if (!(store instanceof BlockModelStore bms)) {
                    throw new InvalidContentException("WS: this engine does not store block models");
                }
                ModelBuild.DataVersions dv = new ModelBuild.DataVersions();
                Samples s = ModelBuild.midpoints(store, table, column, dv);
                if (s.size() == 0) {
                    throw new InvalidContentException("--column: " + column + " has no numeric values in " + table);
                }
                double[][] c = {s.x(), s.y(), s.z()};
                double[] lo = new double[3];
                double[] hi = new double[3];
                for (int a = 0; a < 3; a++) {
                    lo[a] = Arrays.stream(c[a]).min().orElseThrow();
                    hi[a] = Arrays.stream(c[a]).max().orElseThrow();
                }
                if (o == null) {
                    o = new double[3];
                    for (int a = 0; a < 3; a++) {
                        o[a] = Math.floor(lo[a] / d[a]) * d[a];
                    }
                }
                if (n == null) {
                    n = new int[3];
                    for (int a = 0; a < 3; a++) {
                        n[a] = Math.max(1, (int) Math.ceil((hi[a] - o[a]) / d[a] + 1e-9));
                        if (o[a] + n[a] * d[a] <= hi[a]) {
                            n[a]++;
                        }
                    }
                }
                if ((long) n[0] * n[1] * n[2] > MAX_CELLS) {
                    throw new InvalidContentException("--size: " + (long) n[0] * n[1] * n[2] + " cells are more than "
                            + MAX_CELLS + "; use larger cells or --dims");
                }
                Estimator est;
                String how;
                if (method.equals("idw")) {
                    est = InverseDistance.isotropic(power);
                    how = "idw power=" + power;
                } else {
                    if (vm == null) {
                        vm = StratigraphicSurfaces.fitSpherical(s, true);
                    }
                    est = Kriging.ordinary(vm);
                    how = "ordinary kriging " + VariogramText.format(vm) + (variogram == null ? " (fitted)" : "");
                }
                double r = radius != null ? radius : 2 * Math.sqrt(Math.pow(Math.max(hi[0], o[0] + n[0] * d[0])
                        - Math.min(lo[0], o[0]), 2) + Math.pow(Math.max(hi[1], o[1] + n[1] * d[1])
                        - Math.min(lo[1], o[1]), 2) + Math.pow(Math.max(hi[2], o[2] + n[2] * d[2])
                        - Math.min(lo[2], o[2]), 2)) + 1;
                Neighbourhood hood = new Neighbourhood(Ellipsoid.isotropic(r), neighbours, 1, 0);
                BlockModel def = definition(name, o, d, n);
                String attr = column.matches("[\\p{L}_][\\p{L}\\p{N}_]*") ? column : "value";
                long t0 = System.nanoTime();
                BlockData data = PropertyModel.estimate(def, attr, est, s, hood, threads());
                double secs = (System.nanoTime() - t0) / 1e9;
                Map<String, String> params = new LinkedHashMap<>();
                params.put("command", "model krige");
                params.put("column", column);
                params.put("method", method);
                params.put("estimator", how);
                params.put("neighbours", Integer.toString(neighbours));
                params.put("radius", radius == null ? "unlimited" : Double.toString(radius));
                params.put("radius.used", Double.toString(r));
                params.put("attribute", attr);
                params.put("power", Double.toString(power));
                if (vm != null && method.equals("kriging")) {
                    params.put("variogram", VariogramText.format(vm));
                }
                params.put("origin", o[0] + "," + o[1] + "," + o[2]);
                params.put("size", d[0] + "," + d[1] + "," + d[2]);
                params.put("dims", n[0] + "," + n[1] + "," + n[2]);
                dv.into(params, store, table);
                String comment = how + " of " + table + "." + column + " at " + s.size() + " interval mid-points, "
                        + neighbours + " neighbours; data " + dv.describe(store);
                BlockModelStore.Version v = bms.writeBlockModel(data, comment, new Provenance(List.of(), user(),
                        params, List.of()));
                out.printf(Locale.ROOT, "model %s version %d: %d cells in %d bricks (%d x %d x %d grid of %s x %s x %s"
                        + " m), attributes %s, %.2f s%n", name, v.version(), v.cells(), v.bricks(), n[0], n[1], n[2],
                        num(d[0]), num(d[1]), num(d[2]), data.model().attributes().stream().map(a -> a.name())
                                .toList(), secs);
                out.println(comment);
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Brings a model built by 'model krige' up to date with its table: re-estimates only the "
                + "bricks (32^3 cells) that the search neighbourhood of new, changed or removed samples reaches "
                + "(rows recorded since the data version the model was built from), copies the rest, and writes a "
                + "new version; the result equals a full rebuild. Reports what it recomputed. For a surfaces layer "
                + "(written by 'model surfaces') or a model built by 'model lithology': rebuilds the surfaces from "
                + "the current picks, then the model, whole, with the recorded parameters."},
            footer = {"", "Example: geoassure model mine.gpkg update ash"})
    static final class Update implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "M", description = "block model name")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (WorkspaceStore store = parent.ws.open()) {
                if (!(store instanceof BlockModelStore bms)) {
                    throw new InvalidContentException("WS: this engine does not store block models");
                }
                List<BlockModelStore.Version> versions = bms.blockModelVersions(name);
                if (versions.isEmpty() && store instanceof FeatureStore fs && fs.featureLayers().contains(name)) {
                    updateSurfaces(store, name, out);
                    return 0;
                }
                if (versions.isEmpty()) {
                    throw new InvalidContentException("M: no block model '" + name + "' (models: " + bms.blockModels()
                            .stream().map(v -> v.model().name()).toList() + ")");
                }
                BlockModelStore.Version last = versions.get(versions.size() - 1);
                Map<String, String> p = store.ingests().stream().filter(i -> i.id() == last.ingestId()).findFirst()
                        .map(i -> i.provenance().parameters()).orElse(Map.of());
                if ("model lithology".equals(p.get("command"))) {
                    updateLithology(store, name, last, p, out);
                    return 0;
                }
                if (!"model krige".equals(p.get("command")) || !p.containsKey("radius.used")) {
                    throw new InvalidContentException("M: " + name + " version " + last.version() + " was not built by "
                            + "'model krige' (update re-estimates kriging and IDW models)");
                }
                String table = p.get("data.table");
                String column = p.get("column");
                java.time.Instant asOf = java.time.Instant.parse(p.get("data.recordedUpTo"));
                ModelBuild.DataVersions was = new ModelBuild.DataVersions();
                Samples before = ModelBuild.midpoints(store, table, column, was,
                        org.geoassure.geodb.query.Selection.all().recordedAsOf(asOf));
                ModelBuild.DataVersions now = new ModelBuild.DataVersions();
                Samples after = ModelBuild.midpoints(store, table, column, now);
                Estimator est = p.get("method").equals("idw")
                        ? InverseDistance.isotropic(Double.parseDouble(p.get("power")))
                        : Kriging.ordinary(VariogramText.parse(p.get("variogram")));
                Neighbourhood hood = new Neighbourhood(Ellipsoid.isotropic(Double.parseDouble(p.get("radius.used"))),
                        Integer.parseInt(p.get("neighbours")), 1, 0);
                BlockData old = read(bms.blockModel(name, last.version()));
                long t0 = System.nanoTime();
                org.geoassure.geodb.analysis.IncrementalUpdate.Result r =
                        org.geoassure.geodb.analysis.IncrementalUpdate.update(old, est, before, after, hood);
                double secs = (System.nanoTime() - t0) / 1e9;
                Map<String, String> params = new LinkedHashMap<>(p);
                params.put("update.from", Integer.toString(last.version()));
                params.put("update.samplesChanged", Integer.toString(r.samplesChanged()));
                params.put("update.bricksRecomputed", r.bricksRecomputed() + "/" + r.bricks());
                params.put("update.cellsRecomputed", Long.toString(r.cellsRecomputed()));
                now.into(params, store, table);
                String comment = "update of version " + last.version() + ": " + r.samplesChanged() + " samples changed"
                        + " since " + asOf + "; " + r.bricksRecomputed() + " of " + r.bricks() + " bricks ("
                        + r.cellsRecomputed() + " cells) re-estimated; data " + now.describe(store);
                BlockModelStore.Version v = bms.writeBlockModel(r.data(), comment, new Provenance(List.of(), user(),
                        params, List.of()));
                out.printf(Locale.ROOT, "model %s version %d from version %d: %d samples changed; re-estimated %d of %d"
                        + " bricks (%d cells) in %.2f s; %d cells%n", name, v.version(), last.version(),
                        r.samplesChanged(), r.bricksRecomputed(), r.bricks(), r.cellsRecomputed(), secs, v.cells());
                out.println(comment);
                out.flush();
            }
            return 0;
        }
    }

    /**
     * Rebuilds the surfaces of a layer written by {@code model surfaces} from the current picks with the parameters
     * of the run that wrote them, as a new version of the layer's features. Surfaces are rebuilt whole: with a global
     * neighbourhood (the default) every node depends on every pick, and fault blocks and clamping tie the surfaces
     * together, so there is no smaller part to re-estimate. Returns the run's parameters.
     */
    static Map<String, String> updateSurfaces(WorkspaceStore store, String layer, PrintWriter out) {
        FeatureStore fs = (FeatureStore) store;
        long ingest;
        try (Stream<FeatureStore.StoredFeature> f = fs.features(Set.of(layer), Set.of("horizon"), null,
                TimeSlice.current())) {
            ingest = f.mapToLong(FeatureStore.StoredFeature::ingestId).max().orElse(-1);
        }
        Map<String, String> p = store.ingests().stream().filter(i -> i.id() == ingest).findFirst()
                .map(i -> i.provenance().parameters()).orElse(Map.of());
        if (!"model surfaces".equals(p.get("command"))) {
            throw new InvalidContentException("M: layer '" + layer + "' was not written by 'model surfaces' (update "
                    + "rebuilds surfaces, lithology, kriging and IDW models)");
        }
        Surfaces s = new Surfaces();
        s.table = p.get("data.table");
        s.column = p.get("column");
        s.order = List.of(p.get("order").split(","));
        s.method = p.get("method");
        s.cell = Double.parseDouble(p.get("cell"));
        s.layer = layer;
        s.neighbours = Integer.parseInt(p.get("neighbours"));
        s.power = p.containsKey("power") ? Double.parseDouble(p.get("power")) : 2;
        s.faultLayer = p.get("faults.layer");
        VariogramModel vm = p.containsKey("variogram") ? VariogramText.parse(p.get("variogram")) : null;
        StratigraphicSurfaces.Options o = new StratigraphicSurfaces.Options("idw".equals(s.method)
                ? StratigraphicSurfaces.Method.IDW : StratigraphicSurfaces.Method.KRIGING, vm, s.power, s.neighbours);
        out.printf(Locale.ROOT, "update: surfaces '%s' (ingest %d) rebuilt whole from the current picks of %s.%s with "
                + "the same parameters: every node of every surface recomputed (%s)%n", layer, ingest, s.table,
                s.column, s.neighbours == 0 ? "a global neighbourhood: every node depends on every pick"
                : "the surfaces are cheap to rebuild; fault blocks and clamping tie them together");
        s.run(store, o, out);
        return p;
    }

    /**
     * Rebuilds a layer-cake model: its surfaces first (when {@code model surfaces} wrote them: rebuilt whole from
     * the current picks), then every cell of the model from them, with the same grid, as a new version.
     */
    static void updateLithology(WorkspaceStore store, String name, BlockModelStore.Version last,
            Map<String, String> p, PrintWriter out) {
        String layer = p.get("surfaces.layer");
        updateSurfaces(store, layer, out);
        Lithology l = new Lithology();
        l.layer = layer;
        l.name = name;
        l.size = p.get("size");
        l.origin = p.get("origin");
        l.dims = p.get("dims");
        l.attribute = p.getOrDefault("attribute", last.model().attributes().get(0).name());
        out.printf(Locale.ROOT, "update: model %s version %d rebuilt whole from the rebuilt surfaces (every cell "
                + "recomputed: a surface moved anywhere may move any column)%n", name, last.version());
        l.run(store, out);
    }

    /** A stored version read whole. */
    static BlockData read(org.geoassure.geodb.grid.BrickSource src) {
        List<org.geoassure.geodb.grid.Brick> bricks = new java.util.ArrayList<>();
        boolean[] all = new boolean[src.model().attributes().size()];
        Arrays.fill(all, true);
        for (org.geoassure.geodb.grid.BrickSource.Header h : src.headers()) {
            bricks.add(src.brick(h.index(), all));
        }
        return BlockData.of(src.model(), bricks);
    }

    static BlockModel definition(String name, double[] o, double[] d, int[] n) {
        try {
            return new BlockModel(name, o[0], o[1], o[2], 0, d[0], d[1], d[2], n[0], n[1], n[2], List.of());
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException("--name: " + e.getMessage());
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
