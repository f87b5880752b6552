package org.geoassure.ingest;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.ingest.blockmodel.BlockModelCsvOptions;
import org.geoassure.ingest.blockmodel.BlockModelCsvReader;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.ingest.progress.ProgressCsvReader;
import org.geoassure.ingest.series.SeriesFormat;
import org.geoassure.ingest.series.SeriesOptions;
import org.geoassure.ingest.series.SeriesReader;
import org.geoassure.ingest.series.StationCsvReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncations and random byte flips of the real samples of the text readers the vector, LAS, SEG-Y, OMF and volume
 * robustness tests do not cover: time series (CSV, USGS RDB, WaterML 2.0, WaterML-JSON), station lists, drillhole
 * collar/survey/interval tables, block-model CSV and progress CSV. Each read must return or throw
 * {@link InvalidContentException} (or its subclass UnsupportedFormatException): never another exception, an
 * OutOfMemoryError or a hang. The seed of each flipped file is printed on failure ({@code tabular.seed} changes the
 * base seed).
 */
class TabularRobustnessTest {
    private static final int CUTS = 20;
    private static final int FLIPPED_FILES = 40;
    private static final long SEED = Long.getLong("tabular.seed", 20261129L);

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(TabularRobustnessTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " missing", e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeseries/pastas_head_nb1.csv", "timeseries/usgs_ChoptankRiverFlow_01491000_dv_m3s.txt",
        "timeseries/usgs_RDB1Example_02177000_dv.rdb", "timeseries/usgs_WaterML2Example_01646500_dv.xml",
        "timeseries/usgs_waterservices_iv.json", "stations", "drillhole/good_collar.csv", "drillhole/good_survey.csv",
        "drillhole/good_assay.csv", "blockmodels/pygslib_demo1_bmodel.csv", "progress/progress.csv"})
    void truncationsAndByteFlips(String sample) throws IOException {
        byte[] bytes = sample.equals("stations") ? ("id,name,kind,x,y,z,unit,watches\nPZ1,piezometer 1,piezometer,"
                + "500100,3800200,-120.5,MPa,O2 limestone\nR1,rain,rainfall,,,,mm,\n").getBytes()
                : Files.readAllBytes(resource(sample));
        String name = sample.equals("stations") ? "stations.csv" : Path.of(sample).getFileName().toString();
        Path f = dir.resolve(name);
        for (int k = 1; k <= CUTS; k++) {
            int cut = (int) ((long) bytes.length * k / (CUTS + 1));
            check(sample, f, Arrays.copyOf(bytes, cut), sample + " truncated at byte " + cut);
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
            check(sample, f, b, sample + " with " + flips + " random bytes, seed " + seed + " (SplittableRandom)");
        }
    }

    private void check(String sample, Path f, byte[] content, String what) throws IOException {
        Files.write(f, content);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    read(sample, f);
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

    private void read(String sample, Path f) throws IOException {
        if (sample.startsWith("timeseries/")) {
            SeriesFormat format = sample.endsWith(".rdb") ? SeriesFormat.RDB : sample.endsWith(".xml")
                    ? SeriesFormat.WATERML : sample.endsWith(".json") ? SeriesFormat.JSON : SeriesFormat.CSV;
            SeriesOptions o = format == SeriesFormat.CSV ? SeriesOptions.defaults().withStation("S1")
                    : SeriesOptions.defaults();
            SeriesReader.read(f, format, o);
        } else if (sample.equals("stations")) {
            StationCsvReader.read(f);
        } else if (sample.startsWith("drillhole/")) {
            // the damaged table with the other two intact
            Path collar = sample.endsWith("collar.csv") ? f : copy("drillhole/good_collar.csv");
            Path survey = sample.endsWith("survey.csv") ? f : copy("drillhole/good_survey.csv");
            Path assay = sample.endsWith("assay.csv") ? f : copy("drillhole/good_assay.csv");
            DrillholeReader.read(collar, survey, Map.of("assays", assay),
                    DrillholeOptions.defaults(Crs.forCode("EPSG:3857")));
        } else if (sample.startsWith("blockmodels/")) {
            BlockModelCsvReader.read(f, BlockModelCsvOptions.byIndex("demo1", List.of("IX", "IY", "IZ"), 5, 5, 5));
        } else {
            ProgressCsvReader.read(f, "face");
        }
    }

    private Path copy(String name) throws IOException {
        Path p = dir.resolve("intact_" + Path.of(name).getFileName());
        if (!Files.exists(p)) {
            Files.copy(resource(name), p);
        }
        return p;
    }
}
