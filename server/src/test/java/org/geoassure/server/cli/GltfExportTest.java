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
