package org.geoassure.ingest.gocad;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The GOCAD test files in src/test/resources/gocad (see SOURCES.md there). */
final class GocadSamples {
    private GocadSamples() {
    }

    static Path file(String name) {
        try {
            return Path.of(GocadSamples.class.getResource("/gocad/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource gocad/" + name + " missing", e);
        }
    }
}
