package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** A million interval rows read in seconds. */
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
        long size = Files.size(assay);
        for (int rep = 0; rep < Integer.getInteger("largefile.reps", 0); rep++) {
            long w = System.nanoTime();
            DrillholeReader.read(collar, survey, Map.of("assay", assay), DrillholeOptions.defaults(Crs.forCode("EPSG:28350")), null);
            System.out.printf("warm-up %d: %.2f s%n", rep, (System.nanoTime() - w) / 1e9);
        }
        long t0 = System.nanoTime();
        ReadResult r = DrillholeReader.read(collar, survey, Map.of("assay", assay),
                DrillholeOptions.defaults(Crs.forCode("EPSG:28350")), null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        DrillholeBatch b = r.batch();
        assertEquals(HOLES, b.holes().size());
        assertEquals((long) HOLES * ROWS_PER_HOLE, b.holes().stream().mapToLong(h -> h.intervals().get("assay").size()).sum());
        assertEquals(List.of(new Column("CU", ColumnType.NUMBER), new Column("NI", ColumnType.NUMBER),
                new Column("S", ColumnType.NUMBER), new Column("FE", ColumnType.NUMBER), new Column("LITH", ColumnType.TEXT)),
                b.intervalSchemas().get("assay"));
        assertEquals(List.of(), r.warnings());
        System.out.printf("read %,d interval rows (%,d bytes) in %.2f s%n", HOLES * ROWS_PER_HOLE, size, seconds);
        // a few seconds on the 2-core CI machine; generous bound against noisy neighbours
        assertTrue(seconds < 30, "took " + seconds + " s");
    }
}
