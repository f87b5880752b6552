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
}
