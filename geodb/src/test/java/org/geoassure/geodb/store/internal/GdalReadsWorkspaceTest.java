package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent reader, GDAL's GeoPackage driver ({@code ogrinfo}, Debian package gdal-bin), opens a workspace: the
 * layers, their 3D geometry types, feature counts, CRS and geometries must come out as written. In CI
 * ({@code CI=true}) a missing ogrinfo fails the test; .ci/run installs it.
 */
class GdalReadsWorkspaceTest {
    @TempDir
    static Path dir;

    static Path file;

    @BeforeAll
    static void workspace() {
        file = dir.resolve("gdal.gpkg");
        try (WorkspaceStore ws = Workspaces.create(file, WorkspaceInfo.of("gdal", "EPSG:4527", "Yellow Sea 1985"))) {
            ws.ingest(new DrillholeBatch(List.of(
                    new HoleData(Collar.of("V1", 39_500_000, 4_000_000, 300), List.of(new SurveyStation(0, 0, -90)),
                            Map.of("lithology", List.of(new IntervalRow(0, 40, List.of("砂岩")),
                                    new IntervalRow(40, 100, List.of("煤")))), null),
                    new HoleData(Collar.of("S1", 39_500_200.5, 4_000_000.25, 310), List.of(), Map.of(), null)),
                    Map.of("lithology", List.of(new Column("lith", ColumnType.TEXT))), DesurveyMethod.MINIMUM_CURVATURE,
                    null, new Provenance(List.of(), "t", Map.of(), List.of())));
        }
    }

    static String ogrinfo(String... args) throws IOException, InterruptedException {
        Path exe = onPath("ogrinfo");
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(exe != null, "CI=true but ogrinfo is not on the PATH: .ci/run must install gdal-bin");
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

    private static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (!d.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void layersAndTypes() throws Exception {
        String out = ogrinfo("-so", file.toString());
        assertTrue(out.contains("1: boreholes (3D Point)"), out);
        assertTrue(out.contains("2: traces (3D Line String)"), out);
        assertTrue(out.contains("intervals_lithology (3D Line String)"), out);
        assertFalse(out.contains("Warning"), out);
    }

    @Test
    void crsCountsAndGeometries() throws Exception {
        String boreholes = ogrinfo("-so", file.toString(), "boreholes");
        assertTrue(boreholes.contains("Feature Count: 2"), boreholes);
        assertTrue(boreholes.contains("CGCS2000 / 3-degree Gauss-Kruger zone 39"), boreholes);
        String s1 = ogrinfo("-q", file.toString(), "boreholes", "-fid", "2");
        assertTrue(s1.contains("POINT Z (39500200.5 4000000.25 310)"), s1);
        String coal = ogrinfo("-q", file.toString(), "intervals_lithology", "-fid", "2");
        assertTrue(coal.contains("lith (String) = 煤"), coal);
        assertTrue(coal.contains("LINESTRING Z (39500000 4000000 260,39500000 4000000 230,39500000 4000000 200)"), coal);
    }
}
