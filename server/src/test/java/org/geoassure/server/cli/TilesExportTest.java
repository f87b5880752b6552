package org.geoassure.server.cli;

import static org.geoassure.server.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export WS tiles}: the pygslib Demo1 block model's high-grade cells as a 3D Tiles tileset (its structure is
 * checked against hand-worked values in BlockTilesTest), and the refusals.
 */
class TilesExportTest {
    @TempDir
    Path dir;

    private Path demo1() {
        Path ws = dir.resolve("blocks.gpkg");
        assertEquals(0, run("init", ws.toString(), "--crs", "EPSG:4527").code());
        CliTest.Result bm = run("ingest", ws.toString(), "blockmodel", BlockModelCliTest.DEMO1.toString(), "--name",
                "demo1", "--ijk", "IX,IY,IZ", "--size", "5,5,5", "--ignore", "XC,YC,ZC", "--type", "IJK=int32",
                "--type", "Au_OK=float32");
        assertEquals(0, bm.code(), bm.err());
        return ws;
    }

    @Test
    void highGradeCellsAsATileset() throws Exception {
        Path ws = demo1();
        Path out = dir.resolve("tiles");
        CliTest.Result r = run("export", ws.toString(), "tiles", "--model", "demo1", "--color-by", "Au_OK", "--where",
                "Au_OK > 2", "--tile-size", "16", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        // the same selection counted by the query engine
        CliTest.Result count = run("query", ws.toString(), "blocks", "--model", "demo1", "--where", "Au_OK > 2",
                "--aggregate", "count", "--format", "csv");
        String cells = count.out().strip().split("\n")[1].split(",")[0];
        assertTrue(r.out().contains(": " + cells + " cells of block model demo1"), r.out() + " / " + count.out());
        JsonNode ts = new ObjectMapper().readTree(out.resolve("tileset.json").toFile());
        assertEquals("1.1", ts.at("/asset/version").asText());
        assertEquals("Au_OK", ts.at("/asset/extras/geoassure/attribute").asText());
        assertEquals(Long.parseLong(cells), ts.at("/asset/extras/geoassure/cells").asLong());
        assertTrue(Files.isRegularFile(out.resolve(ts.at("/root/content/uri").asText())));
    }

    /**
     * {@code export gltf --boundaries}: a 4 x 3 x 2 model split into an oxide top layer and a fresh bottom layer
     * (one corner cell absent): each category's shell is closed, so the GLB holds two solids with the areas worked
     * out by hand below.
     */
    @Test
    void categoryBoundariesAsSolids() throws Exception {
        Path csv = dir.resolve("rock.csv");
        StringBuilder sb = new StringBuilder("I,J,K,ROCK\n");
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 4; i++) {
                    if (i == 3 && j == 2 && k == 1) {
                        continue;
                    }
                    sb.append(i).append(',').append(j).append(',').append(k).append(',')
                            .append(k == 1 ? "oxide" : "fresh").append('\n');
                }
            }
        }
        Files.writeString(csv, sb.toString());
        Path ws = dir.resolve("rock.gpkg");
        assertEquals(0, run("init", ws.toString(), "--crs", "EPSG:4527").code());
        CliTest.Result in = run("ingest", ws.toString(), "blockmodel", csv.toString(), "--name", "rock", "--ijk",
                "I,J,K", "--size", "10,10,5");
        assertEquals(0, in.code(), in.err());
        Path glb = dir.resolve("rock.glb");
        CliTest.Result r = run("export", ws.toString(), "gltf", "--model", "rock", "--boundaries", "ROCK", "--out",
                glb.toString());
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(glb);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        JsonNode gltf = new ObjectMapper().readTree(new String(bytes, 20, b.getInt(12),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("[[\"fresh\"],[\"oxide\"]]", gltf.at("/extras/geoassure/featureTable/rows").toString());
        // fresh: a 40 x 30 x 5 m box, 2 (1200 + 150 + 200) = 3100 m2; oxide: the same box less a corner cell, whose
        // top, bottom and two outer sides go (100 + 100 + 50 + 50) and two inner sides come (50 + 50): 2900 m2
        // FeatureMeshes writes every triangle both ways (seen from either side), hence twice the shells' area
        assertEquals(2 * (3100 + 2900), glbArea(bytes, gltf), 1e-6);
        CliTest.Result bad = run("export", ws.toString(), "gltf", "--model", "rock", "--boundaries", "I");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("is not a category attribute of block model rock"), bad.err());
    }

    /**
     * {@code export gltf --slice-z / --section}: the Demo1 model (36 x 40 x 17 cells of 5 m from the origin) cut at
     * z = 42.5 and along a diagonal line, as coloured surfaces with their sample grids in extras.
     */
    @Test
    void slicesAndSectionsAsSurfaces() throws Exception {
        Path ws = demo1();
        Path slice = dir.resolve("slice.glb");
        CliTest.Result z = run("export", ws.toString(), "gltf", "--model", "demo1", "--slice-z", "42.5", "--color-by",
                "Au_OK", "--out", slice.toString());
        assertEquals(0, z.code(), z.err());
        JsonNode g = glbJson(Files.readAllBytes(slice));
        assertEquals("[36,40]", g.at("/extras/geoassure/samples").toString());
        assertEquals(5, g.at("/extras/geoassure/legend").size());
        Path section = dir.resolve("section.glb");
        CliTest.Result x = run("export", ws.toString(), "gltf", "--model", "demo1", "--section", "0,0;180,200",
                "--step", "10", "--color-by", "Au_OK", "--out", section.toString());
        assertEquals(0, x.code(), x.err());
        // 269.07 m of line sampled every 10 m and at its end: 28 columns; 17 layers
        assertEquals("[28,17]", glbJson(Files.readAllBytes(section)).at("/extras/geoassure/samples").toString());
        CliTest.Result both = run("export", ws.toString(), "gltf", "--model", "demo1", "--slice-z", "42.5",
                "--section", "0,0;180,200", "--color-by", "Au_OK");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--slice-z and --section: one at a time"), both.err());
        CliTest.Result noColour = run("export", ws.toString(), "gltf", "--model", "demo1", "--slice-z", "42.5");
        assertEquals(2, noColour.code());
        assertTrue(noColour.err().contains("--slice-z: needs --color-by ATTR"), noColour.err());
        CliTest.Result outside = run("export", ws.toString(), "gltf", "--model", "demo1", "--slice-z", "500",
                "--color-by", "Au_OK");
        assertEquals(2, outside.code(), outside.err());
    }

    private static JsonNode glbJson(byte[] bytes) throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x46546C67, b.getInt(0));
        return new ObjectMapper().readTree(new String(bytes, 20, b.getInt(12), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void refusals() throws Exception {
        Path ws = demo1();
        Path out = dir.resolve("tiles");
        CliTest.Result noAttr = run("export", ws.toString(), "tiles", "--model", "demo1", "--out", out.toString());
        assertEquals(2, noAttr.code());
        assertTrue(noAttr.err().contains("--color-by ATTRIBUTE is needed"), noAttr.err());
        CliTest.Result badAttr = run("export", ws.toString(), "tiles", "--model", "demo1", "--color-by", "Zn", "--out",
                out.toString());
        assertEquals(2, badAttr.code());
        assertTrue(badAttr.err().contains("--color-by: 'Zn' is not an attribute of block model demo1"), badAttr.err());
        CliTest.Result noOut = run("export", ws.toString(), "tiles", "--model", "demo1", "--color-by", "Au_OK");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--out DIR is needed"), noOut.err());
        CliTest.Result none = run("export", ws.toString(), "tiles", "--model", "demo1", "--color-by", "Au_OK",
                "--where", "Au_OK > 1000", "--out", out.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no cell of block model demo1 with a value of Au_OK is selected"), none.err());
        CliTest.Result size = run("export", ws.toString(), "tiles", "--model", "demo1", "--color-by", "Au_OK",
                "--tile-size", "1", "--out", out.toString());
        assertEquals(2, size.code());
        assertTrue(size.err().contains("--tile-size: expected 2..256 cells, got 1"), size.err());
        assertFalse(Files.exists(out.resolve("tileset.json")));
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliTest.Result full = run("export", ws.toString(), "tiles", "--model", "demo1", "--color-by", "Au_OK", "--out",
                out.toString());
        assertEquals(2, full.code());
        assertTrue(full.err().contains("exists and is not an empty directory"), full.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
        assertFalse(Files.exists(out.resolve("tileset.json")));
    }

    /** Total area of a GLB's triangles (POSITION accessor 0, indices accessor 4, as GlbWriter writes them). */
    private static double glbArea(byte[] bytes, JsonNode gltf) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int bin = 20 + b.getInt(12) + 8;
        int pos = bin + gltf.at("/bufferViews/0").path("byteOffset").asInt();
        int idx = bin + gltf.at("/bufferViews/4").path("byteOffset").asInt();
        int count = gltf.at("/accessors/4/count").asInt();
        double total = 0;
        for (int t = 0; t < count; t += 3) {
            double[][] p = new double[3][3];
            for (int c = 0; c < 3; c++) {
                int v = b.getInt(idx + 4 * (t + c));
                for (int k = 0; k < 3; k++) {
                    p[c][k] = b.getFloat(pos + 12 * v + 4 * k);
                }
            }
            double[] u = {p[1][0] - p[0][0], p[1][1] - p[0][1], p[1][2] - p[0][2]};
            double[] w = {p[2][0] - p[0][0], p[2][1] - p[0][1], p[2][2] - p[0][2]};
            double x = u[1] * w[2] - u[2] * w[1];
            double y = u[2] * w[0] - u[0] * w[2];
            double z = u[0] * w[1] - u[1] * w[0];
            total += Math.sqrt(x * x + y * y + z * z) / 2;
        }
        return total;
    }
}
