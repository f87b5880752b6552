package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model WS variogram} on the real pygslib Demo1 drillholes, against a pair-by-pair loop over the interval
 * mid-points read from the store (the reference is the definition γ = Σ(Δv)²/(2N), classes (i·w, (i+1)·w]).
 */
class ModelVariogramCliTest {
    @TempDir
    Path dir;

    @Test
    void variogramOfAuMatchesAPairByPairComputation() throws Exception {
        Path ws = dir.resolve("mine.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4527").code());
        CliTest.Result in = CliTest.ingestDemo1(ws);
        assertEquals(0, in.code(), in.err());
        CliTest.Result r = CliTest.run("model", ws.toString(), "variogram", "--table", "assays", "--column", "Au",
                "--lag", "10", "--lags", "8");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals("lag,np,dist,gamma", lines.get(0));
        assertEquals(9, lines.size());

        List<double[]> pts = new ArrayList<>();
        try (WorkspaceStore s = Workspaces.open(ws); Stream<IntervalRecord> rows = s.intervals("assays",
                Selection.all())) {
            rows.forEach(rec -> {
                Object o = rec.values().get("Au");
                if (o instanceof Number n) {
                    pts.add(new double[] {rec.position(6), rec.position(7), rec.position(8), n.doubleValue()});
                }
            });
        }
        long[] np = new long[8];
        double[] sg = new double[8];
        for (int i = 0; i < pts.size(); i++) {
            for (int j = i + 1; j < pts.size(); j++) {
                double[] a = pts.get(i);
                double[] b = pts.get(j);
                double h = Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
                int k = h == 0 ? 0 : (int) Math.ceil(h / 10) - 1;
                if (k < 8) {
                    np[k]++;
                    sg[k] += (a[3] - b[3]) * (a[3] - b[3]);
                }
            }
        }
        assertTrue(np[0] > 100, "pairs in the first class: " + np[0]);
        for (int k = 0; k < 8; k++) {
            String[] f = lines.get(k + 1).split(",");
            assertEquals(k + 1, Integer.parseInt(f[0]));
            assertEquals(np[k], Long.parseLong(f[1]), "np lag " + (k + 1));
            assertEquals(sg[k] / (2 * np[k]), Double.parseDouble(f[3]), 1e-9 * Math.abs(sg[k] / (2 * np[k])));
        }
    }

    @Test
    void unknownColumnIsBadInput() {
        Path ws = dir.resolve("mine.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4527").code());
        assertEquals(0, CliTest.ingestDemo1(ws).code());
        CliTest.Result r = CliTest.run("model", ws.toString(), "variogram", "--table", "assays", "--column", "Cu",
                "--format", "json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--column"), r.err());
    }
}
