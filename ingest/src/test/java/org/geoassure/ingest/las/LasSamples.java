package org.geoassure.ingest.las;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The sample files under {@code src/test/resources/las/} (see SOURCES.md there). */
final class LasSamples {
    private LasSamples() {
    }

    static Path path(String name) {
        try {
            return Path.of(LasSamples.class.getResource("/las/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no sample " + name, e);
        }
    }

    static LasFile read(String name) {
        return LasReader.read(path(name), LasOptions.defaults());
    }

    static LasFile read(String name, LasOptions options) {
        return LasReader.read(path(name), options);
    }

    static LasTable log(String name) {
        return read(name).log().orElseThrow();
    }
}
