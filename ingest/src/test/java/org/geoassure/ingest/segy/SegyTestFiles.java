package org.geoassure.ingest.segy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/** The segyio test files copied into src/test/resources/segy (see SOURCES.md there). */
final class SegyTestFiles {
    private SegyTestFiles() {
    }

    static Path file(String name) {
        try {
            return Path.of(Objects.requireNonNull(SegyTestFiles.class.getResource("/segy/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
