package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code geoassure demo --scale} (issue 11), in process, into a temporary directory. */
class DemoCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GeoAssureCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0    | error: --scale: must be 1..10 (10: 8000 boreholes, 72000000 resistivity cells), got 0",
        "11   | error: --scale: must be 1..10 (10: 8000 boreholes, 72000000 resistivity cells), got 11",
        "-3   | error: --scale: must be 1..10 (10: 8000 boreholes, 72000000 resistivity cells), got -3",
        "2.5  | error: --scale: '2.5' is not a whole number 1..10",
        "big  | error: --scale: 'big' is not a whole number 1..10"})
    void aBadScaleIsRefusedWithExitTwoBeforeAnythingIsWritten(String scale, String message) {
        Path d = dir.resolve("demo");
        String[] r = run("demo", "--dir", d.toString(), "--scale", scale);
        assertEquals("2", r[0], r[1] + r[2]);
        assertEquals(message, r[2].strip());
        assertFalse(Files.exists(d), "nothing written");
    }

    @Test
    void scaleTwoBuildsALargerMineAndItsModels() {
        Path d = dir.resolve("demo2");
        String[] r = run("demo", "--dir", d.toString(), "--scale", "2");
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("GeoAssure demo mine at scale 2: "), out);
        assertTrue(out.contains("  320 boreholes, "), out);
        assertTrue(out.contains("block model resistivity: 576000 cells"), out);
        assertTrue(out.contains("LAS logs (GR, DEN) of 40 holes"), out);
        assertTrue(out.contains("kriged from the picks (16 nearest per node)"), out);
        assertTrue(out.matches("(?s).*  wall time: generate [0-9.]+ s, load [0-9.]+ s, alerts and hazards [0-9.]+ s, "
                + "models [0-9.]+ s\n.*"), out);
        assertTrue(Files.isRegularFile(d.resolve("kaiyuan-data").resolve("resistivity_RHO@@")));
        String ws = d.resolve("kaiyuan-mine.gpkg").toString();
        String[] all = run("query", ws, "blocks", "--model", "resistivity", "--aggregate", "count");
        assertEquals("0", all[0], all[2]);
        assertEquals("count,bricks_scanned,bricks_skipped\n576000,24,0", all[1].strip(),
                "120 x 80 x 60 cells, 4 x 3 x 2 bricks");
        // the flooded workings: 3528 cells of 25 x 25 x 10 m below 20 ohm.m (seed 20251129)
        String[] wet = run("query", ws, "blocks", "--model", "resistivity", "--where", "RHO < 20", "--aggregate",
                "count,volume");
        assertEquals("0", wet[0], wet[2]);
        assertEquals("count,volume,bricks_scanned,bricks_skipped\n3528,22050000,2,22", wet[1].strip());
    }
}
