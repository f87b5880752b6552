package org.geoassure.postgis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.series.StationKind;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.FeatureStore.FeatureWrite;
import org.geoassure.geodb.store.SeriesStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What {@link PostgisCrashTest} writes: a base workspace (drillholes with a correction, a feature layer, version 1 of
 * a block model, a station with a year of readings), then the four writes a child JVM makes and is killed in, each
 * one transaction: a drillhole batch whose new interval table {@code geotech} is created inside it, a feature layer
 * (new lines and solids, and new versions of base features), version 2 of the block model, and readings in two new
 * years, whose partitions are created inside it. Every value is a closed form of its index, and every valid time is
 * given, so two runs write equal content and equal digests.
 */
final class PostgisCrashWorkload {
    /** The child's writes, in order. */
    static final List<String> STEPS = List.of("drillholes+geotech table", "features", "block model v2",
            "readings+2 partitions");

    static final int BASE_HOLES = 120;
    static final int NEW_HOLES = 300;
    private static final Instant VALID = Instant.parse("2026-01-01T00:00:00Z");
    private static final Provenance PROV = new Provenance(List.of(), "pg-crash", Map.of(), List.of());
    private static final GeometryFactory GF = new GeometryFactory();

    private PostgisCrashWorkload() {
    }

    /** Writes the base state into a new, empty workspace. */
    static void base(WorkspaceStore ws) {
        ws.ingest(holes("A", BASE_HOLES, 0, false));
        ws.ingest(holes("A", BASE_HOLES / 3, 1, false)); // a correction: history in every interval table
        ((FeatureStore) ws).writeFeatures("workings", features(0, 200), PROV);
        ((BlockModelStore) ws).writeBlockModel(model(1), "first estimate", PROV);
        SeriesStore ss = (SeriesStore) ws;
        ss.ingestStations(List.of(new Station("PZ1", "piezometer 1", StationKind.PIEZOMETER, 39_500_010, 4_000_020,
                150, "m", "aquifer")), PROV);
        ss.ingestReadings(List.of(readings(2024, 2_000, 0)), PROV);
    }

    /**
     * The writes of {@link #STEPS}, their data built here, so that the time from the start of a write to its commit is
     * spent in the store.
     */
    static List<Consumer<WorkspaceStore>> writes() {
        DrillholeBatch holes = holes("B", NEW_HOLES, 2, true);
        List<FeatureWrite> features = features(1, 3_000);
        BlockData model = model(2);
        List<Readings> readings = List.of(readings(2025, 25_000, 1), readings(2026, 25_000, 2));
        return List.of(ws -> ws.ingest(holes),
                ws -> ((FeatureStore) ws).writeFeatures("workings", features, PROV),
                ws -> ((BlockModelStore) ws).writeBlockModel(model, "re-estimated", PROV),
                ws -> ((SeriesStore) ws).ingestReadings(readings, PROV));
    }

    /** Holes {@code prefix0..}, lithology and assays, and with {@code geotech} a third table. */
    static DrillholeBatch holes(String prefix, int n, int variant, boolean geotech) {
        Map<String, List<Column>> schemas = new java.util.LinkedHashMap<>();
        schemas.put("lithology", List.of(new Column("lith", ColumnType.TEXT)));
        schemas.put("assays", List.of(new Column("cu", ColumnType.NUMBER), new Column("au", ColumnType.NUMBER)));
        if (geotech) {
            schemas.put("geotech", List.of(new Column("rqd", ColumnType.NUMBER), new Column("note", ColumnType.TEXT)));
        }
        List<HoleData> holes = new ArrayList<>(n);
        for (int h = 0; h < n; h++) {
            List<IntervalRow> lith = new ArrayList<>();
            List<IntervalRow> assays = new ArrayList<>();
            List<IntervalRow> geo = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                lith.add(new IntervalRow(k * 10, k * 10 + 10, List.of("rock" + (k + variant) % 4)));
                assays.add(new IntervalRow(k * 10, k * 10 + 5, List.of(0.01 * (k + h + variant), k % 3 == 0 ? 0.5
                        : 0.1)));
                geo.add(new IntervalRow(k * 10, k * 10 + 10, List.of((double) ((k * 7 + h) % 100), "run " + k)));
            }
            Map<String, List<IntervalRow>> tables = geotech
                    ? Map.of("lithology", lith, "assays", assays, "geotech", geo)
                    : Map.of("lithology", lith, "assays", assays);
            holes.add(new HoleData(Collar.of(prefix + h, 39_500_000 + h % 200 * 25, 4_000_000 + h / 200 * 25, 200),
                    List.of(new SurveyStation(0, (h + variant) % 360, -80), new SurveyStation(60, (h + 7) % 360, -75),
                            new SurveyStation(120, (h + 9 + variant) % 360, -70)),
                    tables, null));
        }
        return new DrillholeBatch(holes, schemas, DesurveyMethod.MINIMUM_CURVATURE, VALID, PROV);
    }

    /**
     * Variant 0: {@code n} roadway lines. Variant 1: new versions of the first 100 of them, and {@code n} new features,
     * every tenth a closed box solid, the rest lines.
     */
    static List<FeatureWrite> features(int variant, int n) {
        List<FeatureWrite> out = new ArrayList<>();
        Instant valid = VALID.plusSeconds(86_400L * variant);
        if (variant == 1) {
            for (int i = 0; i < 100; i++) {
                out.add(new FeatureWrite(line("R" + i, i, 5), valid));
            }
        }
        for (int i = 0; i < n; i++) {
            String id = (variant == 0 ? "R" : "N") + i;
            Feature f = variant == 1 && i % 10 == 0 ? box(id, i) : line(id, i, variant);
            out.add(new FeatureWrite(f, valid));
        }
        return out;
    }

    private static Feature line(String id, int i, int variant) {
        Coordinate[] c = new Coordinate[8];
        for (int k = 0; k < c.length; k++) {
            c[k] = new Coordinate(39_500_000 + i % 100 * 10 + k * 3.5, 4_000_000 + i / 100 * 10 + k * 1.25 + variant,
                    100 - k * 0.5);
        }
        return Feature.of(id, "roadway " + i, "roadway", GF.createLineString(c), Map.of("level", (long) (i % 7),
                "width", 4.5 + variant));
    }

    private static Feature box(String id, int i) {
        double x = 39_500_000 + i % 100 * 10;
        double y = 4_001_000 + i / 100 * 10.0;
        double[] xyz = new double[24];
        for (int v = 0; v < 8; v++) {
            xyz[3 * v] = x + ((v & 1) == 0 ? 0 : 4);
            xyz[3 * v + 1] = y + ((v & 2) == 0 ? 0 : 4);
            xyz[3 * v + 2] = 50 + ((v & 4) == 0 ? 0 : 3);
        }
        int[] tri = {0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3,
            5, 3, 7, 5};
        return Feature.ofMesh(id, "stope " + i, FeatureKind.SOLID, "stope", new Mesh(xyz, tri), Map.of());
    }

    /** Version {@code version} of a 96 x 96 x 32 model (294 912 cells, two attributes), values a closed form. */
    static BlockData model(int version) {
        BlockModel m = new BlockModel("grade_model", 39_500_000, 4_000_000, -400, 15, 10, 10, 5, 96, 96, 32,
                List.of(BlockAttribute.of("au", AttributeType.FLOAT32), BlockAttribute.of("density",
                        AttributeType.FLOAT64)));
        var b = BlockData.builder(m);
        double[] v = new double[2];
        for (int k = 0; k < 32; k++) {
            for (int j = 0; j < 96; j++) {
                for (int i = 0; i < 96; i++) {
                    v[0] = version + Math.sin(i * 0.1) * Math.cos(j * 0.07) + k * 0.01;
                    v[1] = 2.6 + 0.001 * ((i + j + k + version) % 50);
                    b.put(i, j, k, v);
                }
            }
        }
        return b.build();
    }

    /** {@code n} hourly readings of PZ1 from the start of UTC year {@code year}. */
    static Readings readings(int year, int n, int variant) {
        long t0 = Readings.micros(Instant.parse(year + "-01-01T00:00:00Z"));
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + i * 600_000_000L; // every 10 minutes: 25 000 readings stay inside the year
            v[i] = 120 + Math.sin(i * 0.01) + variant;
        }
        return new Readings("PZ1", t, v, null);
    }
}
