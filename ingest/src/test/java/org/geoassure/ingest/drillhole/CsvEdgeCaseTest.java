package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same small data set written in many CSV dialects reads to the same batch. */
class CsvEdgeCaseTest {
    private static final DrillholeOptions OPT = DrillholeOptions.defaults(Crs.forCode("EPSG:3857"));

    private static final String[][] COLLAR = {
        {"HOLEID", "X", "Y", "Z", "TD"},
        {"H1", "1000.5", "2000", "100", "100"},
        {"H2", "1010", "2000", "101", "80"},
    };
    private static final String[][] SURVEY = {
        {"HOLEID", "DEPTH", "AZIMUTH", "DIP"},
        {"H1", "0", "90", "-60"},
        {"H1", "50", "91", "-61"},
        {"H2", "0", "0", "-90"},
    };
    private static final String[][] ASSAY = {
        {"HOLEID", "FROM", "TO", "CU", "LITH"},
        {"H1", "0", "10", "0.5", "basalt, \"fresh\""},
        {"H1", "10", "20", "0.7", "gabbro"},
        {"H2", "0", "5", "", "granite; pink"},
    };

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Writes rows with a delimiter and line ending; quotes fields that need it. */
    private static String csv(String[][] rows, char delim, String eol) {
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append(delim);
                }
                String f = row[i];
                if (f.indexOf(delim) >= 0 || f.indexOf('"') >= 0 || f.indexOf(',') >= 0) {
                    sb.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(f);
                }
            }
            sb.append(eol);
        }
        return sb.toString();
    }

    private ReadResult readSet(String tag, char delim, String eol, boolean bom) throws IOException {
        byte[] prefix = bom ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF} : new byte[0];
        Path c = write(tag + "_collar.csv", concat(prefix, csv(COLLAR, delim, eol)));
        Path s = write(tag + "_survey.csv", concat(prefix, csv(SURVEY, delim, eol)));
        Path a = write(tag + "_assay.csv", concat(prefix, csv(ASSAY, delim, eol)));
        return DrillholeReader.read(c, s, Map.of("assay", a), OPT, null);
    }

    private static byte[] concat(byte[] a, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private DrillholeBatch reference;

    @BeforeEach
    void reference() throws IOException {
        reference = readSet("ref", ',', "\n", false).batch();
        assertEquals(2, reference.holes().size());
        HoleData h1 = reference.holes().get(0);
        assertEquals(1000.5, h1.collar().x());
        assertEquals(List.of(new Column("CU", ColumnType.NUMBER), new Column("LITH", ColumnType.TEXT)),
                reference.intervalSchemas().get("assay"));
        assertEquals(Arrays.asList(0.5, "basalt, \"fresh\""), h1.intervals().get("assay").get(0).values());
        assertEquals(Arrays.asList(null, "granite; pink"),
                reference.holes().get(1).intervals().get("assay").get(0).values());
    }

    private void assertSame(DrillholeBatch b) {
        assertEquals(reference.holes(), b.holes());
        assertEquals(reference.intervalSchemas(), b.intervalSchemas());
    }

    @Test
    void bomAndCrlf() throws IOException {
        assertSame(readSet("bomcrlf", ',', "\r\n", true).batch());
    }

    @Test
    void crOnly() throws IOException {
        assertSame(readSet("cr", ',', "\r", false).batch());
    }

    @Test
    void tabDelimited() throws IOException {
        assertSame(readSet("tab", '\t', "\n", false).batch());
    }

    @Test
    void semicolonDelimited() throws IOException {
        assertSame(readSet("semi", ';', "\r\n", true).batch());
    }

    @Test
    void quotedFieldsWithCommasAndQuotes() throws IOException {
        String text = csv(ASSAY, ',', "\n");
        assertTrue(text.contains("\"basalt, \"\"fresh\"\"\""), text);
        assertSame(readSet("quoted", ',', "\n", false).batch());
    }

    @Test
    void blankLinesTrailingBlanksAndEmptyRowsAreSkipped() throws IOException {
        Path c = write("c.csv", ("\n\nHOLEID , X , Y , Z , TD\n H1 , 1000.5 ,2000,100,100\n\n,,,,\n   \nH2,1010,2000,101,80\n\n")
                .getBytes(StandardCharsets.UTF_8));
        Path s = write("s.csv", csv(SURVEY, ',', "\n").getBytes(StandardCharsets.UTF_8));
        Path a = write("a.csv", csv(ASSAY, ',', "\n").getBytes(StandardCharsets.UTF_8));
        ReadResult r = DrillholeReader.read(c, s, Map.of("assay", a), OPT, null);
        assertSame(r.batch());
        assertEquals(2, r.batch().provenance().sources().get(0).rows());
    }

    @Test
    void quotedLineBreakKeepsPhysicalLineNumbers() throws IOException {
        Path c = write("c.csv", csv(COLLAR, ',', "\n").getBytes(StandardCharsets.UTF_8));
        String assay = "HOLEID,FROM,TO,LITH\r\nH1,0,10,\"two\r\nlines\"\r\nH1,10,5,x\r\n";
        Path a = write("a.csv", assay.getBytes(StandardCharsets.UTF_8));
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> DrillholeReader.read(c, null, Map.of("assay", a), OPT, null));
        assertEquals(a + ":4: from 10 is not less than to 5 for hole 'H1'", e.getMessage());

        Path ok = write("ok.csv", "HOLEID,FROM,TO,LITH\r\nH1,0,10,\"two\r\nlines\"\r\n".getBytes(StandardCharsets.UTF_8));
        ReadResult r = DrillholeReader.read(c, null, Map.of("assay", ok), OPT, null);
        assertEquals(List.of("two\r\nlines"), r.batch().holes().get(0).intervals().get("assay").get(0).values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void lineNumbersForEveryLineEnding(String eol) throws IOException {
        Path c = write("c.csv", String.join(eol, "HOLEID,X,Y,Z", "H1,1,1,1", "", "H2,1,x,1", "").getBytes(StandardCharsets.UTF_8));
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> DrillholeReader.read(c, null, Map.of(), OPT, null));
        assertEquals(c + ":4: non-numeric y 'x' for hole 'H2'", e.getMessage());
    }

    @Test
    void wamexStyleIndexColumnAndTrailingComma() throws IOException {
        Path c = write("c.csv", (",HOLEID,X,Y,Z,TD\n0,H1,1000.5,2000,100,100\n1,H2,1010,2000,101,80\n")
                .getBytes(StandardCharsets.UTF_8));
        Path s = write("s.csv", csv(SURVEY, ',', "\n").getBytes(StandardCharsets.UTF_8));
        String assay = "HOLEID,FROM,TO,CU,LITH,\nH1,0,10,0.5,\"basalt, \"\"fresh\"\"\",\nH1,10,20,0.7,gabbro\n"
                + "H2,0,5,,granite; pink,,\n";
        Path a = write("a.csv", assay.getBytes(StandardCharsets.UTF_8));
        ReadResult r = DrillholeReader.read(c, s, Map.of("assay", a), OPT, null);
        assertSame(r.batch());
    }

    @Test
    void quotedHeaderNames() throws IOException {
        Path c = write("c.csv", "\"Hole ID\",\"Easting (m)\",\"Northing [m]\",\"Elevation (m)\",\"EOH\"\nH1,1000.5,2000,100,100\nH2,1010,2000,101,80\n"
                .getBytes(StandardCharsets.UTF_8));
        Path s = write("s.csv", "BHID;AT;AZ;DIP\nH1;0;90;-60\nH1;50;91;-61\nH2;0;0;-90\n".getBytes(StandardCharsets.UTF_8));
        Path a = write("a.csv", ("hole_id\tDepth From (m)\tdepth-to\tCU\tLITH\nH1\t0\t10\t0.5\tbasalt, \"fresh\"\n"
                + "H1\t10\t20\t0.7\tgabbro\nH2\t0\t5\t\tgranite; pink\n").getBytes(StandardCharsets.UTF_8));
        assertSame(DrillholeReader.read(c, s, Map.of("assay", a), OPT, null).batch());
    }

    @Test
    void intervalTablesKeepTheirOrder() throws IOException {
        Path c = write("c.csv", csv(COLLAR, ',', "\n").getBytes(StandardCharsets.UTF_8));
        Path a = write("a.csv", csv(ASSAY, ',', "\n").getBytes(StandardCharsets.UTF_8));
        Path l = write("l.csv", "HOLEID,FROM,TO,ROCK\nH1,0,20,BAS\n".getBytes(StandardCharsets.UTF_8));
        Map<String, Path> t = new LinkedHashMap<>();
        t.put("lithology", l);
        t.put("assay", a);
        ReadResult r = DrillholeReader.read(c, null, t, OPT, null);
        assertEquals(List.of("lithology", "assay"), List.copyOf(r.batch().intervalSchemas().keySet()));
        assertEquals(List.of("collar", "intervals:lithology", "intervals:assay"),
                r.batch().provenance().sources().stream().map(x -> x.role()).toList());
        // H2 has no lithology rows: an empty list, not a missing table
        assertEquals(List.of(), r.batch().holes().get(1).intervals().get("lithology"));
        assertEquals(List.of(c + ": no survey file: 2 holes use their collar orientation, or run vertically down where"
                + " the collar has none"), r.warnings());
    }
}
