package org.geoassure.ingest.feature;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.ingest.geopackage.GeoPackageReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncations and random byte flips of real samples of every vector and surface format: each read must return or
 * throw {@link InvalidContentException} (or its subclass UnsupportedFormatException), never another exception, an
 * OutOfMemoryError or a hang. The seed of each flipped file is printed on failure (property
 * {@code feature.seed} changes the base seed).
 */
class FeatureRobustnessTest {
    private static final int CUTS = 20;
    private static final int FLIPPED_FILES = 40;
    private static final long SEED = Long.getLong("feature.seed", 20261129L);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gocad/auscope_tsTest.ts", "gocad/auscope_gpTest.gp", "gocad/auscope_wlTest.wl",
        "gocad/auscope_plTest.pl", "shapefile/naturalearth_lowres.shp", "shapefile/naturalearth_lowres.dbf",
        "shapefile/cfm7_traces_Rup.shp", "geojson/usgs_nldi_basin.geojson", "dxf/pygslib_section_S_0.dxf",
        "dxf/entities_r12.dxf", "geopackage/sample.gpkg", "asciigrid/small_center.asc", "points/meuse.csv"})
    void truncationsAndByteFlips(String sample) throws IOException {
        Path src = FeatureReadersTest.resource(sample);
        String name = src.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        // Shapefile side files travel with the damaged one
        for (String ext : new String[] {"shp", "shx", "dbf", "prj", "cpg"}) {
            Path side = src.resolveSibling(base + "." + ext);
            if (!side.equals(src) && Files.exists(side) && sample.startsWith("shapefile/")) {
                Files.copy(side, dir.resolve(base + "." + ext), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        byte[] bytes = Files.readAllBytes(src);
        Path f = dir.resolve(name);
        Path read = sample.endsWith(".dbf") ? dir.resolve(base + ".shp") : f;
        for (int k = 1; k <= CUTS; k++) {
            int cut = (int) ((long) bytes.length * k / (CUTS + 1));
            check(f, read, Arrays.copyOf(bytes, cut), sample + " truncated at byte " + cut);
        }
        SplittableRandom seeds = new SplittableRandom(SEED ^ sample.hashCode());
        for (int k = 0; k < FLIPPED_FILES; k++) {
            long seed = seeds.nextLong();
            SplittableRandom rnd = new SplittableRandom(seed);
            byte[] b = bytes.clone();
            int flips = 1 + rnd.nextInt(8);
            for (int j = 0; j < flips; j++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            check(f, read, b, sample + " with " + flips + " random bytes, seed " + seed + " (SplittableRandom)");
        }
    }

    private static void check(Path f, Path read, byte[] content, String what) throws IOException {
        Files.write(f, content);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    if (read.toString().endsWith(".gpkg")) {
                        // every table, decoded (FeatureReaders.read refuses a several-table GeoPackage up front)
                        GeoPackageReader.read(read, java.util.List.of(), FeatureOptions.defaults());
                    } else {
                        FeatureReaders.read(read, FeatureOptions.defaults());
                    }
                } catch (InvalidContentException expected) {
                    // a clear bad-input error
                }
            }, what);
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            fail(what + ": " + t, t);
        }
    }
}
