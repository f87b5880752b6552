package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.WorkspaceStoreConformance;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) in the middle of an ingest leaves the workspace exactly as it was before the ingest:
 * the write is one SQLite transaction in WAL mode, so the uncommitted frames are discarded on the next open.
 */
class SqliteStoreCrashTest {
    @TempDir
    Path dir;

    @Test
    void killedIngestLeavesTheWorkspaceAsItWas() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        List<Object> before;
        try (WorkspaceStore ws = Workspaces.create(file, WorkspaceInfo.of("crash", "EPSG:4527", "unspecified"))) {
            ws.ingest(new DrillholeBatch(List.of(new HoleData(Collar.of("KEEP", 39_400_000, 4_000_000, 100), List.of(),
                    Map.of("lithology", List.of(new IntervalRow(0, 5, List.of("clay", 0.5)))), null)),
                    Map.of("lithology", List.of(new Column("lith", ColumnType.TEXT), new Column("cu", ColumnType.NUMBER))),
                    DesurveyMethod.MINIMUM_CURVATURE, null, new Provenance(List.of(), "t", Map.of(), List.of())));
            before = WorkspaceStoreConformance.snapshot(ws);
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), file.toString(), "20000")
                .redirectErrorStream(true).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            // skip what libraries print at start-up (e.g. SLF4J's notice) until the child says it is writing
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("WRITING") && !line.startsWith("FINISHED"));
            assertTrue(line != null && line.startsWith("WRITING"), "the child reports that it is writing, got: " + line);
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(child.exitValue() == 0, "the child was killed, not finished");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            assertEquals("ok", rs.getString(1));
        }
        try (WorkspaceStore ws = Workspaces.open(file)) {
            assertEquals(before, WorkspaceStoreConformance.snapshot(ws));
            // and the workspace takes the next ingest
            ws.ingest(new DrillholeBatch(List.of(new HoleData(Collar.of("NEXT", 39_400_100, 4_000_000, 100), List.of(),
                    Map.of(), null)), Map.of(), DesurveyMethod.MINIMUM_CURVATURE, null,
                    new Provenance(List.of(), "t", Map.of(), List.of())));
            assertEquals(List.of("KEEP", "NEXT"), ws.holeIds());
        }
    }
}
