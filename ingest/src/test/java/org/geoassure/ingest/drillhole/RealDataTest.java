package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.SurveyStation;
import org.junit.jupiter.api.Test;

/** Reads the real sample sets of samples/data/drillholes. */
class RealDataTest {
    private static final Crs LOCAL = Crs.forCode("EPSG:3857");

    private static Map<String, Path> tables(String name, String file) {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put(name, SampleData.drillholes(file));
        return m;
    }

    private static HoleData hole(DrillholeBatch b, String id) {
        return b.holes().stream().filter(h -> h.holeId().equals(id)).findFirst().orElseThrow();
    }

    private static long rows(DrillholeBatch b, String table) {
        return b.holes().stream().mapToLong(h -> h.intervals().get(table).size()).sum();
    }

    private static long stations(DrillholeBatch b) {
        return b.holes().stream().mapToLong(h -> h.survey().size()).sum();
    }

    @Test
    void babbitt() {
        DrillholeOptions opt = DrillholeOptions.builder(LOCAL).units(LengthUnit.FOOT)
                .dipConvention(DipConvention.POSITIVE_DOWN).user("tester").build();
        ReadResult r = DrillholeReader.read(SampleData.drillholes("babbitt_collar.csv"),
                SampleData.drillholes("babbitt_survey.csv"), tables("assay", "babbitt_assay.csv"), opt, null);
        DrillholeBatch b = r.batch();
        assertEquals(399, b.holes().size());
        assertEquals(2628, stations(b));
        assertEquals(35616, rows(b, "assay"));
        assertEquals(List.of(new Column("CU", ColumnType.NUMBER), new Column("NI", ColumnType.NUMBER),
                new Column("S", ColumnType.NUMBER), new Column("FE", ColumnType.NUMBER)), b.intervalSchemas().get("assay"));

        HoleData first = b.holes().get(0);
        assertEquals("34873", first.holeId());
        assertEquals(1590 * 0.3048, first.collar().z());
        assertEquals(2296021.09, first.collar().x()); // x,y never scaled
        assertEquals(414095.85, first.collar().y());
        assertTrue(Double.isNaN(first.collar().totalDepth()));
        IntervalRow i0 = first.intervals().get("assay").get(0);
        assertEquals(0.0, i0.from());
        assertEquals(2515 * 0.3048, i0.to());
        assertEquals(java.util.Arrays.asList(null, null, null, null), i0.values());
        IntervalRow i1 = first.intervals().get("assay").get(1);
        assertEquals(2515 * 0.3048, i1.from());
        assertEquals(2517.4 * 0.3048, i1.to());
        assertEquals(java.util.Arrays.asList(0.0299999993, 0.0799999982, null, null), i1.values());

        // B1-002,453,327,60 -> 138.0744 m, azimuth 327, dip -60
        SurveyStation s = hole(b, "B1-002").survey().get(1);
        assertEquals(453 * 0.3048, s.depth(), 0.0);
        assertEquals(138.0744, s.depth(), 1e-12);
        assertEquals(327.0, s.azimuth());
        assertEquals(-60.0, s.dip());
        assertEquals(-90.0, hole(b, "34873").survey().get(0).dip());

        // 70 sentinel stations at AT = 90000 ft
        assertEquals(70, r.warnings().size(), () -> String.join("\n", r.warnings()));
        assertTrue(r.warnings().stream().allMatch(w -> w.contains("looks like a sentinel")), r.warnings().get(0));
        assertTrue(r.warnings().contains(SampleData.drillholes("babbitt_survey.csv") + ":13: survey depth 90000 of hole"
                + " 'B1-006' is more than twice the hole's known depth " + deepest(b, "B1-006")
                + " (deepest interval or total depth): it looks like a sentinel station, not a measurement"),
                r.warnings().get(0));
        assertEquals(90000 * 0.3048, hole(b, "B1-006").survey().get(hole(b, "B1-006").survey().size() - 1).depth());

        // provenance
        assertEquals(r.warnings(), b.provenance().warnings());
        assertEquals("tester", b.provenance().user());
        assertEquals("ft", b.provenance().parameters().get("units"));
        assertEquals("positive-down", b.provenance().parameters().get("dip_convention"));
        assertEquals("minimum-curvature", b.provenance().parameters().get("desurvey_method"));
        List<SourceFile> src = b.provenance().sources();
        assertEquals(List.of("collar", "survey", "intervals:assay"), src.stream().map(SourceFile::role).toList());
        assertEquals(List.of(399L, 2628L, 35616L), src.stream().map(SourceFile::rows).toList());
        assertEquals(SampleData.drillholes("babbitt_collar.csv").toString(), src.get(0).name());
        assertEquals(sha256(SampleData.drillholes("babbitt_assay.csv")), src.get(2).sha256());
        assertNull(b.validFrom());
    }

    private static String deepest(DrillholeBatch b, String id) {
        List<IntervalRow> rows = hole(b, id).intervals().get("assay");
        double ft = rows.get(rows.size() - 1).to() / 0.3048;
        return org.geoassure.ingest.drillhole.internal.Numbers.format(Math.round(ft * 1e6) / 1e6);
    }

    static String sha256(Path p) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(p)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void babbittProgressCoversAllBytes() throws Exception {
        List<long[]> calls = new ArrayList<>();
        DrillholeOptions opt = DrillholeOptions.builder(LOCAL).units(LengthUnit.FOOT)
                .dipConvention(DipConvention.POSITIVE_DOWN).build();
        DrillholeReader.read(SampleData.drillholes("babbitt_collar.csv"), SampleData.drillholes("babbitt_survey.csv"),
                tables("assay", "babbitt_assay.csv"), opt, (done, total) -> calls.add(new long[] {done, total}));
        long total = Files.size(SampleData.drillholes("babbitt_collar.csv"))
                + Files.size(SampleData.drillholes("babbitt_survey.csv"))
                + Files.size(SampleData.drillholes("babbitt_assay.csv"));
        assertTrue(calls.size() >= 3, "progress calls: " + calls.size());
        long prev = -1;
        for (long[] c : calls) {
            assertEquals(total, c[1]);
            assertTrue(c[0] >= prev && c[0] <= total);
            prev = c[0];
        }
        assertEquals(total, calls.get(calls.size() - 1)[0]);
    }

    @Test
    void pygslibDemo() {
        DrillholeOptions opt = DrillholeOptions.builder(LOCAL).dipConvention(DipConvention.POSITIVE_DOWN)
                .beyondTotalDepth(DrillholeOptions.DepthPolicy.WARN).build();
        ReadResult r = DrillholeReader.read(SampleData.drillholes("pygslib_demo1_collar.csv"),
                SampleData.drillholes("pygslib_demo1_survey.csv"), tables("assay", "pygslib_demo1_assay.csv"), opt, null);
        DrillholeBatch b = r.batch();
        assertEquals(29, b.holes().size());
        assertEquals(372, stations(b));
        assertEquals(1882, rows(b, "assay"));
        assertEquals(List.of(new Column("Au", ColumnType.NUMBER)), b.intervalSchemas().get("assay"));
        HoleData h1 = hole(b, "1");
        assertEquals(97.98223796716705, h1.collar().totalDepth()); // LENGTH is the total depth
        assertEquals(35.59286463798571, h1.collar().x());
        assertEquals(-86.77408599853516, hole(b, "0").survey().get(0).dip());
        // the synthetic 1 m samples of 15 holes end up to 0.45 m below LENGTH: warned, kept
        assertEquals(15, r.warnings().size(), () -> String.join("\n", r.warnings()));
        Path assay = SampleData.drillholes("pygslib_demo1_assay.csv");
        Path collar = SampleData.drillholes("pygslib_demo1_collar.csv");
        assertEquals(assay + ":178: to 98 is beyond the total depth 97.98223796716705 of hole '1' (" + collar
                + " line 3)", r.warnings().get(0));
        assertEquals(98.0, h1.intervals().get("assay").get(h1.intervals().get("assay").size() - 1).to());
        assertEquals("hole_id=BHID, x=XCOLLAR, y=YCOLLAR, z=ZCOLLAR, total_depth=LENGTH",
                b.provenance().parameters().get("columns.collar"));
    }

    @Test
    void pygslibDemoStrictRejectsSamplesBelowTotalDepth() {
        DrillholeOptions opt = DrillholeOptions.builder(LOCAL).dipConvention(DipConvention.POSITIVE_DOWN).build();
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class, () -> DrillholeReader.read(
                SampleData.drillholes("pygslib_demo1_collar.csv"), SampleData.drillholes("pygslib_demo1_survey.csv"),
                tables("assay", "pygslib_demo1_assay.csv"), opt, null));
        assertEquals(15, e.errorCount());
        assertTrue(e.getMessage().endsWith(":178: to 98 is beyond the total depth 97.98223796716705 of hole '1' ("
                + SampleData.drillholes("pygslib_demo1_collar.csv") + " line 3) (and 14 more errors)"), e.getMessage());
    }

    private static ReadResult wamex(DrillholeOptions opt) {
        return DrillholeReader.read(SampleData.drillholes("wamex_yalgoo_collar.csv"),
                SampleData.drillholes("wamex_yalgoo_survey.csv"), tables("lithology", "wamex_yalgoo_lithology.csv"),
                opt, null);
    }

    @Test
    void wamexWithMapping() {
        Path mapFile = SampleData.drillholes("wamex_yalgoo.mapping");
        DrillholeOptions opt = DrillholeOptions.builder(Crs.forCode("EPSG:28350"))
                .mapping(ColumnMapping.parse(mapFile)).orphans(DrillholeOptions.OrphanPolicy.SKIP)
                .overlaps(DrillholeOptions.OverlapPolicy.WARN).build();
        ReadResult r = wamex(opt);
        DrillholeBatch b = r.batch();
        assertEquals(132, b.holes().size());
        assertEquals(1351 - 12, stations(b));
        assertEquals(4349 - 27, rows(b, "lithology"));
        assertEquals(List.of(new Column("Company_ID", ColumnType.NUMBER), new Column("Company_LithoCode", ColumnType.TEXT),
                new Column("Company_Litho", ColumnType.TEXT), new Column("CET_Litho", ColumnType.TEXT)),
                b.intervalSchemas().get("lithology"));
        HoleData h = hole(b, "1146526");
        assertEquals(494930.29229304614, h.collar().x());
        assertEquals(6803192.043577289, h.collar().y());
        assertEquals(356.255, h.collar().z());
        assertEquals(546.4, h.collar().totalDepth());
        IntervalRow first = h.intervals().get("lithology").get(0);
        assertEquals(23.0, first.from());
        assertEquals(java.util.Arrays.asList(3050.0, "X", "breccia origin unknown", "unclassified_rock"), first.values());

        Path survey = SampleData.drillholes("wamex_yalgoo_survey.csv");
        Path litho = SampleData.drillholes("wamex_yalgoo_lithology.csv");
        Path collar = SampleData.drillholes("wamex_yalgoo_collar.csv");
        List<String> w = r.warnings();
        long noSurvey = w.stream().filter(s -> s.contains("has no survey stations")).count();
        long overlaps = w.stream().filter(s -> s.contains(" overlaps the interval ") || s.contains(" duplicates the "))
                .count();
        long duplicates = w.stream().filter(s -> s.contains(" duplicates the interval at line ")).count();
        assertEquals(6, noSurvey, () -> String.join("\n", w));
        // every overlap is an exact duplicate: 322 (CollarID, From, To) keys carry 411 extra rows
        assertEquals(411, overlaps);
        assertEquals(411, duplicates);
        assertEquals(322, w.stream().filter(s -> s.contains(" duplicates the interval at line "))
                .map(s -> s.substring(s.indexOf(": interval ") + 2, s.indexOf(" duplicates"))).distinct().count());
        assertEquals(6 + 411 + 2, w.size());
        assertTrue(w.contains(survey + ":324: hole '931220' is not in the collar file " + collar + ": 12 rows skipped"), w.toString());
        assertTrue(w.contains(litho + ":4324: hole '931220' is not in the collar file " + collar + ": 27 rows skipped"));
        assertTrue(w.contains(collar + ":86: hole '1233231' has no survey stations; assuming a vertical hole"),
                () -> w.stream().filter(s -> s.contains("no survey")).toList().toString());
        assertTrue(w.contains(litho + ":3: interval 23-31 of hole '1146526' duplicates the interval at line 2"));
        assertEquals("CollarID", b.provenance().parameters().get("mapping.hole_id"));
        assertEquals(mapFile.toString(), b.provenance().parameters().get("mapping"));
        assertEquals("skip", b.provenance().parameters().get("orphans"));
        assertEquals("warn", b.provenance().parameters().get("overlaps"));
    }

    @Test
    void wamexWithoutMappingFailsClearly() {
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> wamex(DrillholeOptions.defaults(Crs.forCode("EPSG:28350"))));
        assertEquals(SampleData.drillholes("wamex_yalgoo_survey.csv") + ":1: no hole-id column (looked for HOLEID, HOLE,"
                + " BHID, DHID, HOLENAME, BOREHOLE, BOREHOLEID, WELL, WELLID, 孔号, 钻孔编号, 钻孔号, 孔名, 钻孔名称, 工程编号);"
                + " name it in the mapping file"
                + " (and 1 more errors)", e.getMessage());
        assertEquals(2, e.errors().size());
        assertTrue(e.errors().get(1).startsWith(SampleData.drillholes("wamex_yalgoo_lithology.csv")
                + ":1: no hole-id column"));
    }
}
