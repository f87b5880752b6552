package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million interval rows stream through the reader with every row, hole and type right. Its speed is measured by
 * {@code geoassure bench} (docs/benchmarks.md), not here.
 */
class LargeFileTest {
    private static final int HOLES = 10_000;
    private static final int ROWS_PER_HOLE = 100;

    @TempDir
    Path dir;

    @Test
    void millionIntervalRows() throws IOException {
        Path collar = dir.resolve("collar.csv");
        Path survey = dir.resolve("survey.csv");
        Path assay = dir.resolve("assay.csv");
        String[] lith = {"BAS", "GAB", "GRA", "DOL"};
        try (BufferedWriter c = Files.newBufferedWriter(collar, StandardCharsets.UTF_8);
                BufferedWriter s = Files.newBufferedWriter(survey, StandardCharsets.UTF_8);
                BufferedWriter a = Files.newBufferedWriter(assay, StandardCharsets.UTF_8)) {
            c.write("HOLEID,X,Y,Z,TD\n");
            s.write("HOLEID,DEPTH,AZIMUTH,DIP\n");
            a.write("HOLEID,FROM,TO,CU,NI,S,FE,LITH\n");
            for (int h = 0; h < HOLES; h++) {
                String id = "DH" + h;
                c.write(id + "," + (500000 + h * 10.5) + "," + (7000000 + h * 3.25) + ",350.5,250\n");
                s.write(id + ",0,45,-60\n" + id + ",100,46,-61\n" + id + ",200,47,-62\n");
                for (int k = 0; k < ROWS_PER_HOLE; k++) {
                    double from = k * 2.5;
                    a.write(id + "," + from + "," + (from + 2.5) + "," + (k % 7) * 0.125 + "," + ((h + k) % 13) * 0.01
                            + "," + (k % 3 == 0 ? "" : "1.25") + ",12.5," + lith[k % 4] + "\n");
                }
            }
        }
        ReadResult r = DrillholeReader.read(collar, survey, Map.of("assay", assay),
                DrillholeOptions.defaults(Crs.forCode("EPSG:28350")), null);
        DrillholeBatch b = r.batch();
        assertEquals(HOLES, b.holes().size());
        assertEquals((long) HOLES * ROWS_PER_HOLE, b.holes().stream().mapToLong(h -> h.intervals().get("assay").size()).sum());
        assertEquals(List.of(new Column("CU", ColumnType.NUMBER), new Column("NI", ColumnType.NUMBER),
                new Column("S", ColumnType.NUMBER), new Column("FE", ColumnType.NUMBER), new Column("LITH", ColumnType.TEXT)),
                b.intervalSchemas().get("assay"));
        assertEquals(List.of(), r.warnings());
        // the last row of the last hole: DH9999, 247.5-250, CU (99 % 7) * 0.125 = 0.125, NI ((9999 + 99) % 13) * 0.01 = 0.1,
        // S empty (99 % 3 == 0), FE 12.5, LITH DOL
        var last = b.holes().get(HOLES - 1).intervals().get("assay").get(ROWS_PER_HOLE - 1);
        assertEquals("DH9999", b.holes().get(HOLES - 1).holeId());
        assertEquals(247.5, last.from());
        assertEquals(250.0, last.to());
        assertEquals(java.util.Arrays.asList(0.125, 0.1, null, 12.5, "DOL"), last.values());
    }
}
