package org.geoassure.ingest.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.geoassure.geodb.series.Readings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CSV reader on the real pastas and USGS files: row counts and periods as the shared timeseries README gives
 * them, first and last values read off the files by hand (line numbers in the comments).
 */
class SeriesCsvReaderTest {
    @TempDir
    Path dir;

    private Readings read(String name, SeriesOptions o) throws IOException {
        SeriesReadResult r = SeriesReader.read(SeriesSamples.copy(name, dir), SeriesFormat.CSV, o.withStation("S"));
        assertEquals(1, r.series().size());
        return r.series().get(0).readings();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, rows and period from the README table
        "pastas_head_nb1.csv, 644, 1985-11-14T00:00:00Z, 2015-06-28T00:00:00Z",
        "pastas_rain_nb1.csv, 13454, 1980-01-01T00:00:00Z, 2016-10-31T00:00:00Z",
        "pastas_evap_nb1.csv, 13476, 1980-01-01T00:00:00Z, 2016-11-22T00:00:00Z",
        "pastas_B32C0639001.csv, 544, 1981-07-03T00:00:00Z, 2005-10-14T00:00:00Z",
        "pastas_nb10_Observation_well.csv, 2846, 1960-04-28T12:00:00Z, 2015-06-29T09:00:00Z",
        "pastas_nb10_Extraction_2.csv, 1235, 1913-01-04T00:00:00Z, 2015-11-01T00:00:00Z",
        "pastas_nb10_Extraction_3.csv, 549, 1970-01-04T00:00:00Z, 2015-09-01T00:00:00Z",
        "pastas_nb5_river_stage.csv, 10893, 1990-01-02T00:00:00Z, 2019-10-29T00:00:00Z"})
    void pastasRowsAndPeriods(String file, int rows, String first, String last) throws IOException {
        Readings r = read(file, SeriesOptions.defaults());
        assertEquals(rows, r.size());
        assertEquals(Instant.parse(first), r.instant(0));
        assertEquals(Instant.parse(last), r.instant(r.size() - 1));
    }

    @Test
    void headValuesAndSource() throws IOException {
        SeriesReadResult res = SeriesReader.read(SeriesSamples.copy("pastas_head_nb1.csv", dir), null,
                SeriesOptions.defaults().withStation("B58C0698").withUnit("m"));
        Readings r = res.series().get(0).readings();
        assertEquals(27.610000000000007, r.value(0), "line 2: 1985-11-14,27.610000000000007");
        assertEquals(27.57, r.value(643), "line 645: 2015-06-28,27.57");
        assertEquals("B58C0698", r.stationId());
        assertEquals("m", res.series().get(0).unit());
        assertEquals("head", res.series().get(0).key(), "the value column's header");
        assertEquals(644, res.source().rows());
        assertEquals(64, res.source().sha256().length());
        assertEquals("readings:csv", res.source().role());
        assertEquals(java.util.List.of(), res.warnings());
        assertNull(r.quality(0));
    }

    @Test
    void choptankTabSeparatedUsDates() throws IOException {
        Readings r = read("usgs_ChoptankRiverFlow_01491000_dv_m3s.txt", SeriesOptions.defaults());
        // README: 4 383 days 1999-10-01 ... 2011-09-30; 107 cfs -> 3.03 m3/s in the first row; min 0.0099, max 246.36,
        // mean 4.593 m3/s
        assertEquals(4383, r.size());
        assertEquals(Instant.parse("1999-10-01T00:00:00Z"), r.instant(0));
        assertEquals(Instant.parse("2011-09-30T00:00:00Z"), r.instant(4382));
        assertEquals(3.03, r.value(0), 0.005);
        assertEquals(107 * Units.CUBIC_FOOT, r.value(0), 1e-6, "107 cfs in m3/s, as the README says");
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        for (double v : r.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertEquals(0.0099, min, 0.00005);
        assertEquals(246.36, max, 0.005);
        assertEquals(4.593, sum / r.size(), 0.0005);
    }

    @Test
    void columnsByNameZoneAndUnitConversion() throws IOException {
        SeriesOptions o = SeriesOptions.defaults().withTimeColumn("date").withValueColumn("Qdaily").withDelimiter('\t')
                .withZone(ZoneId.of("America/New_York")).withUnit("ft3/s");
        SeriesReadResult res = SeriesReader.read(SeriesSamples.copy("usgs_ChoptankRiverFlow_01491000_dv_m3s.txt", dir),
                SeriesFormat.CSV, o.withStation("Q"));
        Readings r = res.series().get(0).readings();
        assertEquals(Instant.parse("1999-10-01T04:00:00Z"), r.instant(0), "midnight EDT is 04:00 UTC");
        assertEquals(3.029902561 * 0.3048 * 0.3048 * 0.3048, r.value(0), 1e-12, "line 2 read as ft3/s");
        assertEquals("m3/s", res.series().get(0).unit());
        assertTrue(res.warnings().get(0).contains("values in ft3/s converted to m3/s"), res.warnings().toString());
    }

    @Test
    void explicitTimeFormat() throws IOException {
        Readings r = read("pastas_nb10_Observation_well.csv", SeriesOptions.defaults()
                .withTimeFormat("yyyy-MM-dd HH:mm:ss"));
        assertEquals(Instant.parse("1960-04-28T12:00:00Z"), r.instant(0), "line 2: 1960-04-28 12:00:00,10.68");
        assertEquals(10.68, r.value(0));
    }
}
