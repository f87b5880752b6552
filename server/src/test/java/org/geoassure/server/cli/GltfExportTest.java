package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code geoassure export WS gltf} on the real pygslib Demo1 drillholes (samples/data/SOURCES.md): one feature per
 * interval, the feature table and legend in the extras, and bad options refused with nothing written.
 */
class GltfExportTest {
    @TempDir
    Path dir;

    @Test
    void demo1AssaysAsTubesColouredByGold() throws IOException {
        Path ws = dir.resolve("demo1.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4547").code());
        assertEquals(0, CliTest.ingestDemo1(ws).code());
        Path glb = dir.resolve("assays.glb");
        CliTest.Result r = CliTest.run("export", ws.toString(), "gltf", "--table", "assays", "--color-by", "Au",
                "--radius", "0.5", "--out", glb.toString());
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(glb);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x46546C67, b.getInt(0));
        JsonNode gltf = new ObjectMapper().readTree(new String(bytes, 20, b.getInt(12), StandardCharsets.UTF_8));
        // 1882 assay intervals in pygslib_demo1_assay.csv, none of zero length
        JsonNode table = gltf.at("/extras/geoassure/featureTable");
        assertEquals(1882, table.get("rows").size());
        assertEquals(1882, gltf.at("/meshes/0/primitives/0/extensions/EXT_mesh_features/featureIds/0/featureCount").asInt());
        assertEquals(List.of("hole_id", "depth_from", "depth_to", "Au"),
                new ObjectMapper().convertValue(table.get("columns"), List.class));
        assertEquals("EPSG:4547", gltf.at("/extras/geoassure/crs").asText());
        assertEquals(5, gltf.at("/extras/geoassure/legend").size(), "a five-stop ramp for a numeric column");
        // 9.559306666 g/t (hole 16, 36-37 m) is the highest Au: the top of the ramp
        assertEquals(9.559306666, gltf.at("/extras/geoassure/legend/4/value").asDouble(), 1e-9);
    }

    /**
     * The isosurface Au_OK = 2 g/t of the Demo1 block model (5 m cells from 0,0,0; 36 x 40 x 17): a closed body
     * placed inside the model's box (origin + accessor bounds, y-up axes), its parameters in the extras; a category or
     * a level no cell reaches exits 2 and writes nothing.
     */
    @Test
    void isosurfaceOfABlockModelAttribute() throws IOException {
        Path ws = dir.resolve("bm.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4547").code());
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "blockmodel", BlockModelCliTest.DEMO1.toString(),
                "--name", "demo1", "--ijk", "IX,IY,IZ", "--size", "5,5,5", "--ignore", "XC,YC,ZC", "--type",
                "IJK=int32", "--type", "Au_OK=float32");
        assertEquals(0, in.code(), in.err());
        Path glb = dir.resolve("au2.glb");
        CliTest.Result r = CliTest.run("export", ws.toString(), "gltf", "--model", "demo1", "--isosurface", "Au_OK:2",
                "--out", glb.toString());
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(glb);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x46546C67, b.getInt(0));
        JsonNode gltf = new ObjectMapper().readTree(new String(bytes, 20, b.getInt(12), StandardCharsets.UTF_8));
        JsonNode geo = gltf.at("/extras/geoassure");
        assertEquals("demo1", geo.get("model").asText());
        assertEquals(2.0, geo.get("level").asDouble());
        assertTrue(geo.get("triangles").asInt() > 100, geo.toString());
        JsonNode pos = gltf.at("/accessors/" + gltf.at("/meshes/0/primitives/0/attributes/POSITION").asInt());
        double[] o = {geo.at("/origin/0").asDouble(), geo.at("/origin/1").asDouble(), geo.at("/origin/2").asDouble()};
        // glTF (x, y, z) = (east, up, -north)
        double minE = o[0] + pos.at("/min/0").asDouble();
        double maxE = o[0] + pos.at("/max/0").asDouble();
        double minN = o[1] - pos.at("/max/2").asDouble();
        double maxN = o[1] - pos.at("/min/2").asDouble();
        double minU = o[2] + pos.at("/min/1").asDouble();
        double maxU = o[2] + pos.at("/max/1").asDouble();
        assertTrue(minE >= 2.5 - 1e-3 && maxE <= 177.5 + 1e-3 && minN >= 2.5 - 1e-3 && maxN <= 197.5 + 1e-3
                && minU >= 2.5 - 1e-3 && maxU <= 82.5 + 1e-3, minE + " " + maxE + " " + minN + " " + maxN + " " + minU
                + " " + maxU);
        Path none = dir.resolve("none.glb");
        CliTest.Result high = CliTest.run("export", ws.toString(), "gltf", "--model", "demo1", "--isosurface",
                "Au_OK:1000", "--out", none.toString());
        assertEquals(2, high.code());
        assertTrue(high.err().contains("no cell of block model demo1 has Au_OK above 1000.0"), high.err());
        assertFalse(Files.exists(none));
    }

    @Test
    void badOptionsWriteNothing() {
        Path ws = dir.resolve("demo1.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4547").code());
        assertEquals(0, CliTest.ingestDemo1(ws).code());
        Path glb = dir.resolve("x.glb");
        for (String[] bad : List.of(new String[] {"--color-by", "Zn"}, new String[] {"--radius", "-1"},
                new String[] {"--sides", "2"}, new String[] {"--table", "nope"})) {
            List<String> args = new java.util.ArrayList<>(List.of("export", ws.toString(), "gltf", "--out", glb.toString()));
            if (!bad[0].equals("--table")) {
                args.addAll(List.of("--table", "assays"));
            }
            args.addAll(List.of(bad));
            String[] trimmed = args.toArray(String[]::new);
            CliTest.Result r = CliTest.run(trimmed);
            assertEquals(2, r.code(), String.join(" ", trimmed) + "\n" + r.err());
            assertTrue(r.err().contains(bad[0]) || r.err().contains("'" + bad[1] + "'"), r.err());
            assertFalse(Files.exists(glb), "no file after a refused export");
        }
    }
}
