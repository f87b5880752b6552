package org.geoassure.ingest.voxet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** The voxet test files in src/test/resources/voxet (see SOURCES.md there). */
final class VoxetTestFiles {
    static final String[] SMALL = {"small.vo", "small_lithology@@", "small_density@@", "small_susceptibility@@"};

    private VoxetTestFiles() {
    }

    static Path file(String name) {
        try {
            return Path.of(Objects.requireNonNull(VoxetTestFiles.class.getResource("/voxet/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies small.vo and its property files into {@code dir}; returns the header's copy. */
    static Path copySmall(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String f : SMALL) {
                Files.copy(file(f), dir.resolve(f));
            }
            return dir.resolve("small.vo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
