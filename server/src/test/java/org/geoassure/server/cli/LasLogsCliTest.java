package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code geoassure ingest WS las} and {@code export WS logs} end to end on lasio's sample files
 * (ingest/src/test/resources/las/SOURCES.md): values compared with the files' ~A rows, feet converted to metres, bad
 * input refused with the workspace unchanged.
 */
class LasLogsCliTest {
    private static final Path LAS = Path.of("../ingest/src/test/resources/las");
    /** ~Well UWI of both sample files. */
    private static final String UWI = "100091604920W300";

    @TempDir
    Path dir;

    Path ws;

    static String las(String name) {
        Path p = LAS.resolve(name);
        assertTrue(Files.isRegularFile(p), "sample file missing: " + p.toAbsolutePath());
        return p.toString();
    }

    @BeforeEach
    void workspaceWithTheWell() throws IOException {
        ws = dir.resolve("mine.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4527").code());
        Path collar = dir.resolve("collar.csv");
        Files.writeString(collar, "hole_id,x,y,z\n" + UWI + ",39500000,4000000,300\nDH2,39500100,4000000,300\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "drillholes", "--collar", collar.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void sampleWithNullsByUwiExportsTheDataRows() {
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "las", las("lasio_sample_null.las"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 new, 0 replaced, 0 unchanged logs; 3 depth samples"), r.out());
        CliTest.Result csv = CliTest.run("export", ws.toString(), "logs", "--hole", UWI);
        assertEquals(0, csv.code(), csv.err());
        // ~A rows 1 and 3 of lasio_sample_null.las; ILD of row 3 is -999.2500, the NULL value
        assertEquals(List.of("hole_id,log,depth,DT,RHOB,NPHI,SFLU,SFLA,ILM,ILD",
                UWI + ",lasio_sample_null,1670,123.45,2550,0.45,123.45,123.45,110.2,105.6",
                UWI + ",lasio_sample_null,1669.875,123.45,2550,0.45,123.45,123.45,110.2,",
                UWI + ",lasio_sample_null,1669.75,123.45,2550,0.45,123.45,123.45,110.2,"), csv.lines());
    }

    @Test
    void jsonHasNullForANull() throws IOException {
        assertEquals(0, CliTest.run("ingest", ws.toString(), "las", las("lasio_sample_null.las")).code());
        CliTest.Result json = CliTest.run("export", ws.toString(), "logs", "--log", "lasio_sample_null", "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).get("ILD").isNull());
        assertEquals(105.6, rows.get(0).get("ILD").asDouble());
    }

    @Test
    void feetAreConvertedToMetres() {
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "las", las("lasio_autodepthindex_FT.las"), "--hole", "DH2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = CliTest.run("export", ws.toString(), "logs", "--hole", "DH2").lines();
        assertEquals("hole_id,log,depth,DD", lines.get(0));
        assertEquals(102, lines.size());
        // ~A row "100     0.959183036405": 100 ft = 30.48 m
        String[] last = lines.get(101).split(",");
        assertEquals(30.48, Double.parseDouble(last[2]), 1e-9);
        assertEquals("0.959183036405", last[3]);
        assertEquals(0.3048, Double.parseDouble(lines.get(2).split(",")[2]), 1e-12);
    }

    @Test
    void reingestOfChangedFileReplacesTheLog() throws IOException {
        assertEquals(0, CliTest.run("ingest", ws.toString(), "las", las("lasio_sample_null.las"), "--name", "main").code());
        Path changed = dir.resolve("changed.las");
        Files.writeString(changed, Files.readString(Path.of(las("lasio_sample_null.las")))
                .replace("1670.000   123.450", "1670.000   999.000"));
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "las", changed.toString(), "--name", "main");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0 new, 1 replaced"), r.out());
        List<String> lines = CliTest.run("export", ws.toString(), "logs").lines();
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith(UWI + ",main,1670,999,"), lines.get(1));
    }

    @Test
    void unknownHoleWritesNothing() {
        String before = CliTest.run("info", ws.toString()).out();
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "las", las("lasio_sample_null.las"),
                las("lasio_autodepthindex_FT.las"), "--hole-by", "well");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("lasio_sample_null.las") && r.err().contains("ANY ET AL OIL WELL #12"), r.err());
        assertEquals(before, CliTest.run("info", ws.toString()).out());
        assertEquals(List.of("hole_id,log,depth"), CliTest.run("export", ws.toString(), "logs").lines());
    }

    @Test
    void unknownDepthUnitNamesFileAndLine() throws IOException {
        Path yards = dir.resolve("yards.las");
        Files.writeString(yards, Files.readString(Path.of(las("lasio_sample_null.las"))).replace("STRT.M ", "STRT.YD"));
        String before = CliTest.run("info", ws.toString()).out();
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "las", yards.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("yards.las:7:") && r.err().contains("'YD'"), r.err());
        assertEquals(before, CliTest.run("info", ws.toString()).out());
        assertFalse(r.out().contains("ingest #"), r.out());
    }
}
