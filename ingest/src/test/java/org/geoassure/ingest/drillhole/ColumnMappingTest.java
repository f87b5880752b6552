package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mapping files: syntax, precedence, and their use by the reader. */
class ColumnMappingTest {
    private static final DrillholeOptions OPT = DrillholeOptions.defaults(Crs.forCode("EPSG:3857"));

    @TempDir
    Path dir;

    @Test
    void mostSpecificKeyWins() {
        ColumnMapping m = ColumnMapping.parse("""
                # comment
                hole_id = Hole

                survey.hole_id = SurveyHole
                intervals.hole_id = "Int Hole"
                intervals.Assay.hole_id = AssayHole
                intervals.ignore = Junk
                intervals.assay.ignore = Cu_ppb, 'Au ppb'
                depth = MD
                """, "test.mapping");
        assertEquals(Optional.of("Hole"), m.header("collar", null, "hole_id"));
        assertEquals(Optional.of("SurveyHole"), m.header("survey", null, "hole_id"));
        assertEquals(Optional.of("Int Hole"), m.header("intervals", "lithology", "hole_id"));
        assertEquals(Optional.of("AssayHole"), m.header("intervals", "assay", "hole_id"));
        assertEquals(Optional.of("MD"), m.header("survey", null, "depth"));
        assertEquals(Optional.empty(), m.header("collar", null, "depth")); // depth is a survey key
        assertEquals(Optional.empty(), m.header("collar", null, "x"));
        assertEquals(Set.of("Junk", "Cu_ppb", "Au ppb"), m.ignored("assay"));
        assertEquals(Set.of("Junk"), m.ignored("lithology"));
        assertEquals(Set.of("assay"), m.intervalTables());
        assertEquals(Optional.of("test.mapping"), m.source());
        assertTrue(ColumnMapping.auto().isEmpty());
    }

    @Test
    void badLinesAreAllReported() {
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class, () -> ColumnMapping.parse("""
                hole_id = BHID
                foo = bar
                collar.from = FROM
                just text
                hole_id = Other
                x =
                """, "m.mapping"));
        assertEquals(5, e.errorCount());
        assertTrue(e.getMessage().startsWith("m.mapping:2: unknown key 'foo' (known: hole_id, x, y, z, total_depth,"
                + " azimuth, dip, date, depth, from, to"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (and 4 more errors)"));
        assertTrue(e.errors().get(1).startsWith("m.mapping:3: unknown key 'collar.from'"), e.errors().get(1));
        assertEquals("m.mapping:4: expected 'key = HEADER', got 'just text'", e.errors().get(2));
        assertEquals("m.mapping:5: key 'hole_id' is set twice (first at line 1)", e.errors().get(3));
        assertEquals("m.mapping:6: no column name after 'x ='", e.errors().get(4));
    }

    @Test
    void missingMappingFile() {
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> ColumnMapping.parse(Path.of("nowhere.mapping")));
        assertEquals("nowhere.mapping: no such mapping file", e.getMessage());
    }

    @Test
    void mappedHeaderMissingFromFile() {
        ColumnMapping m = ColumnMapping.parse("collar.hole_id = HOLE_NO\n", "m.mapping");
        Path collar = SampleData.fixture("good_collar.csv");
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> DrillholeReader.read(collar, null, Map.of(), OPT.withMapping(m), null));
        assertEquals(collar + ":1: mapping names column 'HOLE_NO' for hole_id, but the header has: HOLEID, X, Y, Z, TD",
                e.getMessage());
    }

    @Test
    void mappingFromAFileNamesColumnsAndDropsAttributes() throws IOException {
        Path map = Files.writeString(dir.resolve("set.mapping"), "intervals.assay.ignore = LITH\nhole_id = holeid\n");
        ReadResult r = BadInputTest.read(SampleData.fixture("good_collar.csv"), SampleData.fixture("good_survey.csv"),
                SampleData.fixture("good_assay.csv"), OPT.withMapping(ColumnMapping.parse(map)));
        assertEquals(List.of(new Column("CU", ColumnType.NUMBER)), r.batch().intervalSchemas().get("assay"));
        assertEquals(map.toString(), r.batch().provenance().parameters().get("mapping"));
        assertEquals("LITH", r.batch().provenance().parameters().get("mapping.intervals.assay.ignore"));
    }

    @Test
    void ignoringAColumnThatIsNotThereIsAnError() {
        ColumnMapping m = ColumnMapping.parse("intervals.assay.ignore = AU\n", "m.mapping");
        Path assay = SampleData.fixture("good_assay.csv");
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class, () -> BadInputTest.read(
                SampleData.fixture("good_collar.csv"), SampleData.fixture("good_survey.csv"), assay, OPT.withMapping(m)));
        assertEquals(assay + ":1: mapping ignores column 'AU', but the header has: HOLEID, FROM, TO, CU, LITH",
                e.getMessage());
    }

    @Test
    void mappingForATableThatIsNotReadIsAWarning() {
        ColumnMapping m = ColumnMapping.parse("intervals.lith.ignore = X\n", "m.mapping");
        ReadResult r = BadInputTest.read(SampleData.fixture("good_collar.csv"), SampleData.fixture("good_survey.csv"),
                SampleData.fixture("good_assay.csv"), OPT.withMapping(m));
        assertEquals(List.of("m.mapping: the mapping names interval table 'lith', which is not among the tables read"
                + " (assay)"), r.warnings());
    }

    @Test
    void oneColumnCannotHaveTwoRoles() {
        ColumnMapping m = ColumnMapping.parse("collar.x = X\ncollar.y = x\n", "m.mapping");
        Path collar = SampleData.fixture("good_collar.csv");
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> DrillholeReader.read(collar, null, Map.of(), OPT.withMapping(m), null));
        assertEquals(collar + ":1: mapping names column 'x' for two roles, x and y", e.getMessage());
    }

    @Test
    void wamexMappingFileParses() {
        ColumnMapping m = ColumnMapping.parse(SampleData.drillholes("wamex_yalgoo.mapping"));
        assertEquals(Optional.of("CollarID"), m.header("survey", null, "hole_id"));
        assertEquals(Optional.of("CollarID"), m.header("intervals", "lithology", "hole_id"));
        assertEquals(Set.of("Score"), m.ignored("lithology"));
    }
}
