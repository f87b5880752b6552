package org.geoassure.geodb.hazard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.geoassure.geodb.hazard.internal.CellRaster;
import org.geoassure.geodb.hazard.internal.CellZones;
import org.geoassure.geodb.hazard.internal.Interpolators;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;

/** Interpolation, rasterisation and zone kernels against hand values and JTS as the independent reference. */
class GridKernelsTest {
    static final GeometryFactory GF = new GeometryFactory();

    @Test
    void planarTrendIsExactForALinearField() {
        // v = 1 + 0.002x − 0.001y at Gauss-Krüger magnitudes; at (39 500 100, 4 400 050):
        // 1 + 79 000.2 − 4 400.05 = 74 601.15
        double[] x = {39_500_000, 39_500_400, 39_500_150, 39_500_300};
        double[] y = {4_400_000, 4_400_020, 4_400_500, 4_400_300};
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            v[k] = 1 + 0.002 * x[k] - 0.001 * y[k];
        }
        double[] plane = Interpolators.fitPlane(x, y, v, "f");
        double[] out = new double[1];
        Interpolators.evalPlane(plane, new double[] {39_500_100}, new double[] {4_400_050}, out);
        assertAll(
                () -> assertEquals(74_601.15, out[0], 1e-6),
                () -> assertEquals(0.002, plane[3], 1e-12),
                () -> assertEquals(-0.001, plane[4], 1e-12),
                () -> assertEquals(0, plane[5], 1e-6, "RMS residual"));
    }

    @Test
    void planarTrendOfNoisyPointsIsTheLeastSquaresPlane() {
        // Points (0,0)=0, (1,0)=1, (0,1)=0, (1,1)=3. By hand: mean 1; centred sums Sxx = Syy = 1, Sxy = 0,
        // Sxv = 0.5·(−1 −0) ... = (−.5)(−1) + (.5)(0) + (−.5)(−1) + (.5)(2) = 2, Syv = (−.5)(−1)+(−.5)(0)+(.5)(−1)+(.5)(2)
        // = 1; b = 2, c = 1; residuals 0 − (1 − 1 − 0.5) = 0.5, 1 − (1 + 1 − .5) = −0.5, 0 − (1 − 1 + .5) = −0.5,
        // 3 − (1 + 1 + .5) = 0.5; RMS 0.5.
        double[] plane = Interpolators.fitPlane(new double[] {0, 1, 0, 1}, new double[] {0, 0, 1, 1},
                new double[] {0, 1, 0, 3}, "f");
        assertAll(
                () -> assertEquals(2, plane[3], 1e-12),
                () -> assertEquals(1, plane[4], 1e-12),
                () -> assertEquals(0.5, plane[5], 1e-12));
    }

    @Test
    void idwByHand() {
        // points at x = 0 (value 0) and x = 3 (value 3); target x = 1: d = 1 and 2, weights 1 and 1/4:
        // (0·1 + 3·0.25) / 1.25 = 0.6. On a point: its value. Power 1: weights 1 and 1/2 -> 1.5 / 1.5 = 1.
        double[] out = new double[3];
        Interpolators.idw(new double[] {0, 3}, new double[] {0, 0}, new double[] {0, 3}, 2,
                new double[] {1, 3, 1.5}, new double[] {0, 0, 0}, out);
        double[] p1 = new double[1];
        Interpolators.idw(new double[] {0, 3}, new double[] {0, 0}, new double[] {0, 3}, 1,
                new double[] {1}, new double[] {0}, p1);
        assertAll(
                () -> assertEquals(0.6, out[0], 1e-15),
                () -> assertEquals(3, out[1], 0),
                () -> assertEquals(1.5, out[2], 1e-15, "midway: the mean"),
                () -> assertEquals(1.0, p1[0], 1e-15));
    }

    @Test
    void thicknessPicksByIdwThroughTheAnalysis() {
        // Two picks, 40 m at (0, 5) and 60 m at (30, 5); grid of 3 × 1 cells of 10 m: centres x = 5, 15, 25.
        // x = 5: d 5 and 25, w 1/25, 1/625 -> (40/25 + 60/625)/(1/25 + 1/625) = (1.6 + 0.096)/0.0416 = 40.769 23
        // x = 15: midway -> 50. P = 5 MPa everywhere: T = 5/40.769 23 = 0.122 64, 0.1.
        AnalysisGrid g = AnalysisGrid.of(0, 0, 10, 3, 1);
        WaterInrushResult r = WaterInrush.compute(g, PressureField.ofGrid(GridValues.constant(g, 5), null),
                ThicknessField.ofPoints(List.of(ValuePoint.of("B1", 0, 5, 40), ValuePoint.of("B2", 30, 5, 60)),
                        Interpolation.IDW), List.of(), WaterInrushParams.defaults());
        assertAll(
                () -> assertEquals(1.696 / 0.0416, r.thickness().value(0), 1e-9),
                () -> assertEquals(50, r.thickness().value(1), 1e-12),
                () -> assertEquals(5 / (1.696 / 0.0416), r.t().value(0), 1e-12),
                () -> assertEquals(InrushClass.EXCEEDS_CRITICAL, r.classOf(0)),
                () -> assertEquals(InrushClass.BELOW_CRITICAL, r.classOf(1), "T = 0.10 exactly is not above"));
    }

    @Test
    void scanLineMatchesJtsPointInPolygonOnARotatedGrid() {
        // A bent fault trace buffered by 35 m, with a hole cut out, on a grid rotated 17°: every cell centre's
        // inside/outside from the scan line must equal JTS's IndexedPointInAreaLocator.
        AnalysisGrid g = new AnalysisGrid(500_000, 3_000_000, 17, 7, 5, 160, 140);
        Geometry trace = GF.createLineString(new Coordinate[] {new Coordinate(500_100, 3_000_100),
            new Coordinate(500_600, 3_000_350), new Coordinate(500_800, 3_000_900)});
        Geometry zone = trace.buffer(35).difference(GF.createPoint(new Coordinate(500_600, 3_000_350)).buffer(12));
        byte[] mask = new byte[g.cells()];
        CellRaster.fill(g, zone, mask, (byte) 1);
        IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(zone);
        double[] cx = new double[g.cells()];
        double[] cy = new double[g.cells()];
        g.centres(cx, cy);
        int differ = 0;
        int inside = 0;
        for (int c = 0; c < g.cells(); c++) {
            boolean jts = loc.locate(new Coordinate(cx[c], cy[c])) == Location.INTERIOR;
            differ += jts == (mask[c] == 1) ? 0 : 1;
            inside += mask[c];
        }
        int in = inside;
        int diff = differ;
        // the buffer's area / cell area is the expected count, roughly
        assertAll(
                () -> assertEquals(0, diff, "cells where the scan line and JTS disagree"),
                () -> assertEquals(zone.getArea() / 35, in, zone.getArea() / 35 * 0.05));
    }

    /** Reference: the JTS union of one square per marked cell, in world coordinates. */
    static Geometry squaresUnion(AnalysisGrid g, byte[] mask) {
        List<Geometry> squares = new java.util.ArrayList<>();
        var t = g.indexToWorld();
        for (int c = 0; c < mask.length; c++) {
            if (mask[c] != 0) {
                int i = c % g.nx();
                int j = c / g.nx();
                squares.add(t.transform(GF.toGeometry(new org.locationtech.jts.geom.Envelope(i, i + 1, j, j + 1))));
            }
        }
        return squares.isEmpty() ? GF.createMultiPolygon()
                : org.locationtech.jts.operation.union.UnaryUnionOp.union(squares);
    }

    static void assertSameAsSquares(AnalysisGrid g, byte[] mask, String what) {
        int count = 0;
        for (byte b : mask) {
            count += b;
        }
        Geometry traced = CellZones.union(g, mask, GF);
        Geometry ref = squaresUnion(g, mask);
        int n = count;
        assertAll(what,
                () -> assertEquals(true, traced.isValid(), "valid"),
                () -> assertEquals(n * g.cellArea(), traced.getArea(), 1e-6 * Math.max(1, n)),
                () -> assertEquals(ref.getArea(), traced.getArea(), 1e-6 * Math.max(1, n)),
                () -> assertEquals(0, traced.symDifference(ref).getArea(), 1e-6 * Math.max(1, n), "same set"),
                () -> assertEquals(ref.getNumGeometries(), traced.getNumGeometries(), "same number of polygons"));
    }

    @Test
    void tracedZonesEqualTheUnionOfCellSquares() {
        // Random masks of 5%, 30%, 50% and 80% on a rotated grid (many corner-touching cells, holes, islands in
        // holes): the traced polygons must be valid and cover exactly the JTS union of the cell squares.
        AnalysisGrid g = new AnalysisGrid(1000, 1000, 41, 3, 2, 60, 50);
        for (double density : new double[] {0.05, 0.3, 0.5, 0.8}) {
            byte[] mask = new byte[g.cells()];
            SplittableRandom rnd = new SplittableRandom(7);
            for (int c = 0; c < mask.length; c++) {
                mask[c] = (byte) (rnd.nextDouble() < density ? 1 : 0);
            }
            assertSameAsSquares(g, mask, "density " + density);
        }
    }

    @Test
    void tracedZonesOfSpecialShapes() {
        AnalysisGrid g = AnalysisGrid.of(0, 0, 1, 9, 9);
        // checkerboard: 41 single cells touching at corners -> 41 polygons
        byte[] checker = new byte[81];
        for (int c = 0; c < 81; c++) {
            checker[c] = (byte) ((c % 9 + c / 9) % 2 == 0 ? 1 : 0);
        }
        // a ring of cells around a hole whose corner touches the outside (a "C" closed at a corner), with an
        // island in the hole
        String[] rows = {
            ".........",
            ".#######.",
            ".#.....#.",
            ".#.###.#.",
            ".#.#.#.#.",
            ".#.###.#.",
            ".#.....#.",
            ".######..",
            "........."};
        byte[] ring = new byte[81];
        for (int j = 0; j < 9; j++) {
            for (int i = 0; i < 9; i++) {
                ring[j * 9 + i] = (byte) (rows[8 - j].charAt(i) == '#' ? 1 : 0);
            }
        }
        byte[] full = new byte[81];
        java.util.Arrays.fill(full, (byte) 1);
        assertSameAsSquares(g, checker, "checkerboard");
        assertSameAsSquares(g, ring, "ring with a corner gap and an island with a hole");
        assertSameAsSquares(g, full, "full grid");
        assertAll(
                () -> assertEquals(41, CellZones.union(g, checker, GF).getNumGeometries()),
                () -> assertEquals(5, CellZones.union(g, full, GF).getNumPoints(), "one square, 4 corners + closure"),
                () -> assertEquals(0, CellZones.union(g, new byte[81], GF).getArea()));
    }
}
