package org.geoassure.samples.mine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo mine generator: deterministic, faithful to its ground model, and loadable through the readers. */
class DemoMineTest {
    @TempDir
    static Path dir;
    static DemoMine.Files files;

    @BeforeAll
    static void write() throws IOException {
        files = DemoMine.write(dir.resolve("a"), DemoMine.SEED);
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        DemoMine.Files again = DemoMine.write(dir.resolve("b"), DemoMine.SEED);
        for (Path p : List.of(files.collar(), files.lithology(), files.progress(), files.resistivity(),
                files.resistivity().resolveSibling("resistivity_RHO@@"), files.readings().get(2))) {
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(again.dir().resolve(files.dir().relativize(p))),
                    p.toString());
        }
    }

    /** In every vertical hole the coal starts at collar elevation minus the model's seam roof, to the millimetre. */
    @Test
    void verticalHolesMeetTheSeamWhereTheModelPutsIt() throws IOException {
        Map<String, double[]> collars = new HashMap<>();
        for (String l : Files.readAllLines(files.collar()).subList(1, 81)) {
            String[] f = l.split(",");
            collars.put(f[0], new double[] {Double.parseDouble(f[1]) - DemoMine.X0, Double.parseDouble(f[2]) - DemoMine.Y0,
                Double.parseDouble(f[3])});
        }
        Set<String> inclined = new java.util.HashSet<>();
        for (String l : Files.readAllLines(files.survey()).subList(1, Files.readAllLines(files.survey()).size())) {
            if (!l.endsWith(",-90.000")) {
                inclined.add(l.split(",")[0]);
            }
        }
        assertEquals(10, inclined.size());
        int checked = 0;
        for (String l : Files.readAllLines(files.lithology())) {
            String[] f = l.split(",", -1);
            if (!f[3].equals("coal") || inclined.contains(f[0])) {
                continue;
            }
            double[] c = collars.get(f[0]);
            double roof = KaiyuanGeology.seamRoof(c[0], c[1]);
            assertEquals(c[2] - roof, Double.parseDouble(f[1]), 2e-3, f[0]);
            assertEquals(KaiyuanGeology.seamThickness(c[0], c[1]), Double.parseDouble(f[2]) - Double.parseDouble(f[1]),
                    4e-3, f[0]);
            checked++;
        }
        assertTrue(checked >= 65, "coal rows checked: " + checked);
    }

    @Test
    void everythingLoadsThroughTheReaders() {
        Path ws = dir.resolve("mine.gpkg");
        try (WorkspaceStore store = Workspaces.create(ws, WorkspaceInfo.of("Kaiyuan demo mine", DemoMine.CRS,
                "Yellow Sea 1985"))) {
            DemoMineLoader.Loaded l = DemoMineLoader.load(store, files, "test");
            assertEquals(80, l.drillholes().holesNew());
            assertEquals(7 + 2 + 2, l.progress().holesNew(), "goaf, old workings, 5 roadways, 2 faces, dam, crest");
            assertEquals(10, l.stations().holesNew(), "5 piezometers, 3 phreatic-line sensors, 2 displacement prisms");
            assertEquals(5 * (2 * 8760 + 24) + 5 * 731, l.readings().holesNew(), "hourly heads, daily dam readings");
            assertEquals(2, l.structures().holesNew());
            assertEquals(10, l.logs().holesNew(), "a LAS log (GR, DEN) for every 8th hole, attached by UWI");
            var log = store.logs(org.geoassure.geodb.query.Selection.all().holes(Set.of("ZK1-1"))).toList();
            assertEquals(1, log.size());
            // ZK1-1 starts in the loess (GR about 70 API, density about 1.9 g/cm3)
            assertEquals(70, log.get(0).log().value(0, 0), 5.0);
            assertEquals(1.9, log.get(0).log().value(1, 0), 0.03);
            assertEquals(60 * 40 * 30, l.resistivity().model().nx() * l.resistivity().model().ny()
                    * l.resistivity().model().nz());
            try (Stream<?> coal = store.intervals("lithology", Selection.all().where(AttributePredicate.parse(
                    "LITH = 'coal'")))) {
                assertTrue(coal.count() >= 78, "the holes cross the seam, except where a normal fault cuts it out (ZK8-5)");
            }
            // face 1202 as of 2025-11-15: surveyed 2025-11-01 at u = 1600 - 60 x 20 = 400
            FeatureStore fs = (FeatureStore) store;
            try (var s = fs.features(Set.of(DemoMineLoader.PROGRESS), Set.of("face"), null,
                    new TimeSlice(Instant.parse("2025-11-15T00:00:00Z"), null))) {
                var faces = s.toList();
                assertEquals(2, faces.size());
                assertEquals(DemoMine.X0 + 400, faces.get(1).feature().geometry().getCoordinate().getX(), 1e-9);
                assertEquals(400, DemoMine.face1202(LocalDate.of(2025, 11, 15)), 0.0);
            }
            assertEquals(List.of(), store.check());
        }
    }
}
