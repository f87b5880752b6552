package org.geoassure.ingest.omf;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncations and random byte flips of OMF 1 and OMF 2 files: each read must return or throw
 * {@link InvalidContentException} (or UnsupportedFormatException), never another exception, an OutOfMemoryError or a
 * hang; Parquet members damaged inside the zip exercise the Parquet library's failures, which the reader wraps. The
 * seed of each flipped file is printed on failure (property {@code omf.seed} changes the base seed).
 */
class OmfRobustnessTest {
    private static final int CUTS = 24;
    private static final int FLIPPED_FILES = 60;
    private static final long SEED = Long.getLong("omf.seed", 20261129L);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"omf2_pyramid.omf", "omf2_bunny_blocks.omf", "omf2_one_of_everything.omf",
        "omf2_null_attribute_values.omf", "omfpy_v1_test_file.omf", "omf1_test_proj.omf"})
    void truncationsAndByteFlips(String sample) throws IOException {
        byte[] bytes = Files.readAllBytes(OmfReaderTest.DIR.resolve(sample));
        Path f = dir.resolve(sample);
        for (int k = 1; k <= CUTS; k++) {
            int cut = (int) ((long) bytes.length * k / (CUTS + 1));
            check(f, Arrays.copyOf(bytes, cut), sample + " truncated at byte " + cut);
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

    /**
     * Byte flips and truncations inside one Parquet member (or the gzip index), the zip rebuilt around it with valid
     * CRCs, so that the damage reaches the Parquet library rather than the zip's checksum.
     */
    @ParameterizedTest
    @ValueSource(strings = {"omf2_pyramid.omf", "omf2_bunny_blocks.omf", "omf2_one_of_everything.omf"})
    void damagedMembersInsideAValidZip(String sample) throws IOException {
        java.util.Map<String, byte[]> members = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                Files.newInputStream(OmfReaderTest.DIR.resolve(sample)))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
                members.put(e.getName(), in.readAllBytes());
            }
        }
        java.util.List<String> names = new java.util.ArrayList<>(members.keySet());
        SplittableRandom seeds = new SplittableRandom(SEED ^ sample.hashCode() ^ 0x5a5a);
        Path f = dir.resolve(sample);
        for (int k = 0; k < FLIPPED_FILES; k++) {
            long seed = seeds.nextLong();
            SplittableRandom rnd = new SplittableRandom(seed);
            String victim = names.get(rnd.nextInt(names.size()));
            byte[] b = members.get(victim).clone();
            String how;
            if (rnd.nextInt(4) == 0) {
                b = Arrays.copyOf(b, rnd.nextInt(b.length));
                how = "truncated to " + b.length + " bytes";
            } else {
                int flips = 1 + rnd.nextInt(6);
                for (int j = 0; j < flips; j++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                how = flips + " random bytes";
            }
            java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
                for (String n : names) {
                    out.putNextEntry(new java.util.zip.ZipEntry(n));
                    out.write(n.equals(victim) ? b : members.get(n));
                    out.closeEntry();
                }
            }
            check(f, zip.toByteArray(), sample + ": member " + victim + " " + how + ", seed " + seed
                    + " (SplittableRandom)");
        }
    }

    private static void check(Path f, byte[] content, String what) throws IOException {
        Files.write(f, content);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    OmfReader.read(f, OmfOptions.defaults().withSkipUnsupported(true));
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
