package org.geoassure.ingest.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * GDAL's {@code ogrinfo} (Debian package gdal-bin) as an independent reader in tests: runs it and splits its
 * {@code -al} output into features (attribute text by field name, geometry WKT). In CI ({@code CI=true}) a missing
 * ogrinfo fails the test; elsewhere it skips.
 */
public final class Ogrinfo {
    private Ogrinfo() {
    }

    /** One feature as ogrinfo prints it. */
    public record OgrFeature(Map<String, String> fields, String wkt) {
    }

    public static String run(String... args) throws IOException, InterruptedException {
        Path exe = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, "ogrinfo");
            if (!d.isEmpty() && Files.isExecutable(p)) {
                exe = p;
                break;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(exe != null, "CI=true but ogrinfo is not on the PATH: install gdal-bin");
        }
        assumeTrue(exe != null, "skipped: ogrinfo (Debian package gdal-bin) is not on the PATH");
        String[] cmd = new String[args.length + 1];
        cmd[0] = exe.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The features of {@code ogrinfo -ro -al FILE}. */
    public static List<OgrFeature> features(Path file, String... extra) throws IOException, InterruptedException {
        String[] args = new String[extra.length + 3];
        args[0] = "-ro";
        args[1] = "-al";
        System.arraycopy(extra, 0, args, 2, extra.length);
        args[args.length - 1] = file.toString();
        List<OgrFeature> out = new ArrayList<>();
        Map<String, String> fields = null;
        String wkt = null;
        for (String line : run(args).split("\n")) {
            if (line.startsWith("OGRFeature(")) {
                if (fields != null) {
                    out.add(new OgrFeature(fields, wkt));
                }
                fields = new LinkedHashMap<>();
                wkt = null;
            } else if (fields != null && line.startsWith("  ") && line.contains(") = ")) {
                int paren = line.indexOf(" (");
                fields.put(line.substring(2, paren), line.substring(line.indexOf(") = ") + 4));
            } else if (fields != null && line.startsWith("  ") && !line.isBlank()) {
                wkt = line.strip();
            }
        }
        if (fields != null) {
            out.add(new OgrFeature(fields, wkt));
        }
        return out;
    }
}
