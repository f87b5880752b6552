package org.geoassure.ingest.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.series.Readings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RDB, WaterML 2.0 and WaterML-JSON readers on the USGS sample files: counts and periods from the shared
 * timeseries README, values read off the files by hand (line numbers or JSON paths in the comments), ft3/s and ft
 * converted with 1 ft = 0.3048 m.
 */
class UsgsSeriesReadersTest {
    private static final double CFS = 0.3048 * 0.3048 * 0.3048;

    @TempDir
    Path dir;

    @Test
    void rdbDailyDischargeWithApprovalCodes() throws IOException {
        Path f = SeriesSamples.copy("usgs_RDB1Example_02177000_dv.rdb", dir);
        assertEquals(SeriesFormat.RDB, SeriesFormat.detect(f));
        SeriesReadResult res = SeriesReader.read(f, null, SeriesOptions.defaults());
        assertEquals(1, res.series().size());
        Series s = res.series().get(0);
        Readings r = s.readings();
        // README: 31 values 2012-09-01 ... 2012-10-01, ft3/s, approval codes A/P
        assertEquals(31, r.size());
        assertEquals(Instant.parse("2012-09-01T00:00:00Z"), r.instant(0));
        assertEquals(Instant.parse("2012-10-01T00:00:00Z"), r.instant(30));
        assertEquals(191 * CFS, r.value(0), 1e-9, "line 25: 2012-09-01 191 A");
        assertEquals(365 * CFS, r.value(30), 1e-9, "line 55: 2012-10-01 365 P");
        assertEquals("A", r.quality(0));
        assertEquals("P", r.quality(30));
        assertEquals("02177000", r.stationId(), "station by site code");
        assertEquals("02177000:00060", s.key());
        assertEquals("ft3/s", s.sourceUnit());
        assertEquals("m3/s", s.unit());
        assertEquals("Discharge, cubic feet per second (Mean)", s.name(), "line 19");
        assertTrue(res.warnings().stream().anyMatch(w -> w.contains("converted to m3/s")), res.warnings().toString());
    }

    @Test
    void waterMl2DailyDischarge() throws IOException {
        Path f = SeriesSamples.copy("usgs_WaterML2Example_01646500_dv.xml", dir);
        assertEquals(SeriesFormat.WATERML, SeriesFormat.detect(f));
        SeriesReadResult res = SeriesReader.read(f, null, SeriesOptions.defaults().withStation("POTOMAC"));
        Series s = res.series().get(0);
        Readings r = s.readings();
        // README: 2014-09-01 ... 2014-09-08 daily; the file's first point (line 62) is empty
        assertEquals(8, r.size());
        assertEquals(Instant.parse("2014-09-01T00:00:00Z"), r.instant(0));
        assertEquals(Instant.parse("2014-09-08T00:00:00Z"), r.instant(7));
        assertEquals(2690.0 * CFS, r.value(0), 1e-9, "line 71: 2690.0");
        assertEquals(2300.0 * CFS, r.value(7), 1e-9, "2014-09-08: 2300.0");
        assertEquals("P", r.quality(0), "default qualifier swe:value P");
        assertEquals("01646500:00060", s.key());
        assertEquals("POTOMAC", r.stationId());
        assertEquals("ft3/s", s.sourceUnit());
        assertTrue(res.warnings().contains("usgs_WaterML2Example_01646500_dv.xml:62: point without a time; skipped"),
                res.warnings().toString());
    }

    @Test
    void waterMlJsonFourSeries() throws IOException {
        Path f = SeriesSamples.copy("usgs_waterservices_iv.json", dir);
        assertEquals(SeriesFormat.JSON, SeriesFormat.detect(f));
        SeriesReadResult res = SeriesReader.read(f, null, SeriesOptions.defaults()
                .withStationMap(Map.of("01491000:00060", "CHOPTANK_Q")));
        // README: 4 series x 5 values on 2019-02-14 (Choptank and Seneca Creek discharge ft3/s and gage height ft)
        assertEquals(List.of("01491000:00060", "01491000:00065", "01645000:00060", "01645000:00065"),
                res.series().stream().map(Series::key).toList());
        assertEquals(List.of("CHOPTANK_Q", "01491000:00065", "01645000:00060", "01645000:00065"),
                res.series().stream().map(s -> s.readings().stationId()).toList(), "mapped, else the key (two per site)");
        res.series().forEach(s -> assertEquals(5, s.readings().size()));
        assertEquals(20, res.source().rows());
        Readings q = res.series().get(0).readings();
        // /value/timeSeries/0/values/0/value/0: "974", ["A"], 2019-02-14T00:00:00.000-05:00
        assertEquals(Instant.parse("2019-02-14T05:00:00Z"), q.instant(0));
        assertEquals(974 * CFS, q.value(0), 1e-9);
        assertEquals("A", q.quality(0));
        assertEquals(Instant.parse("2019-02-14T06:00:00Z"), q.instant(4), "01:00 -05:00");
        Readings h = res.series().get(1).readings();
        assertEquals(6.48 * 0.3048, h.value(0), 1e-12, "gage height 6.48 ft");
        assertEquals("m", res.series().get(1).unit());
        Readings seneca = res.series().get(2).readings();
        assertEquals(Instant.parse("2019-02-14T05:20:00Z"), seneca.instant(4), "5-minute series: 00:20 -05:00");
        assertEquals("CHOPTANK RIVER NEAR GREENSBORO, MD", res.series().get(0).name());
    }
}
