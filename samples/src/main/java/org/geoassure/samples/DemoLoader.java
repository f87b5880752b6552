package org.geoassure.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.Progress;
import org.geoassure.ingest.drillhole.ColumnMapping;
import org.geoassure.ingest.drillhole.DipConvention;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.ingest.drillhole.ReadResult;

/**
 * Loads the demo workspace from the real sample data packaged in this module: the WAMEX drillholes of the Yalgoo /
 * Minjar area, Western Australia (GSWA open-file data via Loop3D dh2loop, MIT), in GDA94 / MGA zone 50.
 */
public final class DemoLoader {
    /** CRS of the WAMEX collars' X, Y: GDA94 / MGA zone 50. */
    public static final String WAMEX_CRS = "EPSG:28350";
    /** Vertical datum of the WAMEX RL values (Australian Height Datum, as lodged). */
    public static final String WAMEX_VERTICAL_DATUM = "AHD";

    private static final String BASE = "/org/geoassure/samples/data/drillholes/";
    private static final List<String> WAMEX_FILES = List.of("wamex_yalgoo_collar.csv", "wamex_yalgoo_survey.csv",
            "wamex_yalgoo_lithology.csv", "wamex_yalgoo.mapping");

    private DemoLoader() {
    }

    /** Copies the WAMEX sample files from the classpath into {@code dir} and returns {@code dir}. */
    public static Path extractWamex(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : WAMEX_FILES) {
                try (InputStream in = DemoLoader.class.getResourceAsStream(BASE + name)) {
                    if (in == null) {
                        throw new IllegalStateException("sample file " + name + " is missing from the samples jar");
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract sample data into " + dir, e);
        }
    }

    /**
     * Reads the WAMEX files in {@code dir} (as extracted by {@link #extractWamex}) with the options this real set
     * needs, and ingests them. The set's known quirks become warnings, kept in the provenance: survey and lithology
     * rows of a hole without a collar (skipped), several descriptions of one interval (kept), depths beyond the
     * lodged MaxDepth (kept).
     */
    public static IngestRecord loadWamex(WorkspaceStore store, Path dir, Progress progress) {
        return store.ingest(readWamex(dir, Crs.forCode(store.info().crs()), progress).batch());
    }

    /** The validated batch of the WAMEX set, for a workspace in {@code target}. */
    public static ReadResult readWamex(Path dir, Crs target, Progress progress) {
        Map<String, Path> intervals = new LinkedHashMap<>();
        intervals.put("lithology", dir.resolve("wamex_yalgoo_lithology.csv"));
        DrillholeOptions options = DrillholeOptions.builder(target)
                .sourceCrs(Crs.forCode(WAMEX_CRS))
                .dipConvention(DipConvention.NEGATIVE_DOWN)
                .mapping(ColumnMapping.parse(dir.resolve("wamex_yalgoo.mapping")))
                .orphans(DrillholeOptions.OrphanPolicy.SKIP)
                .overlaps(DrillholeOptions.OverlapPolicy.WARN)
                .beyondTotalDepth(DrillholeOptions.DepthPolicy.WARN)
                .user("geoassure-demo")
                .build();
        return DrillholeReader.read(dir.resolve("wamex_yalgoo_collar.csv"), dir.resolve("wamex_yalgoo_survey.csv"),
                intervals, options, progress);
    }
}
