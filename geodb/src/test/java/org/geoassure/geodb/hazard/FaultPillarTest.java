package org.geoassure.geodb.hazard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;

/** Fault waterproof pillar L = 0.5·K·M·√(3p/K_p) ≥ 20 m, worked by hand (form as quoted; unverified). */
class FaultPillarTest {

    @Test
    void formulaGoverns() {
        // K = 4, M = 4 m, p = 3 MPa, K_p = 0.5 MPa: √(9 / 0.5) = √18 = 4.242 641; L = 0.5·4·4·4.242 641 = 33.941 13 m.
        // This is the worked example of docs/hazards.md.
        FaultPillarResult r = FaultPillar.width(4, 4, 3, 0.5);
        assertAll(
                () -> assertEquals(33.94113, r.formulaWidth(), 1e-5),
                () -> assertEquals(33.94113, r.width(), 1e-5),
                () -> assertFalse(r.minimumGoverns()));
    }

    @Test
    void minimumGoverns() {
        // K = 3, M = 3 m, p = 2 MPa, K_p = 0.6 MPa: √(6 / 0.6) = √10 = 3.162 278; L = 0.5·3·3·3.162 278 = 14.230 25 m,
        // below 20 m: leave 20 m.
        FaultPillarResult r = FaultPillar.width(3, 3, 2, 0.6);
        assertAll(
                () -> assertEquals(14.23025, r.formulaWidth(), 1e-5),
                () -> assertEquals(20, r.width(), 0),
                () -> assertTrue(r.minimumGoverns()),
                () -> assertEquals(20, r.explanation().parameter("minimum_width").value()),
                () -> assertTrue(r.explanation().formula().contains("unverified")));
    }

    @Test
    void badInputAndUnusualSafetyFactor() {
        assertAll(
                () -> assertTrue(assertThrows(InvalidContentException.class, () -> FaultPillar.width(3, 3, 2, 0))
                        .getMessage().startsWith("tensileStrength:")),
                () -> assertThrows(InvalidContentException.class, () -> FaultPillar.width(3, 3, -1, 0.5)),
                () -> assertEquals(1, FaultPillar.width(6, 3, 2, 0.5).explanation().warnings().size()));
    }
}
