package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.ingest.drillhole.internal.DrillholeRead;
import org.geoassure.ingest.drillhole.internal.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header detection, attribute naming and typing. */
class HeaderDetectionTest {
    private static final DrillholeOptions OPT = DrillholeOptions.defaults(Crs.forCode("EPSG:3857"));

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Hole ID       | HOLEID
        hole_id       | HOLEID
        From (m)      | FROM
        Depth-From[m] | DEPTHFROM
        EASTING (ft)  | EASTING
        ' dip '       | DIP
        """)
    void normalise(String header, String expected) {
        assertEquals(expected, Role.normalise(header));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        CU           | CU
        Cu (%)       | Cu____
        2nd pass     | _2nd_pass
        Fe2O3-total  | Fe2O3_total
        Ñame         | Ñame
        岩性 (描述)   | 岩性__描述_
        """)
    void sanitise(String header, String expected) {
        assertEquals(expected, DrillholeRead.sanitise(header));
        assertEquals(true, Column.isValidName(expected));
    }

    @Test
    void ambiguousHeadersPickTheFirstListedNameAndWarn() throws IOException {
        Path c = file("c.csv", "BHID,HoleID,EAST,X,Y,Z\nA,H1,5,1,2,3\n");
        ReadResult r = DrillholeReader.read(c, null, Map.of(), OPT, null);
        assertEquals("H1", r.batch().holes().get(0).holeId());
        assertEquals(1.0, r.batch().holes().get(0).collar().x());
        assertEquals(List.of(
                c + ": no survey file: 1 holes use their collar orientation, or run vertically down where the collar"
                        + " has none",
                c + ":1: several columns look like the hole-id column ('HoleID', 'BHID'); using 'HoleID' (set"
                        + " collar.hole_id in the mapping file to choose)",
                c + ":1: several columns look like the x column ('X', 'EAST'); using 'X' (set collar.x in the mapping"
                        + " file to choose)"), r.warnings());
    }

    @Test
    void depthIsTotalDepthInTheCollarAndStationDepthInTheSurvey() throws IOException {
        Path c = file("c.csv", "HOLE,EASTING,NORTHING,RL,DEPTH\nH1,1,2,3,40\n");
        Path s = file("s.csv", "HOLE,DEPTH,BRG,INCL\nH1,0,10,-60\nH1,30,10,-61\n");
        DrillholeBatch b = DrillholeReader.read(c, s, Map.of(), OPT, null).batch();
        assertEquals(40.0, b.holes().get(0).collar().totalDepth());
        assertEquals(30.0, b.holes().get(0).survey().get(1).depth());
        assertEquals("hole_id=HOLE, x=EASTING, y=NORTHING, z=RL, total_depth=DEPTH",
                b.provenance().parameters().get("columns.collar"));
        assertEquals("hole_id=HOLE, depth=DEPTH, azimuth=BRG, dip=INCL", b.provenance().parameters().get("columns.survey"));
    }

    @Test
    void attributeTypesAndNullTokens() throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z\nH1,0,0,0\n");
        Path a = file("a.csv", """
                HOLEID,FROM,TO,AU,CU,CODE,EMPTY,SCI
                H1,0,1,1.5,0.1,10,,1e-3
                H1,1,2,NA,<0.01,20,,-2.5E+2
                H1,2,3,n/a,0.3,A1,null,
                H1,3,4,NULL,,30,N/A,+4
                H1,4,5, ,  ,  7 ,NA,.5
                """);
        DrillholeBatch b = DrillholeReader.read(c, null, Map.of("assay", a), OPT, null).batch();
        assertEquals(List.of(new Column("AU", ColumnType.NUMBER), new Column("CU", ColumnType.TEXT),
                new Column("CODE", ColumnType.TEXT), new Column("EMPTY", ColumnType.NUMBER),
                new Column("SCI", ColumnType.NUMBER)), b.intervalSchemas().get("assay"));
        var rows = b.holes().get(0).intervals().get("assay");
        assertEquals(Arrays.asList(1.5, "0.1", "10", null, 0.001), rows.get(0).values());
        assertEquals(Arrays.asList(null, "<0.01", "20", null, -250.0), rows.get(1).values());
        assertEquals(Arrays.asList(null, "0.3", "A1", null, null), rows.get(2).values());
        assertEquals(Arrays.asList(null, null, "30", null, 4.0), rows.get(3).values());
        assertEquals(Arrays.asList(null, null, "7", null, 0.5), rows.get(4).values());
    }

    @Test
    void intervalsAndStationsAreSortedByDepth() throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z\nH1,0,0,0\n");
        Path s = file("s.csv", "HOLEID,DEPTH,AZIMUTH,DIP\nH1,30,0,-60\nH1,0,0,-60\nH1,10,0,-60\n");
        Path a = file("a.csv", "HOLEID,FROM,TO,V\nH1,2,3,c\nH1,0,1,a\nH1,1,2,b\n");
        DrillholeBatch b = DrillholeReader.read(c, s, Map.of("assay", a), OPT, null).batch();
        assertEquals(List.of(0.0, 10.0, 30.0), b.holes().get(0).survey().stream().map(x -> x.depth()).toList());
        assertEquals(List.of("a", "b", "c"), b.holes().get(0).intervals().get("assay").stream()
                .map(x -> x.values().get(0)).toList());
    }

    @Test
    void reservedNamesAreCaseInsensitive() throws IOException {
        Path c = file("c.csv", "HOLEID,X,Y,Z\nH1,0,0,0\n");
        Path a = file("a.csv", "HOLEID,FROM,TO,Valid From\nH1,0,1,x\n");
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> DrillholeReader.read(c, null, Map.of("assay", a), OPT, null));
        assertEquals(a + ":1: column 'Valid From' has a reserved name (valid_from); rename it in the file, or drop it"
                + " with 'intervals.assay.ignore = Valid From' in the mapping file", e.getMessage());
    }
}
