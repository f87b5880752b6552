package org.geoassure.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RenderOriginTest {

    @Test
    void rebasingKeepsCentimetresAtGaussKrugerNorthings() {
        // 4 000 000.37 m northing: float32 alone has a 0.25-0.5 m step here; the rebased offset keeps the 0.37 m.
        RenderOrigin o = new RenderOrigin(39_500_000, 4_000_000, 0);
        float[] f = o.rebase(new double[] {39_500_012.34, 4_000_000.37, -120.5}, 1);
        assertEquals(12.34, f[0], 1e-5);
        assertEquals(0.37, f[1], 1e-6);
        assertEquals(-120.5, f[2], 1e-6);
        double naiveError = Math.abs((double) (float) 4_000_000.37 - 4_000_000.37);
        assertTrue(naiveError > 0.05, "float32 without rebasing loses " + naiveError + " m: the reason to rebase");
    }
}
