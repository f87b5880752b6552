package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest WS voxet|segy|modem} and {@code export WS blocks --format voxet} end to end on the real files of
 * ingest/src/test/resources (voxet/, segy/, modem/: origins and licences in their SOURCES.md); values are queried
 * back from the stored model.
 */
class VolumeCliTest {
    static final Path RES = Path.of("../ingest/src/test/resources");

    @TempDir
    Path dir;

    Path ws;

    @BeforeEach
    void workspace() {
        ws = dir.resolve("mine.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:28354").code());
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    /** The cells of {@code model} whose centroid is within 1e-3 of (x, y, z), as JSON rows. */
    private JsonNode cellAt(String model, double x, double y, double z) {
        return cellAt(model, x, y, z, 1e-3, 1e-3);
    }

    /** The one cell whose centroid is within {@code h} horizontally and {@code v} vertically of (x, y, z). */
    private JsonNode cellAt(String model, double x, double y, double z, double h, double v) {
        CliTest.Result r = CliTest.run("export", ws.toString(), "blocks", "--model", model, "--box", (x - h) + ","
                + (y - h) + "," + (z - v) + "," + (x + h) + "," + (y + h) + "," + (z + v), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = json(r.out());
        assertEquals(1, rows.size(), r.out());
        return rows.get(0);
    }

    /**
     * small.vo: 10 x 17 x 10 nodes 500 m apart; node (0, 0, 0) at AXIS_O (696000, 6863000, -40000) is the centre of
     * cell (0, 0, 0); values from the header's PROP_SAMPLE_STATS (lithology 1, density 0.1095). Exported as a voxet
     * and ingested again, the model has the same cells.
     */
    @Test
    void voxetIngestQueryExportAndReingest() throws IOException {
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "voxet", RES.resolve("voxet/small.vo").toString());
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("block model small version 1: 10 x 17 x 10 cells of 500.0000123666666 x "
                + "499.9999978875 x 500.0000123666666 m, 1700 stored in 1 bricks; 3 attributes; 1 warnings"), in.out());
        JsonNode c = cellAt("small", 696000, 6863000, -40000);
        assertEquals(0, c.get("i").asInt());
        assertEquals(1, c.get("Lithology").asInt());
        assertEquals(0.1095, c.get("VPmg_density").asDouble(), 1e-7);
        JsonNode last = cellAt("small", 696000 + 9 * 500.0000124, 6863000 + 16 * 499.9999979, -40000 + 9 * 500.0000124);
        assertEquals(9, last.get("i").asInt());
        assertEquals(16, last.get("j").asInt());
        assertEquals(9, last.get("k").asInt());

        Path out = dir.resolve("export/small-copy.vo");
        Files.createDirectories(out.getParent());
        CliTest.Result ex = CliTest.run("export", ws.toString(), "blocks", "--model", "small", "--format", "voxet",
                "--out", out.toString());
        assertEquals(0, ex.code(), ex.err());
        assertTrue(Files.isRegularFile(out.resolveSibling("small-copy_VPmg_density@@")));
        assertEquals(6800, Files.size(out.resolveSibling("small-copy_VPmg_density@@")), "1700 float32 values");
        CliTest.Result again = CliTest.run("ingest", ws.toString(), "voxet", out.toString(), "--name", "copy");
        assertEquals(0, again.code(), again.err());
        CliTest.Result a = CliTest.run("export", ws.toString(), "blocks", "--model", "small");
        CliTest.Result b = CliTest.run("export", ws.toString(), "blocks", "--model", "copy");
        assertEquals(a.out(), b.out(), "the same cells, centroids and values after the voxet round trip");

        // with its code table (small_lithology_colours.csv: code 1 = "20_Mantle") lithology is a category
        CliTest.Result cat = CliTest.run("ingest", ws.toString(), "voxet", RES.resolve("voxet/small.vo").toString(),
                "--name", "small_lith", "--categories", "Lithology=" + RES.resolve("voxet/small_lithology_colours.csv"));
        assertEquals(0, cat.code(), cat.err());
        assertTrue(cat.out().contains("; 0 warnings"), cat.out());
        assertEquals("20_Mantle", cellAt("small_lith", 696000, 6863000, -40000).get("Lithology").asText());
    }

    @Test
    void badVoxetExitsTwoNamesTheLineAndWritesNothing() throws IOException {
        Path copy = dir.resolve("bad");
        Files.createDirectories(copy);
        for (String f : new String[] {"small.vo", "small_lithology@@", "small_density@@", "small_susceptibility@@"}) {
            Files.copy(RES.resolve("voxet").resolve(f), copy.resolve(f));
        }
        Path vo = copy.resolve("small.vo");
        Files.writeString(vo, Files.readString(vo).replace("AXIS_W 0 0 51000", "AXIS_W 0 9000 51000"));
        byte[] before = Files.readAllBytes(ws);
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "voxet", vo.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(vo + ":21: axis W = (0.0, 9000.0, 51000.0) is not vertical"), r.err());
        assertArrayEquals(before, Files.readAllBytes(ws), "the workspace file is unchanged");
        CliTest.Result q = CliTest.run("query", ws.toString(), "blocks", "--model", "small", "--aggregate", "count");
        assertEquals(2, q.code());
        assertTrue(q.err().contains("no block model 'small' in this workspace (models: [])"), q.err());
    }

    /**
     * acute-small.sgy through the store: segyio 1.8.3 reads trace 12 (il 3, xl 22) at CDP (0.4, 10.0) with sample 7
     * (28 ms) = 3.2200698852539062; reference-results.md D: value = il + xl/100 + sample·1e-5.
     */
    @Test
    void segyIngestAndQueryTheCellBack() {
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "segy", RES.resolve("segy/segyio_acute-small.sgy")
                .toString(), "--name", "acute");
        assertEquals(0, in.code(), in.err());
        assertTrue(in.err().contains("warning: time-domain volume: z is minus two-way time in milliseconds"), in.err());
        assertTrue(in.out().contains("block model acute version 1: 5 x 5 x 50 cells"), in.out());
        JsonNode c = cellAt("acute", 0.4, 10.0, -28);
        assertEquals(3.2200698852539062, c.get("amplitude").asDouble(), 1e-6);
        assertEquals(2, c.get("i").asInt(), "inline 3");
        assertEquals(2, c.get("j").asInt(), "crossline 22");
        CliTest.Result info = CliTest.run("info", ws.toString());
        assertEquals(0, info.code(), info.err());

        // reference-results.md D: F3 trace 10 samples 25, 30, 35 = -1170, 5198, -2213; segyio: trace 10 is at CDP
        // (620447.1, 6074239.9), sample s at 4 + 4s ms (the fitted grid is within 1 m of the rounded CDP X/Y)
        CliTest.Result f3 = CliTest.run("ingest", ws.toString(), "segy", RES.resolve("segy/segyio_f3.sgy").toString(),
                "--name", "f3");
        assertEquals(0, f3.code(), f3.err());
        int[] expected = {-1170, 5198, -2213};
        for (int q = 0; q < 3; q++) {
            int s = 25 + 5 * q;
            JsonNode c3 = cellAt("f3", 620447.1, 6074239.9, -(4 + 4 * s), 1, 0.5);
            assertEquals(expected[q], c3.get("amplitude").asDouble(), 0, "sample " + s);
        }
    }

    @Test
    void preStackSegyExitsTwoAndWritesNothing() throws IOException {
        byte[] before = Files.readAllBytes(ws);
        Path ps = RES.resolve("segy/segyio_small-ps.sgy");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "segy", ps.toString(), "--name", "ps");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(ps + ": pre-stack data (2 offsets per inline/crossline node)"), r.err());
        assertArrayEquals(before, Files.readAllBytes(ws), "the workspace file is unchanged");
        CliTest.Result noName = CliTest.run("ingest", ws.toString(), "segy", ps.toString());
        assertEquals(2, noName.code());
        assertTrue(noName.err().contains("--name: required for segy"), noName.err());
        CliTest.Result origin = CliTest.run("ingest", ws.toString(), "segy", ps.toString(), "--name", "ps", "--origin",
                "1,2,3");
        assertEquals(2, origin.code());
        assertTrue(origin.err().contains("--origin: only for modem among the volumes"), origin.err());
        assertArrayEquals(before, Files.readAllBytes(ws), "the workspace file is unchanged");
    }

    /**
     * Paralana ModEM, 500 x 500 x 100 m cells, origin E 300000 N 6650000 elevation 50: the cell centred 2750 m west,
     * 1750 m south and 1883 m below the origin lies in ModEM cell x 11, y 21, z 52, whose value on line 2730 of the
     * file (18th value) is 4.18598 = ln(65.7579 ohm.m).
     */
    @Test
    void modemIngestAndQueryAHandReadCell() throws IOException {
        Path rho = dir.resolve("paralana.rho");
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(RES.resolve(
                "modem/mtpy_paralana_ModEM_NLCG_004.rho.gz")))) {
            Files.copy(gz, rho);
        }
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "modem", rho.toString(), "--name", "paralana",
                "--cell", "500,500,100", "--depth", "3000", "--origin", "300000,6650000,50");
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("block model paralana version 1: 40 x 16 x 30 cells of 500 x 500 x 100 m"),
                in.out());
        JsonNode c = cellAt("paralana", 300000 - 2750, 6650000 - 1750, 50 - 1883);
        assertEquals(Math.exp(4.18598), c.get("resistivity").asDouble(), 1e-3);

        byte[] before = Files.readAllBytes(ws);
        Path bad = dir.resolve("bad.rho");
        Files.writeString(bad, "# c\n1 1 1 0 LOGE\n1\n1\n1\nx\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "modem", bad.toString(), "--name", "bad");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(bad + ":6: value 1 of 1 (layer 1): 'x' is not a number"), r.err());
        assertArrayEquals(before, Files.readAllBytes(ws), "the workspace file is unchanged");
    }
}
