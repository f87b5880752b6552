package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geoassure.geodb.crs.Crs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One fixture per defect: the fixture replaces one file of a good set (good_collar, good_survey, good_assay) and
 * the read must fail with exactly one error, {@code fixture:LINE: reason}.
 */
class BadInputTest {
    private static final DrillholeOptions OPT = DrillholeOptions.defaults(Crs.forCode("EPSG:3857"));

    static ReadResult read(Path collar, Path survey, Path assay, DrillholeOptions opt) {
        Map<String, Path> tables = new LinkedHashMap<>();
        tables.put("assay", assay);
        return DrillholeReader.read(collar, survey, tables, opt, null);
    }

    static ReadResult readWith(String role, String fixture, DrillholeOptions opt) {
        Path collar = SampleData.fixture("good_collar.csv");
        Path survey = SampleData.fixture("good_survey.csv");
        Path assay = SampleData.fixture("good_assay.csv");
        Path bad = SampleData.fixture("bad/" + fixture);
        switch (role) {
            case "collar" -> collar = bad;
            case "survey" -> survey = bad;
            case "assay" -> assay = bad;
            default -> throw new IllegalArgumentException(role);
        }
        return read(collar, survey, assay, opt);
    }

    @Test
    void goodSetReads() {
        ReadResult r = read(SampleData.fixture("good_collar.csv"), SampleData.fixture("good_survey.csv"),
                SampleData.fixture("good_assay.csv"), OPT);
        assertEquals(3, r.batch().holes().size());
        assertEquals(java.util.List.of(), r.warnings());
        assertEquals(java.util.Arrays.asList(null, "GRA"), r.batch().holes().get(1).intervals().get("assay").get(0).values());
        assertEquals(java.util.Arrays.asList(1.2, null), r.batch().holes().get(2).intervals().get("assay").get(0).values());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        collar | collar_missing_x.csv          | :3: missing x for hole 'H2'
        collar | collar_nonnumeric_z.csv       | :3: non-numeric z '1O1' for hole 'H2'
        collar | collar_duplicate_hole.csv     | :4: duplicate hole id 'H1' (first at line 2)
        collar | collar_no_hole_column.csv     | :1: no hole-id column (looked for HOLEID, HOLE, BHID, DHID, HOLENAME, BOREHOLE, BOREHOLEID, WELL, WELLID, 孔号, 钻孔编号, 钻孔号, 孔名, 钻孔名称, 工程编号); name it in the mapping file
        collar | collar_no_z_column.csv        | :1: no z column (looked for Z, RL, ELEV, ELEVATION, ZCOLLAR, COLLARZ, COLLARRL, Z坐标, 孔口高程, 孔口标高, 高程, 标高); name it in the mapping file
        collar | collar_negative_td.csv        | :3: negative total depth -80 for hole 'H2'
        collar | collar_bad_date.csv           | :2: bad date '2023-13-01' (expected yyyy-MM-dd or an ISO instant such as 2024-05-01T08:00:00Z) for hole 'H1'
        collar | collar_bad_dip.csv            | :2: dip -120 is outside [-90, 90] (negative-down) for hole 'H1'
        collar | collar_bad_azimuth.csv        | :3: azimuth -1 is outside [0, 360] for hole 'H2'
        collar | collar_extra_field.csv        | :3: 6 fields, but the header has 5
        collar | collar_missing_field.csv      | :3: 4 fields, but the header has 5
        collar | collar_unterminated_quote.csv | :3: unterminated quoted field (the quote opened on line 3 is never closed)
        collar | collar_empty.csv              | : the file is empty (no header line)
        survey | survey_orphan.csv             | :6: hole 'H9' is not in the collar file
        survey | survey_beyond_td.csv          | :3: survey depth 150 is beyond the total depth 100 of hole 'H1' (
        survey | survey_bad_azimuth.csv        | :3: azimuth 361 is outside [0, 360] for hole 'H1'
        survey | survey_bad_dip.csv            | :3: dip -95 is outside [-90, 90] (negative-down) for hole 'H1'
        survey | survey_nonnumeric_depth.csv   | :3: non-numeric depth '5O' for hole 'H1'
        survey | survey_nonnumeric_dip.csv     | :3: non-numeric dip 'steep' for hole 'H1'
        survey | survey_missing_azimuth.csv    | :3: missing azimuth for hole 'H1'
        survey | survey_negative_depth.csv     | :3: negative depth -5 for hole 'H1'
        survey | survey_duplicate_depth.csv    | :4: duplicate survey depth 50 for hole 'H1' (also at line 3)
        survey | survey_anti_parallel.csv      | :3: station at depth 50 of hole 'H1' points the opposite way to the station at line 2 (anti-parallel): the hole cannot reverse on itself
        assay  | assay_orphan.csv              | :6: hole 'H7' is not in the collar file
        assay  | assay_from_ge_to.csv          | :3: from 10 is not less than to 10 for hole 'H1'
        assay  | assay_overlap.csv             | :3: interval 5-15 of hole 'H1' overlaps the interval 0-10 at line 2
        assay  | assay_overlap_reversed.csv    | :5: interval 0-10 of hole 'H1' overlaps the interval 5-15 at line 2
        assay  | assay_duplicate.csv           | :3: interval 0-10 of hole 'H1' duplicates the interval at line 2
        assay  | assay_beyond_td.csv           | :4: to 90 is beyond the total depth 80 of hole 'H2' (
        assay  | assay_nonnumeric_from.csv     | :3: non-numeric from 'ten' for hole 'H1'
        assay  | assay_negative_from.csv       | :2: negative from -1 for hole 'H1'
        assay  | assay_missing_to.csv          | :3: missing to for hole 'H1'
        assay  | assay_missing_hole.csv        | :3: missing hole id
        assay  | assay_reserved_column.csv     | :1: column 'geom' has a reserved name (geom); rename it in the file, or drop it with 'intervals.assay.ignore = geom' in the mapping file
        assay  | assay_name_collision.csv      | :1: columns 'Cu-1' and 'cu_1' both become the column name 'cu_1'
        assay  | assay_unnamed_values.csv      | :3: column 4 has no header but holds 'x'; give it a header (or delete the column)
        assay  | assay_no_to_column.csv        | :1: no to column (looked for TO, DEPTHTO, TOM, MTO, TODEPTH, SAMPTO, 至, 到, 终止深度, 止深, 底深); name it in the mapping file
        assay  | assay_not_utf8.csv            | :4: not valid UTF-8 text
        """)
    void defect(String role, String fixture, String expected) {
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> readWith(role, fixture, OPT));
        String prefix = SampleData.fixture("bad/" + fixture) + expected;
        assertEquals(1, e.errorCount(), () -> "one defect per fixture, got: " + e.errors());
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).startsWith(prefix), () -> "expected " + prefix + "\n     got " + e.errors().get(0));
        assertEquals(e.errors().get(0), e.getMessage());
        assertEquals(SampleData.fixture("bad/" + fixture).toString(), e.source().orElseThrow());
    }

    @Test
    void orphanErrorNamesRowCount() {
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> readWith("assay", "assay_orphan.csv", OPT));
        assertEquals(SampleData.fixture("bad/assay_orphan.csv") + ":6: hole 'H7' is not in the collar file "
                + SampleData.fixture("good_collar.csv") + " (3 rows; skip them with the orphans policy SKIP)", e.getMessage());
        assertEquals(6, e.line());
    }

    @Test
    void orphansSkippedWithOneWarningPerHole() {
        ReadResult r = readWith("assay", "assay_orphan.csv", OPT.withOrphans(DrillholeOptions.OrphanPolicy.SKIP));
        assertEquals(java.util.List.of(SampleData.fixture("bad/assay_orphan.csv") + ":6: hole 'H7' is not in the collar file "
                + SampleData.fixture("good_collar.csv") + ": 3 rows skipped"), r.warnings());
        assertEquals(3, r.batch().holes().size());
    }

    @Test
    void overlapsWarnedWhenAllowed() {
        ReadResult r = readWith("assay", "assay_overlap.csv", OPT.withOverlaps(DrillholeOptions.OverlapPolicy.WARN));
        assertEquals(java.util.List.of(SampleData.fixture("bad/assay_overlap.csv")
                + ":3: interval 5-15 of hole 'H1' overlaps the interval 0-10 at line 2"), r.warnings());
        assertEquals(2, r.batch().holes().get(0).intervals().get("assay").size());
    }

    @Test
    void beyondTotalDepthWarnedWhenAllowed() {
        ReadResult r = readWith("survey", "survey_beyond_td.csv",
                OPT.withBeyondTotalDepth(DrillholeOptions.DepthPolicy.WARN));
        assertEquals(java.util.List.of(SampleData.fixture("bad/survey_beyond_td.csv")
                + ":3: survey depth 150 is beyond the total depth 100 of hole 'H1' ("
                + SampleData.fixture("good_collar.csv") + " line 2)"), r.warnings());
    }

    @Test
    void severalErrorsAreAllListedInFileOrder() {
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class, () -> read(
                SampleData.fixture("bad/collar_missing_x.csv"), SampleData.fixture("bad/survey_bad_dip.csv"),
                SampleData.fixture("bad/assay_overlap.csv"), OPT));
        assertEquals(3, e.errorCount());
        assertTrue(e.errors().get(0).startsWith(SampleData.fixture("bad/collar_missing_x.csv") + ":3: "));
        assertTrue(e.errors().get(1).startsWith(SampleData.fixture("bad/survey_bad_dip.csv") + ":3: "));
        assertTrue(e.errors().get(2).startsWith(SampleData.fixture("bad/assay_overlap.csv") + ":3: "));
        assertTrue(e.getMessage().endsWith(" (and 2 more errors)"), e.getMessage());
        assertTrue(e.getMessage().startsWith(e.errors().get(0)));
    }

    @Test
    void missingFileIsAnError() {
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class, () -> read(
                SampleData.fixture("good_collar.csv"), Path.of("no/such/survey.csv"), SampleData.fixture("good_assay.csv"),
                OPT));
        assertEquals(Path.of("no/such/survey.csv") + ": no such file", e.getMessage());
    }

    @Test
    void badTableNameIsAnError() {
        Map<String, Path> tables = new LinkedHashMap<>();
        tables.put("1 assay", SampleData.fixture("good_assay.csv"));
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class, () -> DrillholeReader.read(
                SampleData.fixture("good_collar.csv"), null, tables, OPT, null));
        assertTrue(e.getMessage().startsWith("interval table name '1 assay' is not valid"), e.getMessage());
    }

    @Test
    void errorsAreCappedAt100ButCounted() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("many-errors");
        StringBuilder sb = new StringBuilder("HOLEID,X,Y,Z\n");
        for (int i = 0; i < 250; i++) {
            sb.append("H").append(i).append(",x,1,1\n");
        }
        Path collar = java.nio.file.Files.writeString(dir.resolve("collar.csv"), sb);
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> DrillholeReader.read(collar, null, Map.of(), OPT, null));
        assertEquals(250, e.errorCount());
        assertEquals(100, e.errors().size());
        assertEquals(collar + ":2: non-numeric x 'x' for hole 'H0' (and 249 more errors)", e.getMessage());
    }
}
