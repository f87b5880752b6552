package org.geoassure.ingest.blockmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The omf-rust bunny (src/test/resources/blockmodels/SOURCES.md): 5 123 octree sub-blocks of 400, 200 and 100 m in a
 * grid rotated 10 degrees, read at the finest size. The volume of each category must equal the sum of dX x dY x dZ of
 * its rows, computed here from the file itself; and the README's figures (208 / 907 / 4 008 blocks by size; Air
 * 2 997, Body 1 774, empty 352 rows) hold.
 */
class SubBlockedModelTest {
    static final Path BUNNY = Path.of("src/test/resources/blockmodels/omf_bunny_blocks.csv");

    @TempDir
    Path dir;

    static BlockModelCsvOptions bunny() {
        return BlockModelCsvOptions.byCentroid("bunny", List.of("X", "Y", "Z"), 100, 100, 100)
                .withSubBlocks(List.of("dX", "dY", "dZ")).withOrigin(-1662, -1340, -423).withRotation(10)
                .withDimensions(32, 24, 32).withIgnored(List.of("Id"));
    }

    @Test
    void everySubBlockKeepsItsVolumeAndCategory() throws IOException {
        Map<String, Double> volume = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        Map<Double, Integer> sizes = new HashMap<>();
        List<String> lines = Files.readAllLines(BUNNY);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            double v = Double.parseDouble(f[4]) * Double.parseDouble(f[5]) * Double.parseDouble(f[6]);
            volume.merge(f[7], v, Double::sum);
            rows.merge(f[7], 1, Integer::sum);
            sizes.merge(Double.parseDouble(f[4]), 1, Integer::sum);
        }
        // the data README's figures
        assertEquals(Map.of(400.0, 208, 200.0, 907, 100.0, 4008), sizes);
        assertEquals(Map.of("Air", 2997, "Body", 1774, "", 352), rows);

        BlockModelCsvReader.Result r = BlockModelCsvReader.read(BUNNY, bunny());
        BlockData d = r.data();
        BlockModel m = d.model();
        assertEquals(5123, r.source().rows());
        assertEquals(32 * 24 * 32, d.cells(), "the sub-blocks tile the 8 x 6 x 8 parents of 400 m completely");
        int a = m.attributeIndex("Bunny");
        List<String> labels = m.attributes().get(a).categories();
        Map<String, Double> stored = new HashMap<>();
        for (int k = 0; k < 32; k++) {
            for (int j = 0; j < 24; j++) {
                for (int i = 0; i < 32; i++) {
                    double code = d.value(a, i, j, k);
                    String label = Double.isNaN(code) ? "" : labels.get((int) code);
                    stored.merge(label, 100.0 * 100 * 100, Double::sum);
                }
            }
        }
        assertEquals(volume, stored);
        assertEquals(6.044e9, stored.get("Body"), 0.0);
    }

    @Test
    void misalignedOrOverlappingSubBlocksAreRefusedWithTheirLine() throws IOException {
        Path shifted = Files.writeString(dir.resolve("shifted.csv"), "Id,X,Y,Z,dX,dY,dZ,Bunny\n"
                + "0,50,50,50,100,100,100,Air\n1,175,50,50,100,100,100,Air\n");
        var o = BlockModelCsvOptions.byCentroid("b", List.of("X", "Y", "Z"), 100, 100, 100)
                .withSubBlocks(List.of("dX", "dY", "dZ")).withOrigin(0, 0, 0).withDimensions(4, 4, 4)
                .withIgnored(List.of("Id"));
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> BlockModelCsvReader.read(shifted, o));
        assertTrue(e.getMessage().contains("shifted.csv:3: block at 175.0,50.0,50.0 of size 100.0 along x does not "
                + "cover whole cells"), e.getMessage());
        Path overlap = Files.writeString(dir.resolve("overlap.csv"), "Id,X,Y,Z,dX,dY,dZ,Bunny\n"
                + "0,100,100,100,200,200,200,Air\n1,50,50,50,100,100,100,Body\n");
        e = assertThrows(InvalidContentException.class, () -> BlockModelCsvReader.read(overlap, o));
        assertTrue(e.getMessage().contains("overlap.csv:3:"), e.getMessage());
        Path noDims = BUNNY;
        var o2 = BlockModelCsvOptions.byCentroid("b", List.of("X", "Y", "Z"), 100, 100, 100)
                .withSubBlocks(List.of("dX", "dY", "dZ")).withIgnored(List.of("Id"));
        e = assertThrows(InvalidContentException.class, () -> BlockModelCsvReader.read(noDims, o2));
        assertTrue(e.getMessage().contains("needs the grid's origin and dimensions"), e.getMessage());
    }
}
