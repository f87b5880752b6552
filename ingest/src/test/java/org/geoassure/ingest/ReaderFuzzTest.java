package org.geoassure.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.ingest.blockmodel.BlockModelCsvOptions;
import org.geoassure.ingest.blockmodel.BlockModelCsvReader;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.ingest.dxf.DxfReader;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.geojson.GeoJsonReader;
import org.geoassure.ingest.gocad.GocadReader;
import org.geoassure.ingest.las.LasOptions;
import org.geoassure.ingest.las.LasReader;
import org.geoassure.ingest.progress.ProgressCsvReader;
import org.geoassure.ingest.segy.SegyFile;
import org.geoassure.ingest.segy.SegyReader;
import org.geoassure.ingest.series.SeriesFormat;
import org.geoassure.ingest.series.SeriesOptions;
import org.geoassure.ingest.series.SeriesReader;
import org.geoassure.ingest.series.StationCsvReader;
import org.geoassure.ingest.shapefile.ShapefileReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz targets for every reader (issue 12), with Jazzer. The contract: whatever the bytes, a reader returns or throws
 * {@link InvalidContentException} (of which {@code UnsupportedFormatException} is one); any other exception, an
 * {@link OutOfMemoryError} or a hang is a finding.
 *
 * <p>In the normal build ({@code mvn test}) each target runs in regression mode over its corpus in
 * {@code src/test/resources/org/geoassure/ingest/ReaderFuzzTestInputs/<method>/} (small real samples, README there,
 * and any finding kept as a regression input). {@code JAZZER_FUZZ=1} fuzzes one target for its {@code maxDuration}:
 * see docs/reliability.md. Each input is written to a file (the readers take paths) in a directory of this class.
 */
class ReaderFuzzTest {
    static Path dir;

    @BeforeAll
    static void directory() throws IOException {
        dir = Files.createTempDirectory("reader-fuzz");
    }

    @AfterAll
    static void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    static Path file(String name, byte[] data) {
        try {
            return Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a read; bad input is the expected outcome, anything else thrown goes to Jazzer as a finding. */
    static void read(Runnable read) {
        try {
            read.run();
        } catch (InvalidContentException expected) {
            // the contract: a typed refusal naming the file
        }
    }

    @FuzzTest(maxDuration = "60s")
    void las(byte[] data) {
        read(() -> LasReader.read(file("f.las", data), LasOptions.defaults()));
    }

    @FuzzTest(maxDuration = "60s")
    void segy(byte[] data) {
        read(() -> {
            try (SegyFile s = SegyReader.open(file("f.sgy", data))) {
                int n = Math.min(s.traceCount(), 8);
                float[] samples = new float[Math.min(s.samplesPerTrace(), 1 << 16)];
                for (int t = 0; t < n; t++) {
                    s.traceHeader(t);
                    if (s.samplesPerTrace() <= samples.length) {
                        s.readSamples(t, samples, 0);
                    }
                }
                s.geometry();
            }
        });
    }

    @FuzzTest(maxDuration = "60s")
    void gocad(byte[] data) {
        read(() -> GocadReader.read(file("f.ts", data), FeatureOptions.defaults()));
    }

    @FuzzTest(maxDuration = "60s")
    void dxf(byte[] data) {
        read(() -> DxfReader.read(file("f.dxf", data), FeatureOptions.defaults()));
    }

    @FuzzTest(maxDuration = "60s")
    void shapefile(byte[] data) {
        read(() -> ShapefileReader.read(file("f.shp", data), FeatureOptions.defaults()));
    }

    /** A valid two-point .shp with a fuzzed .dbf beside it. */
    @FuzzTest(maxDuration = "60s")
    void dbf(byte[] data) {
        file("g.shp", twoPoints());
        file("g.dbf", data);
        read(() -> ShapefileReader.read(dir.resolve("g.shp"), FeatureOptions.defaults()));
    }

    @FuzzTest(maxDuration = "60s")
    void geojson(byte[] data) {
        read(() -> GeoJsonReader.read(file("f.geojson", data), FeatureOptions.defaults()));
    }

    /** The same bytes as a collar file and as an interval file (the survey left out). */
    @FuzzTest(maxDuration = "60s")
    void drillholeCsv(byte[] data) {
        Path f = file("collar.csv", data);
        read(() -> DrillholeReader.read(f, null, Map.of("assay", f), DrillholeOptions.builder(Crs.forCode(
                "EPSG:4527")).build()));
    }

    /** A monitoring series (CSV, USGS RDB, WaterML 2.0 or WaterML-JSON, by content) and a stations CSV. */
    @FuzzTest(maxDuration = "60s")
    void series(byte[] data) {
        Path f = file("series.txt", data);
        read(() -> SeriesReader.read(f, SeriesFormat.detect(f), SeriesOptions.defaults().withStation("S1")));
        read(() -> StationCsvReader.read(f));
    }

    /** A block model CSV by index columns, and the mine-progress CSV of faces. */
    @FuzzTest(maxDuration = "60s")
    void blockModelAndProgress(byte[] data) {
        Path f = file("table.csv", data);
        read(() -> BlockModelCsvReader.read(f, BlockModelCsvOptions.byIndex("m", java.util.List.of("I", "J", "K"), 10,
                10, 10)));
        read(() -> ProgressCsvReader.read(f, "face"));
    }

    private static byte[] twoPoints() {
        ByteBuffer b = ByteBuffer.allocate(100 + 2 * 28);
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (100 + 2 * 28) / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 1);
        b.putDouble(36, 0).putDouble(44, 0).putDouble(52, 1).putDouble(60, 1);
        for (int i = 0; i < 2; i++) {
            int at = 100 + i * 28;
            b.order(ByteOrder.BIG_ENDIAN).putInt(at, i + 1).putInt(at + 4, 10);
            b.order(ByteOrder.LITTLE_ENDIAN).putInt(at + 8, 1).putDouble(at + 12, i).putDouble(at + 20, i);
        }
        return b.array();
    }
}
