package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.ContactPicks.UnitPick;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.Feature;
import org.junit.jupiter.api.Test;

/**
 * Surfaces from picks: the reference for honouring is the pick itself (the estimate at a pick, and the grid at a pick
 * on a node, equal it to 1e-6); crossing is checked node by node; the layer cake against units worked out by hand.
 */
class StratigraphicSurfacesTest {
    static final List<String> ORDER = List.of("A", "B", "C");

    /** Holes on a jittered 6 x 5 lattice at mine-like coordinates; tops of A, B, C dipping, with seeded noise. */
    static List<UnitPick> picks(long seed, boolean onNodes, boolean crossing) {
        SplittableRandom r = new SplittableRandom(seed);
        List<UnitPick> out = new ArrayList<>();
        int h = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                double x = 41_585_000 + 100 * i + (onNodes ? 10 * r.nextInt(3) : r.nextDouble() * 40);
                double y = 4_712_000 + 120 * j + (onNodes ? 10 * r.nextInt(3) : r.nextDouble() * 40);
                double a = 100 - 0.02 * (x - 41_585_000) + r.nextDouble() * 2;
                double b = a - 20 - r.nextDouble() * 5;
                double c = b - 10 + 0.05 * (y - 4_712_000) * (crossing ? 1 : 0) - r.nextDouble() * 3;
                if (crossing && (h % 7 == 3)) {
                    c = b + 5; // a hole that logs C above B: the order forbids it
                }
                String id = "H" + h++;
                double[] zs = crossing && c > b ? new double[] {a, c, b} : new double[] {a, b, c};
                String[] us = crossing && c > b ? new String[] {"A", "C", "B"} : new String[] {"A", "B", "C"};
                for (int k = 0; k < 3; k++) {
                    double bottom = k < 2 ? zs[k + 1] : zs[k] - 5;
                    out.add(new UnitPick(id, us[k], a - zs[k], a - bottom, new double[] {x, y, zs[k]},
                            new double[] {x, y, bottom}));
                }
            }
        }
        return out;
    }

    static SurfaceGrid grid() {
        return new SurfaceGrid(41_584_990, 4_711_990, 10, 10, 56, 58);
    }

    @Test
    void krigingHonoursThePicks() {
        List<UnitPick> p = picks(1, false, false);
        StratigraphicSurfaces.Stack s = StratigraphicSurfaces.build(ORDER, p, grid(), 0,
                StratigraphicSurfaces.Options.kriging(), 2);
        assertHonoured(s, p);
        assertTrue(s.surfaces().get(0).parameters().startsWith("ordinary kriging nugget=0 spherical("),
                s.surfaces().get(0).parameters());
    }

    @Test
    void idwHonoursThePicks() {
        List<UnitPick> p = picks(2, false, false);
        StratigraphicSurfaces.Stack s = StratigraphicSurfaces.build(ORDER, p, grid(), 0,
                StratigraphicSurfaces.Options.idw(), 1);
        assertHonoured(s, p);
    }

    /** The estimator at every pick equals the pick, and the grid does where a pick is on a node. */
    static void assertHonoured(StratigraphicSurfaces.Stack s, List<UnitPick> picks) {
        for (StratigraphicSurfaces.UnitTop t : StratigraphicSurfaces.tops(picks, ORDER)) {
            StratigraphicSurfaces.Surface sf = s.surface(t.unit());
            double e = Estimation.global(sf.estimator(), sf.picks(), t.x(), t.y(), 0).value();
            assertEquals(t.z(), e, 1e-6, t.holeId() + " " + t.unit());
        }
    }

    @Test
    void theGridHonoursPicksOnNodes() {
        List<UnitPick> p = picks(3, true, false);
        for (StratigraphicSurfaces.Options o : List.of(StratigraphicSurfaces.Options.kriging(),
                StratigraphicSurfaces.Options.idw())) {
            StratigraphicSurfaces.Stack s = StratigraphicSurfaces.build(ORDER, p, grid(), 0, o, 2);
            int checked = 0;
            for (StratigraphicSurfaces.UnitTop t : StratigraphicSurfaces.tops(p, ORDER)) {
                double[] z = s.surface(t.unit()).z();
                assertEquals(t.z(), s.grid().interpolate(z, t.x(), t.y()), 1e-6, o.method() + " " + t.holeId());
                checked++;
            }
            assertEquals(90, checked);
            assertEquals(0, s.surfaces().get(1).clamped() + s.surfaces().get(2).clamped());
        }
    }

    @Test
    void surfacesNeverCrossWhereTheOrderForbids() {
        List<UnitPick> p = picks(4, false, true);
        for (StratigraphicSurfaces.Options o : List.of(StratigraphicSurfaces.Options.kriging(),
                StratigraphicSurfaces.Options.idw())) {
            StratigraphicSurfaces.Stack s = StratigraphicSurfaces.build(ORDER, p, grid(), 0, o, 2);
            assertTrue(s.surfaces().get(2).clamped() > 0, "the data cross: some nodes of C are clamped");
            for (int k = 0; k + 1 < 3; k++) {
                double[] t = s.thickness(k);
                double[] up = s.surfaces().get(k).z();
                double[] down = s.surfaces().get(k + 1).z();
                for (int c = 0; c < t.length; c++) {
                    assertTrue(down[c] <= up[c], o.method() + " node " + c);
                    assertEquals(up[c] - down[c], t[c], 0.0);
                    assertTrue(t[c] >= 0);
                }
            }
        }
    }

    @Test
    void featuresAreMeshesOfTwoTrianglesPerCell() {
        StratigraphicSurfaces.Stack s = StratigraphicSurfaces.build(ORDER, picks(5, false, false), null, 25,
                StratigraphicSurfaces.Options.idw(), 2);
        SurfaceGrid g = s.grid();
        assertEquals(0, g.originX() % 25, 0.0);
        List<Feature> f = s.features();
        assertEquals(3, f.size());
        assertEquals("top B", f.get(1).id());
        assertEquals("horizon", f.get(1).role());
        assertEquals("A/B", f.get(1).attributes().get("contact"));
        assertEquals("idw", f.get(1).attributes().get("method"));
        assertEquals(30L, f.get(1).attributes().get("picks"));
        assertEquals(2 * (g.nx() - 1) * (g.ny() - 1), f.get(1).mesh().triangleCount());
        assertEquals(g.nodes(), f.get(1).mesh().vertexCount());
        double[] z = s.surfaces().get(1).z();
        assertEquals(z[g.nx() + 1], f.get(1).mesh().coordinate(g.nx() + 1, 2), 0.0);
    }

    @Test
    void aUnitNoHoleLogsIsBadInput() {
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> StratigraphicSurfaces.build(
                List.of("A", "X", "C"), picks(6, false, false), grid(), 0, StratigraphicSurfaces.Options.idw(), 1));
        assertTrue(e.getMessage().startsWith("order: no hole logs unit 'X'"), e.getMessage());
        assertThrows(InvalidContentException.class, () -> StratigraphicSurfaces.build(List.of("A", "A"),
                picks(6, false, false), grid(), 0, StratigraphicSurfaces.Options.idw(), 1));
    }

    /** Flat tops at 100, 80 and 70 m (every hole the same): the units of the cells follow by hand. */
    @Test
    void layerCakeTakesTheUnitBetweenTheSurfaces() {
        List<UnitPick> p = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            double x = 1000 + 200 * (h % 2);
            double y = 2000 + 200 * (h / 2);
            double[] tops = {100, 80, 70};
            for (int k = 0; k < 3; k++) {
                p.add(new UnitPick("H" + h, ORDER.get(k), 100 - tops[k], 100 - tops[k] + 5,
                        new double[] {x, y, tops[k]}, new double[] {x, y, tops[k] - 5}));
            }
        }
        StratigraphicSurfaces.Stack s = StratigraphicSurfaces.build(ORDER, p, null, 50,
                StratigraphicSurfaces.Options.kriging(), 1);
        // cells 10 x 10 x 5 m from z = 50 to 110: centres 52.5 ... 107.5
        BlockModel def = new BlockModel("lith", 1000, 2000, 50, 0, 10, 10, 5, 20, 20, 12, List.of());
        BlockData d = LayerCake.build(def, s, "unit");
        assertEquals(List.of("A", "B", "C"), d.model().attribute("unit").categories());
        for (int k = 0; k < 12; k++) {
            double zc = 50 + 2.5 + 5 * k;
            double want = zc > 100 ? Double.NaN : zc > 80 ? 0 : zc > 70 ? 1 : 2;
            assertEquals(want, d.value(0, 7, 9, k), 0.0, "z " + zc);
            assertEquals(!Double.isNaN(want), d.present(7, 9, k));
        }
        assertEquals(20 * 20 * 10, d.cells());
    }

    @Test
    void featuresReadBackToTheSameStack() {
        StratigraphicSurfaces.Stack s = StratigraphicSurfaces.build(ORDER, picks(7, false, true), grid(), 0,
                StratigraphicSurfaces.Options.kriging(), 2);
        List<Feature> f = new ArrayList<>(s.features());
        java.util.Collections.reverse(f);
        StratigraphicSurfaces.Stack back = StratigraphicSurfaces.fromFeatures(f);
        assertEquals(ORDER, back.order());
        assertEquals(s.grid(), back.grid());
        for (int k = 0; k < 3; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(s.surfaces().get(k).z(), back.surfaces().get(k).z(),
                    0.0);
            assertEquals(s.surfaces().get(k).clamped(), back.surfaces().get(k).clamped());
        }
        assertEquals(StratigraphicSurfaces.Method.KRIGING, back.method());
    }

    @Test
    void variogramTextRoundTrips() {
        VariogramModel m = new VariogramModel(0.125, List.of(VariogramStructure.isotropic(StructureType.SPHERICAL,
                2.5, 300.1), new VariogramStructure(StructureType.EXPONENTIAL, 1,
                        new Ellipsoid(30, -10, 5, 900, 450, 90.5))));
        String t = VariogramText.format(m);
        assertEquals("nugget=0.125 spherical(sill=2.5, range=300.1) exponential(sill=1, range=900, semi=450, "
                + "minor=90.5, azimuth=30, dip=-10, rake=5)", t);
        assertEquals(m, VariogramText.parse("# fitted by hand\n" + t.replace(") ", ")\n")));
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> VariogramText.parse("nugget=0 cubic(sill=1, range=2)"));
        assertTrue(e.getMessage().startsWith("variogram: 'cubic'"), e.getMessage());
    }
}
