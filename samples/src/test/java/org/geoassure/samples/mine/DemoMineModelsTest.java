package org.geoassure.samples.mine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.analysis.ContactPicks;
import org.geoassure.geodb.analysis.Estimation;
import org.geoassure.geodb.analysis.FaultSurface;
import org.geoassure.geodb.analysis.LayerCake;
import org.geoassure.geodb.analysis.StratigraphicSurfaces;
import org.geoassure.geodb.analysis.SurfaceGrid;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models from the demo mine's boreholes against its known ground ({@link KaiyuanGeology}): the holes log the units
 * from the closed-form model to the millimetre, so the seam-roof surface built from their picks can be compared with
 * {@link KaiyuanGeology#seamRoof} anywhere.
 */
class DemoMineModelsTest {
    static final List<String> ORDER = List.of("Q", "P1s", "3#", "C3t", "O2");
    @TempDir
    static Path dir;
    static List<ContactPicks.UnitPick> picks;
    static List<IntervalRecord> coal;
    static List<FaultSurface> faults;

    @BeforeAll
    static void load() throws IOException {
        DemoMine.Files files = DemoMine.write(dir.resolve("files"), DemoMine.SEED);
        try (WorkspaceStore store = Workspaces.create(dir.resolve("mine.gpkg"), WorkspaceInfo.of("demo", DemoMine.CRS,
                "Yellow Sea 1985"))) {
            DemoMineLoader.load(store, files, "test");
            try (Stream<IntervalRecord> rows = store.intervals("lithology", Selection.all())) {
                picks = ContactPicks.units(rows, "UNIT");
            }
            try (Stream<FeatureStore.StoredFeature> f = ((FeatureStore) store).features(
                    Set.of(DemoMineLoader.STRUCTURES), Set.of("fault"), null, TimeSlice.current())) {
                faults = f.map(sf -> FaultSurface.fromFeature(sf.feature())).toList();
            }
            try (Stream<IntervalRecord> rows = store.intervals("lithology", Selection.all())) {
                coal = rows.filter(r -> "coal".equals(r.values().get("LITH"))).toList();
            }
        }
    }

    /** Distance at the seam from (u, v) to the nearer fault. */
    static double faultDistance(double u, double v) {
        double z = KaiyuanGeology.seamRoof(u, v);
        return Math.min(KaiyuanGeology.F1.distance(u, v, z), KaiyuanGeology.F2.distance(u, v, z));
    }

    static StratigraphicSurfaces.Stack kriged() {
        return StratigraphicSurfaces.build(ORDER, picks, null, 25, StratigraphicSurfaces.Options.kriging(), 2);
    }

    /**
     * The kriged seam roof (3# top) against the ground model at every node inside the drilled area and at least one
     * hole spacing (300 m) from both faults: within 1.5 m (measured: max 1.19 m, mean 0.21 m over 3586 nodes). The
     * picks are exact to the millimetre and the roof is a plane there, so what is left is the fault steps (15 m and
     * 6 m) that ordinary kriging with a global neighbourhood spreads over about one hole spacing; nearer the faults
     * the error grows (3.0 m at 200 m, 14 m on the faults, where no surface without fault blocks can follow a step).
     */
    @Test
    void seamRoofFollowsTheGroundModelAwayFromTheFaults() {
        StratigraphicSurfaces.Stack s = kriged();
        SurfaceGrid g = s.grid();
        double[] roof = s.surface("3#").z();
        double max = 0;
        int n = 0;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                double u = g.x(i) - DemoMine.X0;
                double v = g.y(j) - DemoMine.Y0;
                if (u < 150 || u > 2850 || v < 125 || v > 1875 || faultDistance(u, v) < 300) {
                    continue;
                }
                max = Math.max(max, Math.abs(roof[j * g.nx() + i] - KaiyuanGeology.seamRoof(u, v)));
                n++;
            }
        }
        assertTrue(n > 3000, "nodes compared: " + n);
        assertTrue(max < 1.5, "largest difference " + max + " m");
    }

    /** Every hole's pick of every unit, from the store, is honoured by its surface's estimator to 1e-6 m. */
    @Test
    void surfacesHonourThePicks() {
        StratigraphicSurfaces.Stack s = kriged();
        List<StratigraphicSurfaces.UnitTop> tops = StratigraphicSurfaces.tops(picks, ORDER);
        assertTrue(tops.size() >= 5 * 78, "tops: " + tops.size());
        for (StratigraphicSurfaces.UnitTop t : tops) {
            StratigraphicSurfaces.Surface sf = s.surface(t.unit());
            assertEquals(t.z(), Estimation.global(sf.estimator(), sf.picks(), t.x(), t.y(), 0).value(), 1e-6,
                    t.holeId() + " " + t.unit());
        }
    }

    @Test
    void surfacesDoNotCross() {
        for (StratigraphicSurfaces.Options o : List.of(StratigraphicSurfaces.Options.kriging(),
                StratigraphicSurfaces.Options.idw())) {
            StratigraphicSurfaces.Stack s = StratigraphicSurfaces.build(ORDER, picks, null, 25, o, 2);
            for (int k = 0; k + 1 < ORDER.size(); k++) {
                double[] t = s.thickness(k);
                for (int c = 0; c < t.length; c++) {
                    assertTrue(t[c] >= 0, o.method() + " " + ORDER.get(k) + " node " + c + ": " + t[c]);
                }
            }
        }
    }

    /**
     * A column of 0.5 m cells through the mid-point of each hole's coal: the cell there is coal (3#) in every hole
     * more than 100 m from the faults (the seam is 2.7 to 3.7 m thick; the surfaces are exact at the picks and a 25 m
     * grid is bilinear between them).
     */
    @Test
    void theLithologyModelHasCoalWhereTheHolesHitIt() {
        StratigraphicSurfaces.Stack s = kriged();
        int checked = 0;
        for (IntervalRecord r : coal) {
            double x = r.position(6);
            double y = r.position(7);
            double z = r.position(8);
            if (faultDistance(x - DemoMine.X0, y - DemoMine.Y0) < 100) {
                continue;
            }
            BlockModel column = new BlockModel("col", x - 5, y - 5, z - 10.25, 0, 10, 10, 0.5, 1, 1, 41, List.of());
            BlockData d = LayerCake.build(column, s, "unit");
            assertEquals(ORDER.indexOf("3#"), d.value(0, 0, 0, 20), 0.0, r.holeId());
            assertEquals(ORDER.indexOf("P1s"), d.value(0, 0, 0, 40), 0.0, r.holeId() + " 10 m above the coal");
            assertEquals(ORDER.indexOf("C3t"), d.value(0, 0, 0, 0), 0.0, r.holeId() + " 10 m below the coal");
            checked++;
        }
        assertTrue(checked >= 50, "holes checked: " + checked);
    }

    /** Mean and largest |kriged − ground model| of the seam roof at the nodes 25 to 300 m from a fault; node count. */
    static double[] nearFaultErrors(StratigraphicSurfaces.Stack s) {
        SurfaceGrid g = s.grid();
        double[] roof = s.surface("3#").z();
        double max = 0;
        double sum = 0;
        int n = 0;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                double u = g.x(i) - DemoMine.X0;
                double v = g.y(j) - DemoMine.Y0;
                double d = faultDistance(u, v);
                if (u < 150 || u > 2850 || v < 125 || v > 1875 || d < 25 || d >= 300) {
                    continue;
                }
                double e = Math.abs(roof[j * g.nx() + i] - KaiyuanGeology.seamRoof(u, v));
                max = Math.max(max, e);
                sum += e;
                n++;
            }
        }
        return new double[] {sum / n, max, n};
    }

    static StratigraphicSurfaces.Stack krigedWithFaults() {
        return StratigraphicSurfaces.build(ORDER, picks, null, 25, StratigraphicSurfaces.Options.kriging(), 2, faults);
    }

    /**
     * With the faults F1 and F2 given (read from the workspace, as the demo ingests them), the kriged seam roof
     * follows the ground model on each side of them: at the nodes 25 to 300 m from a fault (one node spacing beyond
     * the heave of 5.5 m), the mean error falls from 1.50 m without fault blocks to 0.57 m with them, and the largest
     * from 12.0 m (a 15 m step smeared over both sides) to 9.6 m (measured). The largest errors left are in the
     * narrow wedge between the two faults east of x 1900 m, where the footwall block has no picks near and ordinary
     * kriging extrapolates the dipping roof flat from picks 200 m away.
     */
    @Test
    void faultBlocksFollowTheGroundModelNearTheFaults() {
        assertEquals(2, faults.size());
        double[] without = nearFaultErrors(kriged());
        double[] with = nearFaultErrors(krigedWithFaults());
        assertTrue(with[2] > 2000, "nodes compared: " + with[2]);
        assertTrue(without[1] > 11.5, "without faults, largest error " + without[1] + " m");
        assertTrue(with[0] < 0.6 && with[0] < without[0] / 2.5, "mean error " + with[0] + " m (without faults "
                + without[0] + " m)");
        assertTrue(with[1] < 10, "largest error " + with[1] + " m");
        // and far from the faults nothing gets worse: the same 1.5 m as without fault blocks
        StratigraphicSurfaces.Stack s = krigedWithFaults();
        SurfaceGrid g = s.grid();
        double[] roof = s.surface("3#").z();
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                double u = g.x(i) - DemoMine.X0;
                double v = g.y(j) - DemoMine.Y0;
                if (u >= 150 && u <= 2850 && v >= 125 && v <= 1875 && faultDistance(u, v) >= 300) {
                    assertEquals(KaiyuanGeology.seamRoof(u, v), roof[j * g.nx() + i], 1.5, u + "," + v);
                }
            }
        }
    }

    /** Each pick lies in one fault block (by its side of each fault), and that block's estimator honours it. */
    @Test
    void faultBlockSurfacesHonourThePicks() {
        StratigraphicSurfaces.Stack s = krigedWithFaults();
        int checked = 0;
        for (StratigraphicSurfaces.UnitTop t : StratigraphicSurfaces.tops(picks, ORDER)) {
            int block = StratigraphicSurfaces.block(faults, t.x(), t.y(), t.z());
            StratigraphicSurfaces.FaultBlock b = s.surface(t.unit()).blocks().stream()
                    .filter(x -> x.sides() == block).findFirst().orElseThrow();
            assertEquals(t.z(), Estimation.global(b.estimator(), b.picks(), t.x(), t.y(), 0).value(), 1e-6,
                    t.holeId() + " " + t.unit());
            checked++;
        }
        assertTrue(checked >= 5 * 78, "tops: " + checked);
        assertEquals(4, s.surface("3#").blocks().size(), "F1 and F2 make four blocks, each with picks");
    }

    /**
     * The layer-cake model from the faulted surfaces shows the offset: in columns 60 m either side of F1 (along its
     * normal, at the seam), the top of the coal cells steps down by what the ground model gives there (the 15 m
     * throw plus the seam's dip over the 120 m), within 4 m, each side within 2.5 m (measured: up to 2.2 m, where
     * ordinary kriging extrapolates a block's dipping roof flat towards the fault); and coal is where every hole 40 to
     * 150 m from a fault hit it (nearer, the bilinear cell of the 25 m surface grid straddles the fault: the step is
     * a ramp across one node spacing).
     */
    @Test
    void theLithologyModelShowsTheFaultOffset() {
        StratigraphicSurfaces.Stack s = krigedWithFaults();
        int steps = 0;
        for (double v : new double[] {250, 400, 1000, 1250, 1500}) { // 250 m and more from F2
            double[] p = KaiyuanGeology.F1.tracePoint(v / Math.cos(Math.toRadians(20)), -350);
            double nu = Math.cos(Math.toRadians(20));
            double nv = -Math.sin(Math.toRadians(20));
                double[] tops = new double[2];
            double[] truth = new double[2];
            for (int side = 0; side < 2; side++) {
                double u = p[0] + (side == 0 ? -60 : 60) * nu;
                double w = p[1] + (side == 0 ? -60 : 60) * nv;
                BlockModel column = new BlockModel("col", DemoMine.X0 + u - 1, DemoMine.Y0 + w - 1, -420, 0, 2, 2,
                        0.25, 1, 1, 480, List.of());
                BlockData d = LayerCake.build(column, s, "unit");
                tops[side] = Double.NaN;
                for (int k = 479; k >= 0; k--) {
                    if (d.value(0, 0, 0, k) == ORDER.indexOf("3#")) {
                        tops[side] = -420 + (k + 1) * 0.25;
                        break;
                    }
                }
                truth[side] = KaiyuanGeology.seamRoof(u, w);
                assertEquals(truth[side], tops[side], 2.5, "v " + v + " side " + side);
            }
            // the step across F1: the ground model's is 15 m throw + 0.05 m/m dip over 120 m, about 20.6 m
            assertTrue(truth[0] - truth[1] > 18, "ground model step " + (truth[0] - truth[1]));
            assertEquals(truth[0] - truth[1], tops[0] - tops[1], 4.0, "step across F1 at v " + v);
            steps++;
        }
        assertEquals(5, steps);
        int checked = 0;
        for (IntervalRecord r : coal) {
            double x = r.position(6);
            double y = r.position(7);
            double z = r.position(8);
            double d = faultDistance(x - DemoMine.X0, y - DemoMine.Y0);
            if (d < 40 || d >= 150) {
                continue; // nearer than 40 m the 25 m grid's bilinear cell straddles the fault
            }
            BlockModel column = new BlockModel("col", x - 5, y - 5, z - 0.25, 0, 10, 10, 0.5, 1, 1, 1, List.of());
            assertEquals(ORDER.indexOf("3#"), LayerCake.build(column, s, "unit").value(0, 0, 0, 0), 0.0, r.holeId());
            checked++;
        }
        assertTrue(checked >= 5, "holes near a fault checked: " + checked);
    }

}
