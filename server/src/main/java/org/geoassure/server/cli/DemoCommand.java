package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.samples.DemoLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.geoassure.geodb.InvalidContentException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Create the demo workspaces and print a summary: the Kaiyuan demo mine (a generated coal mine "
            + "in CGCS2000 / 3-degree GK zone 41: 80 boreholes, faults, faces advancing monthly, a flooded goaf, old "
            + "workings, a resistivity model) beside the workspace given, and the real sample drillholes in samples/ "
            + "(WAMEX, Yalgoo, Western Australia, GDA94 / MGA zone 50) in it, with a few queries.",
            "Both workspaces are re-created on every run. --scale S (1 to 10) makes the mine larger for benchmarks "
                + "(80 S^2 boreholes, a resistivity model of 72,000 S^3 cells: 7.2 x 10^7 at S = 10)."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", defaultValue = "demo-workspace/geoassure-demo.gpkg",
            description = "workspace file to (re)create (default ${DEFAULT-VALUE})")
    Path workspace;

    @Option(names = "--dir", paramLabel = "D", description = "directory for both workspaces and the generated files "
            + "(D/geoassure-demo.gpkg, D/kaiyuan-mine.gpkg); instead of --workspace")
    Path dirOption;

    @Option(names = "--port", paramLabel = "P", description = "after building, serve the demo mine's viewer and API on "
            + "this port (0: any free port) until Ctrl-C; default: do not serve, print the command")
    Integer port;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "size of the demo mine, 1 to 10 "
            + "(default ${DEFAULT-VALUE}: the published demo). The same 3 km x 2 km lease refined S times along each "
            + "axis: 80 S^2 boreholes (10 S exploration lines of 8 S holes; S = 10: 8,000) and a resistivity voxet of "
            + "(60 S) x (40 S) x (30 S) cells of 50/S x 50/S x 20/S m (S = 2: 576,000 cells; S = 10: 7.2 x 10^7, a "
            + "288 MB property file). Above 1 the kriged unit tops use the 16 nearest picks per node; the surfaces' "
            + "25 m grid and the 25 x 25 x 10 m lithology model stay the same size.")
    String scaleText;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port != null && (port < 0 || port > 65535)) {
            throw new InvalidContentException("--port: must be 0..65535, got " + port);
        }
        int scale = scale(scaleText);
        if (dirOption != null) {
            workspace = dirOption.resolve("geoassure-demo.gpkg");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = workspace.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(workspace + suffix));
        }
        Path mine = mine(dir, scale, out);
        Path data = DemoLoader.extractWamex(dir.resolve("sample-data"));
        try (WorkspaceStore ws = Workspaces.create(workspace, WorkspaceInfo.of("GeoAssure demo: WAMEX Yalgoo",
                DemoLoader.WAMEX_CRS, DemoLoader.WAMEX_VERTICAL_DATUM))) {
            IngestRecord rec;
            try (ProgressBar bar = ProgressBar.forTerminal("ingesting sample drillholes")) {
                rec = DemoLoader.loadWamex(ws, data, bar);
            }
            out.printf("%nGeoAssure demo workspace of real drillholes: %s%n", workspace);
            out.printf("sample data: %s (copied from the samples jar)%n%n", data);
            InfoCommand.print(ws, out);
            out.printf("%nthe ingest kept %d warnings about the real data, e.g.:%n", rec.provenance().warnings().size());
            rec.provenance().warnings().stream().limit(3).forEach(w -> out.println("  " + w));

            out.printf("%nquery 1: lithology intervals logged as massive sulphide (CET_Litho = 'massive_sulphide')%n");
            Map<String, Long> perHole;
            try (Stream<IntervalRecord> s = ws.intervals("lithology",
                    Selection.all().where(AttributePredicate.parse("CET_Litho = 'massive_sulphide'")))) {
                perHole = s.collect(Collectors.groupingBy(IntervalRecord::holeId, TreeMap::new, Collectors.counting()));
            }
            out.printf("  %d intervals in %d holes: %s%n", perHole.values().stream().mapToLong(Long::longValue).sum(),
                    perHole.size(), perHole);

            HoleVersion first;
            try (Stream<HoleVersion> s = ws.boreholes(Selection.all())) {
                first = s.findFirst().orElseThrow();
            }
            double x = first.collar().x();
            double y = first.collar().y();
            double z = first.collar().z() - 100;
            out.printf("%nquery 2: intervals within 150 m (3D) of a point 100 m below the collar of hole %s%n",
                    first.holeId());
            long near;
            try (Stream<IntervalRecord> s = ws.intervals("lithology",
                    Selection.all().within(new SpatialFilter.NearPoint(x, y, z, 150)))) {
                near = s.count();
            }
            out.printf(java.util.Locale.ROOT, "  %d intervals (geoassure query %s intervals --table lithology --near %.1f,%.1f,%.1f --within 150)%n",
                    near, workspace, x, y, z);
            out.printf("%nquery 3: what the workspace knew before this demo ran (--recorded-as-of): %d holes%n",
                    countHoles(ws, Selection.all().recordedAsOf(rec.recordedAt().minusSeconds(1))));
            out.printf(java.util.Locale.ROOT, "%ntry next:%n  ./geoassure info %s%n  ./geoassure history %s %s%n"
                    + "  ./geoassure export %s intervals --table lithology --format csv%n"
                    + "  ./geoassure query %s --sql \"SELECT CET_Litho, count(*) AS n FROM lithology "
                    + "WHERE ST_3DDWithin(geom, ST_MakePoint(%.1f, %.1f, %.1f), 150) GROUP BY CET_Litho\"%n"
                    + "  ./geoassure serve %s      (then open http://127.0.0.1:7070/ for the 3D viewer)%n"
                    + "  ./geoassure render %s --table lithology --color-by CET_Litho --out lithology.png%n"
                    + "  open %s in QGIS (layers boreholes, traces, intervals_lithology)%n",
                    workspace, workspace, first.holeId(), workspace, workspace, x, y, z, workspace, workspace, workspace);
            out.printf("%nthe demo mine:%n  ./geoassure hazard %s proximity --as-of 2025-11-15%n"
                    + "  ./geoassure hazard %s water-inrush --as-of 2025-11-15%n"
                    + "  ./geoassure alerts %s --at 2025-12-31%n", mine, mine, mine);
            out.printf("  ./geoassure query %s features --role face --as-of 2025-06-01 --format geojson%n"
                    + "  ./geoassure query %s features --as-of 2025-11-15 --near %.1f,%.1f,-280 --within 100%n"
                    + "  ./geoassure query %s blocks --model resistivity --where \"RHO < 20\" --aggregate count,volume%n"
                    + "  ./geoassure serve %s%n", mine, mine, org.geoassure.samples.mine.DemoMine.X0 + 330,
                    org.geoassure.samples.mine.DemoMine.Y0 + 630, mine, mine);
        }
        out.flush();
        if (port != null) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            String token = java.util.HexFormat.of().formatHex(random);
            ApiServer server = ApiServer.start(() -> Workspaces.open(mine), "127.0.0.1", port, false,
                    ApiTokens.of(token, ApiTokens.Role.ADMIN, true));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "geoassure-demo-stop"));
            out.printf("%nserving the demo mine at http://127.0.0.1:%d/ (open it in a browser; set the date to follow "
                    + "the faces; Ctrl-C to stop)%n", server.port());
            out.printf("reads are open on 127.0.0.1; the admin token for writes (POST /api/v1/readings, header "
                    + "Authorization: Bearer TOKEN) is%n  %s%n", token);
            out.flush();
            new java.util.concurrent.CountDownLatch(1).await();
        }
        return 0;
    }

    /** The {@code --scale} value: a whole number 1..{@link org.geoassure.samples.mine.DemoMine#MAX_SCALE}. */
    static int scale(String text) {
        int max = org.geoassure.samples.mine.DemoMine.MAX_SCALE;
        int s;
        try {
            s = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidContentException("--scale: '" + text + "' is not a whole number 1.." + max);
        }
        if (s < 1 || s > max) {
            throw new InvalidContentException("--scale: must be 1.." + max + " (" + max + ": "
                    + org.geoassure.samples.mine.DemoMine.holes(max) + " boreholes, "
                    + org.geoassure.samples.mine.DemoMine.resistivityCells(max) + " resistivity cells), got " + s);
        }
        return s;
    }

    /**
     * Runs the models a geologist would build first, through the same commands: the unit tops from the boreholes'
     * picks (kriging) and a layer-cake lithology block model from them. Both grids are the same at every scale (25 m
     * nodes; 25 x 25 x 10 m cells); above scale 1 the kriging uses the 16 nearest picks per node instead of all of
     * them (80 S^2 picks a surface: a global neighbourhood would solve an 8,000 x 8,000 system per node at scale 10).
     */
    private static void models(Path mine, int scale, PrintWriter out) {
        String ws = mine.toString();
        List<String> surfaces = new java.util.ArrayList<>(List.of("model", ws, "surfaces", "--table", "lithology",
                "--column", "UNIT", "--order", "Q,P1s,3#,C3t,O2"));
        if (scale > 1) {
            surfaces.addAll(List.of("--neighbours", "16"));
        }
        String[][] runs = {surfaces.toArray(String[]::new),
            {"model", ws, "lithology", "--surfaces", "surfaces", "--name", "lithology", "--size", "25,25,10"}};
        for (String[] args : runs) {
            java.io.StringWriter err = new java.io.StringWriter();
            int code = GeoAssureCli.run(new PrintWriter(new java.io.StringWriter()), new PrintWriter(err), args);
            if (code != 0) {
                throw new IllegalStateException("demo: geoassure " + String.join(" ", args) + " failed: " + err);
            }
        }
        out.printf("  models: unit tops Q, P1s, 3#, C3t, O2 kriged from the picks%s (layer surfaces), layer-cake "
                + "block model 'lithology' of 25 x 25 x 10 m cells%n", scale > 1 ? " (16 nearest per node)" : "");
    }

    /** Generates and loads the Kaiyuan demo mine beside the WAMEX workspace; returns its path. */
    private static Path mine(Path dir, int scale, PrintWriter out) throws IOException {
        Path mine = dir.resolve("kaiyuan-mine.gpkg");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(mine + suffix));
        }
        long t0 = System.nanoTime();
        var files = org.geoassure.samples.mine.DemoMine.write(dir.resolve("kaiyuan-data"),
                org.geoassure.samples.mine.DemoMine.SEED, scale);
        long t1 = System.nanoTime();
        long t2;
        long t3;
        try (WorkspaceStore ws = Workspaces.create(mine, WorkspaceInfo.of("Kaiyuan demo mine (generated)",
                org.geoassure.samples.mine.DemoMine.CRS, "Yellow Sea 1985"))) {
            var loaded = org.geoassure.samples.mine.DemoMineLoader.load(ws, files, "geoassure-demo");
            t2 = System.nanoTime();
            out.printf("GeoAssure demo mine%s: %s (generated files in %s)%n", scale > 1 ? " at scale " + scale : "",
                    mine, files.dir());
            out.printf("  %d boreholes, %d interval rows; layer progress: %d features (faces 1201 and 1202 surveyed "
                    + "monthly 2024-2025, roadways, goaf 1101, old workings OW-1, tailings dam TD-1); layer structures: faults F1, F2; "
                    + "block model resistivity: %d cells%n", loaded.drillholes().holesNew(),
                    loaded.drillholes().intervalRows(), loaded.progress().holesNew(), loaded.resistivity().cells());
            out.printf("  monitoring: %d stations (5 piezometers read hourly, 3 phreatic-line sensors and 2 displacement "
                    + "prisms on tailings dam TD-1 read daily), %d readings 2024-2025, rules set; LAS logs (GR, DEN) of "
                    + "%d holes%n", loaded.stations().holesNew(), loaded.readings().holesNew(), loaded.logs().holesNew());
            var asOf = new org.geoassure.geodb.query.TimeSlice(java.time.Instant.parse("2025-11-15T00:00:00Z"), null);
            var fs = (org.geoassure.geodb.store.FeatureStore) ws;
            var prox = org.geoassure.geodb.hazard.WorkspaceHazards.proximity(fs, java.util.Set.of(), asOf,
                    org.geoassure.geodb.hazard.ProximityRules.explorationAndWarning(20, 0));
            var ws2 = (org.geoassure.geodb.store.WarningStore) ws;
            var alerts = new org.geoassure.geodb.hazard.warning.WorkspaceAlerts((org.geoassure.geodb.store.SeriesStore) ws,
                    ws2, AlertsCommand.parse(ws2.rules(null).orElseThrow()));
            out.printf("  alerts at 2025-12-31:%n");
            for (var a : alerts.current(java.time.Instant.parse("2025-12-31T00:00:00Z"), null)) {
                out.printf("    %s %s (%s) since %s%n", a.level(), a.station(), a.item(),
                        org.geoassure.geodb.series.Readings.toInstant(a.raisedMicros()));
            }
            out.printf("  hazards as of 2025-11-15:%n");
            for (var h : prox.hits()) {
                if (!h.level().isEmpty()) {
                    out.printf(java.util.Locale.ROOT, "    face %s is %.1f m from %s %s: inside its %s%n", h.faceId(),
                            h.distance3d(), h.role().replace('_', ' '), h.featureId(), h.level().replace('_', ' '));
                }
            }
            var inrush = org.geoassure.geodb.hazard.WorkspaceHazards.waterInrush(ws, fs,
                    (org.geoassure.geodb.store.SeriesStore) ws, java.util.Set.of(), asOf,
                    new org.geoassure.geodb.hazard.WorkspaceHazards.InrushSetup("lithology", "HYDRO", "aquiclude", 10,
                            50, org.geoassure.geodb.hazard.Interpolation.PLANAR_TREND,
                            org.geoassure.geodb.hazard.Interpolation.IDW,
                            org.geoassure.geodb.hazard.WaterInrushParams.defaults()));
            out.printf(java.util.Locale.ROOT, "    water-inrush coefficient T = P/M: max %.3f MPa/m; %.2f km2 exceed the "
                    + "critical value (0.06 MPa/m within 50 m of faults, 0.10 elsewhere), along the aquiclude thinned "
                    + "by fault F1%n", inrush.summary().maxT(), inrush.zone("exceeds_critical").area() / 1e6);
            t3 = System.nanoTime();
        }
        models(mine, scale, out);
        long t4 = System.nanoTime();
        out.printf(java.util.Locale.ROOT, "  wall time: generate %.1f s, load %.1f s, alerts and hazards %.1f s, "
                + "models %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        return mine;
    }

    private static long countHoles(WorkspaceStore ws, Selection s) {
        try (Stream<HoleVersion> st = ws.boreholes(s)) {
            return st.count();
        }
    }
}
