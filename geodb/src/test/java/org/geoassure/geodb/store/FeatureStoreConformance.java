package org.geoassure.geodb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.FeatureStore.FeatureWrite;
import org.geoassure.geodb.store.FeatureStore.StoredFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/**
 * The conformance suite of {@link FeatureStore}: round trip of every feature kind, versions on both time axes, refused
 * writes, exact spatial filters. Every engine with features extends it and supplies {@link #newStore}; the tests use
 * only the SPI ({@link WorkspaceStore} and {@link FeatureStore}), so the embedded and the PostGIS engine run them
 * unchanged. Engine-specific tests (GDAL reading the GeoPackage, the R*Tree) stay with the engine.
 */
public abstract class FeatureStoreConformance {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Instant JAN = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2025-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant APR = Instant.parse("2025-04-01T00:00:00Z");

    /** The store under test, as the SPI. */
    protected WorkspaceStore ws;
    /** The same store as a {@link FeatureStore}. */
    protected FeatureStore fs;

    /** A new, empty store for one test; it must implement {@link FeatureStore}. */
    protected abstract WorkspaceStore newStore(WorkspaceInfo info);

    @BeforeEach
    void open() {
        ws = newStore(new WorkspaceInfo("t", "EPSG:4527", "", "m", JAN));
        fs = assertInstanceOf(FeatureStore.class, ws, "the engine under test has no features");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    protected static Provenance prov(String file) {
        return new Provenance(List.of(new SourceFile("features", file, "ab".repeat(32), 1)), "tester", Map.of(),
                List.of());
    }

    protected static Geometry line(double... xyz) {
        Coordinate[] c = new Coordinate[xyz.length / 3];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
        }
        return GF.createLineString(c);
    }

    /** A big horizontal triangle at z = 100 whose edges are far from (500, 300). */
    protected static Mesh seamFloor() {
        return new Mesh(new double[] {0, 0, 100, 1000, 0, 100, 0, 1000, 100}, new int[] {0, 1, 2},
                Map.of("thickness", new double[] {3.5, Double.NaN, 4.0}));
    }

    protected static List<Feature> everyKind() {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("name_cn", "回风巷 \"east\"");
        attrs.put("level", 3L);
        attrs.put("width_m", 4.5);
        attrs.put("lined", Boolean.TRUE);
        attrs.put("note", null);
        attrs.put("area_m2", 1.25e7); // a double that JSON writers print in E notation
        attrs.put("tiny", 1.0e-5);
        LinearRing shell = GF.createLinearRing(new Coordinate[] {new Coordinate(0, 0), new Coordinate(100, 0),
            new Coordinate(100, 100), new Coordinate(0, 100), new Coordinate(0, 0)});
        LinearRing hole = GF.createLinearRing(new Coordinate[] {new Coordinate(40, 40), new Coordinate(60, 40),
            new Coordinate(60, 60), new Coordinate(40, 60), new Coordinate(40, 40)});
        Mesh tetra = new Mesh(new double[] {0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10},
                new int[] {0, 2, 1, 0, 1, 3, 1, 2, 3, 0, 3, 2});
        return List.of(
                Feature.of("P1", "sump", "", GF.createPoint(new Coordinate(10, 20, -300)), Map.of()),
                Feature.of("R1", "return airway", "roadway", line(0, 0, -300, 100, 0, -301, 200, 50, -302), attrs),
                Feature.of("G1", "goaf 1201", "goaf", GF.createPolygon(shell, new LinearRing[] {hole}),
                        Map.of("water_filled", Boolean.TRUE)),
                Feature.ofMesh("S1", "seam 3 floor", FeatureKind.SURFACE, "horizon", seamFloor(), Map.of()),
                Feature.ofMesh("C1", "collapse column", FeatureKind.SOLID, "collapse_column", tetra, Map.of()));
    }

    protected static List<FeatureWrite> now(List<Feature> features) {
        return features.stream().map(f -> new FeatureWrite(f, null)).toList();
    }

    private List<Feature> current(String layer) {
        try (var s = fs.features(Set.of(layer), Set.of(), null, TimeSlice.current())) {
            return s.map(StoredFeature::feature).toList();
        }
    }

    @Test
    void everyKindRoundTripsExactly() {
        IngestRecord r = fs.writeFeatures("mine", now(everyKind()), prov("mine.geojson"));
        assertEquals(5, r.holesNew());
        List<Feature> back = current("mine");
        // ordered by id
        List<Feature> expected = everyKind().stream().sorted(java.util.Comparator.comparing(Feature::id)).toList();
        assertEquals(expected.size(), back.size());
        for (int i = 0; i < expected.size(); i++) {
            Feature e = expected.get(i);
            Feature b = back.get(i);
            assertEquals(e.id(), b.id());
            assertEquals(e.kind(), b.kind());
            assertEquals(e.role(), b.role());
            assertEquals(e.attributes(), b.attributes(), e.id());
            assertEquals(e.mesh(), b.mesh(), e.id());
            if (e.geometry() != null) {
                assertTrue(e.geometry().equalsExact(b.geometry()), e.id() + ": " + b.geometry());
                assertEquals(e.geometry().getCoordinate().getZ(), b.geometry().getCoordinate().getZ(), 0.0);
            }
        }
        assertEquals(List.of("mine"), fs.featureLayers());
        assertEquals(List.of(), ws.check());
    }

    @Test
    void identicalContentWritesNothingAndAChangeIsANewVersion() {
        fs.writeFeatures("mine", now(everyKind()), prov("a"));
        IngestRecord again = fs.writeFeatures("mine", now(everyKind()), prov("a"));
        assertEquals(0, again.holesNew());
        assertEquals(5, again.holesUnchanged());
        assertEquals(1, fs.featureHistory("mine", "G1").size());
        Instant before = Instant.now();
        Feature drained = Feature.of("G1", "goaf 1201", "goaf", everyKind().get(2).geometry(),
                Map.of("water_filled", Boolean.FALSE));
        IngestRecord change = fs.writeFeatures("mine", List.of(new FeatureWrite(drained, null)), prov("b"));
        assertEquals(1, change.holesChanged());
        List<StoredFeature> history = fs.featureHistory("mine", "G1");
        assertEquals(2, history.size());
        assertEquals(Boolean.FALSE, current("mine").stream().filter(f -> f.id().equals("G1")).findFirst().orElseThrow()
                .attributes().get("water_filled"));
        // a correction without valid time applies from the corrected version's valid start
        assertEquals(history.get(0).valid().from(), history.get(1).valid().from());
        try (var s = fs.features(Set.of("mine"), Set.of("goaf"), null, new TimeSlice(null, before))) {
            assertEquals(Boolean.TRUE, s.findFirst().orElseThrow().feature().attributes().get("water_filled"));
        }
        assertEquals(List.of(), ws.check());
    }

    @Test
    void faceAdvanceRecordsAreValidTimeVersionsOfOneFace() {
        Feature jan = Feature.of("F1201", "face 1201", "face", line(0, 0, -300, 0, 150, -300), Map.of());
        Feature mar = Feature.of("F1201", "face 1201", "face", line(40, 0, -300, 40, 150, -300), Map.of());
        IngestRecord r = fs.writeFeatures("progress", List.of(new FeatureWrite(jan, JAN), new FeatureWrite(mar, MAR)),
                prov("progress.csv"));
        assertEquals(1, r.holesNew());
        assertEquals(jan.geometry(), faceAsOf(FEB).geometry());
        assertEquals(mar.geometry(), faceAsOf(APR).geometry());
        List<StoredFeature> h = fs.featureHistory("progress", "F1201");
        assertEquals(2, h.size(), "the January line ends in March; no empty record periods are left behind");
        assertEquals(MAR, h.get(0).valid().to());
        assertEquals(List.of(), ws.check());
        try (var s = fs.features(Set.of("progress"), Set.of(), null, new TimeSlice(Instant.parse("2024-12-01T00:00:00Z"),
                null))) {
            assertEquals(0, s.count(), "no face before January");
        }
    }

    private Feature faceAsOf(Instant t) {
        try (var s = fs.features(Set.of("progress"), Set.of(), null, new TimeSlice(t, null))) {
            List<StoredFeature> all = s.toList();
            assertEquals(1, all.size());
            return all.get(0).feature();
        }
    }

    @Test
    void retiredFeaturesEndAtTheirDateAndBadRetirementsWriteNothing() {
        fs.writeFeatures("mine", List.of(new FeatureWrite(everyKind().get(2), JAN)), prov("a"));
        fs.retireFeatures("mine", Set.of("G1"), MAR, prov("drained"));
        assertEquals(1, countAsOf(FEB));
        assertEquals(0, countAsOf(APR));
        int ingests = ws.ingests().size();
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> fs.retireFeatures("mine", Set.of("G1", "G9"), FEB, prov("bad.csv")));
        assertEquals("bad.csv: layer 'mine': feature 'G9' is not valid just before 2025-02-01T00:00:00Z, so it cannot "
                + "end there", e.getMessage());
        assertEquals(ingests, ws.ingests().size(), "nothing written");
        assertEquals(1, countAsOf(FEB), "G1 untouched by the refused write");
        assertEquals(List.of(), ws.check());
    }

    private long countAsOf(Instant t) {
        try (var s = fs.features(Set.of("mine"), Set.of(), null, new TimeSlice(t, null))) {
            return s.count();
        }
    }

    @Test
    void aRepeatedFeatureWithoutIncreasingValidTimeIsRefusedAndNothingIsWritten() {
        List<FeatureWrite> bad = List.of(new FeatureWrite(everyKind().get(0), null),
                new FeatureWrite(everyKind().get(1), null), new FeatureWrite(everyKind().get(0), null));
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> fs.writeFeatures("mine", bad, prov("points.csv")));
        assertTrue(e.getMessage().startsWith("points.csv: layer 'mine': feature 'P1' appears more than once"),
                e.getMessage());
        assertEquals(List.of(), current("mine"));
        assertEquals(List.of(), ws.ingests());
        assertEquals(List.of(), fs.featureLayers());
    }

    @Test
    void spatialFiltersAreExactOnTrianglesPolygonsAndFlatFeatures() {
        fs.writeFeatures("mine", now(everyKind()), prov("a"));
        // 5 m above the seam floor's interior, 500 m from any of its edges
        assertEquals(Set.of("S1"), ids(new SpatialFilter.NearPoint(200, 300, 105, 6)));
        assertEquals(Set.of(), ids(new SpatialFilter.NearPoint(200, 300, 105, 4)));
        // a roadway line passing 2 m under the seam floor (and, in plan, 50 m from the flat goaf polygon)
        assertEquals(Set.of("S1"), ids(new SpatialFilter.NearPolyline(new double[] {150, 150, 98, 300, 300, 98}, 2.5)));
        assertEquals(Set.of("S1", "G1"), ids(new SpatialFilter.NearPolyline(new double[] {100, 150, 98, 300, 300, 98},
                50.0)));
        // the goaf polygon has no z: tested in plan; a box inside its shell but also inside its hole does not touch it
        assertEquals(Set.of("G1"), ids(new SpatialFilter.InBox(new Box3(20, 20, 5000, 30, 30, 5001))));
        assertEquals(Set.of(), ids(new SpatialFilter.InBox(new Box3(45, 45, 5000, 55, 55, 5001))));
        // inside the tetrahedron but 1.5 m from its three axis faces (and 10 - 4.5 = 5.5 / sqrt(3) = 3.18 m from the
        // slanted one): the solid is tested by its boundary. (The flat goaf polygon covers this point in plan.)
        assertEquals(Set.of("G1"), ids(new SpatialFilter.NearPoint(1.5, 1.5, 1.5, 1.4)));
        assertEquals(Set.of("G1", "C1"), ids(new SpatialFilter.NearPoint(1.5, 1.5, 1.5, 1.5)));
    }

    private Set<String> ids(SpatialFilter f) {
        try (var s = fs.features(Set.of(), Set.of(), f, TimeSlice.current())) {
            return s.map(x -> x.feature().id()).collect(java.util.stream.Collectors.toSet());
        }
    }
}
