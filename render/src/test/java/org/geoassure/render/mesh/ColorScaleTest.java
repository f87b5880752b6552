package org.geoassure.render.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Colour scales: the viridis stops (matplotlib) at the ramp's ends and quartiles; categories in sorted order. */
class ColorScaleTest {
    static final int VIRIDIS_0 = 68 << 24 | 1 << 16 | 84 << 8 | 0xFF;
    static final int VIRIDIS_MID = 33 << 24 | 145 << 16 | 140 << 8 | 0xFF;
    static final int VIRIDIS_1 = 253 << 24 | 231 << 16 | 37 << 8 | 0xFF;

    @Test
    void linearRampEndsAndMiddle() {
        ColorScale s = ColorScale.ramp(0, 10);
        assertEquals(VIRIDIS_0, s.color(0.0));
        assertEquals(VIRIDIS_MID, s.color(5.0));
        assertEquals(VIRIDIS_1, s.color(10.0));
        assertEquals(VIRIDIS_1, s.color(99.0), "clamped");
        assertEquals(ColorScale.MISSING, s.color(Double.NaN));
        assertEquals(ColorScale.MISSING, s.color(null));
    }

    @Test
    void quantileRampPutsTheMedianInTheMiddle() {
        // skewed, like grades: 1 2 3 4 5 6 7 8 100 -> min 1, quartiles 3, 5, 7, max 100
        ColorScale s = ColorScale.quantiles(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 100, Double.NaN});
        assertEquals(VIRIDIS_MID, s.color(5.0), "the median takes the middle colour, not 1/25 of the way");
        assertEquals(VIRIDIS_0, s.color(1.0));
        assertEquals(VIRIDIS_1, s.color(100.0));
        assertEquals(List.of(1.0, 3.0, 5.0, 7.0, 100.0), s.legend().stream().map(m -> m.get("value")).toList());
        assertEquals("#21918C", s.legend().get(2).get("color"));
    }

    @Test
    void tiedValuesDoNotMergeStops() {
        // 80% of the samples at 0 (below detection), as in the Demo1 assays: quartiles of the distinct values instead
        double[] v = new double[100];
        for (int i = 80; i < 100; i++) {
            v[i] = i - 79; // 1..20
        }
        ColorScale s = ColorScale.quantiles(v);
        // distinct values 0..20: quartile stops at 0, 5, 10, 15, 20
        assertEquals(List.of(0.0, 5.0, 10.0, 15.0, 20.0), s.legend().stream().map(m -> m.get("value")).toList());
        assertEquals(VIRIDIS_0, s.color(0.0));
        assertEquals(VIRIDIS_MID, s.color(10.0));
    }

    @Test
    void categoriesInSortedOrder() {
        ColorScale a = ColorScale.categorical(List.of("vein", "granite", "basalt"));
        ColorScale b = ColorScale.categorical(List.of("basalt", "vein", "granite", "vein"));
        for (String c : List.of("vein", "granite", "basalt")) {
            assertEquals(a.color(c), b.color(c), c);
        }
        assertEquals("basalt", a.legend().get(0).get("value"));
        assertEquals(ColorScale.MISSING, a.color("unknown"));
    }
}
