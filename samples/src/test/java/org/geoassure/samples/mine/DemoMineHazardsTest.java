package org.geoassure.samples.mine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.hazard.Interpolation;
import org.geoassure.geodb.hazard.ProximityHit;
import org.geoassure.geodb.hazard.ProximityResult;
import org.geoassure.geodb.hazard.ProximityRules;
import org.geoassure.geodb.hazard.WaterInrushParams;
import org.geoassure.geodb.hazard.WaterInrushResult;
import org.geoassure.geodb.hazard.WorkspaceHazards;
import org.geoassure.geodb.hazard.warning.AlertEvent;
import org.geoassure.geodb.hazard.warning.Bound;
import org.geoassure.geodb.hazard.warning.Evaluation;
import org.geoassure.geodb.hazard.warning.Evaluator;
import org.geoassure.geodb.hazard.warning.Limit;
import org.geoassure.geodb.hazard.warning.RuleSet;
import org.geoassure.geodb.hazard.warning.StationReadings;
import org.geoassure.geodb.hazard.warning.ThresholdRule;
import org.geoassure.geodb.hazard.warning.WarningLevel;
import org.geoassure.geodb.hazard.warning.WarningState;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.SeriesStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo mine's scenario: every hazard analysis fires where the generator put its cause, checked against the
 * generator's own ground model ({@link KaiyuanGeology}, {@link DemoMine}).
 */
class DemoMineHazardsTest {
    @TempDir
    static Path dir;
    static WorkspaceStore ws;

    @BeforeAll
    static void load() throws Exception {
        DemoMine.Files files = DemoMine.write(dir.resolve("data"), DemoMine.SEED);
        ws = Workspaces.create(dir.resolve("mine.gpkg"), WorkspaceInfo.of("demo", DemoMine.CRS, "Yellow Sea 1985"));
        DemoMineLoader.load(ws, files, "test");
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    private static TimeSlice asOf(String date) {
        return new TimeSlice(Instant.parse(date + "T00:00:00Z"), null);
    }

    private static ProximityHit hit(ProximityResult r, String face, String feature) {
        ProximityHit h = r.hit(face, feature);
        assertNotNull(h, face + "/" + feature);
        return h;
    }

    /**
     * Face 1202 retreats west 60 m a month from u = 1600 (2024-03-01); the inferred old workings OW-1 end at
     * u = 330. On 2025-10-01 the face is at u = 460 (130 m away); on 2025-11-01 at u = 400: 70 m in plan, inside the
     * 80 m warning line. Face 1201 runs 60 m beside the flooded goaf of panel 1101 (gateroad v = 300, goaf edge
     * v = 240) all along.
     */
    @Test
    void face1202CrossesTheWarningLineOfTheOldWorkingsOnTheFirstOfNovember2025() {
        ProximityRules rules = ProximityRules.explorationAndWarning(20, 0);
        FeatureStore fs = (FeatureStore) ws;
        ProximityResult oct = WorkspaceHazards.proximity(fs, Set.of(), asOf("2025-10-15"), rules);
        assertEquals(130.0, hit(oct, "F1202", "OW-1").distancePlan(), 1e-6);
        assertEquals("", hit(oct, "F1202", "OW-1").level());
        ProximityResult nov = WorkspaceHazards.proximity(fs, Set.of(), asOf("2025-11-15"), rules);
        ProximityHit h = hit(nov, "F1202", "OW-1");
        assertEquals(DemoMine.face1202(java.time.LocalDate.of(2025, 11, 15)) - DemoMine.OW1_EAST, h.distancePlan(),
                1e-6);
        assertEquals(70.0, h.distancePlan(), 1e-6);
        assertTrue(h.inferred(), "OW-1's boundary is marked inferred");
        assertEquals("warning_line", h.level());
        assertEquals(60.0, hit(nov, "F1201", "G1101").distancePlan(), 1e-6);
        assertEquals("warning_line", hit(nov, "F1201", "G1101").level());
        assertTrue(nov.explanation().inputs().stream().anyMatch(i -> i.id().equals("progress/F1202")
                && i.asOf().contains("2025-11-15")), nov.explanation().inputs().toString());
    }

    /**
     * The aquiclude thins from about 55 m to about 17 m along F1, so T = P/M passes the normal-ground critical value
     * 0.10 MPa/m there and not far from it. Where it does not, T agrees with the ground model's own T (P from the
     * generator's head over its aquifer top, M its aquiclude thickness) within 10 % (the analysis only sees 5
     * piezometers and 80 holes).
     */
    @Test
    void theInrushZoneLiesOverTheThinAquicludeAlongF1() {
        var setup = new WorkspaceHazards.InrushSetup("lithology", "HYDRO", "aquiclude", 20, 50,
                Interpolation.PLANAR_TREND, Interpolation.IDW, WaterInrushParams.defaults());
        TimeSlice t = asOf("2025-03-01");
        WaterInrushResult r = WorkspaceHazards.waterInrush(ws, (FeatureStore) ws, (SeriesStore) ws, Set.of(), t, setup);
        var grid = r.grid();
        double seamZ = KaiyuanGeology.seamRoofUnfaulted(1900, 300);
        double[] onF1 = KaiyuanGeology.F1.tracePoint(300 / Math.cos(Math.toRadians(20)), seamZ - 30);
        double tF1 = tAt(r, onF1[0], onF1[1]);
        assertTrue(tF1 > 0.10, "T on F1 at the aquiclude: " + tF1);
        for (double[] far : new double[][] {{600, 1500}, {400, 300}, {2500, 300}}) {
            double tFar = tAt(r, far[0], far[1]);
            assertTrue(tFar < 0.10, "T far from F1 at " + far[0] + ", " + far[1] + ": " + tFar);
            double model = modelT(far[0], far[1], t.validAt());
            assertEquals(model, tFar, 0.10 * model, "ground-model T at " + far[0] + ", " + far[1]);
        }
        assertTrue(r.zone("t_above_normal").area() > 0);
        assertTrue(grid.cells() > 10_000);
    }

    private static double tAt(WaterInrushResult r, double u, double v) {
        var g = r.grid();
        int i = (int) Math.floor((DemoMine.X0 + u - g.originX()) / g.dx());
        int j = (int) Math.floor((DemoMine.Y0 + v - g.originY()) / g.dy());
        return r.t().value(i, j);
    }

    private static double modelT(double u, double v, Instant t) {
        double head = DemoMine.head(u, v, t, "");
        double p = 1000 * 9.80665 * (head - KaiyuanGeology.aquiferTop(u, v)) / 1e6;
        return p / KaiyuanGeology.aquicludeThickness(u, v);
    }

    /**
     * PZ-3 (near F1, head about 14 m +/- 1.2 m a season) rises 0.04 m a day from 2025-06-01; a threshold ladder at
     * 16 / 17 / 18 / 19 m raises blue,
     * then yellow, orange and red. Each first crossing lies between the first hour the noise-free head passes the
     * limit - 0.05 m and the first hour it passes the limit + 0.05 m (the generator's noise is within +/- 0.05 m).
     */
    @Test
    void piezometer3CrossesItsWarningLevelsWhenTheGeneratorSaysSo() {
        Map<WarningLevel, Limit> limits = new EnumMap<>(WarningLevel.class);
        double[] at = {16, 17, 18, 19};
        WarningLevel[] levels = {WarningLevel.BLUE, WarningLevel.YELLOW, WarningLevel.ORANGE, WarningLevel.RED};
        for (int k = 0; k < 4; k++) {
            limits.put(levels[k], new Limit(at[k], at[k] - 0.5));
        }
        Evaluator ev = new Evaluator(RuleSet.of(List.of(new ThresholdRule("pz3-head", "O2 aquifer", "PZ-3",
                Bound.ABOVE, limits))));
        Readings rd = ((SeriesStore) ws).readings("PZ-3", Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), null);
        assertEquals(2 * 8760 + 24, rd.size(), "hourly, 2024 (leap year) and 2025");
        Evaluation e = ev.evaluate(WarningState.initial(), new StationReadings("PZ-3", rd.times(), rd.values()),
                rd.time(rd.size() - 1));
        List<AlertEvent> ups = new ArrayList<>();
        for (AlertEvent a : e.events()) {
            if (a.kind() == AlertEvent.Kind.RAISED || a.kind() == AlertEvent.Kind.ESCALATED) {
                ups.add(a);
            }
        }
        assertEquals(4, ups.size(), e.events().toString());
        for (int k = 0; k < 4; k++) {
            AlertEvent a = ups.get(k);
            assertEquals(levels[k], a.level());
            Instant when = Instant.ofEpochSecond(a.timeMicros() / 1_000_000);
            Instant earliest = firstHourAbove(at[k] - 0.05);
            Instant latest = firstHourAbove(at[k] + 0.05);
            assertFalse(when.isBefore(earliest), levels[k] + " at " + when + ", not before " + earliest);
            assertFalse(when.isAfter(latest), levels[k] + " at " + when + ", not after " + latest);
            assertTrue(when.isAfter(DemoMine.PZ3_RISE), "only the rise crosses 16 m");
        }
    }

    private static Instant firstHourAbove(double limit) {
        DemoMine.Piezometer p3 = DemoMine.piezometers().get(2);
        for (Instant t = Instant.parse("2024-01-01T00:00:00Z"); t.isBefore(Instant.parse("2026-01-01T00:00:00Z"));
                t = t.plusSeconds(3600)) {
            if (DemoMine.head(p3.u(), p3.v(), t, "PZ-3") > limit) {
                return t;
            }
        }
        return Instant.MAX;
    }

    /**
     * The demo's own rules (DemoMine.rules, set by the loader) replayed over the stored readings: at the end of 2025
     * exactly PZ-3, the phreatic line at PL-2 and the displacement prism DS-2 are RED, and each reached RED when the
     * generator's noise-free series, widened by its noise, says: PL-2's burial depth below 5.0 m (noise +/- 0.02 m),
     * DS-2's rise over 7 days above 4.5 mm (noise +/- 0.1 mm a reading, so +/- 0.2 mm on a difference).
     */
    @Test
    void theDamAndTheAquiferAreRedAtTheEndOf2025WhenTheGeneratorSaysSo() throws Exception {
        var warnings = (org.geoassure.geodb.store.WarningStore) ws;
        var rules = org.geoassure.ingest.rules.RulesJson.read(new java.io.StringReader(
                warnings.rules(null).orElseThrow().json()), "demo rules");
        var alerts = new org.geoassure.geodb.hazard.warning.WorkspaceAlerts((SeriesStore) ws, warnings, rules);
        Instant end = Instant.parse("2025-12-31T00:00:00Z");
        var current = alerts.current(end, null);
        assertEquals(Set.of("PZ-3", "PL-2", "DS-2"), current.stream()
                .map(org.geoassure.geodb.hazard.warning.Alert::station).collect(java.util.stream.Collectors.toSet()));
        current.forEach(a -> assertEquals(WarningLevel.RED, a.level(), a.toString()));
        Map<String, Instant> red = new java.util.HashMap<>();
        for (AlertEvent e : alerts.log(end, null)) {
            if (e.level() == WarningLevel.RED) {
                red.putIfAbsent(e.station(), Instant.ofEpochSecond(e.timeMicros() / 1_000_000));
            }
        }
        Instant plEarliest = firstDay(t -> DemoMine.phreaticDepth("PL-2", t) < 5.0 + 0.02);
        Instant plLatest = firstDay(t -> DemoMine.phreaticDepth("PL-2", t) < 5.0 - 0.02);
        assertTrue(!red.get("PL-2").isBefore(plEarliest) && !red.get("PL-2").isAfter(plLatest),
                "PL-2 red at " + red.get("PL-2") + ", expected " + plEarliest + " .. " + plLatest);
        Instant dsEarliest = firstDay(t -> rise7(t) > 4.5 - 0.2);
        Instant dsLatest = firstDay(t -> rise7(t) > 4.5 + 0.2);
        assertTrue(!red.get("DS-2").isBefore(dsEarliest) && !red.get("DS-2").isAfter(dsLatest),
                "DS-2 red at " + red.get("DS-2") + ", expected " + dsEarliest + " .. " + dsLatest);
    }

    private static double rise7(Instant t) {
        return DemoMine.displacement("DS-2", t) - DemoMine.displacement("DS-2", t.minusSeconds(7 * 86400));
    }

    private static Instant firstDay(java.util.function.Predicate<Instant> p) {
        for (Instant t = Instant.parse("2024-01-01T00:00:00Z"); t.isBefore(Instant.parse("2026-01-01T00:00:00Z"));
                t = t.plusSeconds(86400)) {
            if (p.test(t)) {
                return t;
            }
        }
        return Instant.MAX;
    }

    /**
     * Roof water: the roof mudstone between the seam and the sandstone aquifer thickens from 20 m (south) to 60 m
     * (north), so the fracture zone of mining the 3.2 m seam (medium-hard overburden, formula 1 upper: about 43 m)
     * reaches the aquifer in the south and not in the north. Each hole's verdict agrees with the ground model's
     * (KaiyuanGeology.mudstoneThickness against the hole's design height), except within 1 m of the boundary and
     * within 100 m of a fault (which offsets the aquifer base against the seam).
     */
    @Test
    void theFractureZoneReachesTheRoofAquiferWhereTheMudstoneIsThin() {
        var holes = WorkspaceHazards.fractureZones(ws, "lithology", "LITH", "coal", "HYDRO", "aquifer",
                org.geoassure.geodb.hazard.Overburden.parse("medium-hard", "overburden"), TimeSlice.current());
        int checked = 0;
        int unsafe = 0;
        for (var h : holes) {
            double u = h.x() - DemoMine.X0;
            double v = h.y() - DemoMine.Y0;
            double mud = KaiyuanGeology.mudstoneThickness(u, v);
            double zSeam = KaiyuanGeology.seamRoof(u, v);
            if (KaiyuanGeology.F1.distance(u, v, zSeam) < 100 || KaiyuanGeology.F2.distance(u, v, zSeam) < 100) {
                continue; // a fault between the seam and the aquifer base offsets one against the other
            }
            // within 1 m: an inclined hole meets the seam and the aquifer base a few metres apart in plan
            assertEquals(mud, h.result().aquiferDistance(), 1.0, h.holeId() + ": the aquifer distance is the mudstone");
            double height = h.result().designHeight();
            if (Math.abs(mud - height) > 1) {
                assertEquals(mud < height ? "unsafe" : "safe", h.result().verdict(), h.holeId());
                checked++;
            }
            unsafe += h.result().verdict().equals("unsafe") ? 1 : 0;
        }
        assertTrue(checked >= 55, "holes checked: " + checked);
        assertTrue(unsafe > 20 && unsafe < holes.size() - 20, "unsafe " + unsafe + " of " + holes.size());
    }
}
