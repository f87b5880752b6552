package org.geoassure.server.cli;

import static org.geoassure.server.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query WS blocks --model M --diff V1,V2}: a regraded model (one cell's grade changed, one cell mined out, one
 * cell added, one rock relabelled) gives exactly those rows, in a box too; the refusals name the option.
 */
class BlockDiffCliTest {
    @TempDir
    Path dir;

    @Test
    void theChangesOfARegrade() throws Exception {
        Path v1 = dir.resolve("v1.csv");
        Path v2 = dir.resolve("v2.csv");
        Files.writeString(v1, "I,J,K,AU,ROCK\n0,0,0,1.5,oxide\n1,0,0,2.25,oxide\n2,0,0,0.5,fresh\n3,0,0,3,fresh\n");
        Files.writeString(v2, "I,J,K,AU,ROCK\n0,0,0,1.5,oxide\n1,0,0,2.5,oxide\n3,0,0,3,oxide\n4,0,0,0.75,fresh\n");
        Path ws = dir.resolve("pit.gpkg");
        assertEquals(0, run("init", ws.toString(), "--crs", "EPSG:4527").code());
        for (Path f : new Path[] {v1, v2}) {
            CliTest.Result in = run("ingest", ws.toString(), "blockmodel", f.toString(), "--name", "pit", "--ijk",
                    "I,J,K", "--size", "10,10,5", "--dims", "5,1,1", "--type", "AU=float32", "--type", "ROCK=category");
            assertEquals(0, in.code(), in.err());
        }
        CliTest.Result d = run("query", ws.toString(), "blocks", "--model", "pit", "--diff", "1,2");
        assertEquals(0, d.code(), d.err());
        assertEquals(String.join("\n",
                "i,j,k,x,y,z,change,attribute,before,after",
                "1,0,0,15,5,2.5,changed,AU,2.25,2.5",
                "2,0,0,25,5,2.5,removed,AU,0.5,",
                "2,0,0,25,5,2.5,removed,ROCK,fresh,",
                "3,0,0,35,5,2.5,changed,ROCK,fresh,oxide",
                "4,0,0,45,5,2.5,added,AU,,0.75",
                "4,0,0,45,5,2.5,added,ROCK,,fresh"), d.out().strip().replace("\r", ""));
        assertTrue(d.err().contains("v1 -> v2: 1 cells added, 1 removed, 2 changed, 1 unchanged; changed per attribute "
                + "{AU=1, ROCK=1}"), d.err());
        CliTest.Result boxed = run("query", ws.toString(), "blocks", "--model", "pit", "--diff", "1,2", "--box",
                "20,0,0,40,10,5");
        assertEquals(0, boxed.code(), boxed.err());
        assertEquals(4, boxed.out().strip().split("\n").length, boxed.out());
        CliTest.Result where = run("query", ws.toString(), "blocks", "--model", "pit", "--diff", "1,2", "--where",
                "AU > 1");
        assertEquals(2, where.code());
        assertTrue(where.err().contains("--where: not with --diff"), where.err());
        CliTest.Result bad = run("query", ws.toString(), "blocks", "--model", "pit", "--diff", "1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--diff"), bad.err());
        CliTest.Result missing = run("query", ws.toString(), "blocks", "--model", "pit", "--diff", "1,3");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("3"), missing.err());
    }
}
