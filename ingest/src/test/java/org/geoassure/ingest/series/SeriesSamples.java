package org.geoassure.ingest.series;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a test file of src/test/resources/timeseries into a directory (the readers take paths). */
final class SeriesSamples {
    private SeriesSamples() {
    }

    static Path copy(String name, Path dir) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = SeriesSamples.class.getResourceAsStream("/timeseries/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource timeseries/" + name);
            }
            Files.copy(in, p);
        }
        return p;
    }
}
