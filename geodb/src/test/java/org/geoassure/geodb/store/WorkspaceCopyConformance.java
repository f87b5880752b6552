package org.geoassure.geodb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.hazard.warning.Acknowledgement;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.series.StationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy between engines ({@link WorkspaceCopy}), run unchanged against each engine as the target: a workspace
 * with a history in every data family (holes changed and re-ingested, an interval table that gains a column, logs
 * re-read, features changed and retired, readings corrected, two block-model versions, two rule sets and an
 * acknowledgement) is copied from an embedded file into the engine and back into a new file. The three must hold the
 * same rows (the copy's digest), answer the same at every past record time, pass their integrity checks, and take
 * new writes after the copied history.
 */
public abstract class WorkspaceCopyConformance {
    protected static final WorkspaceInfo INFO = new WorkspaceInfo("copy test", "EPSG:4527", "Yellow Sea 1985", "m",
            Instant.parse("2025-12-01T08:00:00Z"));
    private static final double X0 = 40_500_000;
    private static final double Y0 = 3_800_000;

    @TempDir
    protected Path dir;

    /** A new, empty store of the engine under test for this workspace description. */
    protected abstract WorkspaceStore newStore(WorkspaceInfo info);

    /** Writes a history in every data family; returns the record times of the ingests, in order. */
    public static List<Instant> writeHistory(WorkspaceStore ws) {
        List<Instant> times = new ArrayList<>();
        List<Column> lith = List.of(new Column("lith", ColumnType.TEXT), new Column("cu", ColumnType.NUMBER));
        times.add(ws.ingest(holes(lith, 0, Instant.parse("2024-01-01T00:00:00Z"))).recordedAt());
        // S1 re-surveyed (a new version), V1 re-logged, and the table gains a column "au"
        List<Column> withAu = List.of(new Column("lith", ColumnType.TEXT), new Column("cu", ColumnType.NUMBER),
                new Column("au", ColumnType.NUMBER));
        times.add(ws.ingest(holes(withAu, 1, Instant.parse("2024-06-01T00:00:00Z"))).recordedAt());
        times.add(ws.ingestLogs(List.of(WorkspaceStoreConformance.gammaLog("V1", "gr", 0)),
                WorkspaceStoreConformance.logProvenance()).recordedAt());
        times.add(ws.ingestLogs(List.of(WorkspaceStoreConformance.gammaLog("V1", "gr", 2.5)),
                WorkspaceStoreConformance.logProvenance()).recordedAt());
        FeatureStore fs = (FeatureStore) ws;
        times.add(fs.writeFeatures("mine", FeatureStoreConformance.everyKind().stream()
                .map(f -> new FeatureStore.FeatureWrite(f, Instant.parse("2025-01-01T00:00:00Z"))).toList(),
                FeatureStoreConformance.prov("mine.geojson")).recordedAt());
        var changed = new ArrayList<FeatureStore.FeatureWrite>();
        for (var f : FeatureStoreConformance.everyKind()) {
            if (f.id().equals("P1")) {
                changed.add(new FeatureStore.FeatureWrite(org.geoassure.geodb.model.Feature.of("P1", "sump 2", "",
                        f.geometry(), Map.of("depth_m", 12.5)), Instant.parse("2025-03-01T00:00:00Z")));
            }
        }
        times.add(fs.writeFeatures("mine", changed, FeatureStoreConformance.prov("mine2.geojson")).recordedAt());
        times.add(fs.retireFeatures("mine", Set.of("G1"), Instant.parse("2025-04-01T00:00:00Z"),
                FeatureStoreConformance.prov("retire")).recordedAt());
        SeriesStore ss = (SeriesStore) ws;
        Provenance p = new Provenance(List.of(new SourceFile("readings", "pz.csv", "ef".repeat(32), 3)), "tester",
                Map.of(), List.of());
        times.add(ss.ingestStations(List.of(new Station("PZ1", "piezometer 1", StationKind.PIEZOMETER, X0 + 100, Y0,
                -120.5, "MPa", "Ordovician limestone", Map.of("filter", "1"))), p).recordedAt());
        // readings across a year boundary (two PostGIS partitions), then a correction of one of them
        times.add(ss.ingestReadings(List.of(readings(new String[] {"2024-12-31T23:00:00Z", "2025-01-01T00:00:00Z",
            "2025-01-01T01:00:00Z"}, 2.5, 2.625, 2.75)), p).recordedAt());
        times.add(ss.ingestReadings(List.of(readings(new String[] {"2025-01-01T00:00:00Z"}, 2.6)), p).recordedAt());
        BlockModelStore bs = (BlockModelStore) ws;
        Provenance bp = new Provenance(List.of(new SourceFile("blocks", "pit.csv", "ab", 2)), "ana",
                Map.of("estimator", "ok"), List.of());
        times.add(bs.writeBlockModel(blocks(0), "first", bp).recordedAt());
        times.add(bs.writeBlockModel(blocks(0.5), "regraded", bp).recordedAt());
        WarningStore w = (WarningStore) ws;
        Provenance ann = new Provenance(List.of(), "ann", Map.of(), List.of());
        times.add(w.writeRules("{\"rules\": []}", "first cut", ann).recordedAt());
        times.add(w.writeRules("{\n  \"rules\": [ ]\n}\n", "", ann).recordedAt());
        times.add(w.writeAcknowledgement("pz1-head@2025-01-01T00:00:00Z",
                new Acknowledgement("cy", "sensor checked", 1_750_000_000_000_000L), ann).recordedAt());
        return times;
    }

    private static DrillholeBatch holes(List<Column> columns, int round, Instant validFrom) {
        List<HoleData> holes = new ArrayList<>();
        holes.add(new HoleData(Collar.of("V1", X0, Y0, 300), List.of(new SurveyStation(0, 0, -90)),
                Map.of("lithology", List.of(row(columns, 0, 40, "sandstone", 0.1 + round), row(columns, 40, 100,
                        "mudstone", null))), null));
        holes.add(new HoleData(new Collar("S1", X0 + 200, Y0, 300, 100, 90, -60 + round), List.of(),
                Map.of("lithology", List.of(row(columns, 0, 50, "sandstone", 0.5), row(columns, 50, 100, "coal",
                        2.0))), null));
        if (round == 0) {
            holes.add(new HoleData(Collar.of("C1", X0, Y0 + 300, 280), List.of(new SurveyStation(0, 45, -90),
                    new SurveyStation(50, 45, -60), new SurveyStation(120, 45, -45)),
                    Map.of("lithology", List.of(row(columns, 10, 20, "granite", 1.5))), null));
        }
        Map<String, List<Column>> schemas = new LinkedHashMap<>();
        schemas.put("lithology", columns);
        return new DrillholeBatch(holes, schemas, DesurveyMethod.MINIMUM_CURVATURE, validFrom,
                new Provenance(List.of(new SourceFile("collar", "collar.csv", "ab".repeat(32), holes.size())),
                        "tester", Map.of("units", "m", "round", Integer.toString(round)),
                        List.of("collar.csv:7: a warning")));
    }

    private static IntervalRow row(List<Column> columns, double from, double to, String lith, Double cu) {
        List<Object> v = new ArrayList<>();
        v.add(lith);
        v.add(cu);
        if (columns.size() > 2) {
            v.add(cu == null ? null : cu * 0.25);
        }
        return new IntervalRow(from, to, v);
    }

    private static Readings readings(String[] times, double... values) {
        long[] t = new long[times.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Readings.micros(Instant.parse(times[i]));
        }
        return new Readings("PZ1", t, values, null);
    }

    /** A 40 x 35 x 3 rotated model (four bricks), a float, a double and a category; some cells absent or null. */
    private static BlockData blocks(double shift) {
        BlockModel m = new BlockModel("pit", 40_500_000.25, 3_800_000.5, -120, 12.5, 10, 10, 5, 40, 35, 3, List.of(
                BlockAttribute.of("au", AttributeType.FLOAT32), BlockAttribute.of("density", AttributeType.FLOAT64),
                BlockAttribute.category("rock", List.of("oxide", "fresh", "waste"))));
        java.util.Random r = new java.util.Random(7);
        BlockData.Builder b = BlockData.builder(m);
        for (int k = 0; k < m.nz(); k++) {
            for (int j = 0; j < m.ny(); j++) {
                for (int i = 0; i < m.nx(); i++) {
                    if (r.nextInt(3) == 0) {
                        continue;
                    }
                    b.put(i, j, k, new double[] {r.nextInt(10) == 0 ? Double.NaN : (float) (r.nextDouble() * 5 + shift),
                        2.2 + r.nextDouble(), r.nextInt(3)});
                }
            }
        }
        return b.build();
    }

    /** Everything the typed API tells at one record time: holes, intervals, features, at the current valid time. */
    private static String asOf(WorkspaceStore ws, Instant recorded) {
        TimeSlice slice = new TimeSlice(null, recorded);
        StringBuilder sb = new StringBuilder();
        try (var s = ws.boreholes(Selection.all().at(slice))) {
            s.forEach(v -> sb.append(v).append('\n'));
        }
        for (String t : ws.intervalTables()) {
            try (var s = ws.intervals(t, Selection.all().at(slice))) {
                s.forEach(v -> sb.append(v.holeId()).append(' ').append(v.from()).append(' ').append(v.to()).append(' ')
                        .append(v.values()).append(java.util.Arrays.toString(v.positions())).append(v.valid())
                        .append(v.recorded()).append('\n'));
            }
        }
        try (var s = ((FeatureStore) ws).features(Set.of(), Set.of(), null, slice)) {
            s.forEach(v -> sb.append(v.layer()).append(' ').append(v.feature().id()).append(' ')
                    .append(v.feature().name()).append(' ').append(v.valid()).append('\n'));
        }
        return sb.toString();
    }

    @Test
    void copiesEveryVersionThereAndBack() {
        Path source = dir.resolve("source.gpkg");
        Path back = dir.resolve("back.gpkg");
        List<Instant> times;
        String digest;
        String current;
        List<String> pasts = new ArrayList<>();
        try (WorkspaceStore src = Workspaces.create(source, INFO)) {
            times = writeHistory(src);
            digest = WorkspaceCopy.digest(src);
            current = WorkspaceDigest.of(src);
            for (Instant t : times) {
                pasts.add(asOf(src, t));
            }
            try (WorkspaceStore mid = newStore(src.info())) {
                WorkspaceCopy.Result r = WorkspaceCopy.copy(src, mid);
                assertEquals(digest, r.digest());
                assertEquals(List.of(), mid.check());
                assertEquals(src.ingests(), mid.ingests(), "the ingest log, record times included");
                assertEquals(current, WorkspaceDigest.of(mid));
                for (int i = 0; i < times.size(); i++) {
                    assertEquals(pasts.get(i), asOf(mid, times.get(i)), "as recorded at ingest " + (i + 1));
                }
                assertTrue(r.rows().get("interval table lithology") >= 5, r.rows().toString());
                try (WorkspaceStore end = Workspaces.create(back, mid.info())) {
                    assertEquals(digest, WorkspaceCopy.copy(mid, end).digest());
                    assertEquals(List.of(), end.check());
                }
                // the copy goes on: a new ingest is recorded after the copied history, with the next id
                IngestRecord next = mid.ingest(holes(List.of(new Column("lith", ColumnType.TEXT),
                        new Column("cu", ColumnType.NUMBER), new Column("au", ColumnType.NUMBER)), 2, null));
                assertTrue(next.recordedAt().isAfter(times.get(times.size() - 1)));
                assertEquals(times.size() + 1, next.id());
                assertNotEquals(digest, WorkspaceCopy.digest(mid));
                assertEquals(List.of(), mid.check());
            }
        }
        try (WorkspaceStore end = Workspaces.open(back)) {
            assertEquals(digest, WorkspaceCopy.digest(end));
            assertEquals(current, WorkspaceDigest.of(end));
            for (int i = 0; i < times.size(); i++) {
                assertEquals(pasts.get(i), asOf(end, times.get(i)), "as recorded at ingest " + (i + 1));
            }
        }
    }

    @Test
    void refusesATargetThatHoldsData() {
        try (WorkspaceStore src = Workspaces.create(dir.resolve("s.gpkg"), INFO);
                WorkspaceStore dst = newStore(INFO)) {
            writeHistory(src);
            dst.ingest(holes(List.of(new Column("lith", ColumnType.TEXT), new Column("cu", ColumnType.NUMBER)), 0,
                    null));
            String before = WorkspaceCopy.digest(dst);
            InvalidContentException e = assertThrows(InvalidContentException.class, () -> WorkspaceCopy.copy(src, dst));
            assertTrue(e.getMessage().contains("already holds 1 ingests"), e.getMessage());
            assertEquals(before, WorkspaceCopy.digest(dst), "the target is as it was");
            assertEquals(List.of(), dst.check());
        }
    }

    @Test
    void refusesAnotherCrs() {
        try (WorkspaceStore src = Workspaces.create(dir.resolve("s.gpkg"), INFO);
                WorkspaceStore dst = newStore(new WorkspaceInfo("other", "EPSG:4529", "", "m", INFO.createdAt()))) {
            InvalidContentException e = assertThrows(InvalidContentException.class, () -> WorkspaceCopy.copy(src, dst));
            assertTrue(e.getMessage().contains("EPSG:4529") && e.getMessage().contains("EPSG:4527"), e.getMessage());
        }
    }
}
