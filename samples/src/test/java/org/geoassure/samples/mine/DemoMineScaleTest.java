package org.geoassure.samples.mine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo mine at a scale (issue 11): more holes and a finer resistivity voxet, the same bytes for a seed. */
class DemoMineScaleTest {
    @TempDir
    static Path dir;
    static DemoMine.Files one;
    static DemoMine.Files two;

    @BeforeAll
    static void write() throws IOException {
        one = DemoMine.write(dir.resolve("s1"), DemoMine.SEED, 1);
        two = DemoMine.write(dir.resolve("s2"), DemoMine.SEED, 2);
    }

    private static String sha256(Path p) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    /** Scale 1 is the published demo: these digests were taken from the generator before it had a scale. */
    @Test
    void scaleOneWritesThePublishedBytes() throws Exception {
        assertEquals("cf040d29533df886d890ffcaabea150fe92d3eb8e41501abef8af58b6abfc9f6", sha256(one.collar()));
        assertEquals("5db201c355ec5f146df39e675c5eda311febfb2c398b4710df34c13ec4ab4883", sha256(one.lithology()));
        assertEquals("63fb4a94f7fe3fecab9546c29cbd340084cea059d485f139dfd73aa70f86f4c0", sha256(one.resistivity()));
        assertEquals("8f493259304d37def6423e2c7ef72d4b6fdeacf8135f8f5d3f6a9c3199d82754",
                sha256(one.resistivity().resolveSibling("resistivity_RHO@@")));
        assertEquals(80, one.holes());
        assertEquals(81, Files.readAllLines(one.collar()).size());
    }

    @Test
    void scaleTwoHasFourTimesTheHolesAndEightTimesTheCells() throws IOException {
        assertEquals(320, two.holes());
        assertEquals(320, DemoMine.holes(2));
        List<String> collar = Files.readAllLines(two.collar());
        assertEquals(1 + 320, collar.size());
        Set<String> ids = new HashSet<>();
        for (String l : collar.subList(1, collar.size())) {
            String[] f = l.split(",");
            assertTrue(ids.add(f[0]), "hole id given twice: " + f[0]);
            double u = Double.parseDouble(f[1]) - DemoMine.X0;
            double v = Double.parseDouble(f[2]) - DemoMine.Y0;
            assertTrue(u > 0 && u < KaiyuanGeology.WIDTH && v > 0 && v < KaiyuanGeology.HEIGHT, l);
            assertTrue(f[5].compareTo("2015-03-01") > 0 && f[5].compareTo("2023-04-28") < 0, "drilled " + f[5]);
        }
        assertTrue(ids.contains("ZK20-16"), "20 lines of 16 holes");
        assertEquals(40, two.logs().size(), "a LAS log for every 8th hole");
        String header = Files.readString(two.resistivity());
        assertTrue(header.contains("AXIS_N 120 80 60\n"), header);
        assertTrue(header.contains("AXIS_D 25 25 10\n"), header);
        assertEquals(576_000L, DemoMine.resistivityCells(2));
        assertEquals(4L * 576_000, Files.size(two.resistivity().resolveSibling("resistivity_RHO@@")));
        assertEquals(4L * 72_000, Files.size(one.resistivity().resolveSibling("resistivity_RHO@@")));
    }

    @Test
    void theSameSeedAndScaleWriteTheSameBytes() throws IOException {
        DemoMine.Files again = DemoMine.write(dir.resolve("s2-again"), DemoMine.SEED, 2);
        for (Path p : List.of(two.collar(), two.survey(), two.lithology(), two.coalQuality(), two.resistivity(),
                two.resistivity().resolveSibling("resistivity_RHO@@"), two.logs().get(39))) {
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(again.dir().resolve(two.dir().relativize(p))),
                    p.toString());
        }
        assertFalse(Files.readString(one.collar()).equals(Files.readString(two.collar())));
    }

    @Test
    void scaleTwoLoadsThroughTheReaders() {
        try (WorkspaceStore store = Workspaces.create(dir.resolve("s2.gpkg"), WorkspaceInfo.of("Kaiyuan demo mine",
                DemoMine.CRS, "Yellow Sea 1985"))) {
            DemoMineLoader.Loaded l = DemoMineLoader.load(store, two, "test");
            assertEquals(320, l.drillholes().holesNew());
            assertEquals(40, l.logs().holesNew());
            BlockModel m = l.resistivity().model();
            assertEquals(List.of(120, 80, 60), List.of(m.nx(), m.ny(), m.nz()));
            assertEquals(List.of(25.0, 25.0, 10.0), List.of(m.dx(), m.dy(), m.dz()));
            assertEquals(576_000, l.resistivity().cells());
            assertEquals(DemoMine.X0, m.originX(), 1e-6);
            assertEquals(-420, m.originZ(), 1e-6);
            assertEquals(List.of(), store.check());
        }
    }

    @Test
    void aScaleOutsideOneToTenIsRefused() {
        for (int s : new int[] {0, -1, DemoMine.MAX_SCALE + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DemoMine.write(dir.resolve("bad" + s), DemoMine.SEED, s));
            assertEquals("scale must be 1..10, got " + s, e.getMessage());
            assertFalse(Files.exists(dir.resolve("bad" + s)), "nothing written");
        }
    }

    /** The fast rounding of the voxet values is the text rounding it replaces, ties included. */
    @Test
    void round3IsTheTextRounding() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n = 0; n < 1_000_000; n++) {
            double v = n % 2 == 0 ? 1 + rnd.nextDouble() * 2000 : Math.exp((rnd.nextDouble() - 0.5) * 40);
            assertEquals(Double.parseDouble(DemoMine.fmt(v)), DemoMine.round3(v), "v = " + v + " (seed 11)");
        }
        for (double v : new double[] {1.2345, 0.0005, 123.4565, 8.0125, 999.9995, 1e-9, 0, -3.2105, 2e6 + 0.0005}) {
            assertEquals(Double.parseDouble(DemoMine.fmt(v)), DemoMine.round3(v), "v = " + v);
            assertEquals(Double.parseDouble(DemoMine.fmt(Math.nextUp(v))), DemoMine.round3(Math.nextUp(v)), "v+ " + v);
            assertEquals(Double.parseDouble(DemoMine.fmt(Math.nextDown(v))), DemoMine.round3(Math.nextDown(v)),
                    "v- " + v);
        }
    }
}
