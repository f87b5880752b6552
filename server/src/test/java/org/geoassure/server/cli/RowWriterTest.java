package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RowWriterTest {

    @ParameterizedTest
    @CsvSource({
        "39500100.5, 39500100.5",
        "4000200.25, 4000200.25",
        "39500000, 39500000",
        "-0.000001, -0.000001",
        "1.0E-7, 0.0000001",
        "0.1, 0.1",
        "4.533053515215002, 4.533053515215002"})
    void numbersAreShortestAndPlain(double value, String text) {
        assertEquals(text, RowWriter.number(value));
        assertEquals(value, Double.parseDouble(RowWriter.number(value)), 0.0);
    }

    @Test
    void csvQuotesAndLeavesNullsEmpty() {
        StringWriter w = new StringWriter();
        try (RowWriter out = RowWriter.create("csv", w, List.of(RowWriter.Col.text("a"), RowWriter.Col.text("b"), RowWriter.Col.number("c")))) {
            out.row(Arrays.asList("x,y", null, 2.5));
            out.row(Arrays.asList("say \"hi\"", "煤", Double.NaN));
        }
        assertEquals("a,b,c\n\"x,y\",,2.5\n\"say \"\"hi\"\"\",煤,\n", w.toString());
    }

    @Test
    void jsonEscapesAndWritesNull() {
        StringWriter w = new StringWriter();
        try (RowWriter out = RowWriter.create("json", w, List.of(RowWriter.Col.text("a"), RowWriter.Col.text("b")))) {
            out.row(Arrays.asList("line\nbreak \"q\"", null));
        }
        assertEquals("[\n  {\"a\": \"line\\nbreak \\\"q\\\"\", \"b\": null}\n]\n", w.toString());
    }
}
