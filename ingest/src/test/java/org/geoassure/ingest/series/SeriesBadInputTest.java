package org.geoassure.ingest.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad series files: each error names the file and line (JSON: the pointer) and says what is wrong in one line. */
class SeriesBadInputTest {
    @TempDir
    Path dir;

    private String error(String name, String content, SeriesFormat format, SeriesOptions o) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return assertThrows(InvalidContentException.class, () -> SeriesReader.read(f, format, o)).getMessage();
    }

    private String csv(String content) throws IOException {
        return error("h.csv", content, SeriesFormat.CSV, SeriesOptions.defaults().withStation("S"));
    }

    @Test
    void csvBadNumber() throws IOException {
        assertEquals("h.csv:3: 'x1' in column 'head' is not a finite number", csv("date,head\n2020-01-01,1\n2020-01-02,x1\n"));
    }

    @Test
    void csvBadTime() throws IOException {
        assertEquals("h.csv:2: '2020-13-01' is not a time (expected 2015-06-28, 2015-06-28 12:00:00, "
                + "2015-06-28T12:00:00Z or M/D/YYYY)", csv("date,head\n2020-13-01,1\n"));
    }

    @Test
    void csvTimesOutOfOrderNameBothLines() throws IOException {
        assertEquals("h.csv:4: time 2020-01-01T00:00:00Z is before the previous reading's 2020-01-03T00:00:00Z "
                + "(h.csv:3); sort the file by time", csv("date,head\n2020-01-02,1\n2020-01-03,2\n2020-01-01,3\n"));
        assertEquals("h.csv:3: time 2020-01-02T00:00:00Z repeats the previous reading's (h.csv:2)",
                csv("date,head\n2020-01-02,1\n2020-01-02,2\n"));
    }

    @Test
    void csvMissingColumn() throws IOException {
        assertEquals("h.csv:1: --value-column 'level' is not in the header [date, head]", error("h.csv",
                "date,head\n2020-01-01,1\n", SeriesFormat.CSV, SeriesOptions.defaults().withValueColumn("level")));
        assertEquals("h.csv:3: 1 fields, expected at least 2 (delimiter ',')", csv("date,head\n2020-01-01,1\n2020-01-02\n"));
    }

    @Test
    void csvEmptyValueIsSkippedWithAWarning() throws IOException {
        Path f = dir.resolve("gap.csv");
        Files.writeString(f, "date,head\n2020-01-01,1\n2020-01-02,\n2020-01-03,3\n");
        SeriesReadResult r = SeriesReader.read(f, null, SeriesOptions.defaults().withStation("S"));
        assertEquals(2, r.series().get(0).readings().size());
        assertEquals(java.util.List.of("gap.csv:3: no value in column 'head'; row skipped"), r.warnings());
    }

    @Test
    void rdbFieldCount() throws IOException {
        assertEquals("r.rdb:4: 4 fields, the header has 5", error("r.rdb", "# c\nagency_cd\tsite_no\tdatetime\t"
                + "01_00060_00003\t01_00060_00003_cd\n5s\t15s\t20d\t14n\t10s\nUSGS\t1\t2012-09-01\t191\n",
                null, SeriesOptions.defaults()));
    }

    @Test
    void waterMlNotWellFormed() throws IOException {
        String m = error("w.xml", "<wml2:Collection xmlns:wml2=\"http://www.opengis.net/waterml/2.0\">\n<a>\n</b>\n",
                null, SeriesOptions.defaults());
        assertEquals("w.xml:3: not well-formed XML", m.substring(0, m.indexOf("XML") + 3));
    }

    @Test
    void jsonBadReadingNamesThePointer() throws IOException {
        assertEquals("j.json#/value/timeSeries/0/values/0/value/1/value: 'abc' in column 'value' is not a finite number",
                error("j.json", "{\"value\":{\"timeSeries\":[{\"values\":[{\"value\":[{\"value\":\"1\",\"dateTime\":"
                        + "\"2019-02-14T00:00:00Z\"},{\"value\":\"abc\",\"dateTime\":\"2019-02-14T00:15:00Z\"}]}]}]}}",
                        null, SeriesOptions.defaults()));
    }

    @Test
    void oneStationForSeveralSeriesIsRefused() throws IOException {
        Path f = SeriesSamples.copy("usgs_waterservices_iv.json", dir);
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> SeriesReader.read(f, null, SeriesOptions.defaults().withStation("X")));
        assertEquals("usgs_waterservices_iv.json: --station: the file holds 4 series ([01491000:00060, 01491000:00065, "
                + "01645000:00060, 01645000:00065]); map each to a station with --station-map KEY=ID", e.getMessage());
    }

    private String stations(String content) throws IOException {
        Path f = dir.resolve("st.csv");
        Files.writeString(f, content);
        return assertThrows(InvalidContentException.class, () -> StationCsvReader.read(f)).getMessage();
    }

    @Test
    void stationFileErrors() throws IOException {
        String h = "id,name,kind,x,y,z,unit,watches\n";
        assertEquals("st.csv:3: kind: 'well' is not one of [piezometer, water_level, water_inflow, water_pressure, "
                + "rainfall, pumping, discharge, river_stage, phreatic_line, dry_beach_length, surface_displacement, "
                + "internal_displacement, other]", stations(h + "A,,piezometer,1,2,3,m,\nB,,well,1,2,3,m,\n"));
        assertEquals("st.csv:2: unit 'ft' is not SI; give m (readings in ft are converted when they are ingested)",
                stations(h + "A,,water_level,1,2,3,ft,\n"));
        assertEquals("st.csv:3: station 'A' is also on line 2", stations(h + "A,,piezometer,,,,m,\nA,,rainfall,,,,mm,\n"));
        assertEquals("st.csv:2: z 'deep' is not a finite number", stations(h + "A,,piezometer,1,2,deep,MPa,\n"));
        assertEquals("st.csv:1: the header lacks the column 'unit' (columns: id,name,kind,x,y,z,unit,watches and any "
                + "attributes)", stations("id,kind\nA,rainfall\n"));
    }

    @Test
    void stationFileWithAttributes() throws IOException {
        Path f = dir.resolve("ok.csv");
        Files.writeString(f, "ID\tKind\tUnit\tz\tfilter\nPZ1\twater-pressure\tMPa\t-120.5\t2\n");
        StationCsvReader.Result r = StationCsvReader.read(f);
        assertEquals(1, r.stations().size());
        org.geoassure.geodb.series.Station s = r.stations().get(0);
        assertEquals(org.geoassure.geodb.series.StationKind.WATER_PRESSURE, s.kind());
        assertEquals(-120.5, s.z());
        assertEquals(Double.NaN, s.x(), "no x column: unknown");
        assertEquals(java.util.Map.of("filter", "2"), s.attributes());
    }
}
