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
    void surveyThatCannotBeDesurveyedIsRefusedByTheStoreAndWritesNothing() throws IOException {
        List<Object> before = WorkspaceStoreConformance.snapshot(store);
        Path survey = dir.resolve("reversing_survey.csv");
        // H1 turns from 60 degrees down to 60 degrees up on the opposite azimuth: anti-parallel stations
        Files.writeString(survey, "HOLEID,DEPTH,AZIMUTH,DIP\nH1,0,90,-60\nH1,50,270,60\nH2,0,0,-90\nH3,0,180,-70\n");
        Map<String, Path> tables = new LinkedHashMap<>();
        tables.put("assay", SampleData.fixture("good_assay.csv"));
        ReadResult read = DrillholeReader.read(SampleData.fixture("good_collar.csv"), survey, tables,
                DrillholeOptions.defaults(CRS));
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> store.ingest(read.batch()));
        assertTrue(e.getMessage().contains("H1") && e.getMessage().contains("anti-parallel"), e.getMessage());
        assertEquals(before, WorkspaceStoreConformance.snapshot(store));
    }
}
