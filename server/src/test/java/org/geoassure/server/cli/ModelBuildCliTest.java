package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.analysis.StratigraphicSurfaces;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.Brick;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.samples.mine.DemoMine;
import org.geoassure.samples.mine.DemoMineLoader;
import org.geoassure.samples.mine.KaiyuanGeology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model WS surfaces | lithology | krige} on the demo mine, checked against its closed-form ground model
 * ({@link KaiyuanGeology}) and the rows in the store.
 */
class ModelBuildCliTest {
    @TempDir
    static Path dir;
    static Path mine;

    @BeforeAll
    static void demo() throws Exception {
        DemoMine.Files files = DemoMine.write(dir.resolve("files"), DemoMine.SEED);
        mine = dir.resolve("mine.gpkg");
        try (WorkspaceStore store = Workspaces.create(mine, WorkspaceInfo.of("demo", DemoMine.CRS,
                "Yellow Sea 1985"))) {
            DemoMineLoader.load(store, files, "test");
        }
    }

    static Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.copy(mine, p);
        return p;
    }

    static BlockData read(BrickSource src) {
        List<Brick> bricks = new ArrayList<>();
        boolean[] all = new boolean[src.model().attributes().size()];
        java.util.Arrays.fill(all, true);
        for (BrickSource.Header h : src.headers()) {
            bricks.add(src.brick(h.index(), all));
        }
        return BlockData.of(src.model(), bricks);
    }

    /**
     * Surfaces then a layer-cake model of 10 x 10 x 1 m over 400 x 400 m in the south-west of the mine, away from the
     * faults: at least 99 % of the cells from 40 m below to 40 m above the seam roof carry the ground model's unit at
     * their centre (measured 99.37 %; the misses are cells that three boundaries pass through in each column, where a
     * few decimetres of surface error move the centre across).
     */
    @Test
    void surfacesThenLithologyFollowTheGroundModel() throws Exception {
        Path ws = copy("lith.gpkg");
        CliTest.Result r = CliTest.run("model", ws.toString(), "surfaces", "--table", "lithology", "--column", "UNIT",
                "--order", "Q,P1s,3#,C3t,O2", "--cell", "25");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("surfaces: 5 written to layer 'surfaces'"), r.out());
        assertTrue(r.out().contains("\n3#,P1s/3#,80,"), r.out());
        try (WorkspaceStore s = Workspaces.open(ws); Stream<FeatureStore.StoredFeature> f = ((FeatureStore) s).features(
                Set.of("surfaces"), Set.of("horizon"), null, TimeSlice.current())) {
            assertEquals(5, f.count());
        }
        double u0 = 300;
        double v0 = 150;
        double z0 = KaiyuanGeology.seamRoof(u0 + 200, v0 + 200) - 40;
        r = CliTest.run("model", ws.toString(), "lithology", "--surfaces", "surfaces", "--name", "strat", "--size",
                "10,10,1", "--origin", (DemoMine.X0 + u0) + "," + (DemoMine.Y0 + v0) + "," + z0, "--dims", "40,40,80");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("model strat version 1: 128000 cells"), r.out());
        List<String> order = List.of("Q", "P1s", "3#", "C3t", "O2");
        try (WorkspaceStore s = Workspaces.open(ws)) {
            BlockData d = read(((BlockModelStore) s).blockModel("strat"));
            assertEquals(order, d.model().attribute("unit").categories());
            int same = 0;
            int cells = 0;
            double[] c = new double[3];
            for (int k = 0; k < 80; k++) {
                for (int j = 0; j < 40; j++) {
                    for (int i = 0; i < 40; i++) {
                        d.model().centroid(i, j, k, c);
                        KaiyuanGeology.Unit u = KaiyuanGeology.unitAt(c[0] - DemoMine.X0, c[1] - DemoMine.Y0, c[2]);
                        cells++;
                        if (u != null && order.indexOf(u.strat) == (int) d.value(0, i, j, k)) {
                            same++;
                        }
                    }
                }
            }
            assertTrue(same >= 0.99 * cells, same + " of " + cells + " cells agree");
        }
    }

    /**
     * Kriging of ASH at the coal samples: written with its variance, the parameters and the data versions; the
     * estimate at each cell holding a sample's mid-point is near that sample (the nugget smooths, so within the
     * noise of 2 % ash the generator adds), and a second run is version 2.
     */
    @Test
    void krigeWritesValuesVariancesAndProvenance() throws Exception {
        Path ws = copy("krige.gpkg");
        CliTest.Result r = CliTest.run("model", ws.toString(), "krige", "--table", "coal_quality", "--column", "ASH",
                "--name", "ash", "--size", "50,50,5", "--neighbours", "16");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("model ash version 1: "), r.out());
        assertTrue(r.out().contains("attributes [ASH, ASH_var]"), r.out());
        assertTrue(r.out().contains("ordinary kriging nugget="), r.out());
        try (WorkspaceStore s = Workspaces.open(ws)) {
            BlockModelStore.Version v = ((BlockModelStore) s).blockModelVersions("ash").get(0);
            assertEquals("ash", v.model().name());
            long ingest = s.ingests().get(0).id();
            assertTrue(v.comment().contains("80 interval mid-points") && v.comment().contains("ingests [" + ingest
                    + "]"), v.comment());
            BlockData d = read(((BlockModelStore) s).blockModel("ash"));
            int checked = 0;
            double[] local = new double[3];
            try (Stream<IntervalRecord> rows = s.intervals("coal_quality", Selection.all())) {
                for (IntervalRecord q : rows.toList()) {
                    d.model().toLocal(q.position(6), q.position(7), q.position(8), local);
                    int i = (int) (local[0] / 50);
                    int j = (int) (local[1] / 50);
                    int k = (int) (local[2] / 5);
                    double ash = ((Number) q.values().get("ASH")).doubleValue();
                    assertEquals(ash, d.value(0, i, j, k), 2.0, q.holeId());
                    assertTrue(d.value(1, i, j, k) >= 0, "variance " + q.holeId());
                    checked++;
                }
            }
            assertEquals(80, checked);
        }
        assertEquals(0, CliTest.run("model", ws.toString(), "krige", "--table", "coal_quality", "--column", "ASH",
                "--name", "ash", "--size", "100,100,10", "--method", "idw").code());
        try (WorkspaceStore s = Workspaces.open(ws)) {
            List<BlockModelStore.Version> vs = ((BlockModelStore) s).blockModelVersions("ash");
            assertEquals(2, vs.size());
            assertEquals(List.of("ASH"), vs.get(1).model().attributes().stream().map(a -> a.name()).toList());
        }
    }

    /**
     * A new hole after a kriged model: {@code update} re-estimates only some bricks, writes version 2, and equals a
     * full rebuild ({@code krige} of the same parameters into another model) cell for cell.
     */
    @Test
    void updateAfterANewHoleEqualsAFullRebuild() throws Exception {
        Path ws = copy("update.gpkg");
        Path vario = dir.resolve("ash.variogram");
        Files.writeString(vario, "# ASH of the demo mine\nnugget=0.3 spherical(sill=5, range=900)\n");
        String origin = DemoMine.X0 + "," + DemoMine.Y0 + ",-450";
        String[] krige = {"krige", "--table", "coal_quality", "--column", "ASH", "--size", "25,25,5", "--origin",
            origin, "--dims", "120,80,50", "--neighbours", "8", "--radius", "600", "--variogram", vario.toString()};
        CliTest.Result r = CliTest.run(args(ws, krige, "--name", "ash"));
        assertEquals(0, r.code(), r.err());
        Path collar = dir.resolve("new_collar.csv");
        Files.writeString(collar, "HOLEID,X,Y,Z,LENGTH,DATE\nZK99-1," + (DemoMine.X0 + 500) + "," + (DemoMine.Y0 + 400)
                + ",108.4,420,2026-11-01\n");
        Path survey = dir.resolve("new_survey.csv");
        Files.writeString(survey, "HOLEID,DEPTH,AZIMUTH,DIP\nZK99-1,0,0,-90\n");
        Path quality = dir.resolve("new_quality.csv");
        Files.writeString(quality, "HOLEID,FROM,TO,ASH,SULPHUR,QNET\nZK99-1,387.0,390.2,30.0,0.7,22.0\n");
        r = CliTest.run("ingest", ws.toString(), "drillholes", "--collar", collar.toString(), "--survey",
                survey.toString(), "--intervals", "coal_quality=" + quality.toString());
        assertEquals(0, r.code(), r.err());
        r = CliTest.run("model", ws.toString(), "update", "ash");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("model ash version 2 from version 1: 1 samples changed; re-estimated "), r.out());
        int recomputed = Integer.parseInt(r.out().split("re-estimated ")[1].split(" ")[0]);
        assertTrue(recomputed > 0 && recomputed < 24, r.out());
        r = CliTest.run(args(ws, krige, "--name", "full"));
        assertEquals(0, r.code(), r.err());
        try (WorkspaceStore s = Workspaces.open(ws)) {
            BlockModelStore bms = (BlockModelStore) s;
            BlockData inc = read(bms.blockModel("ash", 2));
            BlockData old = read(bms.blockModel("ash", 1));
            BlockData full = read(bms.blockModel("full"));
            assertEquals(full.cells(), inc.cells());
            int changed = 0;
            for (int k = 0; k < 50; k++) {
                for (int j = 0; j < 80; j++) {
                    for (int i = 0; i < 120; i++) {
                        assertEquals(full.value(0, i, j, k), inc.value(0, i, j, k), 0.0, i + "," + j + "," + k);
                        assertEquals(full.value(1, i, j, k), inc.value(1, i, j, k), 0.0, i + "," + j + "," + k);
                        changed += old.value(0, i, j, k) == inc.value(0, i, j, k) ? 0 : 1;
                    }
                }
            }
            assertTrue(changed > 100, "cells the new hole changed: " + changed);
        }
    }

    /**
     * {@code update} of a layer-cake model after a new hole: the surfaces (cut by the faults) are rebuilt from all the
     * current picks and the model from them, and both equal a full rebuild with the same parameters exactly (the
     * surfaces node for node, the model cell for cell); the new hole changed both. The new hole (x 500, y 400 m in the
     * mine grid, on a node) logs the ground model's units there but with the coal's roof 6 m higher; the rebuilt
     * roof takes its pick at that node.
     */
    @Test
    void updateOfSurfacesAndLithologyAfterANewHoleEqualsAFullRebuild() throws Exception {
        Path ws = copy("lithupdate.gpkg");
        String[] surf = {"surfaces", "--table", "lithology", "--column", "UNIT", "--order", "Q,P1s,3#,C3t,O2",
            "--cell", "50", "--faults", "structures"};
        String origin = DemoMine.X0 + "," + DemoMine.Y0 + ",-450";
        String[] lith = {"lithology", "--size", "50,50,5", "--origin", origin, "--dims", "60,40,110"};
        assertEquals(0, CliTest.run(args(ws, surf, "--layer", "inc")).code());
        CliTest.Result r = CliTest.run(args(ws, lith, "--surfaces", "inc", "--name", "strat"));
        assertEquals(0, r.code(), r.err());
        double u = 500;
        double v = 400;
        double top = KaiyuanGeology.topography(u, v);
        // the ground model's units, but the coal 6 m thicker, its roof 6 m higher: a surprise the models must take in
        double[] tops = {top, KaiyuanGeology.coverBase(u, v), KaiyuanGeology.seamRoof(u, v) + 6,
            KaiyuanGeology.seamRoof(u, v) - KaiyuanGeology.seamThickness(u, v), KaiyuanGeology.aquiferTop(u, v)};
        String[] units = {"Q", "P1s", "3#", "C3t", "O2"};
        StringBuilder log = new StringBuilder("HOLEID,FROM,TO,LITH,UNIT,HYDRO\n");
        for (int k = 0; k < 5; k++) {
            double to = k + 1 < 5 ? top - tops[k + 1] : top - tops[4] + 20;
            log.append("ZK99-1,").append(top - tops[k]).append(',').append(to).append(",x,").append(units[k])
                    .append(",\n");
        }
        Path collar = dir.resolve("lith_collar.csv");
        Files.writeString(collar, "HOLEID,X,Y,Z,LENGTH,DATE\nZK99-1," + (DemoMine.X0 + u) + "," + (DemoMine.Y0 + v)
                + "," + top + "," + (top - tops[4] + 20) + ",2026-11-01\n");
        Path survey = dir.resolve("lith_survey.csv");
        Files.writeString(survey, "HOLEID,DEPTH,AZIMUTH,DIP\nZK99-1,0,0,-90\n");
        Path lithology = dir.resolve("lith_new.csv");
        Files.writeString(lithology, log.toString());
        r = CliTest.run("ingest", ws.toString(), "drillholes", "--collar", collar.toString(), "--survey",
                survey.toString(), "--intervals", "lithology=" + lithology);
        assertEquals(0, r.code(), r.err());
        r = CliTest.run("model", ws.toString(), "update", "strat");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("update: surfaces 'inc'") && r.out().contains("rebuilt whole")
                && r.out().contains("model strat version 2:"), r.out());
        assertEquals(0, CliTest.run(args(ws, surf, "--layer", "full")).code());
        assertEquals(0, CliTest.run(args(ws, lith, "--surfaces", "full", "--name", "full")).code());
        try (WorkspaceStore s = Workspaces.open(ws)) {
            StratigraphicSurfaces.Stack inc = stack(s, "inc");
            StratigraphicSurfaces.Stack full = stack(s, "full");
            double[] roof = inc.surface("3#").z();
            for (String unit : units) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(full.surface(unit).z(), inc.surface(unit).z(),
                        unit);
            }
            assertEquals(tops[2], inc.grid().interpolate(roof, DemoMine.X0 + u,
                    DemoMine.Y0 + v), 1e-6, "the new hole's pick, on a node");
            BlockModelStore bms = (BlockModelStore) s;
            BlockData after = read(bms.blockModel("strat", 2));
            BlockData before = read(bms.blockModel("strat", 1));
            BlockData rebuilt = read(bms.blockModel("full"));
            assertEquals(rebuilt.cells(), after.cells());
            int changed = 0;
            for (int k = 0; k < 110; k++) {
                for (int j = 0; j < 40; j++) {
                    for (int i = 0; i < 60; i++) {
                        assertEquals(rebuilt.value(0, i, j, k), after.value(0, i, j, k), 0.0, i + "," + j + "," + k);
                        changed += Double.compare(before.value(0, i, j, k), after.value(0, i, j, k)) == 0 ? 0 : 1;
                    }
                }
            }
            assertTrue(changed > 0, "cells the new hole changed: " + changed);
        }
    }

    static StratigraphicSurfaces.Stack stack(WorkspaceStore s, String layer) {
        try (Stream<FeatureStore.StoredFeature> f = ((FeatureStore) s).features(Set.of(layer), Set.of("horizon"), null,
                TimeSlice.current())) {
            return StratigraphicSurfaces.fromFeatures(f.map(FeatureStore.StoredFeature::feature).toList());
        }
    }

    /**
     * Real data, Babbitt Cu-Ni (399 holes, 35 616 assays, ingested from feet into metres): IDW of CU into 60 x 60 x 30
     * m cells, 16 neighbours within 300 m. Sanity: IDW is a convex combination, so every cell lies within the range
     * of the CU values read (the reference is the data's min and max).
     */
    @Test
    void babbittCopperIdwStaysWithinTheData() throws Exception {
        Path ws = dir.resolve("babbitt.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:3857").code());
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "drillholes", "--collar",
                CliTest.data("babbitt_collar.csv"), "--survey", CliTest.data("babbitt_survey.csv"), "--intervals",
                "assays=" + CliTest.data("babbitt_assay.csv"), "--units", "ft", "--dip-convention", "positive-down",
                "--beyond-total-depth", "warn");
        assertEquals(0, r.code(), r.err());
        r = CliTest.run("model", ws.toString(), "krige", "--table", "assays", "--column", "CU", "--name", "cu",
                "--size", "60,60,30", "--method", "idw", "--neighbours", "16", "--radius", "300");
        assertEquals(0, r.code(), r.err());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        try (WorkspaceStore s = Workspaces.open(ws); Stream<IntervalRecord> rows = s.intervals("assays",
                Selection.all())) {
            for (IntervalRecord q : rows.toList()) {
                if (q.values().get("CU") instanceof Number n && Double.isFinite(n.doubleValue())) {
                    lo = Math.min(lo, n.doubleValue());
                    hi = Math.max(hi, n.doubleValue());
                }
            }
        }
        try (WorkspaceStore s = Workspaces.open(ws)) {
            BlockData d = read(((BlockModelStore) s).blockModel("cu"));
            assertTrue(d.cells() > 10_000, "cells " + d.cells());
            for (Brick b : d.bricks()) {
                assertTrue(b.stats(0).min() >= lo - 1e-12 && b.stats(0).max() <= hi + 1e-12, b.stats(0) + " vs " + lo
                        + ".." + hi);
            }
        }
    }

    static String[] args(Path ws, String[] cmd, String... more) {
        String[] a = new String[2 + cmd.length + more.length];
        a[0] = "model";
        a[1] = ws.toString();
        System.arraycopy(cmd, 0, a, 2, cmd.length);
        System.arraycopy(more, 0, a, 2 + cmd.length, more.length);
        return a;
    }

    /**
     * {@code surfaces --faults structures}: the demo's fault traces (ingested as line features with dip_deg) cut the
     * surfaces into four fault blocks; the run records the fault layer in its parameters; the seam roof 60 m either
     * side of F1 (away from F2) is within 2.5 m of the ground model on both sides, so the 15 m throw shows.
     */
    @Test
    void surfacesCutByTheFaultsInALayer() throws Exception {
        Path ws = copy("faults.gpkg");
        CliTest.Result r = CliTest.run("model", ws.toString(), "surfaces", "--table", "lithology", "--column", "UNIT",
                "--order", "Q,P1s,3#,C3t,O2", "--cell", "25", "--faults", "structures", "--layer", "faulted");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 fault blocks (faults F1,F2)"), r.out());
        try (WorkspaceStore s = Workspaces.open(ws); Stream<FeatureStore.StoredFeature> f = ((FeatureStore) s).features(
                Set.of("faulted"), Set.of("horizon"), null, TimeSlice.current())) {
            StratigraphicSurfaces.Stack stack = StratigraphicSurfaces.fromFeatures(f.map(
                    FeatureStore.StoredFeature::feature).toList());
            double[] roof = stack.surface("3#").z();
            for (double v : new double[] {250, 1250}) {
                double[] p = KaiyuanGeology.F1.tracePoint(v / Math.cos(Math.toRadians(20)), -350);
                for (double side : new double[] {-60, 60}) {
                    double u = p[0] + side * Math.cos(Math.toRadians(20));
                    double w = p[1] - side * Math.sin(Math.toRadians(20));
                    double z = stack.grid().interpolate(roof, DemoMine.X0 + u, DemoMine.Y0 + w);
                    assertEquals(KaiyuanGeology.seamRoof(u, w), z, 2.5, "v " + v + " side " + side);
                }
            }
        }
    }

    /** A fault without a dip: {@code --faults} exits 2 naming the option and the feature, and writes nothing. */
    @Test
    void aFaultWithoutDipIsRefusedAndNothingIsWritten() throws Exception {
        Path ws = copy("badfault.gpkg");
        Path geojson = dir.resolve("nodip.geojson");
        Files.writeString(geojson, "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": "
                + "{\"name\": \"urn:ogc:def:crs:EPSG::4529\"}}, \"features\": [{\"type\": \"Feature\", \"id\": \"FX\", "
                + "\"properties\": {\"throw_m\": 5}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [["
                + (DemoMine.X0 + 1000) + ", " + (DemoMine.Y0 + 100) + ", -300], [" + (DemoMine.X0 + 1100) + ", "
                + (DemoMine.Y0 + 1900) + ", -300]]}}]}\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "features", geojson.toString(), "--layer", "nodip",
                "--role", "fault");
        assertEquals(0, r.code(), r.err());
        int ingests;
        try (WorkspaceStore s = Workspaces.open(ws)) {
            ingests = s.ingests().size();
        }
        r = CliTest.run("model", ws.toString(), "surfaces", "--table", "lithology", "--column", "UNIT", "--order",
                "Q,P1s,3#", "--faults", "nodip");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--faults: layer 'nodip': fault 'FX': no numeric attribute dip_deg"), r.err());
        try (WorkspaceStore s = Workspaces.open(ws)) {
            assertEquals(ingests, s.ingests().size(), "no ingest recorded");
            assertTrue(!((FeatureStore) s).featureLayers().contains("surfaces"));
        }
    }

    @Test
    void badOptionsExitTwoNamingTheOptionAndWriteNothing() throws Exception {
        Path ws = copy("bad.gpkg");
        String[][] cases = {
            {"surfaces", "--table", "lithology", "--column", "UNIT", "--order", "Q,P1s,X", "--order-check"},
            {"surfaces", "--table", "lithology", "--column", "UNIT", "--order", "Q,P1s,X"},
            {"surfaces", "--table", "lithology", "--column", "UNIT", "--order", "Q,P1s", "--method", "spline"},
            {"surfaces", "--table", "nope", "--column", "UNIT", "--order", "Q,P1s"},
            {"surfaces", "--table", "lithology", "--column", "NOPE", "--order", "Q,P1s"},
            {"lithology", "--surfaces", "none", "--name", "m", "--size", "10,10,1"},
            {"surfaces", "--table", "lithology", "--column", "UNIT", "--order", "Q,P1s", "--faults", "nofaults"},
            {"krige", "--table", "coal_quality", "--column", "ASH", "--name", "a", "--size", "10,10"},
            {"krige", "--table", "coal_quality", "--column", "ASH", "--name", "a", "--size", "10,10,1", "--method",
                "nn"},
            {"krige", "--table", "coal_quality", "--column", "ASH", "--name", "a", "--size", "10,10,1",
                "--neighbours", "0"},
            {"krige", "--table", "coal_quality", "--column", "ASH", "--name", "1a", "--size", "10,10,1"},
            {"krige", "--table", "coal_quality", "--column", "ASH", "--name", "a", "--size", "10,10,1", "--variogram",
                dir.resolve("missing.txt").toString()},
        };
        String[] named = {"--order-check", "--order", "--method", "--table", "--column", "--surfaces", "--faults",
            "--size",
            "--method", "--neighbours", "--name", "--variogram"};
        for (int c = 0; c < cases.length; c++) {
            String[] args = new String[cases[c].length + 2];
            args[0] = "model";
            args[1] = ws.toString();
            System.arraycopy(cases[c], 0, args, 2, cases[c].length);
            CliTest.Result r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", cases[c]) + ": " + r.err());
            assertTrue(r.err().contains(named[c]), named[c] + ": " + r.err());
        }
        try (WorkspaceStore s = Workspaces.open(ws)) {
            assertEquals(1, ((BlockModelStore) s).blockModels().size(), "only the resistivity model");
            assertTrue(!((FeatureStore) s).featureLayers().contains("surfaces"));
        }
    }
}
