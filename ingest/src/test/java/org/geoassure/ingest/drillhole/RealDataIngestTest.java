package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStats;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three real sets of samples/data/drillholes (origins and licences in samples/data/SOURCES.md) ingested end to
 * end into a real GeoPackage workspace. Expected positions are analytic (vertical and straight holes).
 */
class RealDataIngestTest {
    private static final double FT = 0.3048;

    @TempDir
    Path dir;

    private static Map<String, Path> table(String name, String file) {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put(name, SampleData.drillholes(file));
        return m;
    }

    private static <T> List<T> list(Stream<T> s) {
        try (s) {
            return s.toList();
        }
    }

    @Test
    void babbittInFeetWithPositiveDownDips() {
        // Babbitt's horizontal CRS is not stated by its source; x, y are stored as given (see SOURCES.md)
        Crs crs = Crs.forCode("EPSG:3857");
        try (WorkspaceStore ws = Workspaces.create(dir.resolve("babbitt.gpkg"), WorkspaceInfo.of("babbitt", crs.code(), "unknown"))) {
            ReadResult r = DrillholeReader.read(SampleData.drillholes("babbitt_collar.csv"),
                    SampleData.drillholes("babbitt_survey.csv"), table("assays", "babbitt_assay.csv"),
                    DrillholeOptions.builder(crs).units(LengthUnit.FOOT).dipConvention(DipConvention.POSITIVE_DOWN).build());
            IngestRecord rec = ws.ingest(r.batch());
            assertEquals(399, rec.holesNew());
            assertEquals(35616, rec.intervalRows());
            assertEquals(70, rec.provenance().warnings().size(), "one warning per AT = 90000 sentinel station");
            WorkspaceStats st = ws.stats();
            assertEquals(399, st.holes());
            assertEquals(2628, st.stations());
            assertEquals(Map.of("assays", 35616L), st.intervalRows());
            // hole 34873: collar 2296021.09, 414095.85, 1590 ft; one station AT 0, AZ 0, DIP 90 (vertical down)
            IntervalRecord second = list(ws.intervals("assays", Selection.all().holes(Set.of("34873")))).get(1);
            assertEquals(2515 * FT, second.from(), 1e-9);
            assertEquals(2296021.09, second.position(0), 0.0);
            assertEquals(414095.85, second.position(1), 0.0);
            assertEquals(1590 * FT - 2515 * FT, second.position(2), 1e-9);
            assertEquals(1590 * FT - 2517.4 * FT, second.position(5), 1e-9);
            assertEquals(0.0299999993, (Double) second.values().get("CU"), 0.0);
            // B1-001: one station AT 0, AZ 327, DIP 60 down: a straight hole
            StationRecord b1 = list(ws.stations(Selection.all().holes(Set.of("B1-001")))).get(0);
            assertEquals(-60, b1.dip());
            IntervalRecord deep = list(ws.intervals("assays", Selection.all().holes(Set.of("B1-001")))).get(0);
            double d = deep.to();
            double horizontal = d * Math.cos(Math.toRadians(60));
            assertEquals(b1.x() + horizontal * Math.sin(Math.toRadians(327)), deep.position(3), 1e-6);
            assertEquals(b1.y() + horizontal * Math.cos(Math.toRadians(327)), deep.position(4), 1e-6);
            assertEquals(b1.z() - d * Math.sin(Math.toRadians(60)), deep.position(5), 1e-6);
        }
    }

    @Test
    void wamexInMga50WithMappingAndQuirks() {
        Crs crs = Crs.forCode("EPSG:28350");
        try (WorkspaceStore ws = Workspaces.create(dir.resolve("wamex.gpkg"), WorkspaceInfo.of("yalgoo", crs.code(), "AHD"))) {
            ReadResult r = DrillholeReader.read(SampleData.drillholes("wamex_yalgoo_collar.csv"),
                    SampleData.drillholes("wamex_yalgoo_survey.csv"), table("lithology", "wamex_yalgoo_lithology.csv"),
                    DrillholeOptions.builder(crs).mapping(ColumnMapping.parse(SampleData.drillholes("wamex_yalgoo.mapping")))
                            .orphans(DrillholeOptions.OrphanPolicy.SKIP).overlaps(DrillholeOptions.OverlapPolicy.WARN)
                            .build());
            IngestRecord rec = ws.ingest(r.batch());
            assertEquals(132, rec.holesNew());
            assertEquals(4322, rec.intervalRows());
            assertEquals(419, rec.provenance().warnings().size());
            assertEquals(1339, ws.stats().stations());
            // hole 1146526: collar X 494930.29229304614, Y 6803192.043577289, RL 356.255 (wamex_yalgoo_collar.csv line 2)
            StationRecord top = list(ws.stations(Selection.all().holes(Set.of("1146526")))).get(0);
            assertEquals(494930.29229304614, top.x(), 0.0);
            assertEquals(6803192.043577289, top.y(), 0.0);
            assertTrue(top.z() <= 356.255, "the first station is at or below the collar");
            // a re-ingest of the same files changes nothing
            IngestRecord again = ws.ingest(DrillholeReader.read(SampleData.drillholes("wamex_yalgoo_collar.csv"),
                    SampleData.drillholes("wamex_yalgoo_survey.csv"), table("lithology", "wamex_yalgoo_lithology.csv"),
                    DrillholeOptions.builder(crs).mapping(ColumnMapping.parse(SampleData.drillholes("wamex_yalgoo.mapping")))
                            .orphans(DrillholeOptions.OrphanPolicy.SKIP).overlaps(DrillholeOptions.OverlapPolicy.WARN)
                            .build()).batch());
            assertEquals(132, again.holesUnchanged());
            assertEquals(0, again.intervalRows());
        }
    }

    @Test
    void pygslibDemoWithLengthAsTotalDepth() {
        Crs crs = Crs.forCode("EPSG:4547");
        try (WorkspaceStore ws = Workspaces.create(dir.resolve("demo1.gpkg"), WorkspaceInfo.of("demo1", crs.code(), "local"))) {
            ReadResult r = DrillholeReader.read(SampleData.drillholes("pygslib_demo1_collar.csv"),
                    SampleData.drillholes("pygslib_demo1_survey.csv"), table("assays", "pygslib_demo1_assay.csv"),
                    DrillholeOptions.builder(crs).dipConvention(DipConvention.POSITIVE_DOWN)
                            .beyondTotalDepth(DrillholeOptions.DepthPolicy.WARN).build());
            IngestRecord rec = ws.ingest(r.batch());
            assertEquals(29, rec.holesNew());
            assertEquals(1882, rec.intervalRows());
            assertEquals(15, rec.provenance().warnings().size(), "15 last samples end below LENGTH");
            assertEquals(372, ws.stats().stations());
        }
    }
}
