package org.geoassure.geodb.hazard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The synthetic mine of issue 7 with answers worked by hand: a planar aquiclude of constant thickness 50 m (top −300 m,
 * bottom −350 m) under a linear pressure field P(x) = 2.0 + 0.006·(x − 1000) MPa, on a grid of 100 × 80 cells of
 * 10 m from (1000, 2000), i.e. the extent [1000, 2000] × [2000, 2800], 800 m tall.
 *
 * <p>T = P / 50. T > 0.06 ⇔ P > 3 ⇔ x > 1000 + 1/0.006 = 1166.67; T > 0.10 ⇔ P > 5 ⇔ x > 1500. Both zones are
 * half-planes, so their analytic areas inside the extent are (2000 − 1166.67) × 800 = 666 666.7 m² and
 * (2000 − 1500) × 800 = 400 000 m². A zone of whole cells may differ from the half-plane by at most one cell column,
 * 10 × 800 = 8 000 m².
 */
class WaterInrushScenarioTest {
    static final AnalysisGrid GRID = AnalysisGrid.of(1000, 2000, 10, 100, 80);
    static final double COLUMN = 10 * 800;
    static final GeometryFactory GF = new GeometryFactory();

    static double pressure(double x) {
        return 2.0 + 0.006 * (x - 1000);
    }

    /** Four piezometers off the grid's cells; the planar trend is exact for a linear field. */
    static PressureField piezometers() {
        double[][] xy = {{1050, 2100}, {1930, 2150}, {1400, 2700}, {1800, 2600}};
        List<PressurePoint> pts = new java.util.ArrayList<>();
        for (int k = 0; k < xy.length; k++) {
            pts.add(PressurePoint.ofPressure("PZ" + k, xy[k][0], xy[k][1], pressure(xy[k][0]))
                    .withProvenance("v" + k, "2026-03-01T00:00:00Z"));
        }
        return PressureField.ofPoints(pts, Interpolation.PLANAR_TREND);
    }

    static ThicknessField planarAquiclude() {
        return ThicknessField.ofSurfaces(GridValues.constant(GRID, -300), new InputRef("aquiclude_top", "S7",
                "seam 7 floor", "3", "2026-03-01T00:00:00Z"), GridValues.constant(GRID, -350),
                new InputRef("aquiclude_bottom", "O2", "Ordovician limestone top", "1", "2026-03-01T00:00:00Z"));
    }

    static Polygon box(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    @Test
    void halfPlaneZonesMatchTheAnalyticAreas() {
        WaterInrushResult r = WaterInrush.compute(GRID, piezometers(), planarAquiclude(), List.of(),
                WaterInrushParams.defaults());
        double a006 = (2000 - (1000 + 1 / 0.006)) * 800; // 666 666.67 m²
        double a010 = (2000 - 1500) * 800; // 400 000 m²
        Zone z006 = r.zone("t_above_disturbed");
        Zone z010 = r.zone("t_above_normal");
        assertAll(
                () -> assertEquals(a006, z006.area(), COLUMN, "T > 0.06 against the half-plane"),
                () -> assertEquals(a010, z010.area(), COLUMN, "T > 0.10 against the half-plane"),
                // whole cells: centres 1175..1995 (83 columns) and 1505..1995 (50 columns)
                () -> assertEquals(83 * COLUMN, z006.area(), 1e-6),
                () -> assertEquals(50 * COLUMN, z010.area(), 1e-6),
                () -> assertEquals(83 * 80, z006.cells()),
                // without disturbed zones the applicable critical value is 0.10 everywhere
                () -> assertEquals(z010.area(), r.zone("exceeds_critical").area(), 1e-6),
                () -> assertEquals(50 * COLUMN, r.summary().exceedingArea(), 1e-6),
                () -> assertEquals(1, z010.partAreas().size(), "one connected zone"),
                () -> assertTrue(z010.geometry().covers(box(1500, 2000, 2000, 2800)), "zone covers x in [1500,2000]"),
                () -> assertEquals(0, r.zone("no_aquiclude").cells()));
    }

    @Test
    void obliqueFieldGivesTrapezoidZones() {
        // P = 2 + 0.004·u + 0.003·v MPa with u = x − 1000, v = y − 2000 (u in [0, 1000], v in [0, 800]), M = 50 m.
        // T > 0.10 ⇔ 0.004u + 0.003v > 3 ⇔ u > 750 − 0.75v: area ∫₀⁸⁰⁰ (250 + 0.75v) dv = 200 000 + 0.375·800²
        // = 440 000 m². T > 0.06 ⇔ u > 250 − 0.75v, the whole row for v > 333.33: area
        // ∫₀^333.33 (750 + 0.75v) dv + 466.67·1000 = 250 000 + 41 666.7 + 466 666.7 = 758 333.3 m².
        double[][] xy = {{1050, 2100}, {1930, 2150}, {1400, 2700}, {1800, 2600}};
        List<PressurePoint> pts = new java.util.ArrayList<>();
        for (double[] q : xy) {
            pts.add(PressurePoint.ofPressure("P", q[0], q[1], 2 + 0.004 * (q[0] - 1000) + 0.003 * (q[1] - 2000)));
        }
        WaterInrushResult r = WaterInrush.compute(GRID, PressureField.ofPoints(pts, Interpolation.PLANAR_TREND),
                planarAquiclude(), List.of(), WaterInrushParams.defaults());
        assertAll(
                () -> assertEquals(440_000, r.zone("t_above_normal").area(), COLUMN),
                () -> assertEquals(758_333.3, r.zone("t_above_disturbed").area(), COLUMN),
                () -> assertEquals(1, r.zone("t_above_normal").partAreas().size()));
    }

    @Test
    void summaryStatisticsByHand() {
        WaterInrushResult r = WaterInrush.compute(GRID, piezometers(), planarAquiclude(), List.of(),
                WaterInrushParams.defaults());
        InrushSummary s = r.summary();
        // centres x = 1005..1995: T = (2 + 0.006(x − 1000)) / 50
        assertAll(
                () -> assertEquals(2.03 / 50, s.minT(), 1e-12, "min at x = 1005: 0.0406"),
                () -> assertEquals(7.97 / 50, s.maxT(), 1e-12, "max at x = 1995: 0.1594"),
                () -> assertEquals(0.1, s.meanT(), 1e-12, "mean of a linear field over symmetric centres: T(1500)"),
                () -> assertEquals(8000, s.cellsWithT()),
                () -> assertEquals(0.1 * 50, r.pressure().value(49, 0) / 2 + r.pressure().value(50, 0) / 2, 1e-12),
                () -> assertEquals(50, r.thickness().value(0), 0),
                () -> assertEquals(InrushClass.EXCEEDS_CRITICAL, r.classOf(50)),
                () -> assertEquals(InrushClass.BELOW_CRITICAL, r.classOf(49)));
    }

    @Test
    void disturbedZoneAppliesTheStricterValue() {
        // A fault buffer box x 1200..1400, y 2200..2400 lies where 0.06 < T <= 0.10: all its 20 x 20 cells exceed
        // the disturbed-ground value 0.06 but none exceeds 0.10. exceeds_critical = 400 000 + 200 * 200 m².
        DisturbedZone fault = new DisturbedZone(InputRef.of("fault_zone", "F12"), box(1200, 2200, 1400, 2400));
        WaterInrushResult r = WaterInrush.compute(GRID, piezometers(), planarAquiclude(), List.of(fault),
                WaterInrushParams.defaults());
        Zone ex = r.zone("exceeds_critical");
        assertAll(
                () -> assertEquals(400_000 + 40_000, ex.area(), 1e-6),
                () -> assertEquals(2, ex.partAreas().size(), "the box and the half-plane are apart"),
                () -> assertEquals(40_000, r.summary().disturbedArea(), 1e-6),
                () -> assertTrue(ex.geometry().covers(box(1200, 2200, 1400, 2400))),
                () -> assertEquals(List.of(), r.zone("t_above_normal").geometry().intersection(
                        box(1200, 2200, 1400, 2400)).isEmpty() ? List.of() : List.of("overlap")));
    }

    @Test
    void disturbedZoneAcrossTheThresholdLine() {
        // Box x 1100..1300, y 2200..2400 straddles x = 1166.67: analytic exceeding part (1300 − 1166.67) × 200
        // = 26 666.7 m², within one cell column of the box (10 × 200 = 2 000 m²); whole cells: centres 1175..1295.
        DisturbedZone fault = new DisturbedZone(InputRef.of("fault_zone", "F3"), box(1100, 2200, 1300, 2400));
        WaterInrushResult r = WaterInrush.compute(GRID, piezometers(), planarAquiclude(), List.of(fault),
                WaterInrushParams.defaults());
        double inBox = r.zone("exceeds_critical").geometry().intersection(box(1100, 2200, 1300, 2400)).getArea();
        assertAll(
                () -> assertEquals((1300 - (1000 + 1 / 0.006)) * 200, inBox, 10 * 200),
                () -> assertEquals(13 * 10 * 200, inBox, 1e-6));
    }

    @Test
    void siteCriticalValuesAreConfigurable() {
        // One group's 0.04 / 0.07: T > 0.07 ⇔ P > 3.5 ⇔ x > 1250, area 750 × 800 = 600 000 m² (a cell edge).
        WaterInrushParams site = WaterInrushParams.defaults().withCritical(0.04, 0.07, "site rule");
        WaterInrushResult r = WaterInrush.compute(GRID, piezometers(), planarAquiclude(), List.of(), site);
        assertAll(
                () -> assertEquals(600_000, r.zone("exceeds_critical").area(), COLUMN),
                () -> assertEquals(0.07, r.explanation().parameter("critical_T_normal").value()),
                () -> assertEquals("caller", r.explanation().parameter("critical_T_normal").confidence()),
                () -> assertEquals("site rule", r.explanation().parameter("critical_T_normal").source()));
    }

    @Test
    void floorDamageDepthThinsTheAquiclude() {
        // M = 50 − 20 = 30 m: T > 0.10 ⇔ P > 3 ⇔ x > 1166.67, the area of the 0.06 case above.
        WaterInrushResult r = WaterInrush.compute(GRID, piezometers(), planarAquiclude(), List.of(),
                WaterInrushParams.defaults().withFloorDamage(20, "measured, face 1201"));
        assertAll(
                () -> assertEquals((2000 - (1000 + 1 / 0.006)) * 800, r.zone("t_above_normal").area(), COLUMN),
                () -> assertEquals(30, r.thickness().value(123), 1e-12),
                () -> assertEquals(20, r.explanation().parameter("floor_damage_depth").value()));
    }

    @Test
    void cellsWithoutAquicludeAreFlaggedNotDivided() {
        // Bottom rises to the top in the west half (x < 1500): M = 0 there.
        double[] bottom = new double[GRID.cells()];
        for (int j = 0; j < 80; j++) {
            for (int i = 0; i < 100; i++) {
                bottom[j * 100 + i] = i < 50 ? -300 : -350;
            }
        }
        ThicknessField th = ThicknessField.ofSurfaces(GridValues.constant(GRID, -300), null,
                new GridValues(GRID, bottom), null);
        WaterInrushResult r = WaterInrush.compute(GRID, piezometers(), th, List.of(), WaterInrushParams.defaults());
        assertAll(
                () -> assertEquals(4000, r.summary().cellsNoAquiclude()),
                () -> assertEquals(InrushClass.NO_AQUICLUDE, r.classOf(0)),
                () -> assertTrue(Double.isNaN(r.t().value(0)), "T not computed"),
                () -> assertEquals(400_000, r.zone("no_aquiclude").area(), 1e-6),
                () -> assertTrue(r.explanation().warnings().stream().anyMatch(w -> w.startsWith("4000 cells"))));
    }

    @Test
    void rotatedGridGivesTheSameAreasAlongItsAxis() {
        // Grid rotated 30° about its origin; P varies along the grid's i axis the same way, so the areas are as
        // unrotated and the T > 0.10 zone is the far half of the rotated rectangle.
        AnalysisGrid g = new AnalysisGrid(1000, 2000, 30, 10, 10, 100, 80);
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        double[][] uv = {{50, 100}, {930, 150}, {400, 700}, {800, 600}};
        List<PressurePoint> pts = new java.util.ArrayList<>();
        for (double[] q : uv) {
            pts.add(PressurePoint.ofPressure("P", 1000 + c * q[0] - s * q[1], 2000 + s * q[0] + c * q[1],
                    pressure(1000 + q[0])));
        }
        ThicknessField th = ThicknessField.ofSurfaces(GridValues.constant(g, 0), null, GridValues.constant(g, -50),
                null);
        WaterInrushResult r = WaterInrush.compute(g, PressureField.ofPoints(pts, Interpolation.PLANAR_TREND), th,
                List.of(), WaterInrushParams.defaults());
        Geometry z = r.zone("t_above_normal").geometry();
        // a point at local (750, 400) is inside, local (250, 400) outside
        var in = GF.createPoint(new Coordinate(1000 + c * 750 - s * 400, 2000 + s * 750 + c * 400));
        var out = GF.createPoint(new Coordinate(1000 + c * 250 - s * 400, 2000 + s * 250 + c * 400));
        assertAll(
                () -> assertEquals(400_000, r.zone("t_above_normal").area(), 1e-6),
                () -> assertEquals(83 * COLUMN, r.zone("t_above_disturbed").area(), 1e-6),
                () -> assertTrue(z.contains(in)),
                () -> assertTrue(!z.contains(out)));
    }

    @Test
    void headsConvertToPressure() {
        // Head 100 m over an aquifer top at −200 m: P = 1000 × 9.80665 × 300 / 1e6 = 2.941995 MPa.
        PressurePoint p = PressurePoint.ofHead("PZ", 0, 0, 100, -200);
        assertAll(
                () -> assertEquals(2.941995, p.pressure(), 1e-12),
                () -> assertEquals(1.0, PressurePoint.ofHead("PZ", 0, 0, 100, 0, 1e4).pressure(), 1e-12,
                        "rho*g = 1e4 Pa/m, 100 m -> 1 MPa"),
                () -> assertTrue(PressurePoint.ofHead("PZ", 0, 0, -250, -200).pressure() < 0));
    }

    @Test
    void idwFromHeadsHonoursThePiezometersAndNaNIsNoValue() {
        // 3 x 1 cells of 10 m; piezometers on the centres of cells 0 and 2: head 100 m and 0 m over −200 m, i.e.
        // P = 9806.65 × 300 / 1e6 = 2.941995 and 9806.65 × 200 / 1e6 = 1.96133 MPa. The middle cell is equidistant:
        // the mean, 2.4516625 MPa. M = 50 m except cell 2, whose top is NaN (no value).
        AnalysisGrid g = AnalysisGrid.of(0, 0, 10, 3, 1);
        PressureField pf = PressureField.ofPoints(List.of(PressurePoint.ofHead("A", 5, 5, 100, -200),
                PressurePoint.ofHead("B", 25, 5, 0, -200)), Interpolation.IDW);
        ThicknessField th = ThicknessField.ofSurfaces(new GridValues(g, new double[] {-150, -150, Double.NaN}), null,
                GridValues.constant(g, -200), null);
        WaterInrushResult r = WaterInrush.compute(g, pf, th, List.of(), WaterInrushParams.defaults());
        assertAll(
                () -> assertEquals(2.941995, r.pressure().value(0), 1e-12),
                () -> assertEquals(2.4516625, r.pressure().value(1), 1e-12),
                () -> assertEquals(1.96133, r.pressure().value(2), 1e-12),
                () -> assertEquals(2.941995 / 50, r.t().value(0), 1e-12),
                () -> assertEquals(InrushClass.NO_VALUE, r.classOf(2)),
                () -> assertEquals(1, r.summary().cellsNoValue()),
                () -> assertEquals(9806.65, r.explanation().parameter("rho_g").value(), 1e-9),
                () -> assertEquals(2, r.explanation().parameter("idw_power").value()),
                () -> assertEquals("high", r.explanation().parameter("critical_T_normal").confidence()));
    }

    @Test
    void explanationNamesInputsParametersAndMethods() {
        WaterInrushResult r = WaterInrush.compute(GRID, piezometers(), planarAquiclude(), List.of(),
                WaterInrushParams.defaults());
        Explanation e = r.explanation();
        String json = e.toJson();
        assertAll(
                () -> assertEquals(6, e.inputs().size(), "4 piezometers + 2 surfaces"),
                () -> assertEquals("v2", e.inputs().get(2).version()),
                () -> assertEquals(0.06, e.parameter("critical_T_disturbed").value()),
                () -> assertEquals("MPa/m", e.parameter("critical_T_normal").unit()),
                () -> assertTrue(e.methods().get(0).startsWith("P by planar least-squares trend over 4 points")),
                () -> assertTrue(json.contains("\"name\":\"critical_T_disturbed\",\"value\":0.06,\"unit\":\"MPa/m\"")),
                () -> assertTrue(json.contains("\"id\":\"O2\",\"name\":\"Ordovician limestone top\",\"version\":\"1\"")),
                () -> assertTrue(json.startsWith("{\"analysis\":\"water_inrush_coefficient\"")),
                () -> assertTrue(r.toJson().contains("\"name\":\"t_above_normal\",\"rule\":\"T > 0.1000 MPa/m anywhere\","
                        + "\"cells\":4000,\"area\":400000,\"partAreas\":[400000],\"wkt\":\"POLYGON (("), r.toJson()),
                () -> assertTrue(r.toJson().contains("\"summary\":{\"cells\":8000,\"cellsWithT\":8000"), r.toJson()));
    }

    @Test
    void badInputNamesTheField() {
        AnalysisGrid other = AnalysisGrid.of(0, 0, 10, 10, 10);
        var e1 = assertThrows(InvalidContentException.class, () -> WaterInrush.compute(GRID,
                PressureField.ofGrid(GridValues.constant(other, 1), null), planarAquiclude(), List.of(),
                WaterInrushParams.defaults()));
        var e2 = assertThrows(InvalidContentException.class, () -> WaterInrush.compute(GRID,
                PressureField.ofPoints(List.of(PressurePoint.ofPressure("A", 0, 0, 1),
                        PressurePoint.ofPressure("B", 1, 1, 1), PressurePoint.ofPressure("C", 2, 2, 1)),
                        Interpolation.PLANAR_TREND), planarAquiclude(), List.of(), WaterInrushParams.defaults()));
        var e3 = assertThrows(InvalidContentException.class, () -> new DisturbedZone(InputRef.of("f", "F1"),
                GF.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)})));
        assertAll(
                () -> assertTrue(e1.getMessage().startsWith("pressure.grid:"), e1.getMessage()),
                () -> assertTrue(e2.getMessage().startsWith("pressure.points:") && e2.getMessage().contains("collinear"),
                        e2.getMessage()),
                () -> assertTrue(e3.getMessage().contains("not a polygon"), e3.getMessage()),
                () -> assertThrows(InvalidContentException.class, () -> new AnalysisGrid(0, 0, 0, 0, 1, 1, 1)),
                () -> assertThrows(InvalidContentException.class,
                        () -> WaterInrushParams.defaults().withFloorDamage(-1, "x")));
    }
}
