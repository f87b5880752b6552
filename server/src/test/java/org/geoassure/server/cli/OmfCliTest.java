package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ingest WS omf} end to end on the OMF files of ingest/src/test/resources/omf (SOURCES.md there), into a real
 * GeoPackage workspace: what is stored, and that a refused file leaves the workspace as it was.
 */
class OmfCliTest {
    static final Path OMF = Path.of("../ingest/src/test/resources/omf");

    @TempDir
    Path dir;

    Path ws;

    @BeforeEach
    void workspace() {
        ws = dir.resolve("mine.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4527").code());
    }

    private void assertEmpty() {
        CliTest.Result all = CliTest.run("query", ws.toString(), "features");
        assertEquals(0, all.code(), all.err());
        assertEquals(1, all.lines().size(), "only the header: no feature was written\n" + all.out());
        CliTest.Result blocks = CliTest.run("query", ws.toString(), "blocks", "--model", "Regular_block_model");
        assertNotEquals(0, blocks.code(), "no block model was written: " + blocks.out());
    }

    @Test
    void oneOfEverythingStoresItsFeaturesAndBlockModels() {
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "omf", OMF.resolve("omf2_one_of_everything.omf")
                .toString(), "--layer", "omf", "--skip-unsupported");
        assertEquals(0, in.code(), in.err());
        // surface, 5 points (with values), lines, grid surface, the Composite's two children, the textured surface
        assertTrue(in.out().contains("-> layer omf: 11 new, 0 changed, 0 unchanged features (OMF 2, EPSG:4527)"),
                in.out());
        assertTrue(in.out().contains("block model Regular_block_model version 1: 2 x 2 x 2 cells of 1 x 1 x 1 m, 8 "
                + "stored"), in.out());
        assertTrue(in.out().contains("block model Sub_blocked_block_model__regular version 1: 8 x 8 x 8 cells of "
                + "0.25 x 0.25 x 0.25 m"), in.out());
        assertTrue(in.err().contains("OMF states no CRS; its coordinates are taken to be in the workspace's EPSG:4527"),
                in.err());
        assertTrue(in.err().contains("element 'Tensor block model' (BlockModel) skipped"), in.err());
        CliTest.Result q = CliTest.run("query", ws.toString(), "features", "--layer", "omf");
        assertEquals(12, q.lines().size(), q.out());
        assertTrue(q.out().contains("omf,Pyramid surface,Pyramid surface,surface,"), q.out());
    }

    @Test
    void bunnyBlocksKeepTheBodyVolume() {
        CliTest.Result in = CliTest.run("ingest", ws.toString(), "omf", OMF.resolve("omf2_bunny_blocks.omf").toString());
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("block model Octree_Block_Model version 1: 32 x 24 x 32 cells of 100 x 100 x 100 "
                + "m, 24576 stored"), in.out());
        CliTest.Result q = CliTest.run("query", ws.toString(), "blocks", "--model", "Octree_Block_Model", "--where",
                "Bunny = 'Body'", "--aggregate", "count,volume");
        assertEquals(0, q.code(), q.err());
        String[] v = q.lines().get(1).split(",");
        // data README: Body 6.044e9 m3, i.e. 6 044 cells of 100 m
        assertEquals(6044, Long.parseLong(v[0]));
        assertEquals(6.044e9, Double.parseDouble(v[1]), 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "omf2_array_length_mismatch.omf|element 'Length Mismatch': vertices: 1.parquet: has 4 rows but the index gives "
            + "item_count 999",
        "omf2_duplicate_element_name.omf|element name 'Duplicate' is used twice",
        "omf2_missing_parquet.omf|element 'Missing': vertices: member 1.parquet named in the index is not in the file",
        "omfpy_v2alpha_test_file.omf|an omf-python \"OMF 2.0 alpha\" file",
        "omf2_one_of_everything.omf|element 'Tensor block model' (BlockModel): a tensor grid with unequal block sizes"})
    void badFilesAreRefusedAndWriteNothing(String file, String reason) {
        Path f = OMF.resolve(file);
        String before = CliTest.run("info", ws.toString()).out();
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "omf", f.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(f + ": " + reason), r.err());
        assertEquals(before, CliTest.run("info", ws.toString()).out(), "info (counts, ingests) unchanged");
        assertTrue(before.contains("ingests        0"), before);
        assertEmpty();
    }

    /** Rows of {@code query features --format json} without the layer and the times, which differ by design. */
    private com.fasterxml.jackson.databind.JsonNode features(String layer) throws Exception {
        CliTest.Result q = CliTest.run("query", ws.toString(), "features", "--layer", layer, "--format", "json");
        assertEquals(0, q.code(), q.err());
        com.fasterxml.jackson.databind.node.ArrayNode rows = (com.fasterxml.jackson.databind.node.ArrayNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(q.out());
        for (com.fasterxml.jackson.databind.JsonNode r : rows) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove(java.util.List.of("layer", "valid_from",
                    "valid_to", "recorded_at"));
        }
        return rows;
    }

    /** GOCAD surface, lines and points (ingest/src/test/resources/gocad) out as OMF 2 and in again: the same rows. */
    @Test
    void exportedOmfIngestsBackToTheSameFeatures() throws Exception {
        Path gocad = Path.of("../ingest/src/test/resources/gocad");
        for (String f : new String[] {"auscope_tsTest.ts", "auscope_plTest.pl", "auscope_vsTest.vs"}) {
            CliTest.Result in = CliTest.run("ingest", ws.toString(), "features", gocad.resolve(f).toString(),
                    "--layer", "gocad");
            assertEquals(0, in.code(), in.err());
        }
        Path out = dir.resolve("gocad.omf");
        CliTest.Result ex = CliTest.run("export", ws.toString(), "features", "--layer", "gocad", "--format", "omf",
                "--out", out.toString());
        assertEquals(0, ex.code(), ex.err());
        CliTest.Result back = CliTest.run("ingest", ws.toString(), "omf", out.toString(), "--layer", "back");
        assertEquals(0, back.code(), back.err());
        com.fasterxml.jackson.databind.JsonNode original = features("gocad");
        assertEquals(3, original.size(), original.toString());
        assertEquals(original, features("back"));
        // a layer asked for that does not exist, and a row format: exit 2
        CliTest.Result none = CliTest.run("export", ws.toString(), "features", "--layer", "nope", "--format", "omf");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--layer: no layer 'nope'"), none.err());
        CliTest.Result csv = CliTest.run("export", ws.toString(), "features", "--layer", "gocad");
        assertEquals(2, csv.code());
        assertTrue(csv.err().contains("export features writes omf"), csv.err());
    }

    @Test
    void blockModelsAreNotReprojected() {
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "omf", OMF.resolve("omf2_bunny_blocks.omf").toString(),
                "--crs", "EPSG:32650");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("the file has block models, which are not reprojected"), r.err());
        CliTest.Result blocks = CliTest.run("query", ws.toString(), "blocks", "--model", "Octree_Block_Model");
        assertNotEquals(0, blocks.code());
    }
}
