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
}
