package org.geoassure.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.ingest.drillhole.DipConvention;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.ingest.drillhole.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, verbatim between the markers, so the public API it shows keeps compiling and working. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeExampleRuns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            // README example begins (paths relative to the repository root there, to this module here)
            Path data = Path.of("..", "samples/data/drillholes");
            Crs crs = Crs.forCode("EPSG:4547");               // pygslib Demo1 is in local metres; any metric CRS will do here
            try (WorkspaceStore ws = Workspaces.create(dir.resolve("demo1.gpkg"), WorkspaceInfo.of("demo1", crs.code(), "local"))) {
                ReadResult read = DrillholeReader.read(data.resolve("pygslib_demo1_collar.csv"),
                        data.resolve("pygslib_demo1_survey.csv"), Map.of("assays", data.resolve("pygslib_demo1_assay.csv")),
                        DrillholeOptions.builder(crs)
                                .dipConvention(DipConvention.POSITIVE_DOWN)              // this file: 90 = vertical down
                                .beyondTotalDepth(DrillholeOptions.DepthPolicy.WARN)     // 15 last samples end past LENGTH
                                .build());
                ws.ingest(read.batch());                                                 // one transaction: all or nothing
                Selection rich = Selection.all()
                        .within(new SpatialFilter.NearPoint(100, 0, 60, 40))             // 3D distance, metres
                        .where(AttributePredicate.parse("Au >= 2"))
                        .asOf(Instant.now());                                            // valid time (default: now)
                try (Stream<IntervalRecord> rows = ws.intervals("assays", rich)) {
                    rows.forEach(r -> System.out.printf("%s %.0f-%.0f m Au %s at z %.1f%n",
                            r.holeId(), r.from(), r.to(), r.values().get("Au"), r.position(8)));
                }
            }
            // README example ends
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.lines().count() > 0, "the example finds rich samples near (100, 0, 60)");
        for (String line : out.lines().toList()) {
            double au = Double.parseDouble(line.split(" ")[4]);
            assertTrue(au >= 2, line);
        }
        assertEquals(out.lines().count(), out.lines().distinct().count());
    }
}
