package org.geoassure.ingest.las;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.junit.jupiter.api.Test;

/**
 * The assertions of lasio's test suite (github.com/kinverarity1/lasio, MIT, commit 9e32ea6), as listed in
 * shared/data/reference-results.md section C; expected values are written here. {@code N} there is NaN here.
 */
class LasLasioAssertionsTest {
    private static final double N = Double.NaN;

    private static List<String> mnemonics(LasTable t) {
        return t.curves().stream().map(Curve::mnemonic).toList();
    }

    @Test
    void sampleLas12() {
        LasFile f = LasSamples.read("lasio_sample.las");
        LasTable t = f.log().orElseThrow();
        assertEquals(List.of("DEPT", "DT", "RHOB", "NPHI", "SFLU", "SFLA", "ILM", "ILD"), mnemonics(t));
        assertArrayEquals(new double[] {123.45, 123.45, 123.45}, t.require("DT").toArray());
        assertArrayEquals(new double[] {110.2, 110.2, 110.2}, t.curves().get(t.curves().size() - 2).toArray());
        assertArrayEquals(new double[] {0.45, 0.45, 0.45}, t.require("NPHI").toArray());
        assertArrayEquals(new double[] {1670.0, 1669.875, 1669.75}, t.require("DEPT").toArray());
        assertEquals(LasVersion.V1_2, f.version());
        assertEquals("1.2", f.item(SectionKind.VERSION, "VERS").orElseThrow().value());
        assertEquals(-999.25, f.nullValue());
    }

    @Test
    void sparseCurvesGiveTheSameMnemonics() {
        assertEquals(List.of("DEPT", "DT", "RHOB", "NPHI", "SFLU", "SFLA", "ILM", "ILD"),
                mnemonics(LasSamples.log("lasio_sparse_curves.las")));
    }

    @Test
    void tabDelimited() {
        assertEquals(1669.875, LasSamples.log("lasio_2.0_sample_2.0_tab_dlm.las").require("DEPT").value(1));
        assertEquals(1669.875, LasSamples.log("lasio_3.0_sample_3.0_tab_dlm.las").require("DEPT").value(1));
    }

    @Test
    void emptyOtherSection() {
        LasFile f = LasSamples.read("lasio_2.0_sample_2.0_empty_other_section.las");
        assertEquals("", f.section(SectionKind.OTHER).orElseThrow().text());
        assertEquals(1670.0, f.log().orElseThrow().curves().get(0).value(0));
    }

    @Test
    void las30Sample() {
        LasFile f = LasSamples.read("lasio_3.0_sample_3.0.las");
        assertEquals(LasVersion.V3_0, f.version());
        HeaderItem vers = f.item(SectionKind.VERSION, "VERS").orElseThrow();
        assertEquals("3.0", vers.value());
        assertEquals("CWLS LOG ASCII STANDARD -VERSION 3.0", vers.description());
        LasTable log = f.log().orElseThrow();
        assertEquals("Log_Data", log.name());
        assertEquals("Log_Definition", log.definition());
        assertEquals(3, log.rows());
        assertEquals(15, log.curves().size());
        assertEquals(2.85e12, log.require("YME").value(2));
        assertEquals("LOST INTERVAL   ", log.require("CDES").text(2));
        assertEquals("M", log.require("DEPT").unit());
        assertEquals(List.of("NMR[1]", "NMR[2]", "NMR[3]", "NMR[4]", "NMR[5]"), mnemonics(log).subList(10, 15));
        assertEquals(71, f.section("Log_Parameter").orElseThrow().items().size());
        assertEquals("PERFT:1", f.section("Perforations_Definition").orElseThrow().items().get(0).mnemonic());
    }

    @Test
    void duplicateMnemonics() {
        assertEquals(List.of("DEPT", "DT", "RHOB", "NPHI", "SFLU:1", "SFLU:2", "ILM", "ILD"),
                mnemonics(LasSamples.log("lasio_mnemonic_duplicate.las")));
        assertEquals(List.of("DEPT", "GR:1", "GR:2", "GR[0]", "GR[1]", "GR[2]", "GR[3]", "GR[4]", "GR[5]"),
                mnemonics(LasSamples.log("lasio_sample_issue105_c.las")));
    }

    @Test
    void dotsInMnemonics() {
        LasTable t = LasSamples.log("lasio_1.2_issue-264-dot-delimiter.las");
        assertEquals(List.of("DEPT", "SPEED", "COND.", "GAMMA", "I. RES."), mnemonics(t));
        assertEquals(List.of("FT", "M/MIN", "MS/M", "CPS", "OHM-M"), t.curves().stream().map(Curve::unit).toList());
        t.curves().forEach(c -> assertEquals("", c.definition().value()));
    }

    @Test
    void uwiKeepsLeadingZeros() {
        assertEquals("300E074350061450", LasSamples.read("lasio_2.0_sample_2.0_inf_uwi.las")
                .item(SectionKind.WELL, "UWI").orElseThrow().value());
        LasFile f = LasSamples.read("lasio_1.2_sample_inf_uwi_leading_zero.las");
        assertEquals("05001095820000", f.item(SectionKind.WELL, "UWI").orElseThrow().value());
        assertEquals(1670.0, f.item(SectionKind.WELL, "STRT").orElseThrow().number());
        assertEquals("05123370660000", LasSamples.read("lasio_UWI_API_leading_zero.las")
                .item(SectionKind.WELL, "UWI").orElseThrow().value());
    }

    @Test
    void barebones() {
        assertEquals(201.0, LasSamples.log("lasio_barebones.las").curves().get(0).value(1));
        LasTable t = LasSamples.log("lasio_barebones2.las");
        assertEquals("UNKNOWN:8", t.curves().get(t.curves().size() - 1).mnemonic());
    }

    @Test
    void commaDecimalMark() {
        LasFile f = LasSamples.read("lasio_comma_decimal_mark.las");
        assertEquals(123.42, f.log().orElseThrow().require("SFLU").value(1));
        assertEquals(2710.1, f.item(SectionKind.PARAMETER, "MDEN").orElseThrow().number());
    }

    @Test
    void missingSectionsAndItems() {
        assertEquals(0, LasSamples.log("lasio_missing_a_section.las").rows());
        assertFalse(LasSamples.read("lasio_missing_vers.las").item(SectionKind.VERSION, "VERS").isPresent());
        assertFalse(LasSamples.read("lasio_missing_wrap.las").item(SectionKind.VERSION, "WRAP").isPresent());
        assertFalse(LasSamples.read("lasio_missing_null.las").item(SectionKind.WELL, "NULL").isPresent());
        LasFile h = LasSamples.read("lasio_header_only.las", LasOptions.defaults().withHeaderOnlyAllowed(true));
        assertEquals(9000.0, h.item(SectionKind.WELL, "STRT").orElseThrow().number());
        assertEquals(10000.0, h.item(SectionKind.WELL, "STOP").orElseThrow().number());
        List<HeaderItem> curves = h.section(SectionKind.CURVE).orElseThrow().items();
        assertEquals(21, curves.size());
        assertEquals("DEPT", curves.get(0).mnemonic());
        assertEquals("ft", curves.get(0).unit());
        assertEquals("WPHI_FIT[1]", curves.get(12).mnemonic());
    }

    @Test
    void nullPolicies() {
        assertTrue(Double.isNaN(LasSamples.log("lasio_null_policy_-999.25.las").require("DT").value(0)));
        assertEquals(-999.25, LasSamples.read("lasio_null_policy_-999.25.las",
                LasOptions.defaults().withNullPolicy(NullPolicy.none())).log().orElseThrow().require("DT").value(0));
        for (NullPolicy p : List.of(NullPolicy.strict(), NullPolicy.common())) {
            assertEquals(9999.0, dt1(p), p.toString());
        }
        for (NullPolicy p : List.of(NullPolicy.aggressive(), NullPolicy.all())) {
            assertTrue(Double.isNaN(dt1(p)), p.toString());
        }
        LasTable custom = LasSamples.read("lasio_null_policy_9999.las", LasOptions.defaults()
                .withNullPolicy(NullPolicy.strict().withValues(9998).withTokens("NULL"))).log().orElseThrow();
        assertTrue(Double.isNaN(custom.require("DT").value(0)));
        assertTrue(Double.isNaN(custom.require("SFLA").value(2)));
        LasTable strict = LasSamples.log("lasio_null_policy_ERR.las");
        assertEquals("ERR", strict.require("RHOB").text(2));
        assertEquals(105.6, strict.require("ILD").value(2));
        LasTable all = LasSamples.read("lasio_null_policy_ERR.las", LasOptions.defaults()
                .withNullPolicy(NullPolicy.all())).log().orElseThrow();
        assertTrue(Double.isNaN(all.require("RHOB").value(2)));
        assertEquals(105.6, all.require("ILD").value(2));
    }

    private static double dt1(NullPolicy p) {
        return LasSamples.read("lasio_null_policy_9999.las", LasOptions.defaults().withNullPolicy(p)).log()
                .orElseThrow().require("DT").value(1);
    }

    @Test
    void indexIsNeverNulled() {
        LasTable t = LasSamples.log("lasio_index_null.las");
        assertEquals(999.25, t.require("DEPT").value(1));
        assertTrue(Double.isNaN(t.require("DT").value(0)));
    }

    @Test
    void excessCurves() {
        LasFile f = LasSamples.read("lasio_excess_curves.las");
        LasTable t = f.log().orElseThrow();
        assertEquals(List.of("DEPTH", "TVD", "VS", "GAMMA", "ROP", "TEMP"), mnemonics(t));
        assertArrayEquals(new double[] {N, N}, t.require("ROP").toArray());
        assertFalse(f.warnings().isEmpty());
    }

    @Test
    void textColumns() {
        LasTable t = LasSamples.log("lasio_data_characters.las");
        assertEquals("00:00:00", t.require("TIME").text(0));
        assertEquals("01-Jan-20", t.require("DATE").text(0));
        assertEquals(1500.2435, t.require("DEPT").value(0));
    }

    @Test
    void commentsInDataSection() {
        assertArrayEquals(new double[] {0.3, 0.4, 0.5, 0.6},
                LasSamples.log("lasio_skip_data_section_comments.las").curves().get(0).toArray());
    }

    @Test
    void colonsInValuesAndDescriptions() {
        LasFile f = LasSamples.read("lasio_colon_pick_start.las");
        assertEquals("Time Circ. Stopped", f.item(SectionKind.PARAMETER, "TCS").orElseThrow().description());
        HeaderItem timl = f.item(SectionKind.PARAMETER, "TIML").orElseThrow();
        assertEquals("hh:mm", timl.unit());
        assertEquals("23:15 23-JAN-2001", timl.value());
        assertEquals("Time Logger: At Bottom", timl.description());
    }

    @Test
    void dodgyParameterSectionIsAHeaderError() {
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> LasSamples.read("lasio_dodgy_param_sect.las"));
        assertTrue(e.getMessage().contains("lasio_dodgy_param_sect.las:31: "), e.getMessage());
        LasFile f = LasSamples.read("lasio_dodgy_param_sect.las", LasOptions.defaults().withLenientHeader(true));
        assertEquals(3, f.log().orElseThrow().rows());
        assertEquals(1, f.warnings().size());
    }

    @Test
    void notALasFileIsRejected() {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> LasSamples.read("lasio_not_a_las_file.las"));
        assertTrue(e.getMessage().contains("lasio_not_a_las_file.las: not a LAS file: line 1"), e.getMessage());
    }

    @Test
    void bracketedUnitsAndDepthUnits() {
        assertEquals("M", LasSamples.log("lasio_sample_bracketed_units.las").curves().get(0).unit());
        assertEquals("M", LasSamples.log("lasio_autodepthindex_M.las").curves().get(0).unit());
        assertEquals("FT", LasSamples.log("lasio_autodepthindex_FT.las").curves().get(0).unit());
    }

    @Test
    void encodings() {
        LasFile cp = LasSamples.read("lasio_encodings_cp1252.las");
        assertEquals(LasReader.CP1252, cp.encoding());
        LasFile u8 = LasSamples.read("lasio_encodings_utf8wbom.las");
        assertEquals(StandardCharsets.UTF_8, u8.encoding());
        assertTrue(u8.byteOrderMark());
        LasFile u16 = LasSamples.read("lasio_encodings_utf16lebom.las");
        assertEquals(StandardCharsets.UTF_16LE, u16.encoding());
        assertTrue(u16.byteOrderMark());
        // the UTF-8 and UTF-16 files name the third curve in non-Latin letters (lasio's encoding check)
        assertEquals("\u00ba\u1d9f\u1d4c\u1d2c\u0144", u8.log().orElseThrow().curves().get(2).definition()
                .originalMnemonic());
        assertEquals("\u00ba\u1d9f\u1d4c\u1d2c\u0144", u16.log().orElseThrow().curves().get(2).definition()
                .originalMnemonic());
        LasTable base = LasSamples.log("lasio_sample.las");
        for (LasFile f : List.of(cp, u8, u16)) {
            LasTable t = f.log().orElseThrow();
            assertEquals(base.curves().size(), t.curves().size());
            assertArrayEquals(base.require("DEPT").toArray(), t.require("DEPT").toArray());
            assertArrayEquals(base.require("ILD").toArray(), t.require("ILD").toArray());
        }
    }
}
