package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest WS blockmodel}, {@code export WS blocks} and {@code query WS blocks} end to end on the pygslib Demo1
 * model (ingest/src/test/resources/blockmodels/SOURCES.md): its published figures, and aggregates checked against
 * sums over the CSV rows themselves.
 */
class BlockModelCliTest {
    static final Path DEMO1 = Path.of("../ingest/src/test/resources/blockmodels/pygslib_demo1_bmodel.csv");

    @TempDir
    Path dir;

    Path ws;

    @BeforeEach
    void workspace() {
        ws = dir.resolve("mine.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4527").code());
    }

    private CliTest.Result ingestDemo1() {
        return CliTest.run("ingest", ws.toString(), "blockmodel", DEMO1.toString(), "--name", "demo1", "--ijk",
                "IX,IY,IZ", "--size", "5,5,5", "--ignore", "XC,YC,ZC", "--type", "IJK=int32", "--type", "Au_OK=float32",
                "--comment", "pygslib Demo1");
    }

    /** Rows of the CSV as numbers (empty = NaN), without the header. */
    private static List<double[]> demo1Rows() throws IOException {
        List<double[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(DEMO1);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            double[] v = new double[f.length];
            for (int c = 0; c < f.length; c++) {
                v[c] = f[c].isEmpty() ? Double.NaN : Double.parseDouble(f[c]);
            }
            out.add(v);
        }
        return out;
    }

    @Test
    void demo1PublishedFiguresThroughTheCli() {
        CliTest.Result in = ingestDemo1();
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("block model demo1 version 1: 36 x 40 x 17 cells of 5 x 5 x 5 m, 5572 stored in "
                + "4 bricks; 7 attributes"), in.out());
        CliTest.Result info = CliTest.run("info", ws.toString());
        assertTrue(info.out().contains("block model    demo1        v1: 36 x 40 x 17 cells of 5 x 5 x 5 m, 5572 stored, "
                + "7 attributes"), info.out());
        assertEquals(0, CliTest.run("check", ws.toString()).code());
        CliTest.Result q = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--aggregate",
                "count,mean:Au_OK,min:Au_OK,max:Au_OK", "--format", "json");
        assertEquals(0, q.code(), q.err());
        JsonNode row = json(q.out()).get(0);
        // published: 5 572 blocks; Au_OK mean of estimated blocks 1.1693 (min 0.0755, max 7.5248)
        assertEquals(5572, row.get("count").asLong());
        assertEquals(1.1693, row.get("mean_Au_OK").asDouble(), 5e-5);
        assertEquals(0.0755, row.get("min_Au_OK").asDouble(), 5e-5);
        assertEquals(7.5248, row.get("max_Au_OK").asDouble(), 5e-5);
        // published: 64 blocks without estimates
        CliTest.Result nulls = CliTest.run("export", ws.toString(), "blocks", "--model", "demo1", "--where",
                "Au_OK is null");
        assertEquals(0, nulls.code(), nulls.err());
        assertEquals(1 + 64, nulls.lines().size());
        assertEquals("i,j,k,x,y,z,IJK,__in,Au_OK,Au_ID2,Au_NN,Au_Lagrange,Au_KVar", nulls.lines().get(0));
        // the CSV's row 7210,10,0,5,52.5,2.5,27.5,0.5,,,,,
        assertEquals("10,0,5,52.5,2.5,27.5,7210,0.5,,,,,", nulls.lines().get(1));
    }

    @Test
    void volumeTonnageAndGradeTonnageMatchTheCsvRows() throws IOException {
        assertEquals(0, ingestDemo1().code());
        // box x 0..60, y 0..100, z 25..50: centroids inside; Au_OK >= 0.5 and the partial __in
        double vol = 0;
        long count = 0;
        double[] cuts = {0.5, 1, 1.5};
        double[] ton = new double[3];
        double[] metal = new double[3];
        for (double[] r : demo1Rows()) {
            boolean inBox = r[4] <= 60 && r[5] <= 100 && r[6] >= 25 && r[6] <= 50;
            if (inBox && r[8] >= 0.5) {
                count++;
                vol += 125 * r[7];
            }
            for (int c = 0; c < 3; c++) {
                double au = (float) r[8];
                if (inBox && au >= cuts[c]) {
                    ton[c] += 125 * r[7] * 2.7;
                    metal[c] += 125 * r[7] * 2.7 * au;
                }
            }
        }
        CliTest.Result q = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--box", "0,0,25,60,100,50",
                "--where", "Au_OK >= 0.5", "--aggregate", "count,volume,tonnage", "--partial", "__in", "--density", "2.7");
        assertEquals(0, q.code(), q.err());
        String[] v = q.lines().get(1).split(",");
        assertEquals("count,volume,tonnage,bricks_scanned,bricks_skipped", q.lines().get(0));
        assertEquals(count, Long.parseLong(v[0]));
        assertEquals(vol, Double.parseDouble(v[1]), 1e-9 * vol);
        assertEquals(vol * 2.7, Double.parseDouble(v[2]), 1e-9 * vol);
        CliTest.Result gt = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--box", "0,0,25,60,100,50",
                "--grade-tonnage", "Au_OK:0.5..1.5/0.5", "--partial", "__in", "--density", "2.7");
        assertEquals(0, gt.code(), gt.err());
        assertEquals("cutoff,cells,volume,tonnage,mean_grade,metal", gt.lines().get(0));
        for (int c = 0; c < 3; c++) {
            String[] f = gt.lines().get(1 + c).split(",");
            assertEquals(cuts[c], Double.parseDouble(f[0]));
            assertEquals(ton[c], Double.parseDouble(f[3]), 1e-9 * ton[c]);
            assertEquals(metal[c], Double.parseDouble(f[5]), 1e-9 * metal[c]);
            assertEquals(metal[c] / ton[c], Double.parseDouble(f[4]), 1e-9);
        }
    }

    @Test
    void explainReportsBricksSkipped() {
        assertEquals(0, ingestDemo1().code());
        CliTest.Result e = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--box", "0,0,0,100,100,100",
                "--explain");
        assertEquals(0, e.code(), e.err());
        // 36 x 40 cells: bricks (0,0), (1,0), (0,1), (1,1); the box reaches cells i, j 0..19 only
        assertTrue(e.out().contains("bricks: 4 stored, 3 skipped by the box, 0 skipped by statistics, 1 scanned"),
                e.out());
    }

    @Test
    void badFileWritesNothingAndSaysWhere() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "IX,IY,IZ,au\n0,0,0,1\n1,0,x,2\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "blockmodel", bad.toString(), "--name", "bad", "--ijk",
                "IX,IY,IZ", "--size", "5,5,5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ":3: IZ: 'x' is not a number"), r.err());
        CliTest.Result q = CliTest.run("query", ws.toString(), "blocks", "--model", "bad", "--aggregate", "count");
        assertEquals(2, q.code());
        assertTrue(q.err().contains("no block model 'bad' in this workspace (models: [])"), q.err());
    }

    @Test
    void reingestMakesVersionTwoAndVersionOneStaysQueryable() {
        assertEquals(0, ingestDemo1().code());
        CliTest.Result again = CliTest.run("ingest", ws.toString(), "blockmodel", DEMO1.toString(), "--name", "demo1",
                "--ijk", "IX,IY,IZ", "--size", "5,5,5", "--attributes", "__in");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("version 2"), again.out());
        CliTest.Result v1 = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--model-version", "1",
                "--aggregate", "mean:Au_OK");
        assertEquals(0, v1.code(), v1.err());
        CliTest.Result v2 = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--aggregate", "mean:Au_OK");
        assertEquals(2, v2.code());
        assertTrue(v2.err().contains("has no attribute 'Au_OK' (attributes: [__in])"), v2.err());
    }

    @Test
    void rotatedModelByCentroidsRoundTripsThroughJson() throws IOException {
        // 30° rotation about the origin (1000, 2000, 100); 10 x 10 x 5 m cells; centroids written in world coordinates
        double r = Math.toRadians(30);
        StringBuilder csv = new StringBuilder("XC,YC,ZC,rock,cu\n");
        int[][] cells = {{0, 0, 0}, {3, 1, 2}, {7, 4, 1}};
        String[] rock = {"oxide", "fresh", "oxide"};
        for (int n = 0; n < cells.length; n++) {
            double u = (cells[n][0] + 0.5) * 10;
            double v = (cells[n][1] + 0.5) * 10;
            csv.append(1000 + Math.cos(r) * u - Math.sin(r) * v).append(',').append(2000 + Math.sin(r) * u
                    + Math.cos(r) * v).append(',').append(100 + (cells[n][2] + 0.5) * 5).append(',').append(rock[n])
                    .append(',').append(n == 1 ? "" : Double.toString(0.25 * (n + 1))).append('\n');
        }
        Path f = dir.resolve("rotated.csv");
        Files.writeString(f, csv);
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "blockmodel", f.toString(), "--name", "rot", "--xyz",
                "XC,YC,ZC", "--size", "10,10,5", "--origin", "1000,2000,100", "--rotation", "30");
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("8 x 5 x 3 cells of 10 x 10 x 5 m, 3 stored"), in.out());
        // a box around the second cell's centroid only
        double u = 35;
        double v = 15;
        double x = 1000 + Math.cos(r) * u - Math.sin(r) * v;
        double y = 2000 + Math.sin(r) * u + Math.cos(r) * v;
        CliTest.Result out = CliTest.run("export", ws.toString(), "blocks", "--model", "rot", "--box", (x - 1) + ","
                + (y - 1) + ",0," + (x + 1) + "," + (y + 1) + ",200", "--format", "json");
        assertEquals(0, out.code(), out.err());
        JsonNode rows = json(out.out());
        assertEquals(1, rows.size());
        JsonNode c = rows.get(0);
        assertEquals(List.of(3, 1, 2), List.of(c.get("i").asInt(), c.get("j").asInt(), c.get("k").asInt()));
        assertEquals(x, c.get("x").asDouble(), 1e-9);
        assertEquals(y, c.get("y").asDouble(), 1e-9);
        assertEquals(112.5, c.get("z").asDouble(), 0);
        assertEquals("fresh", c.get("rock").asText());
        assertTrue(c.get("cu").isNull());
        CliTest.Result oxide = CliTest.run("query", ws.toString(), "blocks", "--model", "rot", "--where",
                "rock = 'oxide'", "--aggregate", "count,volume,mean:cu");
        assertEquals(0, oxide.code(), oxide.err());
        // cells 1 and 3: 2 × 500 m³, cu 0.25 and 0.75; one brick, scanned
        assertEquals(List.of("count,volume,mean_cu,bricks_scanned,bricks_skipped", "2,1000,0.5,1,0"), oxide.lines());
    }

    /** A GOCAD TSurf of one feature: VRTX lines from xyz, TRGL lines from the (1-based) triangles. */
    private static String tsurf(String name, double[] xyz, int[] tri) {
        StringBuilder b = new StringBuilder("GOCAD TSurf 1\nHEADER {\nname:" + name + "\n}\nTFACE\n");
        for (int v = 0; v < xyz.length / 3; v++) {
            b.append("VRTX ").append(v + 1).append(' ').append(xyz[3 * v]).append(' ').append(xyz[3 * v + 1]).append(' ')
                    .append(xyz[3 * v + 2]).append('\n');
        }
        for (int t = 0; t < tri.length; t += 3) {
            b.append("TRGL ").append(tri[t]).append(' ').append(tri[t + 1]).append(' ').append(tri[t + 2]).append('\n');
        }
        return b.append("END\n").toString();
    }

    /** The 12 triangles of a box's six faces (1-based corners: bit 0 = x, bit 1 = y, bit 2 = z). */
    private static String boxTsurf(String name, double x0, double y0, double z0, double x1, double y1, double z1) {
        double[] xyz = new double[24];
        for (int c = 0; c < 8; c++) {
            xyz[3 * c] = (c & 1) == 0 ? x0 : x1;
            xyz[3 * c + 1] = (c & 2) == 0 ? y0 : y1;
            xyz[3 * c + 2] = (c & 4) == 0 ? z0 : z1;
        }
        int[] tri = {1, 3, 4, 1, 4, 2, 5, 6, 8, 5, 8, 7, 1, 2, 6, 1, 6, 5, 3, 7, 8, 3, 8, 4, 1, 5, 7, 1, 7, 3, 2, 4, 8, 2,
            8, 6};
        return tsurf(name, xyz, tri);
    }

    /**
     * Selections by feature: cells inside a closed GOCAD solid, above and below a surface, and near a point, counted
     * against the CSV's own centroid columns (XC, YC, ZC); a missing feature and an open mesh exit 2 naming them.
     */
    @Test
    void cellsInsideAboveAndNearFeaturesMatchTheCsvCentroids() throws Exception {
        assertEquals(0, ingestDemo1().code());
        Path solid = dir.resolve("stope.ts");
        Files.writeString(solid, boxTsurf("stope", 22, 31, 12, 101, 143, 61));
        Path plane = dir.resolve("contact.ts");
        // an inclined plane z = 20.3 + 0.2 x over the whole model (no centroid, at x and z = 2.5 + 5n, lies on it)
        Files.writeString(plane, tsurf("contact", new double[] {-10, -10, 18.3, 200, -10, 60.3, 200, 210, 60.3, -10, 210,
            18.3},
                new int[] {1, 2, 3, 1, 3, 4}));
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "features", solid.toString(), plane.toString(),
                "--layer", "design");
        assertEquals(0, in.code(), in.err());
        long inside = 0;
        long above = 0;
        long near = 0;
        for (double[] r : demo1Rows()) {
            double x = r[4];
            double y = r[5];
            double z = r[6];
            inside += x > 22 && x < 101 && y > 31 && y < 143 && z > 12 && z < 61 ? 1 : 0;
            above += z > 20.3 + 0.2 * x ? 1 : 0;
            near += Math.sqrt((x - 90) * (x - 90) + (y - 100) * (y - 100) + (z - 40) * (z - 40)) <= 30 ? 1 : 0;
        }
        assertEquals(inside, count("--inside", "design:stope"));
        assertEquals(above, count("--above", "design:contact"));
        assertEquals(5572 - above, count("--below", "design:contact"), "every cell is above or below");
        assertEquals(near, count("--near", "90,100,40", "--within", "30"));
        assertTrue(inside > 500 && above > 500 && near > 100, inside + " " + above + " " + near);

        CliTest.Result missing = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--inside",
                "design:pit", "--aggregate", "count");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--inside: no feature 'pit' in layer 'design'"), missing.err());
        CliTest.Result open = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--inside",
                "design:contact", "--aggregate", "count");
        assertEquals(2, open.code());
        assertTrue(open.err().contains("the mesh is not closed"), open.err());
    }

    /**
     * Histogram, horizontal slice and vertical section of Au_OK, checked against the CSV rows: bin counts summed from
     * the file, and the first two rows of the file (IX 0 and 1, IY 0, IZ 5: Au_OK 0.9261825 and 0.8131622) found at
     * their places in the slice at z = 27.6 and in the section along y = 2.5.
     */
    @Test
    void histogramSliceAndSectionOfDemo1() throws Exception {
        assertEquals(0, ingestDemo1().code());
        CliTest.Result h = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--histogram",
                "Au_OK:0..3/1", "--format", "json");
        assertEquals(0, h.code(), h.err());
        long[] brute = new long[5];
        long nulls = 0;
        for (double[] r : demo1Rows()) {
            double v = r[8];
            if (Double.isNaN(v)) {
                nulls++;
                continue;
            }
            brute[v < 0 ? 0 : v < 1 ? 1 : v < 2 ? 2 : v < 3 ? 3 : 4]++;
        }
        JsonNode bins = json(h.out());
        assertEquals(5, bins.size());
        for (int b = 0; b < 5; b++) {
            assertEquals(brute[b], bins.get(b).get("cells").asLong(), "bin " + b);
            assertEquals(brute[b] * 125.0, bins.get(b).get("volume").asDouble(), 1e-9);
        }
        assertTrue(bins.get(0).get("from").isNull() && bins.get(4).get("to").isNull(), h.out());
        assertEquals(64, nulls, "the published 64 blocks without estimates are not in any bin");

        CliTest.Result z = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--slice-z", "27.6",
                "--attribute", "Au_OK", "--format", "json");
        assertEquals(0, z.code(), z.err());
        JsonNode cells = json(z.out());
        assertEquals(36 * 40, cells.size());
        JsonNode first = cells.get(0);
        assertEquals(List.of(0L, 0L, 2.5, 2.5, 27.5), List.of(first.get("column").asLong(), first.get("row").asLong(),
                first.get("x").asDouble(), first.get("y").asDouble(), first.get("z").asDouble()));
        assertEquals(0.9261825, first.get("Au_OK").asDouble(), 1e-7);

        CliTest.Result sec = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--section",
                "2.5,2.5;177.5,2.5", "--attribute", "Au_OK", "--format", "json");
        assertEquals(0, sec.code(), sec.err());
        JsonNode samples = json(sec.out());
        assertEquals(36 * 17, samples.size(), "every 5 m (the cell size) along 175 m, 17 layers");
        JsonNode s = samples.get(5 * 36 + 1);
        assertEquals(List.of(1L, 5L, 5.0, 7.5, 27.5), List.of(s.get("column").asLong(), s.get("row").asLong(),
                s.get("along").asDouble(), s.get("x").asDouble(), s.get("z").asDouble()));
        assertEquals(0.8131622, s.get("Au_OK").asDouble(), 1e-7);

        CliTest.Result noAttr = CliTest.run("query", ws.toString(), "blocks", "--model", "demo1", "--slice-z", "27.6");
        assertEquals(2, noAttr.code());
        assertTrue(noAttr.err().contains("--slice-z: needs --attribute ATTR"), noAttr.err());
    }

    /**
     * {@code blocks_demo1} in SQL: a filtered count and mean against the CSV rows, the distance pushdown against the
     * CSV centroids, and one cell's row read back whole.
     */
    @Test
    void blocksTableInSqlAgreesWithTheCsv() throws Exception {
        assertEquals(0, ingestDemo1().code());
        long n = 0;
        double sum = 0;
        long near = 0;
        for (double[] r : demo1Rows()) {
            if (r[8] >= 0.5) {
                n++;
                sum += (double) (float) r[8];
            }
            double dx = r[4] - 90;
            double dy = r[5] - 100;
            double dz = r[6] - 40;
            near += Math.sqrt(dx * dx + dy * dy + dz * dz) <= 30 ? 1 : 0;
        }
        CliTest.Result q = CliTest.run("query", ws.toString(), "--sql", "SELECT count(*) AS n, avg(Au_OK) AS m FROM "
                + "blocks_demo1 WHERE Au_OK >= 0.5", "--format", "json");
        assertEquals(0, q.code(), q.err());
        JsonNode row = json(q.out()).get(0);
        assertEquals(n, row.get("n").asLong(), q.out());
        assertEquals(sum / n, row.get("m").asDouble(), 1e-6);
        CliTest.Result d = CliTest.run("query", ws.toString(), "--sql", "SELECT count(*) AS n FROM blocks_demo1 WHERE "
                + "ST_3DDWithin(geom, ST_MakePoint(90, 100, 40), 30)", "--format", "json");
        assertEquals(0, d.code(), d.err());
        assertEquals(near, json(d.out()).get(0).get("n").asLong());
        CliTest.Result one = CliTest.run("query", ws.toString(), "--sql", "SELECT i, j, k, x, y, z, Au_OK FROM "
                + "blocks_demo1 WHERE i = 0 AND j = 0 AND k = 5", "--format", "csv");
        assertEquals(0, one.code(), one.err());
        assertEquals("0,0,5,2.5,2.5,27.5,0.9261825", one.lines().get(1), "the file's first row (IX 0, IY 0, IZ 5)");
    }

    private long count(String... selection) {
        List<String> args = new ArrayList<>(List.of("query", ws.toString(), "blocks", "--model", "demo1", "--aggregate",
                "count", "--format", "json"));
        args.addAll(List.of(selection));
        CliTest.Result q = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, q.code(), String.join(" ", selection) + ": " + q.err());
        return json(q.out()).get(0).get("count").asLong();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
