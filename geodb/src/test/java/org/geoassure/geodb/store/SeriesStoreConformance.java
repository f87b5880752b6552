package org.geoassure.geodb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.series.Bin;
import org.geoassure.geodb.series.Gap;
import org.geoassure.geodb.series.LastValue;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.series.StationKind;
import org.geoassure.geodb.store.SeriesStore.SeriesCounts;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@link SeriesStore}: record-time versions of stations, append-only readings with
 * corrections, all-or-nothing ingests, and the queries (range, resample, last values, gaps, recorded-as-of) on small
 * hand-made series (expected values worked out by hand in the comments). Every engine with series extends it and
 * supplies {@link #newStore}; the tests use only the SPI. The real series are checked in ingest's
 * SeriesFilesStoreTest.
 */
public abstract class SeriesStoreConformance {

    protected static final WorkspaceInfo INFO = new WorkspaceInfo("t", "EPSG:4527", "", "m",
            Instant.parse("2026-01-01T00:00:00Z"));
    protected static final Provenance P = new Provenance(List.of(), "tester", Map.of(), List.of());
    protected static final Station PZ1 = new Station("PZ1", "piezometer 1", StationKind.PIEZOMETER, 500100, 3800200,
            -120.5, "MPa", "Ordovician limestone", Map.of("filter", "1"));
    private static final Station RAIN = new Station("R1", "", StationKind.RAINFALL, Double.NaN, Double.NaN, Double.NaN,
            "mm", "");

    protected static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private static long us(String iso) {
        return Readings.micros(t(iso));
    }

    protected static Readings readings(String station, String[] times, double... values) {
        long[] t = new long[times.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = us(times[i]);
        }
        return new Readings(station, t, values, null);
    }

    /** A new, empty store for one test; it must implement {@link SeriesStore}. */
    protected abstract WorkspaceStore newStore(WorkspaceInfo info);

    /** A new store holding the stations PZ1 and R1. */
    protected Both store() {
        Both s = new Both(newStore(INFO));
        s.ingestStations(List.of(PZ1, RAIN), P);
        return s;
    }

    /** The store under test as both SPIs; closing it closes the store. */
    protected static final class Both implements AutoCloseable {
        /** The store as the SPI. */
        public final WorkspaceStore ws;
        /** The same store as series. */
        public final SeriesStore ss;

        Both(WorkspaceStore ws) {
            this.ws = ws;
            this.ss = assertInstanceOf(SeriesStore.class, ws, "the engine under test has no series");
        }

        public IngestRecord ingestStations(List<Station> stations, Provenance p) {
            return ss.ingestStations(stations, p);
        }

        public IngestRecord ingestReadings(List<Readings> batches, Provenance p) {
            return ss.ingestReadings(batches, p);
        }

        public java.util.Optional<Station> seriesStation(String id, Instant recordedAsOf) {
            return ss.seriesStation(id, recordedAsOf);
        }

        public List<Station> seriesStations(Instant recordedAsOf) {
            return ss.seriesStations(recordedAsOf);
        }

        public Readings readings(String id, Instant from, Instant to, Instant recordedAsOf) {
            return ss.readings(id, from, to, recordedAsOf);
        }

        public List<Bin> resample(String id, Instant from, Instant to, Duration step, Instant recordedAsOf) {
            return ss.resample(id, from, to, step, recordedAsOf);
        }

        public List<LastValue> lastValues(List<String> ids, Instant at, Instant recordedAsOf) {
            return ss.lastValues(ids, at, recordedAsOf);
        }

        public List<Gap> gaps(String id, Instant from, Instant to, Duration longerThan, Instant recordedAsOf) {
            return ss.gaps(id, from, to, longerThan, recordedAsOf);
        }

        public SeriesCounts seriesCounts() {
            return ss.seriesCounts();
        }

        public List<IngestRecord> ingests() {
            return ws.ingests();
        }

        public List<String> check() {
            return ws.check();
        }

        @Override
        public void close() {
            ws.close();
        }
    }

    @Test
    void stationsAreVersionedByRecordTime() {
        try (Both s = store()) {
            Instant first = s.ingests().get(0).recordedAt();
            IngestRecord same = s.ingestStations(List.of(PZ1), P);
            assertEquals(List.of(0, 0, 1, 0L), List.of(same.holesNew(), same.holesChanged(), same.holesUnchanged(),
                    same.intervalRows()), "identical station: nothing written");
            Station moved = new Station("PZ1", "piezometer 1", StationKind.PIEZOMETER, 500100, 3800200, -121.0, "MPa",
                    "Ordovician limestone", Map.of("filter", "1"));
            IngestRecord rec = s.ingestStations(List.of(moved), P);
            assertEquals(1, rec.holesChanged());
            assertEquals(-121.0, s.seriesStation("PZ1", null).orElseThrow().z());
            Station then = s.seriesStation("PZ1", first).orElseThrow();
            assertEquals(-120.5, then.z(), "the old version as of the first ingest");
            assertEquals(Map.of("filter", "1"), then.attributes());
            assertEquals("Ordovician limestone", then.watches());
            assertTrue(Double.isNaN(s.seriesStation("R1", null).orElseThrow().x()), "unknown x stays NaN (stored as NULL)");
            assertEquals(List.of("PZ1", "R1"), s.seriesStations(null).stream().map(Station::id).toList());
            assertEquals(List.of(), s.seriesStations(first.minusSeconds(1)), "nothing before the first ingest");
            assertEquals(List.of("stations", "stations", "stations"), s.ingests().stream().map(IngestRecord::kind)
                    .toList());
            assertEquals(List.of(), s.check());
        }
    }

    @Test
    void correctionIsANewRecordVersionAndIdenticalReingestWritesNothing() {
        try (Both s = store()) {
            String[] times = {"2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"};
            IngestRecord first = s.ingestReadings(List.of(readings("PZ1", times, 1.5, 1.6, 1.7)), P);
            assertEquals(3, first.holesNew());
            IngestRecord again = s.ingestReadings(List.of(readings("PZ1", times, 1.5, 1.6, 1.7)), P);
            assertEquals(List.of(0, 0, 3, 0L), List.of(again.holesNew(), again.holesChanged(), again.holesUnchanged(),
                    again.intervalRows()));
            assertEquals(new SeriesCounts(2, 3, 3), s.seriesCounts(), "identical re-ingest wrote no row");
            IngestRecord fix = s.ingestReadings(List.of(readings("PZ1", new String[] {times[1], "2024-01-04T00:00:00Z"},
                    1.65, 1.8)), P);
            assertEquals(List.of(1, 1, 0, 2L), List.of(fix.holesNew(), fix.holesChanged(), fix.holesUnchanged(),
                    fix.intervalRows()));
            assertArrayEquals(new double[] {1.5, 1.65, 1.7, 1.8}, s.readings("PZ1", null, null, null).values());
            assertArrayEquals(new double[] {1.5, 1.6, 1.7}, s.readings("PZ1", null, null, first.recordedAt()).values(),
                    "as recorded at the first ingest: the old value, not the later reading");
            assertEquals(new SeriesCounts(2, 4, 5), s.seriesCounts());
            assertEquals(List.of(), s.check());
        }
    }

    @Test
    void badReadingsLeaveTheStoreAsItWas() {
        try (Both s = store()) {
            s.ingestReadings(List.of(readings("PZ1", new String[] {"2024-01-01T00:00:00Z"}, 1.0)), P);
            int ingests = s.ingests().size();
            SeriesCounts before = s.seriesCounts();
            InvalidContentException unknown = assertThrows(InvalidContentException.class, () -> s.ingestReadings(
                    List.of(readings("PZ1", new String[] {"2024-02-01T00:00:00Z"}, 2.0),
                            readings("PZ9", new String[] {"2024-02-01T00:00:00Z"}, 2.0)), P));
            assertTrue(unknown.getMessage().startsWith("station 'PZ9' is not in the workspace"), unknown.getMessage());
            InvalidContentException twice = assertThrows(InvalidContentException.class, () -> s.ingestReadings(
                    List.of(readings("PZ1", new String[] {"2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z"}, 2.0, 3.0),
                            readings("PZ1", new String[] {"2024-03-02T00:00:00Z"}, 4.0)), P));
            assertTrue(twice.getMessage().contains("2024-03-02T00:00:00Z is given twice"), twice.getMessage());
            assertEquals(ingests, s.ingests().size(), "no ingest logged");
            assertEquals(before, s.seriesCounts(), "the first batch of the failed ingest was rolled back");
            assertEquals(List.of(), s.check());
        }
        assertThrows(InvalidContentException.class, () -> new Readings("PZ1", new long[] {2, 1}, new double[] {0, 0},
                null), "times must increase");
        assertThrows(InvalidContentException.class, () -> new Readings("PZ1", new long[] {1}, new double[] {Double.NaN},
                null), "values must be finite");
    }

    @Test
    void rangeIsFromInclusiveToExclusiveWithOpenEnds() {
        try (Both s = store()) {
            s.ingestReadings(List.of(readings("PZ1", new String[] {"2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z",
                "2024-01-03T00:00:00Z", "2024-01-04T00:00:00Z"}, 1, 2, 3, 4)), P);
            assertArrayEquals(new double[] {2, 3}, s.readings("PZ1", t("2024-01-02T00:00:00Z"),
                    t("2024-01-04T00:00:00Z"), null).values(), "[from, to)");
            assertArrayEquals(new long[] {us("2024-01-03T00:00:00Z"), us("2024-01-04T00:00:00Z")},
                    s.readings("PZ1", t("2024-01-02T00:00:01Z"), null, null).times(), "open end");
            assertArrayEquals(new double[] {1}, s.readings("PZ1", null, t("2024-01-02T00:00:00Z"), null).values(),
                    "open start");
            assertEquals(0, s.readings("R1", null, null, null).size(), "a station without readings");
            InvalidContentException e = assertThrows(InvalidContentException.class,
                    () -> s.readings("PZ9", null, null, null));
            assertEquals("station: no station 'PZ9' in this workspace (stations: PZ1, R1)", e.getMessage());
        }
    }

    @Test
    void resampleToUtcDays() {
        try (Both s = store()) {
            s.ingestReadings(List.of(readings("PZ1", new String[] {"2024-01-01T06:00:00Z", "2024-01-01T18:00:00Z",
                "2024-01-02T00:00:00Z", "2024-01-04T23:59:59Z"}, 1, 3, 10, 7)), P);
            List<Bin> bins = s.resample("PZ1", null, null, Duration.ofDays(1), null);
            // day 1: 1 and 3 -> count 2, mean 2, sum 4, first 1, last 3; day 2: 10; day 3 empty (left out); day 4: 7
            assertEquals(List.of(
                    new Bin(t("2024-01-01T00:00:00Z"), t("2024-01-02T00:00:00Z"), 2, 2, 1, 3, 4, 1, 3),
                    new Bin(t("2024-01-02T00:00:00Z"), t("2024-01-03T00:00:00Z"), 1, 10, 10, 10, 10, 10, 10),
                    new Bin(t("2024-01-04T00:00:00Z"), t("2024-01-05T00:00:00Z"), 1, 7, 7, 7, 7, 7, 7)), bins);
            List<Bin> range = s.resample("PZ1", t("2024-01-01T12:00:00Z"), t("2024-01-04T00:00:00Z"),
                    Duration.ofHours(12), null);
            // [12:00, 24:00) holds 3; [2nd 00:00, 12:00) holds 10; 7 is outside the range
            assertEquals(List.of(3.0, 10.0), range.stream().map(Bin::mean).toList());
            assertEquals(t("2024-01-01T12:00:00Z"), range.get(0).start());
            assertThrows(InvalidContentException.class, () -> s.resample("PZ1", null, null, Duration.ZERO, null));
        }
    }

    @Test
    void lastValuesAtOrBeforeTForManyStations() {
        try (Both s = store()) {
            s.ingestReadings(List.of(readings("PZ1", new String[] {"2024-01-01T00:00:00Z", "2024-01-10T00:00:00Z"}, 1, 2),
                    readings("R1", new String[] {"2024-01-05T00:00:00Z"}, 12.5)), P);
            assertEquals(List.of(new LastValue("R1", t("2024-01-05T00:00:00Z"), 12.5, null),
                    new LastValue("PZ1", t("2024-01-01T00:00:00Z"), 1, null)),
                    s.lastValues(List.of("R1", "PZ1"), t("2024-01-09T23:59:59Z"), null), "in the order asked");
            assertEquals(List.of(new LastValue("PZ1", t("2024-01-10T00:00:00Z"), 2, null)),
                    s.lastValues(List.of("PZ1"), t("2024-01-10T00:00:00Z"), null), "at t itself counts");
            assertEquals(List.of(new LastValue("PZ1", t("2024-01-01T00:00:00Z"), 1, null)),
                    s.lastValues(List.of("PZ1", "R1"), t("2024-01-04T00:00:00Z"), null), "R1 has none yet");
            InvalidContentException e = assertThrows(InvalidContentException.class,
                    () -> s.lastValues(List.of("nope"), t("2024-01-04T00:00:00Z"), null));
            assertEquals("station: no station 'nope' in this workspace (stations: PZ1, R1)", e.getMessage());
        }
    }

    @Test
    void gapsLongerThanADuration() {
        try (Both s = store()) {
            s.ingestReadings(List.of(readings("PZ1", new String[] {"2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z",
                "2024-01-06T00:00:00Z", "2024-01-07T00:00:00Z", "2024-01-09T00:00:00Z"}, 1, 2, 3, 4, 5)), P);
            // steps: 1 d, 4 d, 1 d, 2 d; longer than 2 d: only the 4-day one (2 d itself is not longer)
            assertEquals(List.of(new Gap("PZ1", t("2024-01-02T00:00:00Z"), t("2024-01-06T00:00:00Z"))),
                    s.gaps("PZ1", null, null, Duration.ofDays(2), null));
            assertEquals(Duration.ofDays(4), s.gaps("PZ1", null, null, Duration.ofDays(2), null).get(0).length());
            assertEquals(4, s.gaps("PZ1", null, null, Duration.ofHours(1), null).size());
        }
    }
}
