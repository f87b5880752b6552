package org.geoassure.ingest.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.series.Bin;
import org.geoassure.geodb.series.Gap;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.series.StationKind;
import org.geoassure.geodb.store.SeriesStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real series through the embedded store: the Choptank discharge ingested, resampled and corrected, checked against
 * the figures of the shared timeseries README and values read off the file by hand.
 */
class SeriesFilesStoreTest {
    @TempDir
    Path dir;

    private static final Provenance P = new Provenance(List.of(), "tester", Map.of(), List.of());

    private SeriesStore open(WorkspaceStore ws) {
        SeriesStore s = (SeriesStore) ws;
        s.ingestStations(List.of(new Station("01491000", "Choptank River near Greensboro MD", StationKind.DISCHARGE,
                Double.NaN, Double.NaN, Double.NaN, "m3/s", "")), P);
        return s;
    }

    private Readings choptank() throws IOException {
        return SeriesReader.read(SeriesSamples.copy("usgs_ChoptankRiverFlow_01491000_dv_m3s.txt", dir), null,
                SeriesOptions.defaults().withStation("01491000")).series().get(0).readings();
    }

    @Test
    void choptankResampledMatchesTheReadme() throws IOException {
        try (WorkspaceStore ws = Workspaces.create(dir.resolve("w.gpkg"), new WorkspaceInfo("t", "EPSG:4326", "", "m",
                Instant.parse("2026-01-01T00:00:00Z")))) {
            SeriesStore s = open(ws);
            IngestRecord rec = s.ingestReadings(List.of(choptank()), P);
            assertEquals(4383, rec.holesNew());
            // one interval of 20000 days from 1970-01-01 (to 2024-10-04) holds 1999-10-01 ... 2011-09-30 (days 10865 ... 15247)
            List<Bin> all = s.resample("01491000", null, null, Duration.ofDays(20000), null);
            assertEquals(1, all.size());
            Bin b = all.get(0);
            // README: 4 383 days; min 0.0099, max 246.36, mean 4.593 m3/s; first row 3.03 m3/s
            assertEquals(4383, b.count());
            assertEquals(0.0099, b.min(), 0.00005);
            assertEquals(246.36, b.max(), 0.005);
            assertEquals(4.593, b.mean(), 0.0005);
            assertEquals(3.03, b.first(), 0.005);
            assertEquals(9.457826687, b.last(), 1e-12, "last line: 9/30/2011 9.457826687");
            assertEquals(4383, s.resample("01491000", null, null, Duration.ofDays(1), null).size(), "one per day");
            List<Bin> year = s.resample("01491000", Instant.parse("2000-01-01T00:00:00Z"),
                    Instant.parse("2000-01-02T00:00:00Z"), Duration.ofDays(1), null);
            assertEquals(1, year.get(0).count());
            assertEquals(List.of(), s.gaps("01491000", null, null, Duration.ofDays(1), null), "a daily record");
            assertEquals(9.457826687, s.lastValues(List.of("01491000"), Instant.parse("2030-01-01T00:00:00Z"), null)
                    .get(0).value(), 1e-12);
            assertEquals(List.of(), ws.check());
        }
    }

    @Test
    void aCorrectedDayKeepsTheOldValueOnTheRecordAxis() throws IOException {
        try (WorkspaceStore ws = Workspaces.create(dir.resolve("w.gpkg"), new WorkspaceInfo("t", "EPSG:4326", "", "m",
                Instant.parse("2026-01-01T00:00:00Z")))) {
            SeriesStore s = open(ws);
            Readings r = choptank();
            IngestRecord first = s.ingestReadings(List.of(r), P);
            double[] v = r.values();
            v[0] = 3.1;
            IngestRecord fix = s.ingestReadings(List.of(new Readings("01491000", r.times(), v, null)), P);
            assertEquals(List.of(0, 1, 4382, 1L), List.of(fix.holesNew(), fix.holesChanged(), fix.holesUnchanged(),
                    fix.intervalRows()));
            Instant day1 = Instant.parse("1999-10-01T00:00:00Z");
            assertEquals(3.1, s.lastValues(List.of("01491000"), day1, null).get(0).value());
            assertEquals(3.029902561, s.lastValues(List.of("01491000"), day1, first.recordedAt()).get(0).value(),
                    "line 2 of the file, as recorded by the first ingest");
            assertEquals(new SeriesStore.SeriesCounts(1, 4383, 4384), s.seriesCounts());
        }
    }

    @Test
    void headGapsAgreeWithAScanOfTheFile() throws IOException {
        Readings head = SeriesReader.read(SeriesSamples.copy("pastas_head_nb1.csv", dir), null,
                SeriesOptions.defaults().withStation("B58C0698")).series().get(0).readings();
        long limit = Duration.ofDays(30).toSeconds() * 1_000_000L;
        int expected = 0;
        for (int i = 1; i < head.size(); i++) {
            if (head.time(i) - head.time(i - 1) > limit) {
                expected++;
            }
        }
        try (WorkspaceStore ws = Workspaces.create(dir.resolve("w.gpkg"), new WorkspaceInfo("t", "EPSG:4326", "", "m",
                Instant.parse("2026-01-01T00:00:00Z")))) {
            SeriesStore s = (SeriesStore) ws;
            s.ingestStations(List.of(new Station("B58C0698", "", StationKind.PIEZOMETER, Double.NaN, Double.NaN,
                    Double.NaN, "m", "")), P);
            s.ingestReadings(List.of(head), P);
            List<Gap> gaps = s.gaps("B58C0698", null, null, Duration.ofDays(30), null);
            assertEquals(expected, gaps.size());
            for (Gap g : gaps) {
                assertEquals(true, g.length().compareTo(Duration.ofDays(30)) > 0, g.toString());
            }
        }
    }
}
