package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest WS stations|readings} and {@code query WS readings} end to end on the USGS sample series
 * (ingest/src/test/resources/timeseries/SOURCES.md): figures from the shared timeseries README, bad input refused
 * with exit 2, file:line and the workspace unchanged.
 */
class SeriesCliTest {
    private static final Path DATA = Path.of("../ingest/src/test/resources/timeseries");

    @TempDir
    Path dir;

    Path ws;

    static String data(String name) {
        Path p = DATA.resolve(name);
        assertTrue(Files.isRegularFile(p), "sample file missing: " + p.toAbsolutePath());
        return p.toString();
    }

    @BeforeEach
    void workspaceWithStations() throws IOException {
        ws = dir.resolve("mine.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4326").code());
        Path st = dir.resolve("stations.csv");
        Files.writeString(st, "id,name,kind,x,y,z,unit,watches,network\n"
                + "CHOP,Choptank River near Greensboro MD,discharge,-75.7858056,38.99719444,,m3/s,,NWIS\n"
                + "02177000,Chattooga River near Clayton GA,discharge,,,,m3/s,,\n"
                + "CHOP_H,Choptank gage height,river_stage,,,,m,,\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "stations", st.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 new, 0 changed, 0 unchanged stations"), r.out());
    }

    private CliTest.Result ingestChoptank() {
        return CliTest.run("ingest", ws.toString(), "readings", data("usgs_ChoptankRiverFlow_01491000_dv_m3s.txt"),
                "--station", "CHOP", "--unit", "m3/s");
    }

    @Test
    void choptankResampledAsTheReadmeSays() {
        CliTest.Result in = ingestChoptank();
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("4383 new, 0 corrected, 0 unchanged readings of 1 series"), in.out());
        CliTest.Result q = CliTest.run("query", ws.toString(), "readings", "--station", "CHOP", "--resample",
                "20000d", "--agg", "count,min,max,mean");
        assertEquals(0, q.code(), q.err());
        List<String> lines = q.lines();
        assertEquals("station_id,start,end,count,min,max,mean", lines.get(0));
        // README: 4 383 days, min 0.0099, max 246.36, mean 4.593 m3/s
        String[] f = lines.get(1).split(",");
        assertEquals("4383", f[3]);
        assertEquals(0.0099, Double.parseDouble(f[4]), 0.00005);
        assertEquals(246.36, Double.parseDouble(f[5]), 0.005);
        assertEquals(4.593, Double.parseDouble(f[6]), 0.0005);
        CliTest.Result last = CliTest.run("query", ws.toString(), "readings", "--station", "CHOP", "--last-at",
                "1999-10-02T12:00:00Z", "--format", "json");
        assertEquals(0, last.code(), last.err());
        // line 3 of the file: 10/2/1999 2.406931941
        assertTrue(last.out().contains("\"time\": \"1999-10-02T00:00:00Z\", \"value\": 2.406931941"), last.out());
        CliTest.Result range = CliTest.run("query", ws.toString(), "readings", "--station", "CHOP", "--from",
                "1999-10-01", "--to", "1999-10-03");
        assertEquals(List.of("station_id,time,value,quality", "CHOP,1999-10-01T00:00:00Z,3.029902561,",
                "CHOP,1999-10-02T00:00:00Z,2.406931941,"), range.lines());
        CliTest.Result info = CliTest.run("info", ws.toString());
        assertTrue(info.out().contains("monitoring     3 stations, 4383 readings (4383 versions)"), info.out());
    }

    @Test
    void rdbBySiteCodeAndJsonByStationMap() {
        CliTest.Result rdb = CliTest.run("ingest", ws.toString(), "readings", data("usgs_RDB1Example_02177000_dv.rdb"));
        assertEquals(0, rdb.code(), rdb.err());
        assertTrue(rdb.out().contains("31 new"), rdb.out());
        assertTrue(rdb.err().contains("values in ft3/s converted to m3/s"), rdb.err());
        CliTest.Result q = CliTest.run("query", ws.toString(), "readings", "--station", "02177000", "--last-at",
                "2012-10-01");
        // line 55: 2012-10-01 365 P, in m3/s
        String[] f = q.lines().get(1).split(",");
        assertEquals(365 * 0.3048 * 0.3048 * 0.3048, Double.parseDouble(f[2]), 1e-9);
        assertEquals("P", f[3]);
        CliTest.Result json = CliTest.run("ingest", ws.toString(), "readings", data("usgs_waterservices_iv.json"),
                "--station-map", "01491000:00060=CHOP,01491000:00065=CHOP_H", "--format", "json");
        assertEquals(2, json.code(), "two series of Seneca Creek have no station: " + json.out());
        assertTrue(json.err().contains("station '01645000:00060' (series 01645000:00060) is not in the workspace"),
                json.err());
    }

    @Test
    void badInputLeavesTheWorkspaceAsItWas() throws IOException {
        assertEquals(0, ingestChoptank().code());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "date,q\n2020-01-01,1.5\n2020-01-02,oops\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "readings", bad.toString(), "--station", "CHOP");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.csv:3: 'oops' in column 'q' is not a finite number"), r.err());
        Path ft = dir.resolve("ft.csv");
        Files.writeString(ft, "date,q\n2020-01-01,1.5\n");
        CliTest.Result unit = CliTest.run("ingest", ws.toString(), "readings", ft.toString(), "--station", "CHOP_H",
                "--unit", "ft3/s");
        assertEquals(2, unit.code());
        assertTrue(unit.err().contains("is in m3/s (converted from ft3/s) but station 'CHOP_H' records m"), unit.err());
        CliTest.Result unknown = CliTest.run("ingest", ws.toString(), "readings", ft.toString(), "--station", "NOPE");
        assertEquals(2, unknown.code());
        CliTest.Result info = CliTest.run("info", ws.toString());
        assertTrue(info.out().contains("monitoring     3 stations, 4383 readings (4383 versions)"), info.out());
        assertTrue(info.out().contains("ingests        2"), "stations and one readings ingest only: " + info.out());
        CliTest.Result badQuery = CliTest.run("query", ws.toString(), "readings", "--station", "CHOP", "--gaps", "0d");
        assertEquals(2, badQuery.code());
        assertTrue(badQuery.err().contains("--gaps: '0d' is not a positive duration"), badQuery.err());
    }

    @Test
    void correctionVisibleOnlyAfterItWasRecorded() throws IOException, InterruptedException {
        assertEquals(0, ingestChoptank().code());
        String before = java.time.Instant.now().toString();
        Thread.sleep(5);
        Path fix = dir.resolve("fix.csv");
        Files.writeString(fix, "date,q\n1999-10-01,3.1\n");
        CliTest.Result r = CliTest.run("ingest", ws.toString(), "readings", fix.toString(), "--station", "CHOP");
        assertTrue(r.out().contains("0 new, 1 corrected, 0 unchanged"), r.out());
        CliTest.Result now = CliTest.run("query", ws.toString(), "readings", "--station", "CHOP", "--last-at",
                "1999-10-01");
        assertTrue(now.lines().get(1).startsWith("CHOP,1999-10-01T00:00:00Z,3.1,"), now.out());
        CliTest.Result then = CliTest.run("query", ws.toString(), "readings", "--station", "CHOP", "--last-at",
                "1999-10-01", "--recorded-as-of", before);
        assertTrue(then.lines().get(1).startsWith("CHOP,1999-10-01T00:00:00Z,3.029902561,"), then.out());
    }

    @Test
    void helpNamesTheSeriesOptions() {
        CliTest.Result in = CliTest.run("ingest", "--help");
        assertTrue(in.out().contains("--station-map") && in.out().contains("'readings'"), in.out());
        CliTest.Result q = CliTest.run("query", "--help");
        assertTrue(q.out().contains("--resample") && q.out().contains("--last-at"), q.out());
    }
}
