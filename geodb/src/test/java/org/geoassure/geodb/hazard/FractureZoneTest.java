package org.geoassure.geodb.hazard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;

/**
 * Fracture-zone heights worked by hand from the table in docs/hazards.md (2017 coal-pillar and pressed-coal mining
 * standard as quoted in HAZARD-REFERENCES.md; coefficients unverified against the standard's text).
 */
class FractureZoneTest {

    @Test
    void mediumHardThreeMetres() {
        // ΣM = 3 m, medium hard: 100·3 / (1.6·3 + 3.6) = 300 / 8.4 = 35.714 29 m; ± 5.6 -> 30.114 29 .. 41.314 29 m;
        // formula 2: 20·√3 + 10 = 34.641 02 + 10 = 44.641 02 m. This is the worked example of docs/hazards.md.
        FractureZoneResult r = FractureZone.compute(FractureZoneInput.of(3, Overburden.MEDIUM_HARD));
        assertAll(
                () -> assertEquals(35.71429, r.formula1(), 1e-5),
                () -> assertEquals(30.11429, r.formula1Lower(), 1e-5),
                () -> assertEquals(41.31429, r.formula1Upper(), 1e-5),
                () -> assertEquals(44.64102, r.formula2(), 1e-5),
                () -> assertEquals(41.31429, r.designHeight(), 1e-5, "default: formula 1 upper"),
                () -> assertEquals("gently_inclined", r.seamClass()),
                () -> assertEquals("not_assessed", r.verdict()));
    }

    @Test
    void otherClassesByHand() {
        // hard ΣM = 2: 200 / (2.4 + 2.0) = 45.454 55, +8.9 = 54.354 55; 30·√2 + 10 = 52.426 41
        // soft ΣM = 4: 400 / (12.4 + 5.0) = 22.988 51, +4.0 = 26.988 51; 10·2 + 5 = 25
        // very soft ΣM = 2: 200 / (10 + 8) = 11.111 11, +3.0 = 14.111 11; no formula 2
        FractureZoneResult hard = FractureZone.compute(FractureZoneInput.of(2, Overburden.HARD));
        FractureZoneResult soft = FractureZone.compute(FractureZoneInput.of(4, Overburden.SOFT));
        FractureZoneResult vsoft = FractureZone.compute(FractureZoneInput.of(2, Overburden.VERY_SOFT));
        assertAll(
                () -> assertEquals(45.45455, hard.formula1(), 1e-5),
                () -> assertEquals(54.35455, hard.designHeight(), 1e-5),
                () -> assertEquals(52.42641, hard.formula2(), 1e-5),
                () -> assertEquals(22.98851, soft.formula1(), 1e-5),
                () -> assertEquals(26.98851, soft.formula1Upper(), 1e-5),
                () -> assertEquals(25.0, soft.formula2(), 1e-12),
                () -> assertEquals(11.11111, vsoft.formula1(), 1e-5),
                () -> assertEquals(14.11111, vsoft.designHeight(), 1e-5),
                () -> assertTrue(Double.isNaN(vsoft.formula2())));
    }

    @Test
    void steepSeamsByHand() {
        // hard, M = 2, h = 50: 100·2·50 / (4.1·50 + 133) = 10 000 / 338 = 29.585 80, +8.4 = 37.985 80
        // medium hard, M = 2, h = 50: 10 000 / (7.5·50 + 293) = 10 000 / 668 = 14.970 06, +7.3 = 22.270 06
        FractureZoneResult hard = FractureZone.compute(FractureZoneInput.of(2, Overburden.HARD).withDip(60, 50));
        FractureZoneResult mid = FractureZone.compute(FractureZoneInput.of(2, Overburden.MEDIUM_HARD)
                .withDip(50, 50));
        assertAll(
                () -> assertEquals("steep", hard.seamClass()),
                () -> assertEquals(29.58580, hard.formula1(), 1e-5),
                () -> assertEquals(37.98580, hard.designHeight(), 1e-5),
                () -> assertEquals(14.97006, mid.formula1(), 1e-5),
                () -> assertEquals(22.27006, mid.designHeight(), 1e-5),
                () -> assertThrows(InvalidContentException.class, () -> FractureZone.compute(
                        FractureZoneInput.of(2, Overburden.VERY_SOFT).withDip(60, 50))),
                () -> assertThrows(InvalidContentException.class, () -> FractureZoneInput.of(2, Overburden.HARD)
                        .withDip(60, Double.NaN)));
    }

    @Test
    void marginAgainstTheAquifer() {
        // ΣM = 3 m medium hard, H = 41.314 29 m: aquifer 60 m above -> margin 18.685 71 m, safe;
        // 40 m -> margin −1.314 29, unsafe; 60 m with a 20 m protective layer -> −1.314 29, unsafe.
        FractureZoneInput base = FractureZoneInput.of(3, Overburden.MEDIUM_HARD);
        FractureZoneResult far = FractureZone.compute(base.withAquiferDistance(60));
        FractureZoneResult near = FractureZone.compute(base.withAquiferDistance(40));
        FractureZoneResult prot = FractureZone.compute(base.withAquiferDistance(60).withProtectiveLayer(20));
        FractureZoneResult both = FractureZone.compute(base.withAquiferDistance(44)
                .withDesign(DesignHeight.LARGER_OF_BOTH));
        assertAll(
                () -> assertEquals(18.68571, far.margin(), 1e-5),
                () -> assertEquals("safe", far.verdict()),
                () -> assertEquals(-1.31429, near.margin(), 1e-5),
                () -> assertEquals("unsafe", near.verdict()),
                () -> assertEquals(-1.31429, prot.margin(), 1e-5),
                () -> assertEquals(44.64102, both.designHeight(), 1e-5, "formula 2 is larger here"),
                () -> assertEquals("unsafe", both.verdict()));
    }

    @Test
    void explanationAndJson() {
        FractureZoneResult r = FractureZone.compute(FractureZoneInput.of(3, Overburden.MEDIUM_HARD)
                .withAquiferDistance(60));
        String json = r.toJson();
        assertAll(
                () -> assertEquals(1.6, r.explanation().parameter("a").value()),
                () -> assertEquals("medium", r.explanation().parameter("band").confidence()),
                () -> assertTrue(r.explanation().parameter("a").source().contains("unverified")),
                () -> assertTrue(json.contains("\"verdict\":\"safe\"")),
                () -> assertTrue(json.contains("\"formula2\":44.64")),
                () -> assertTrue(FractureZone.compute(FractureZoneInput.of(6, Overburden.SOFT)).explanation()
                        .warnings().get(0).contains("single layers")),
                () -> assertTrue(FractureZone.compute(FractureZoneInput.of(16, Overburden.SOFT)).explanation()
                        .warnings().get(0).contains("outside the range")));
    }

    @Test
    void overburdenNamesAndBadInput() {
        assertAll(
                () -> assertEquals(Overburden.MEDIUM_HARD, Overburden.parse("medium_hard", "overburden")),
                () -> assertEquals(Overburden.VERY_SOFT, Overburden.parse("Very-Soft", "overburden")),
                () -> assertTrue(assertThrows(InvalidContentException.class, () -> Overburden.parse("firm",
                        "--overburden")).getMessage().startsWith("--overburden: 'firm'")),
                () -> assertThrows(InvalidContentException.class, () -> FractureZoneInput.of(0, Overburden.HARD)),
                () -> assertThrows(InvalidContentException.class, () -> FractureZoneInput.of(2, Overburden.HARD)
                        .withDip(95, Double.NaN)),
                () -> assertThrows(InvalidContentException.class, () -> FractureZone.compute(FractureZoneInput.of(2,
                        Overburden.VERY_SOFT).withDesign(DesignHeight.FORMULA2))));
    }
}
