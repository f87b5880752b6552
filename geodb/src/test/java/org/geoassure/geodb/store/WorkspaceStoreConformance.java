package org.geoassure.geodb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.LogCurve;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.model.LogRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.model.TraceRecord;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.ScanStats;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage SPI conformance suite. Every engine extends this class and supplies {@link #newStore}; the tests use
 * only the {@link WorkspaceStore} interface, so the PostGIS engine runs them unchanged.
 *
 * <p>Expected positions are analytic: a vertical hole drops by exactly its depth; a straight hole dipping 60 degrees
 * to azimuth 90 moves (d cos 60, 0, -d sin 60).
 */
public abstract class WorkspaceStoreConformance {
    /** EPSG:4527, CGCS2000 / 3-degree Gauss-Kruger zone 39 (x with zone prefix 39xxxxxx). */
    protected static final String CRS = "EPSG:4527";
    protected static final double X0 = 39_500_000.0;
    protected static final double Y0 = 4_000_000.0;
    private static final double SIN60 = Math.sin(Math.toRadians(60));

    protected WorkspaceStore store;

    /** A new, empty store for one test. */
    protected abstract WorkspaceStore newStore(WorkspaceInfo info);

    @BeforeEach
    void open() {
        store = newStore(WorkspaceInfo.of("conformance", CRS, "Yellow Sea 1985"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    static final List<Column> LITHO = List.of(new Column("lith", ColumnType.TEXT), new Column("cu", ColumnType.NUMBER));

    /** V1: vertical, 100 m. S1: straight, dip -60 to azimuth 90, 100 m. C1: curving from vertical to dip -45. */
    static List<HoleData> threeHoles(double z) {
        List<HoleData> holes = new ArrayList<>();
        holes.add(hole(Collar.of("V1", X0, Y0, z), List.of(new SurveyStation(0, 0, -90)),
                List.of(row(0, 40, "sandstone", 0.1), row(40, 100, "mudstone", null))));
        holes.add(hole(new Collar("S1", X0 + 200, Y0, z, 100, 90, -60), List.of(),
                List.of(row(0, 50, "sandstone", 0.5), row(50, 100, "coal", 2.0))));
        holes.add(hole(Collar.of("C1", X0, Y0 + 300, z),
                List.of(new SurveyStation(0, 45, -90), new SurveyStation(50, 45, -60), new SurveyStation(120, 45, -45)),
                List.of(row(10, 20, "granite", 1.5))));
        return holes;
    }

    static HoleData hole(Collar c, List<SurveyStation> survey, List<IntervalRow> litho) {
        return new HoleData(c, survey, litho == null ? Map.of() : Map.of("lithology", litho), null);
    }

    static IntervalRow row(double from, double to, String lith, Double cu) {
        List<Object> v = new ArrayList<>();
        v.add(lith);
        v.add(cu);
        return new IntervalRow(from, to, v);
    }

    static DrillholeBatch batch(List<HoleData> holes, Instant validFrom) {
        Map<String, List<Column>> schemas = new LinkedHashMap<>();
        if (holes.stream().anyMatch(h -> h.intervals().containsKey("lithology"))) {
            schemas.put("lithology", LITHO);
        }
        return new DrillholeBatch(holes, schemas, DesurveyMethod.MINIMUM_CURVATURE, validFrom,
                new Provenance(List.of(new SourceFile("collar", "collar.csv", "ab".repeat(32), holes.size())), "tester",
                        Map.of("units", "m"), List.of("collar.csv:7: a warning")));
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    /** Everything the SPI can tell about the store, for before/after comparisons. */
    public static List<Object> snapshot(WorkspaceStore s) {
        List<Object> all = new ArrayList<>();
        all.add(s.info());
        all.add(s.ingests());
        all.add(s.stats());
        all.add(s.intervalTables());
        for (String table : s.intervalTables()) {
            all.add(s.intervalColumns(table));
        }
        for (String id : s.holeIds()) {
            all.add(s.history(id));
            for (String table : s.intervalTables()) {
                all.add(s.intervalHistory(table, id));
            }
        }
        return all;
    }

    static <T> List<T> list(Stream<T> s) {
        try (s) {
            return s.toList();
        }
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void infoKeepsCrsAndVerticalDatum() {
        assertEquals("EPSG:4527", store.info().crs());
        assertEquals("Yellow Sea 1985", store.info().verticalDatum());
        assertEquals("m", store.info().lengthUnit());
        assertEquals(List.of(), store.holeIds());
    }

    @Test
    void ingestThenReadBack() {
        long[] last = {0, 0};
        IngestRecord r = store.ingest(batch(threeHoles(300), null), (done, total) -> {
            last[0] = done;
            last[1] = total;
        });
        assertEquals(3, last[0], "progress reaches the last hole");
        assertEquals(3, last[1]);
        assertEquals(3, r.holesNew());
        assertEquals(5, r.intervalRows());
        assertEquals(List.of("C1", "S1", "V1"), store.holeIds());
        assertEquals(List.of("lithology"), store.intervalTables());
        assertEquals(LITHO, store.intervalColumns("lithology"));
        List<HoleVersion> holes = list(store.boreholes(Selection.all()));
        assertEquals(List.of("C1", "S1", "V1"), holes.stream().map(HoleVersion::holeId).toList());
        assertEquals(3, holes.get(0).survey().size());
        assertEquals(DesurveyMethod.MINIMUM_CURVATURE, holes.get(0).method());
        assertTrue(holes.get(0).valid().isOpen());
        assertTrue(holes.get(0).recorded().isOpen());
        assertEquals(r.recordedAt(), holes.get(0).recorded().from());
    }

    @Test
    void verticalHoleDropsExactlyItsDepth() {
        store.ingest(batch(threeHoles(300), null));
        List<IntervalRecord> v1 = list(store.intervals("lithology", Selection.all().holes(Set.of("V1"))));
        assertEquals(2, v1.size());
        IntervalRecord second = v1.get(1);
        assertEquals(X0, second.position(0), 0.0);
        assertEquals(Y0, second.position(1), 0.0);
        assertEquals(300 - 40, second.position(2), 0.0);
        assertEquals(300 - 100, second.position(5), 0.0);
        assertEquals(300 - 70, second.position(8), 0.0);
        assertEquals("mudstone", second.values().get("lith"));
        assertNull(second.values().get("cu"));
    }

    @Test
    void straightInclinedHoleUsesCollarOrientation() {
        store.ingest(batch(threeHoles(300), null));
        IntervalRecord coal = list(store.intervals("lithology", Selection.all().holes(Set.of("S1")))).get(1);
        // to = 100 m along azimuth 90, dip -60: east 100 cos 60 = 50, down 100 sin 60
        assertEquals(X0 + 200 + 50, coal.position(3), 1e-9);
        assertEquals(Y0, coal.position(4), 1e-9);
        assertEquals(300 - 100 * SIN60, coal.position(5), 1e-9);
        // mid at 75 m
        assertEquals(X0 + 200 + 37.5, coal.position(6), 1e-9);
        assertEquals(300 - 75 * SIN60, coal.position(8), 1e-9);
    }

    @Test
    void stationsCarryDesurveyedPositions() {
        store.ingest(batch(threeHoles(300), null));
        List<StationRecord> c1 = list(store.stations(Selection.all().holes(Set.of("C1"))));
        assertEquals(3, c1.size());
        assertEquals(0, c1.get(0).depth());
        assertEquals(300, c1.get(0).z(), 0.0);
        // arc from vertical to dip -60 over 50 m: dogleg 30 degrees, radius 50/(pi/6); horizontal R(1-cos 30), down R sin 30
        double radius = 50 / (Math.PI / 6);
        double horizontal = radius * (1 - Math.cos(Math.PI / 6));
        assertEquals(300 - radius * 0.5, c1.get(1).z(), 1e-9);
        assertEquals(X0 + horizontal * Math.sin(Math.PI / 4), c1.get(1).x(), 1e-9);
        assertEquals(Y0 + 300 + horizontal * Math.cos(Math.PI / 4), c1.get(1).y(), 1e-9);
        assertEquals(-60, c1.get(1).dip());
    }

    @Test
    void unchangedReingestWritesNoVersion() {
        store.ingest(batch(threeHoles(300), null));
        IngestRecord second = store.ingest(batch(threeHoles(300), null));
        assertEquals(0, second.holesNew());
        assertEquals(0, second.holesChanged());
        assertEquals(3, second.holesUnchanged());
        assertEquals(0, second.intervalRows());
        assertEquals(1, store.history("V1").size());
        assertEquals(2, store.ingests().size());
    }

    @Test
    void checkFindsNothingAfterCorrectionsAndValidTimeSplits() {
        assertEquals(List.of(), store.check());
        store.ingest(batch(threeHoles(300), null));
        store.ingest(batch(threeHoles(310), null)); // a correction
        store.ingest(batch(threeHoles(320), Instant.parse("2031-01-01T00:00:00Z"))); // a valid-time split
        store.ingest(batch(threeHoles(320), Instant.parse("2031-01-01T00:00:00Z"))); // unchanged
        assertEquals(List.of(), store.check());
    }

    @Test
    void changedCollarMakesNewVersionAndKeepsTheOld() {
        IngestRecord first = store.ingest(batch(threeHoles(300), null));
        IngestRecord second = store.ingest(batch(threeHoles(310), null));
        assertEquals(3, second.holesChanged());
        List<HoleVersion> h = store.history("V1");
        assertEquals(2, h.size());
        assertEquals(300, h.get(0).collar().z());
        assertEquals(second.recordedAt(), h.get(0).recorded().to());
        assertEquals(310, h.get(1).collar().z());
        assertTrue(h.get(1).recorded().isOpen());
        // current state
        assertEquals(310, list(store.boreholes(Selection.all().holes(Set.of("V1")))).get(0).collar().z());
        // what we knew right after the first ingest: record time between the two ingests
        Instant between = first.recordedAt().plusNanos(500);
        assertTrue(between.isBefore(second.recordedAt()));
        Selection then = Selection.all().holes(Set.of("V1")).recordedAsOf(between).asOf(between);
        assertEquals(300, list(store.boreholes(then)).get(0).collar().z());
        // intervals were re-derived with the new collar and the old rows stay readable at the old record time
        assertEquals(310 - 40, list(store.intervals("lithology", Selection.all().holes(Set.of("V1")))).get(0).position(5));
        assertEquals(300 - 40, list(store.intervals("lithology", then)).get(0).position(5));
    }

    @Test
    void validTimeSplitKeepsEarlierStateForEarlierValidPeriod() {
        store.ingest(batch(threeHoles(300), t("2024-01-01T00:00:00Z")));
        IngestRecord second = store.ingest(batch(threeHoles(305), t("2025-03-01T00:00:00Z")));
        Selection v1 = Selection.all().holes(Set.of("V1"));
        assertEquals(300, list(store.boreholes(v1.asOf(t("2024-06-01T00:00:00Z")))).get(0).collar().z());
        assertEquals(305, list(store.boreholes(v1.asOf(t("2025-06-01T00:00:00Z")))).get(0).collar().z());
        assertEquals(List.of(), list(store.boreholes(v1.asOf(t("2023-06-01T00:00:00Z")))));
        // before the second ingest we believed 300 held for mid 2025 as well
        Instant before = second.recordedAt().minusNanos(1000);
        assertEquals(300, list(store.boreholes(v1.asOf(t("2025-06-01T00:00:00Z")).recordedAsOf(before)))
                .get(0).collar().z());
        // history: the superseded original, the re-recorded [2024-01-01, 2025-03-01) part, the new state
        List<HoleVersion> h = store.history("V1");
        assertEquals(3, h.size());
        assertEquals(t("2025-03-01T00:00:00Z"), h.get(1).valid().to());
        assertEquals(300, h.get(1).collar().z());
        assertEquals(305, h.get(2).collar().z());
        // interval rows follow the same split
        assertEquals(300 - 40, list(store.intervals("lithology", v1.asOf(t("2024-06-01T00:00:00Z")))).get(0).position(5));
        assertEquals(305 - 40, list(store.intervals("lithology", v1.asOf(t("2025-06-01T00:00:00Z")))).get(0).position(5));
    }

    @Test
    void changedIntervalsMakeNewSetVersion() {
        IngestRecord first = store.ingest(batch(threeHoles(300), null));
        List<HoleData> changed = new ArrayList<>(threeHoles(300));
        changed.set(0, hole(Collar.of("V1", X0, Y0, 300), List.of(new SurveyStation(0, 0, -90)),
                List.of(row(0, 40, "sandstone", 0.1), row(40, 90, "mudstone", 0.2), row(90, 100, "coal", 3.0))));
        IngestRecord second = store.ingest(batch(changed, null));
        assertEquals(3, second.holesUnchanged());
        assertEquals(3, second.intervalRows());
        assertEquals(3, list(store.intervals("lithology", Selection.all().holes(Set.of("V1")))).size());
        assertEquals(2, list(store.intervals("lithology",
                Selection.all().holes(Set.of("V1")).recordedAsOf(first.recordedAt()))).size());
        assertEquals(5, store.intervalHistory("lithology", "V1").size());
    }

    @Test
    void survey_change_rederives_positions_of_tables_not_in_the_batch() {
        store.ingest(batch(threeHoles(300), null));
        List<HoleData> noIntervals = new ArrayList<>();
        noIntervals.add(hole(Collar.of("V1", X0 + 10, Y0, 300), List.of(new SurveyStation(0, 0, -90)), null));
        store.ingest(batch(noIntervals, null));
        List<IntervalRecord> v1 = list(store.intervals("lithology", Selection.all().holes(Set.of("V1"))));
        assertEquals(2, v1.size());
        assertEquals(X0 + 10, v1.get(0).position(0), 0.0);
        assertEquals("sandstone", v1.get(0).values().get("lith"));
    }

    @Test
    void failedIngestLeavesStoreExactlyAsItWas() {
        store.ingest(batch(threeHoles(300), null));
        List<Object> before = snapshot(store);
        List<HoleData> bad = new ArrayList<>(threeHoles(320));
        // the last hole reverses direction between stations: cannot be desurveyed
        bad.add(hole(Collar.of("BAD", X0, Y0 + 900, 300),
                List.of(new SurveyStation(0, 0, -90), new SurveyStation(10, 0, 90)), List.of(row(0, 5, "x", 1.0))));
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> store.ingest(batch(bad, null)));
        assertTrue(e.getMessage().contains("BAD"), e.getMessage());
        assertEquals(before, snapshot(store));
    }

    @Test
    void columnTypeConflictIsRefusedAndWritesNothing() {
        store.ingest(batch(threeHoles(300), null));
        List<Object> before = snapshot(store);
        DrillholeBatch b = batch(threeHoles(300), null);
        DrillholeBatch textCu = new DrillholeBatch(b.holes(), Map.of("lithology",
                List.of(new Column("lith", ColumnType.TEXT), new Column("cu", ColumnType.TEXT))), b.method(), null,
                b.provenance());
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> store.ingest(textCu));
        assertTrue(e.getMessage().contains("cu") && e.getMessage().contains("numeric"), e.getMessage());
        assertEquals(before, snapshot(store));
    }

    @Test
    void holeTwiceInOneBatchIsRefused() {
        List<HoleData> twice = new ArrayList<>(threeHoles(300));
        twice.add(threeHoles(310).get(0));
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> store.ingest(batch(twice, null)));
        assertTrue(e.getMessage().contains("'V1' appears more than once"), e.getMessage());
        assertEquals(List.of(), store.holeIds());
    }

    @Test
    void newColumnExtendsTheTable() {
        store.ingest(batch(threeHoles(300), null));
        List<Column> cols = List.of(new Column("lith", ColumnType.TEXT), new Column("cu", ColumnType.NUMBER),
                new Column("au", ColumnType.NUMBER));
        List<HoleData> holes = List.of(new HoleData(Collar.of("N1", X0 + 500, Y0, 300), List.of(),
                Map.of("lithology", List.of(new IntervalRow(0, 10, List.of("gabbro", 0.3, 1.25)))), null));
        DrillholeBatch b = batch(holes, null);
        store.ingest(new DrillholeBatch(holes, Map.of("lithology", cols), b.method(), null, b.provenance()));
        assertEquals(cols, store.intervalColumns("lithology"));
        assertEquals(1.25, list(store.intervals("lithology", Selection.all().holes(Set.of("N1")))).get(0).values().get("au"));
        assertNull(list(store.intervals("lithology", Selection.all().holes(Set.of("V1")))).get(0).values().get("au"));
    }

    @Test
    void provenanceIsKept() {
        store.ingest(batch(threeHoles(300), null));
        IngestRecord r = store.ingests().get(0);
        assertEquals("tester", r.provenance().user());
        assertEquals("ab".repeat(32), r.provenance().sources().get(0).sha256());
        assertEquals("collar.csv", r.provenance().sources().get(0).name());
        assertEquals("minimum-curvature", r.provenance().parameters().get("desurvey_method"));
        assertEquals("m", r.provenance().parameters().get("units"));
        assertEquals(List.of("collar.csv:7: a warning"), r.provenance().warnings());
    }

    @Test
    void boxQueryRefinesBeyondFloat32() {
        // At x = 39.5e6 float32 steps are 4 m: the R*Tree box alone cannot tell 0.3 m apart; the refine must.
        store.ingest(batch(threeHoles(300), null));
        Box3 justShort = new Box3(X0 - 10, Y0 - 10, 0, X0 - 0.3, Y0 + 10, 400);
        Box3 justIn = new Box3(X0 - 10, Y0 - 10, 0, X0 + 0.3, Y0 + 10, 400);
        assertEquals(List.of(), list(store.intervals("lithology", Selection.all().within(new SpatialFilter.InBox(justShort)))));
        assertEquals(2, list(store.intervals("lithology", Selection.all().within(new SpatialFilter.InBox(justIn)))).size());
        assertEquals(List.of("V1"), list(store.boreholes(Selection.all().within(new SpatialFilter.InBox(justIn))))
                .stream().map(HoleVersion::holeId).toList());
    }

    @Test
    void boxSelectsByDepthRange() {
        store.ingest(batch(threeHoles(300), null));
        // elevation 250..255 crosses V1 only in its first interval (300..260 is 0-40 m, 260..200 is 40-100 m)
        Box3 slab = new Box3(X0 - 1, Y0 - 1, 265, X0 + 1, Y0 + 1, 270);
        List<IntervalRecord> r = list(store.intervals("lithology", Selection.all().within(new SpatialFilter.InBox(slab))));
        assertEquals(1, r.size());
        assertEquals(0.0, r.get(0).from());
    }

    @Test
    void everyPartOfALongCurvedHoleIsIndexed() {
        // 1,200 m, turning from vertical to dip -30 and swinging from azimuth 0 to 90: the index keeps it in
        // pieces of at most 100 m, and a 2 cm box around any station must find the hole
        List<SurveyStation> survey = new ArrayList<>();
        for (int k = 0; k <= 40; k++) {
            survey.add(new SurveyStation(30.0 * k, 90.0 * k / 40, -90 + 60.0 * k / 40));
        }
        store.ingest(batch(List.of(hole(Collar.of("L1", X0, Y0, 500), survey, null)), null));
        List<StationRecord> stations = list(store.stations(Selection.all()));
        assertEquals(41, stations.size());
        for (StationRecord st : stations) {
            Box3 tiny = new Box3(st.x() - 0.01, st.y() - 0.01, st.z() - 0.01, st.x() + 0.01, st.y() + 0.01, st.z() + 0.01);
            assertEquals(List.of("L1"), list(store.boreholes(Selection.all().within(new SpatialFilter.InBox(tiny))))
                    .stream().map(HoleVersion::holeId).toList(), "station at depth " + st.depth());
            assertEquals(1, list(store.stations(Selection.all().within(new SpatialFilter.InBox(tiny)))).size());
        }
        // and a box 5 m beside the deepest station finds nothing
        StationRecord last = stations.get(40);
        Box3 beside = new Box3(last.x() + 5, last.y() - 1, last.z() - 1, last.x() + 6, last.y() + 1, last.z() + 1);
        assertEquals(List.of(), list(store.boreholes(Selection.all().within(new SpatialFilter.InBox(beside)))));
    }

    @Test
    void nearPointUses3dDistance() {
        store.ingest(batch(threeHoles(300), null));
        // point 30 m east of V1 at elevation 150, i.e. 50 m below its bottom (200): distance sqrt(30^2+50^2) = 58.31
        SpatialFilter inside = new SpatialFilter.NearPoint(X0 + 30, Y0, 150, 58.4);
        SpatialFilter outside = new SpatialFilter.NearPoint(X0 + 30, Y0, 150, 58.3);
        assertEquals(List.of(40.0), list(store.intervals("lithology", Selection.all().within(inside)))
                .stream().map(IntervalRecord::from).toList());
        assertEquals(List.of(), list(store.intervals("lithology", Selection.all().within(outside))));
        assertEquals(1, list(store.stations(Selection.all().within(new SpatialFilter.NearPoint(X0, Y0, 305, 5.5)))).size());
    }

    @Test
    void nearPolylineSelectsHolesAlongAFaultTrace() {
        store.ingest(batch(threeHoles(300), null));
        // a horizontal line at elevation 250 from V1 towards S1, 20 m north of both
        double[] line = {X0 - 50, Y0 + 20, 250, X0 + 260, Y0 + 20, 250};
        List<String> ids = list(store.boreholes(Selection.all().within(new SpatialFilter.NearPolyline(line, 20.001))))
                .stream().map(HoleVersion::holeId).toList();
        assertEquals(List.of("S1", "V1"), ids);
        assertEquals(List.of(), list(store.boreholes(Selection.all().within(new SpatialFilter.NearPolyline(line, 19.99)))));
    }

    @Test
    void tracesStartAtTheCollarAndFilterLikeBoreholes() {
        store.ingest(batch(threeHoles(300), null));
        List<TraceRecord> traces = list(store.traces(Selection.all()));
        List<HoleVersion> holes = list(store.boreholes(Selection.all()));
        assertEquals(holes.stream().map(HoleVersion::holeId).toList(), traces.stream().map(TraceRecord::holeId).toList());
        for (int i = 0; i < holes.size(); i++) {
            double[] xyz = traces.get(i).xyz();
            assertEquals(holes.get(i).collar().x(), xyz[0], 1e-9);
            assertEquals(holes.get(i).collar().y(), xyz[1], 1e-9);
            assertEquals(holes.get(i).collar().z(), xyz[2], 1e-9);
            assertEquals(holes.get(i).valid(), traces.get(i).valid());
            assertEquals(holes.get(i).recorded(), traces.get(i).recorded());
        }
        double[] line = {X0 - 50, Y0 + 20, 250, X0 + 260, Y0 + 20, 250};
        ScanStats stats = new ScanStats();
        assertEquals(List.of("S1", "V1"), list(store.traces(Selection.all().within(
                new SpatialFilter.NearPolyline(line, 20.001)), stats)).stream().map(TraceRecord::holeId).toList());
        assertEquals(2, stats.returned());
        assertTrue(stats.indexCandidates() >= 2, stats.toString());
        assertEquals(List.of("V1"), list(store.traces(Selection.all().holes(Set.of("V1")))).stream()
                .map(TraceRecord::holeId).toList());
    }

    @Test
    void scanStatsCountWhatTheScanDid() {
        store.ingest(batch(threeHoles(300), null));
        ScanStats near = new ScanStats();
        List<IntervalRecord> rows = list(store.intervals("lithology", Selection.all().within(
                new SpatialFilter.NearPoint(X0, Y0, 300, 250)), near));
        assertEquals(rows.size(), near.returned());
        assertTrue(near.examined() >= near.returned() && near.indexCandidates() > 0, near.toString());
        ScanStats all = new ScanStats();
        long n = list(store.intervals("lithology", Selection.all(), all)).size();
        assertEquals(n, all.returned());
        assertEquals(0, all.indexCandidates());
        assertTrue(!all.access().isEmpty());
    }

    @Test
    void attributePredicates() {
        store.ingest(batch(threeHoles(300), null));
        assertEquals(List.of("S1"), holesOf(Selection.all().where(AttributePredicate.parse("cu >= 2"))));
        assertEquals(List.of("C1", "S1"), holesOf(Selection.all().where(AttributePredicate.parse("lith in ('coal', granite)"))));
        assertEquals(List.of("V1"), holesOf(Selection.all().where(AttributePredicate.parse("CU is null"))));
        assertEquals(4, list(store.intervals("lithology", Selection.all().where(AttributePredicate.parse("cu is not null"))))
                .size());
        assertEquals(List.of("V1"), holesOf(Selection.all().where(AttributePredicate.parse("lith = 'mudstone'"))));
        InvalidContentException unknown = assertThrows(InvalidContentException.class,
                () -> list(store.intervals("lithology", Selection.all().where(AttributePredicate.parse("au > 1")))));
        assertTrue(unknown.getMessage().contains("au"), unknown.getMessage());
        InvalidContentException notNumber = assertThrows(InvalidContentException.class,
                () -> list(store.intervals("lithology", Selection.all().where(AttributePredicate.parse("cu > abc")))));
        assertTrue(notNumber.getMessage().contains("not a number"), notNumber.getMessage());
    }

    @Test
    void spatialAndAttributeConditionsTogether() {
        store.ingest(batch(threeHoles(300), null));
        // everything within 250 m of V1's collar: V1, S1 (200 m east) and C1 (300 m north, deeper parts nearer)
        SpatialFilter near = new SpatialFilter.NearPoint(X0, Y0, 300, 250);
        List<IntervalRecord> all = list(store.intervals("lithology", Selection.all().within(near)));
        assertEquals(List.of("S1", "S1", "V1", "V1"), all.stream().map(IntervalRecord::holeId).toList());
        for (String where : List.of("cu >= 0.5", "lith in ('coal', 'mudstone')", "cu is null", "lith > 'd'",
                "cu <> 2", "lith = 'sandstone'")) {
            Selection attr = Selection.all().where(AttributePredicate.parse(where));
            // the spatial path (R*Tree + refine) and the attribute path (SQL) must agree row for row
            List<IntervalRecord> both = list(store.intervals("lithology", attr.within(near)));
            List<IntervalRecord> expected = list(store.intervals("lithology", attr)).stream()
                    .filter(r -> all.contains(r)).toList();
            assertEquals(expected, both, where);
        }
        assertEquals(List.of(0.0), list(store.intervals("lithology",
                Selection.all().within(near).where(AttributePredicate.parse("cu <= 0.1")))).stream()
                .map(IntervalRecord::from).toList());
    }

    @Test
    void spatialSelectionFollowsBothTimeAxes() {
        IngestRecord first = store.ingest(batch(threeHoles(300), t("2024-01-01T00:00:00Z")));
        store.ingest(batch(threeHoles(350), t("2025-03-01T00:00:00Z")));
        // a slab at elevation 210..220 crosses V1 (0-100 m) in 2024 with the collar at 300 (hole spans 300..200),
        // but not in 2025 with the collar at 350 (hole spans 350..250)
        Box3 slab = new Box3(X0 - 1, Y0 - 1, 210, X0 + 1, Y0 + 1, 220);
        Selection s = Selection.all().within(new SpatialFilter.InBox(slab));
        assertEquals(1, list(store.intervals("lithology", s.asOf(t("2024-06-01T00:00:00Z")))).size());
        assertEquals(List.of(), list(store.intervals("lithology", s.asOf(t("2025-06-01T00:00:00Z")))));
        assertEquals(1, list(store.intervals("lithology",
                s.asOf(t("2025-06-01T00:00:00Z")).recordedAsOf(first.recordedAt()))).size());
        IntervalRecord r = list(store.intervals("lithology", s.asOf(t("2024-06-01T00:00:00Z")))).get(0);
        assertEquals(40.0, r.from());
        assertEquals(t("2025-03-01T00:00:00Z"), r.valid().to());
        assertEquals(List.of("V1"), list(store.boreholes(s.asOf(t("2024-06-01T00:00:00Z")))).stream()
                .map(HoleVersion::holeId).toList());
    }

    private List<String> holesOf(Selection s) {
        return list(store.intervals("lithology", s)).stream().map(IntervalRecord::holeId).distinct().sorted().toList();
    }

    @Test
    void unknownTableIsBadInput() {
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> store.intervals("assays", Selection.all()));
        assertTrue(e.getMessage().contains("assays"), e.getMessage());
    }

    @Test
    void streamsAreLazyAndClosable() {
        store.ingest(batch(threeHoles(300), null));
        try (Stream<IntervalRecord> s = store.intervals("lithology", Selection.all())) {
            assertEquals("C1", s.findFirst().orElseThrow().holeId());
        }
        // the store is still usable after an early close
        assertFalse(list(store.stations(Selection.all())).isEmpty());
    }

    // ------------------------------------------------------------------------------------------------ logs

    /** A gamma-ray and a resistivity curve at 0.5 m steps from 10 m; GR null at the second sample. */
    static LogData gammaLog(String hole, String name, double shift) {
        double[] depth = {10.0, 10.5, 11.0, 11.5};
        double[] gr = {45.25, Double.NaN, 61.0 + shift, 70.125};
        double[] res = {1.5, 2.25, Double.NaN, 0.001};
        return new LogData(hole, name, "FT", List.of(new LogCurve("GR", "GAPI", "gamma ray"),
                new LogCurve("RES", "OHMM", "")), depth, List.of(gr, res),
                new SourceFile("las", name + ".las", "cd".repeat(32), depth.length));
    }

    static Provenance logProvenance() {
        return new Provenance(List.of(new SourceFile("las", "gr.las", "cd".repeat(32), 4)), "tester",
                Map.of("hole_by", "uwi"), List.of());
    }

    @Test
    void logsReadBackExactlyWithNulls() {
        store.ingest(batch(threeHoles(300), null));
        LogData log = gammaLog("V1", "gr", 0);
        IngestRecord r = store.ingestLogs(List.of(log, gammaLog("S1", "gr", 1)), logProvenance());
        assertEquals("logs", r.kind());
        assertEquals(2, r.holesNew());
        assertEquals(8, r.intervalRows());
        List<LogRecord> back = list(store.logs(Selection.all().holes(Set.of("V1"))));
        assertEquals(1, back.size());
        assertEquals(log, back.get(0).log());
        assertTrue(Double.isNaN(back.get(0).log().value(0, 1)));
        assertEquals(r.id(), back.get(0).ingestId());
        assertTrue(back.get(0).recorded().isOpen());
        assertEquals(List.of("S1", "V1"), list(store.logs(Selection.all())).stream().map(l -> l.log().holeId()).toList());
        assertEquals(List.of("gr"), store.logNames("V1"));
        assertEquals(List.of(), store.logNames("C1"));
        assertEquals("hole_by", store.ingests().get(1).provenance().parameters().keySet().iterator().next());
    }

    @Test
    void logOfUnknownHoleIsRefusedAndNothingWritten() {
        store.ingest(batch(threeHoles(300), null));
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> store.ingestLogs(List.of(gammaLog("V1", "gr", 0), gammaLog("NOPE", "gr", 0)), logProvenance()));
        assertTrue(e.getMessage().contains("NOPE") && e.getMessage().contains("gr.las"), e.getMessage());
        assertEquals(1, store.ingests().size());
        assertTrue(list(store.logs(Selection.all())).isEmpty());
        assertEquals(List.of(), store.logNames("V1"));
    }

    @Test
    void logReingestReplacesWithHistory() {
        store.ingest(batch(threeHoles(300), null));
        IngestRecord first = store.ingestLogs(List.of(gammaLog("V1", "gr", 0)), logProvenance());
        IngestRecord same = store.ingestLogs(List.of(gammaLog("V1", "gr", 0)), logProvenance());
        assertEquals(1, same.holesUnchanged());
        assertEquals(0, same.intervalRows());
        IngestRecord second = store.ingestLogs(List.of(gammaLog("V1", "gr", 5)), logProvenance());
        assertEquals(1, second.holesChanged());
        List<LogRecord> now = list(store.logs(Selection.all()));
        assertEquals(1, now.size());
        assertEquals(66.0, now.get(0).log().value(0, 2));
        Instant between = first.recordedAt().plusNanos(500);
        List<LogRecord> then = list(store.logs(Selection.all().recordedAsOf(between)));
        assertEquals(1, then.size());
        assertEquals(61.0, then.get(0).log().value(0, 2));
        assertEquals(first.id(), then.get(0).ingestId());
        assertEquals(second.recordedAt(), then.get(0).recorded().to());
    }

    @Test
    void logNamedTwiceInOneIngestIsRefused() {
        store.ingest(batch(threeHoles(300), null));
        assertThrows(InvalidContentException.class,
                () -> store.ingestLogs(List.of(gammaLog("V1", "gr", 0), gammaLog("V1", "gr", 1)), logProvenance()));
        assertTrue(list(store.logs(Selection.all())).isEmpty());
    }
}
