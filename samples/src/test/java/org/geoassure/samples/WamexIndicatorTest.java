package org.geoassure.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.geoassure.geodb.analysis.IndicatorModel;
import org.geoassure.geodb.analysis.InverseDistance;
import org.geoassure.geodb.analysis.Neighbourhood;
import org.geoassure.geodb.analysis.Samples;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real data: the WAMEX Yalgoo lithology logs (132 holes, company logging of an Archaean greenstone sequence with no
 * stratigraphic order a layer cake could follow) as an indicator model of banded iron formation (BIF) against all
 * other rock, by IDW of the indicator at the interval mid-points. The reference is a brute-force recomputation of
 * every cell from the samples: its 16 nearest mid-points within 300 m (ties by sample order), weights 1/d², so the
 * stored BIF probability, the category and the absent cells are checked against arithmetic independent of the
 * k-d tree and row search. Measured: 4 322 mid-points (2 741 BIF), 11 305 cells of 250 x 250 x 10 m within 300 m of
 * a sample, 5 163 of them BIF.
 */
class WamexIndicatorTest {
    @TempDir
    Path dir;

    @Test
    void bifIndicatorEqualsABruteForceRecomputation() {
        List<double[]> pts = new ArrayList<>();
        try (WorkspaceStore store = Workspaces.create(dir.resolve("wamex.gpkg"), WorkspaceInfo.of("yalgoo",
                DemoLoader.WAMEX_CRS, DemoLoader.WAMEX_VERTICAL_DATUM))) {
            DemoLoader.loadWamex(store, DemoLoader.extractWamex(dir.resolve("files")), null);
            try (Stream<IntervalRecord> rows = store.intervals("lithology", Selection.all())) {
                rows.forEach(r -> {
                    Object lith = r.values().get("CET_Litho");
                    if (lith != null && Double.isFinite(r.position(8))) {
                        pts.add(new double[] {r.position(6), r.position(7), r.position(8),
                            "banded_iron_formation".equals(lith) ? 1 : 0});
                    }
                });
            }
        }
        int n = pts.size();
        double[][] c = new double[4][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                c[k][i] = pts.get(i)[k];
            }
        }
        Samples s = new Samples(c[0], c[1], c[2], c[3]);
        assertTrue(n > 4000, "mid-points: " + n);
        long bif = Arrays.stream(c[3]).filter(v -> v == 1).count();
        assertTrue(bif > 2000 && bif < n, "BIF mid-points: " + bif);
        // 250 x 250 x 10 m cells over the box of the mid-points
        double[] lo = new double[3];
        double[] hi = new double[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = Arrays.stream(c[a]).min().orElseThrow();
            hi[a] = Arrays.stream(c[a]).max().orElseThrow();
        }
        double[] d = {250, 250, 10};
        int[] dims = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.floor(lo[a] / d[a]) * d[a];
            dims[a] = (int) Math.ceil((hi[a] - lo[a]) / d[a]) + 1;
        }
        BlockModel grid = new BlockModel("bif", lo[0], lo[1], lo[2], 0, d[0], d[1], d[2], dims[0], dims[1], dims[2],
                List.of());
        int k = 16;
        double radius = 300;
        BlockData m = IndicatorModel.build(grid, "rock", List.of("other", "bif"), s, InverseDistance.isotropic(2),
                Neighbourhood.nearest(k, radius), true, 2);
        double[] cen = new double[3];
        int present = 0;
        int bifCells = 0;
        Integer[] order = new Integer[n];
        int[] byX = java.util.stream.IntStream.range(0, n).boxed().sorted((a, b) -> Double.compare(c[0][a], c[0][b]))
                .mapToInt(Integer::intValue).toArray();
        double[] xs = Arrays.stream(byX).mapToDouble(p -> c[0][p]).toArray();
        double[] d2 = new double[n];
        for (int kk = 0; kk < grid.nz(); kk++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    grid.centroid(i, j, kk, cen);
                    // brute force: reduced distances (coordinates / radius, differences after scaling, as the search)
                    int within = 0;
                    // only the samples with x within 300 m (any within 300 m in 3D are among them)
                    int from = lowerBound(xs, cen[0] - radius - 1);
                    int to = lowerBound(xs, cen[0] + radius + 1);
                    for (int a = from; a < to; a++) {
                        int p = byX[a];
                        double du = c[0][p] / radius - cen[0] / radius;
                        double dv = c[1][p] / radius - cen[1] / radius;
                        double dw = c[2][p] / radius - cen[2] / radius;
                        d2[p] = du * du + dv * dv + dw * dw;
                        if (d2[p] <= 1) {
                            order[within++] = p;
                        }
                    }
                    String at = i + "," + j + "," + kk;
                    if (within == 0) {
                        assertTrue(Double.isNaN(m.value(0, i, j, kk)), at + " has no sample within 300 m");
                        continue;
                    }
                    Arrays.sort(order, 0, within, (a, b) -> d2[a] != d2[b] ? Double.compare(d2[a], d2[b])
                            : Integer.compare(a, b));
                    double sw = 0;
                    double swv = 0;
                    for (int q = 0; q < Math.min(k, within); q++) {
                        int p = order[q];
                        double ex = c[0][p] - cen[0];
                        double ey = c[1][p] - cen[1];
                        double ez = c[2][p] - cen[2];
                        double w = 1 / (ex * ex + ey * ey + ez * ez);
                        sw += w;
                        swv += w * c[3][p];
                    }
                    double p1 = swv / sw;
                    present++;
                    assertEquals(p1, m.value(2, i, j, kk), 1e-9, at);
                    assertEquals(1 - p1, m.value(1, i, j, kk), 1e-9, at);
                    if (Math.abs(p1 - 0.5) > 1e-9) {
                        assertEquals(p1 > 0.5 ? 1.0 : 0.0, m.value(0, i, j, kk), 0.0, at);
                    }
                    bifCells += m.value(0, i, j, kk) == 1 ? 1 : 0;
                }
            }
        }
        assertTrue(present > 500, "cells estimated: " + present);
        assertTrue(bifCells > 0 && bifCells < present, bifCells + " BIF cells of " + present);
    }

    /** First index of a sorted array whose value is at least v. */
    static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
