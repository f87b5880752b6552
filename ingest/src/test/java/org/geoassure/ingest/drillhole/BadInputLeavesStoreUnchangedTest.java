package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.WorkspaceStoreConformance;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other half of every bad-input case: after a failed ingest the real GeoPackage store is exactly as it was. Each
 * fixture in {@code drillhole/bad} replaces one file of the good set, on a store that already holds the good set.
 */
class BadInputLeavesStoreUnchangedTest {
    private static final Crs CRS = Crs.forCode("EPSG:3857");

    @TempDir
    Path dir;

    private WorkspaceStore store;

    @BeforeEach
    void storeWithGoodSet() {
        store = Workspaces.create(dir.resolve("ws.gpkg"), WorkspaceInfo.of("t", CRS.code(), "unspecified"));
        store.ingest(read("collar", null).batch());
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(SampleData.fixture("good_collar.csv").resolveSibling("bad"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static ReadResult read(String role, String badFixture) {
        Path collar = SampleData.fixture("good_collar.csv");
        Path survey = SampleData.fixture("good_survey.csv");
        Path assay = SampleData.fixture("good_assay.csv");
        if (badFixture != null) {
            Path bad = SampleData.fixture("bad/" + badFixture);
            switch (role) {
                case "collar" -> collar = bad;
                case "survey" -> survey = bad;
                default -> assay = bad;
            }
        }
        Map<String, Path> tables = new LinkedHashMap<>();
        tables.put("assay", assay);
        return DrillholeReader.read(collar, survey, tables, DrillholeOptions.defaults(CRS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void failedReadWritesNothing(String fixture) {
        List<Object> before = WorkspaceStoreConformance.snapshot(store);
        String role = fixture.substring(0, fixture.indexOf('_'));
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> store.ingest(read(role, fixture).batch()));
        assertTrue(e.getMessage().contains(fixture), "the message names the file: " + e.getMessage());
        assertEquals(before, WorkspaceStoreConformance.snapshot(store));
    }

    @Test
    void storeRefusesAnUndesurveyableBatchThatBypassedTheReader() {
        List<Object> before = WorkspaceStoreConformance.snapshot(store);
        // a batch built in code, not read from files: the store's own desurvey check must still refuse it
        var good = read("collar", null).batch();
        var h1 = good.holes().get(0);
        var reversed = new org.geoassure.geodb.model.HoleData(h1.collar(), List.of(
                new org.geoassure.geodb.model.SurveyStation(0, 90, -60),
                new org.geoassure.geodb.model.SurveyStation(50, 270, 60)), h1.intervals(), null);
        var batch = new org.geoassure.geodb.model.DrillholeBatch(List.of(reversed), good.intervalSchemas(), good.method(),
                null, good.provenance());
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> store.ingest(batch));
        assertTrue(e.getMessage().contains("H1") && e.getMessage().contains("anti-parallel"), e.getMessage());
        assertEquals(before, WorkspaceStoreConformance.snapshot(store));
    }
}
