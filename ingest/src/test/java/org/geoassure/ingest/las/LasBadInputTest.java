package org.geoassure.ingest.las;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files: each error names the file and line (and the curve where one is concerned). */
class LasBadInputTest {
    private static final String HEAD = "~Version\n VERS. 2.0 : v\n WRAP. NO : w\n~Well\n NULL. -999.25 : n\n"
            + "~Curve\n DEPT.M : depth\n GR.GAPI : gamma\n";

    @TempDir
    Path dir;

    private InvalidContentException fails(String name, String text, LasOptions options) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return assertThrows(InvalidContentException.class, () -> LasReader.read(f, options));
    }

    private void expect(String name, String text, String where, String what) throws IOException {
        String m = fails(name, text, LasOptions.defaults()).getMessage();
        assertTrue(m.startsWith(dir.resolve(name) + ":" + where), m);
        assertTrue(m.contains(what), m);
    }

    @Test
    void rowWithTooManyValues() throws IOException {
        expect("long.las", HEAD + "~A\n1 2\n2 3 4\n", "11: ", "row has more than 2 values (curves DEPT .. GR)");
    }

    @Test
    void rowWithTooFewValues() throws IOException {
        expect("short.las", HEAD + "~A\n1 2\n2 3\n3\n", "12: ", "row has 1 values, expected 2");
    }

    @Test
    void nonNumericValueWhenAskedToFail() throws IOException {
        String m = fails("text.las", HEAD + "~A\n1 2\n2 abc\n", LasOptions.defaults()
                .withNonNumeric(LasOptions.NonNumeric.FAIL)).getMessage();
        assertEquals(dir.resolve("text.las") + ":11: value \"abc\" of curve GR is not a number", m);
    }

    @Test
    void nonNumericValueAsNullWarns() throws IOException {
        Path f = dir.resolve("textnull.las");
        Files.writeString(f, HEAD + "~A\n1 2\n2 abc\n");
        LasFile las = LasReader.read(f, LasOptions.defaults().withNonNumeric(LasOptions.NonNumeric.NULL));
        assertTrue(Double.isNaN(las.log().orElseThrow().require("GR").value(1)));
        assertTrue(las.warnings().get(0).startsWith(f + ":11: value \"abc\" of curve GR"), las.warnings().get(0));
    }

    @Test
    void missingDataSection() throws IOException {
        expect("noa.las", HEAD, "8: ", "no ~A (data) section");
    }

    @Test
    void unknownVersion() throws IOException {
        expect("v4.las", "~Version\n VERS. 4.0 : v\n~A\n1\n", "2: ", "unknown LAS version \"4.0\"");
    }

    @Test
    void badWrap() throws IOException {
        expect("wrap.las", "~Version\n VERS. 2.0 : v\n WRAP. MAYBE : w\n~A\n1\n", "3: ", "WRAP is \"MAYBE\"");
    }

    @Test
    void incompleteWrappedRow() throws IOException {
        expect("wrapped.las", HEAD.replace("WRAP. NO", "WRAP. YES") + "~A\n1\n 2\n3\n", "12: ",
                "incomplete wrapped row: 1 of 2 values");
    }

    @Test
    void unclosedQuote() throws IOException {
        expect("quote.las", "~Version\n VERS. 3.0 : v\n DLM. COMMA : d\n~Tops_Definition\n TOP.M : t\n NAME. : n {S}\n"
                + "~Tops_Data\n1,\"abc\n2,def\n", "8: ", "quote not closed");
    }

    @Test
    void wrappedLas3IsUnsupported() throws IOException {
        Path f = dir.resolve("w3.las");
        Files.writeString(f, "~Version\n VERS. 3.0 : v\n WRAP. YES : w\n~A\n1\n");
        assertThrows(UnsupportedFormatException.class, () -> LasReader.read(f, LasOptions.defaults()));
    }

    @Test
    void emptyFileIsNotLas() throws IOException {
        Path f = dir.resolve("empty.las");
        Files.writeString(f, "\n\n");
        assertThrows(UnsupportedFormatException.class, () -> LasReader.read(f, LasOptions.defaults()));
    }

    @Test
    void missingFileIsAStorageError() {
        assertThrows(StorageException.class, () -> LasReader.read(dir.resolve("nope.las"), LasOptions.defaults()));
    }

    @Test
    void hugeStopDoesNotAllocate() throws IOException {
        Path f = dir.resolve("huge.las");
        Files.writeString(f, HEAD.replace(" NULL.", " STRT.M 0 : s\n STOP.M 1E15 : s\n STEP.M 0.0001 : s\n NULL.")
                + "~A\n1 2\n");
        assertEquals(1, LasReader.read(f, LasOptions.defaults()).log().orElseThrow().rows());
    }

    @Test
    void realSampleWithAnOverflowedColumn() {
        // lasio's sample_lastcolblanked.las: "110.200  105.600" printed as "****************" on line 45
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> LasSamples.read("lasio_sample_lastcolblanked.las"));
        assertTrue(e.getMessage().endsWith("lasio_sample_lastcolblanked.las:45: row has 7 values, expected 8 "
                + "(curves DEPT .. ILD)"), e.getMessage());
        assertEquals(45, e.line());
    }

    @Test
    void notUtf8FallsBackToWindows1252UnlessAnEncodingIsGiven() throws IOException {
        Path f = dir.resolve("latin.las");
        byte[] head = HEAD.replace("~Curve", " WELL. Caf\u00e9 : w\n~Curve").getBytes(LasReader.CP1252);
        byte[] data = "~A\n1 2\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + data.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        Files.write(f, all);
        LasFile las = LasReader.read(f, LasOptions.defaults());
        assertEquals(LasReader.CP1252, las.encoding());
        assertEquals("Caf\u00e9", las.item(SectionKind.WELL, "WELL").orElseThrow().value());
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> LasReader.read(f, LasOptions.defaults().withEncoding(StandardCharsets.UTF_8)));
        assertEquals(f + ": not valid UTF-8 text: give the file's encoding", e.getMessage());
        assertEquals("Caf\u00e9", LasReader.read(f, LasOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1))
                .item(SectionKind.WELL, "WELL").orElseThrow().value());
    }
}
