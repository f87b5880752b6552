package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the real sample files in the repository (samples/data), relative to the ingest module. */
final class SampleData {
    private static final Path DRILLHOLES = Path.of("..", "samples", "data", "drillholes");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "drillhole");

    private SampleData() {
    }

    /** A file of samples/data/drillholes; fails the test with a clear message when it is missing. */
    static Path drillholes(String file) {
        return existing(DRILLHOLES.resolve(file), "sample data file");
    }

    /** A test fixture of src/test/resources/drillhole. */
    static Path fixture(String file) {
        return existing(FIXTURES.resolve(file), "test fixture");
    }

    private static Path existing(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            fail(what + " " + p + " is missing (looked in " + p.toAbsolutePath().normalize()
                    + "); run the tests from the ingest module directory of a complete checkout");
        }
        return p;
    }
}
