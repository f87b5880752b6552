package org.geoassure.render.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.geoassure.geodb.grid.BlockModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block-model tileset against what can be worked out by hand: the faces drawn at every level of a solid,
 * rotated box model enclose exactly the box (area 2(ab + bc + ca)); geometric errors shrink towards the leaves and
 * are 0 there; every child's box is inside its parent's and every tile's triangles inside its box; a tile whose
 * cells are all hidden by neighbours has no content; and the Khronos glTF-Validator accepts the tiles' GLBs.
 */
class BlockTilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 40 x 30 x 20 cells of 10 x 5 x 2 m, rotated 30 degrees, at a Gauss-Kruger-sized origin. */
    private static final BlockModel BOX = new BlockModel("box", 41_585_000.5, 4_712_000.25, -400, 30, 10, 5, 2, 40, 30,
            20, List.of());

    @TempDir
    Path dir;

    private static float[] gradient(BlockModel m) {
        float[] v = new float[(int) m.gridCells()];
        for (int k = 0; k < m.nz(); k++) {
            for (int j = 0; j < m.ny(); j++) {
                for (int i = 0; i < m.nx(); i++) {
                    v[i + m.nx() * (j + m.ny() * k)] = i;
                }
            }
        }
        return v;
    }

    private static BlockTiles.Options options(int tile) {
        return new BlockTiles.Options(tile, v -> 0x336699FF, false, false);
    }

    private static BlockTiles.Options quantized(int tile) {
        return new BlockTiles.Options(tile, v -> 0x336699FF, false, true);
    }

    /** The tiles of the tree, depth first, with their level. */
    private static void collect(JsonNode tile, int level, List<JsonNode> out, List<Integer> levels) {
        out.add(tile);
        levels.add(level);
        for (JsonNode c : tile.path("children")) {
            collect(c, level + 1, out, levels);
        }
    }

    @Test
    void everyLevelEnclosesTheSolidBoxExactly() throws Exception {
        BlockTiles.Summary s = BlockTiles.write(BOX, gradient(BOX), options(8), "EPSG:4529", Map.of(), dir);
        assertEquals(3, s.depth(), "40 cells in tiles of 8: 8, 16, 32, 64 cells per tile at levels 3, 2, 1, 0");
        JsonNode ts = JSON.readTree(dir.resolve("tileset.json").toFile());
        assertEquals("1.1", ts.at("/asset/version").asText());
        assertEquals("EPSG:4529", ts.at("/asset/extras/geoassure/crs").asText());
        JsonNode transform = ts.at("/root/transform");
        assertEquals(16, transform.size());
        List<JsonNode> tiles = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        collect(ts.get("root"), 0, tiles, levels);
        assertEquals(s.tiles(), tiles.size());
        double expected = 2 * (400.0 * 150 + 150.0 * 40 + 40.0 * 400); // 40 x 10 m, 30 x 5 m, 20 x 2 m
        double[] area = new double[s.depth() + 1];
        for (int t = 0; t < tiles.size(); t++) {
            JsonNode tile = tiles.get(t);
            double ge = tile.get("geometricError").asDouble();
            assertEquals((Math.pow(2, s.depth() - levels.get(t)) - 1) * 10, ge, 1e-9, "geometric error");
            for (JsonNode c : tile.path("children")) {
                assertTrue(c.get("geometricError").asDouble() < ge);
                assertInside(box(c), box(tile), "child box inside its parent");
            }
            if (tile.has("content")) {
                area[levels.get(t)] += area(dir.resolve(tile.at("/content/uri").asText()), box(tile));
            }
        }
        for (int l = 0; l <= s.depth(); l++) {
            assertEquals(expected, area[l], 1e-6 * expected, "faces of level " + l);
        }
        assertTrue(ts.get("geometricError").asDouble() > ts.at("/root/geometricError").asDouble());
    }

    /**
     * Quantised tiles (16-bit positions over each tile's box) hold the same faces: every level still encloses the box,
     * within the quantisation (a vertex moves at most half a step, 1/65534 of its tile's extent per axis), and the
     * files are smaller.
     */
    @Test
    void quantisedTilesEncloseTheBoxToTheirPrecision() throws Exception {
        Path plain = dir.resolve("plain");
        Path small = dir.resolve("small");
        BlockTiles.Summary a = BlockTiles.write(BOX, gradient(BOX), options(8), "EPSG:4529", Map.of(), plain);
        BlockTiles.Summary q = BlockTiles.write(BOX, gradient(BOX), quantized(8), "EPSG:4529", Map.of(), small);
        assertEquals(a.triangles(), q.triangles());
        assertTrue(q.bytes() < 0.75 * a.bytes(), q.bytes() + " against " + a.bytes()); // vertices 20 bytes, not 32
        JsonNode ts = JSON.readTree(small.resolve("tileset.json").toFile());
        List<JsonNode> tiles = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        collect(ts.get("root"), 0, tiles, levels);
        double expected = 2 * (400.0 * 150 + 150.0 * 40 + 40.0 * 400);
        double[] area = new double[q.depth() + 1];
        for (int t = 0; t < tiles.size(); t++) {
            if (tiles.get(t).has("content")) {
                area[levels.get(t)] += area(small.resolve(tiles.get(t).at("/content/uri").asText()), box(tiles.get(t)));
            }
        }
        for (int l = 0; l <= q.depth(); l++) {
            assertEquals(expected, area[l], 1e-4 * expected, "faces of level " + l);
        }
    }

    @Test
    void hiddenCellsDrawNothingAndHolesShow() throws Exception {
        // a solid 48^3 cube with a 2 x 2 x 2-cell hole at its centre, tiles of 8 (6 per axis): of the 4^3 leaf tiles
        // that do not touch the outside, the 8 around the hole draw its 6 x 4 inner faces and the other 56 nothing
        BlockModel m = new BlockModel("cube", 0, 0, 0, 0, 1, 1, 1, 48, 48, 48, List.of());
        float[] v = new float[48 * 48 * 48];
        Arrays.fill(v, 1f);
        for (int k = 23; k < 25; k++) {
            for (int j = 23; j < 25; j++) {
                for (int i = 23; i < 25; i++) {
                    v[i + 48 * (j + 48 * k)] = Float.NaN;
                }
            }
        }
        BlockTiles.Summary s = BlockTiles.write(m, v, options(8), "EPSG:4529", Map.of(), dir);
        JsonNode ts = JSON.readTree(dir.resolve("tileset.json").toFile());
        List<JsonNode> tiles = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        collect(ts.get("root"), 0, tiles, levels);
        int leaves = 0;
        int empty = 0;
        double leafArea = 0;
        for (int t = 0; t < tiles.size(); t++) {
            if (levels.get(t) == s.depth()) {
                leaves++;
                if (tiles.get(t).has("content")) {
                    leafArea += area(dir.resolve(tiles.get(t).at("/content/uri").asText()), box(tiles.get(t)));
                } else {
                    empty++;
                }
            }
        }
        assertEquals(216, leaves);
        assertEquals(56, empty, "the tiles inside, touching neither the outside nor the hole");
        assertEquals(6 * 48 * 48 + 6 * 4, leafArea, 1e-6);
    }

    @Test
    void nothingShownIsRefused() {
        BlockModel m = new BlockModel("none", 0, 0, 0, 0, 1, 1, 1, 4, 4, 4, List.of());
        float[] v = new float[64];
        Arrays.fill(v, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlockTiles.write(m, v, options(8), "EPSG:4529", Map.of(), dir));
        assertTrue(e.getMessage().contains("no cell of block model none is shown"), e.getMessage());
    }

    @Test
    void khronosValidatorAcceptsATile() throws Exception {
        Path tool = Path.of("..", "tools", "gltf-validate");
        if (!Files.isDirectory(tool.resolve("node_modules").resolve("gltf-validator"))) {
            String missing = "the Khronos glTF-Validator is not installed: run `npm ci` in tools/gltf-validate (needs node)";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        BlockTiles.write(BOX, gradient(BOX), quantized(16), "EPSG:4529", Map.of(), dir);
        Path glb = dir.resolve("tiles/0/0_0_0.glb");
        Process p = new ProcessBuilder("node", tool.resolve("validate.js").toString(), glb.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        JsonNode report = JSON.readTree(out);
        assertEquals(0, report.at("/issues/numErrors").asInt(), report.at("/issues/messages").toPrettyString());
        assertEquals(0, report.at("/issues/numWarnings").asInt(), report.at("/issues/messages").toPrettyString());
    }

    /** An oriented box: centre and three half axes. */
    private static double[] box(JsonNode tile) {
        JsonNode b = tile.at("/boundingVolume/box");
        assertEquals(12, b.size());
        double[] out = new double[12];
        for (int i = 0; i < 12; i++) {
            out[i] = b.get(i).asDouble();
        }
        return out;
    }

    private static void assertInside(double[] inner, double[] outer, String what) {
        for (int c = 0; c < 8; c++) {
            double[] p = new double[3];
            for (int k = 0; k < 3; k++) {
                p[k] = inner[k];
                for (int a = 0; a < 3; a++) {
                    p[k] += ((c >> a & 1) == 0 ? -1 : 1) * inner[3 + 3 * a + k];
                }
            }
            assertTrue(inOrientedBox(p, outer, 1e-6), what + ": " + Arrays.toString(p));
        }
    }

    private static boolean inOrientedBox(double[] p, double[] box, double tol) {
        for (int a = 0; a < 3; a++) {
            double[] h = {box[3 + 3 * a], box[4 + 3 * a], box[5 + 3 * a]};
            double len2 = h[0] * h[0] + h[1] * h[1] + h[2] * h[2];
            double t = ((p[0] - box[0]) * h[0] + (p[1] - box[1]) * h[1] + (p[2] - box[2]) * h[2]) / len2;
            if (Math.abs(t) > 1 + tol) {
                return false;
            }
        }
        return true;
    }

    /**
     * The area of the triangles of a GLB tile (its positions back from glTF's y-up into east, north, up), checking
     * every vertex lies in the tile's box.
     */
    private static double area(Path glb, double[] box) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(glb)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x46546C67, b.getInt(0));
        int jsonLength = b.getInt(12);
        JsonNode gltf = JSON.readTree(new String(b.array(), 20, jsonLength, StandardCharsets.UTF_8));
        int bin = 20 + jsonLength + 8;
        JsonNode prim = gltf.at("/meshes/0/primitives/0");
        JsonNode pos = gltf.get("accessors").get(prim.at("/attributes/POSITION").asInt());
        JsonNode idx = gltf.get("accessors").get(prim.get("indices").asInt());
        int posOffset = bin + gltf.get("bufferViews").get(pos.get("bufferView").asInt()).path("byteOffset").asInt();
        int idxOffset = bin + gltf.get("bufferViews").get(idx.get("bufferView").asInt()).path("byteOffset").asInt();
        int n = pos.get("count").asInt();
        boolean shorts = pos.get("componentType").asInt() == 5122; // KHR_mesh_quantization
        JsonNode node = gltf.at("/nodes/0");
        double[] tr = {0, 0, 0};
        double[] sc = {1, 1, 1};
        for (int k = 0; k < 3 && shorts; k++) {
            tr[k] = node.at("/translation/" + k).asDouble();
            sc[k] = node.at("/scale/" + k).asDouble();
        }
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double x = shorts ? b.getShort(posOffset + 8 * i) * sc[0] + tr[0] : b.getFloat(posOffset + 12 * i);
            double up = shorts ? b.getShort(posOffset + 8 * i + 2) * sc[1] + tr[1] : b.getFloat(posOffset + 12 * i + 4);
            double south = shorts ? b.getShort(posOffset + 8 * i + 4) * sc[2] + tr[2]
                    : b.getFloat(posOffset + 12 * i + 8);
            xyz[3 * i] = x;
            xyz[3 * i + 1] = -south;
            xyz[3 * i + 2] = up;
            assertTrue(inOrientedBox(new double[] {x, -south, up}, box, shorts ? 1e-3 : 1e-4),
                    "vertex in its tile's box");
        }
        double total = 0;
        int count = idx.get("count").asInt();
        assertFalse(count == 0);
        for (int t = 0; t < count; t += 3) {
            int a = b.getInt(idxOffset + 4 * t);
            int c = b.getInt(idxOffset + 4 * t + 4);
            int d = b.getInt(idxOffset + 4 * t + 8);
            double[] u = new double[3];
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                u[k] = xyz[3 * c + k] - xyz[3 * a + k];
                v[k] = xyz[3 * d + k] - xyz[3 * a + k];
            }
            double cx = u[1] * v[2] - u[2] * v[1];
            double cy = u[2] * v[0] - u[0] * v[2];
            double cz = u[0] * v[1] - u[1] * v[0];
            total += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
        }
        return total;
    }
}
