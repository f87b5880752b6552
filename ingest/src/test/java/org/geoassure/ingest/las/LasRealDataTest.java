package org.geoassure.ingest.las;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Real logs; expectations by inspection of the files (reference-results.md section C, last paragraph). */
class LasRealDataTest {
    @Test
    void scorpioE1() {
        LasTable t = LasSamples.log("lasio_6038187_v1.2.las");
        assertEquals(2732, t.rows());
        int r = (int) Math.round((9.05 - 0.05) / 0.05);
        assertEquals(9.05, t.require("DEPT").value(r), 1e-9);
        assertEquals(101.732, t.require("CALI").value(r));
        assertEquals(0.911, t.require("DFAR").value(r));
        assertEquals(0.889, t.require("DNEAR").value(r));
        assertEquals(69.7292, t.require("GAMN").value(r));
        assertTrue(Double.isNaN(t.require("NEUT").value(r)));
        assertEquals(50499.9, t.require("PR").value(r));
        assertEquals(100.562, t.require("SP").value(r));
        assertEquals(986.194, t.require("COND").value(r));
    }

    @Test
    void wellingtonLas2AndLas3Agree() {
        LasTable v2 = LasSamples.log("welly_Wellington_KGS-1-32-wDST2_LASv2.las");
        LasFile f3 = LasSamples.read("welly_Wellington_KGS-1-32-wDST2_LASv3.las");
        LasTable v3 = f3.log().orElseThrow();
        assertEquals(9341, v2.rows());
        assertEquals(9341, v3.rows());
        assertEquals(38, v2.curves().size());
        assertEquals(38, v3.curves().size());
        assertEquals(580.0, v2.curves().get(0).value(0));
        assertEquals(5247.5, v2.curves().get(0).value(9340));
        for (int c = 0; c < 38; c++) {
            Curve a = v2.curves().get(c);
            Curve b = v3.curves().get(c);
            if (!a.isText() && !b.isText()) {
                assertArrayEquals(a.toArray(), b.toArray(), a.mnemonic());
            }
        }
        LasTable tops = f3.table("Tops_Data").orElseThrow();
        assertEquals(2406.0, tops.curves().get(0).value(0));
        assertEquals(0.0, tops.curves().get(1).value(0));
        assertEquals("MEMBER", tops.curves().get(2).text(0));
        assertEquals("Poor", tops.curves().get(3).text(0));
        assertEquals("Heebner Shale", tops.curves().get(4).text(0));
        assertEquals(4, f3.tables().stream().filter(t -> t.name().startsWith("Test_Data")).count());
    }

    @Test
    void cuttingsDescriptionsSpanLines() {
        LasTable t = LasSamples.read("welly_P-135_cuttings.las").table("Lithology_Data").orElseThrow();
        assertEquals(68.275, t.curves().get(0).value(1));
        assertEquals(288.554, t.curves().get(1).value(1));
        assertTrue(t.curves().get(2).text(0).startsWith("Boss Point Formation."), t.curves().get(2).text(0));
        assertTrue(t.curves().get(2).text(0).contains("\nQuartz pebble conglomerate"));
    }

    @Test
    void kansasWrapped() {
        LasFile f = LasSamples.read("lasio_1001178549.las");
        assertTrue(f.wrapped());
        LasTable t = f.log().orElseThrow();
        assertEquals(27, t.curves().size());
        assertArrayEquals(new double[] {1783.5, 1783.75, 1784.0, 1784.25, 1784.5}, t.curves().get(0).toArray());
    }

    @Test
    void las12Wrapped() {
        LasFile f = LasSamples.read("lasio_1.2_sample_wrapped.las");
        assertTrue(f.wrapped());
        assertEquals(36, f.log().orElseThrow().curves().size());
    }

    @Test
    void quotedTextInBlankDelimitedData() {
        LasTable t = LasSamples.log("lasio_lasio_issue_271.las");
        assertEquals(5, t.rows());
        assertTrue(Double.isNaN(t.require("TEST").value(4)));
        assertEquals("pick_alpha", t.require("ZONE").text(0));
        assertEquals("pick gamma", t.require("ZONE").text(2));
        assertEquals("pick delta", t.require("ZONE").text(3));
        assertEquals(2141.05, t.require("MD").value(3));
    }

    @Test
    void las3SpecExampleAsciiNamesTheCurveSection() {
        LasFile f = LasSamples.read("lasio_3.0_sample_las3.0_spec.las");
        LasTable log = f.log().orElseThrow();
        assertEquals("ASCII", log.name());
        assertEquals("CURVE INFORMATION", log.definition());
        assertEquals(15, log.curves().size());
        assertEquals("DEPT", log.curves().get(0).mnemonic());
        assertTrue(f.warnings().isEmpty(), f.warnings().toString());
    }

    @Test
    void las3DrillStemTestsTopsAndCores() {
        LasFile f = LasSamples.read("lasio_3.0_sample_3.0.las");
        LasTable dst = f.table("Test_Data").orElseThrow();
        assertEquals(3, dst.rows());
        assertEquals(2210.0, dst.require("DTOP").value(1));
        assertEquals("Oil to surface", dst.require("DDES").text(1));
        assertEquals(21451.0, dst.require("FSIP").value(1));
        assertEquals("Strong Blow", dst.require("BLOWD").text(1));
        LasTable tops = f.table("TOPS_Data").orElseThrow();
        assertEquals("Basal Quartz", tops.require("TOPN").text(2));
        assertEquals(2, f.tables().stream().filter(t -> t.definition().equals("Core_Definition")).count());
        assertEquals(12, f.table("Drilling_Data").orElseThrow().curves().size());
    }
}
