package org.geoassure.ingest.las;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncations and random byte flips of real samples: every read must return a file or throw
 * {@link InvalidContentException} (or its subclass UnsupportedFormatException), never another exception, an
 * OutOfMemoryError or a hang. The seed of each flipped file is printed on failure; rerun one case by fixing it.
 */
class LasRobustnessTest {
    private static final int CUTS = 40;
    private static final int FLIPPED_FILES = 60;
    private static final long SEED = Long.getLong("las.seed", 20261129L);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lasio_sample.las", "lasio_1.2_sample_wrapped.las", "lasio_1001178549.las",
        "lasio_3.0_sample_3.0.las", "lasio_6038187_v1.2_short.las", "welly_P-135_cuttings.las",
        "lasio_encodings_utf16lebom.las", "lasio_3.0_good_file_SS.las"})
    void truncationsAndByteFlips(String sample) throws IOException {
        byte[] bytes = Files.readAllBytes(LasSamples.path(sample));
        Path f = dir.resolve(sample);
        for (int k = 1; k <= CUTS; k++) {
            int cut = (int) ((long) bytes.length * k / (CUTS + 1));
            byte[] b = java.util.Arrays.copyOf(bytes, cut);
            check(f, b, sample + " truncated at byte " + cut);
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
            check(f, b, sample + " with " + flips + " random bytes, seed " + seed + " (SplittableRandom)");
        }
    }

    private static void check(Path f, byte[] content, String what) throws IOException {
        Files.write(f, content);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    LasReader.read(f, LasOptions.defaults());
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
