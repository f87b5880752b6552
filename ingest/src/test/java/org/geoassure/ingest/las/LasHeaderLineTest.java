package org.geoassure.ingest.las;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.geoassure.ingest.las.internal.HeaderLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** lasio {@code tests/test_read_header_line.py} (MIT), as listed in reference-results.md section C. */
class LasHeaderLineTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "TIML.hh:mm 23:15 23-JAN-2001: Time Logger: At Bottom | TIML | hh:mm | 23:15 23-JAN-2001 | Time Logger: At Bottom",
        "STRT.DateTime 2012-09-16T07:44:12-05:00 : START DEPTH | STRT | DateTime | 2012-09-16T07:44:12-05:00 | START DEPTH",
        "' TDEP  ..1IN  :  0.1-in' | TDEP | .1IN | '' | 0.1-in",
        "RUN . 01: RUN NUMBER | RUN | '' | 01 | RUN NUMBER",
        "QI . : Survey quality: GOOD or BAD versus criteria | QI | '' | '' | Survey quality: GOOD or BAD versus criteria",
        "HKLA .1000 lbf :(RT) | HKLA | 1000 lbf | '' | (RT)",
        "I. Res..OHM-M | I. Res. | OHM-M | '' | ''",
        "'   DRILLED  :12/11/2010' | DRILLED | '' | 12/11/2010 | ''",
    })
    void lasioHeaderLines(String line, String name, String unit, String value, String descr) {
        HeaderLine.Parts p = HeaderLine.parse(line, true, false);
        assertEquals(name, p.mnemonic());
        assertEquals(unit, p.unit());
        assertEquals(value, p.value());
        assertEquals(descr, p.description());
    }
}
