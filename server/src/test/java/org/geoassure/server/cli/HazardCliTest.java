package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code geoassure hazard fracture-zone} and {@code fault-pillar} end to end, in process, against the hand-computed
 * values of docs/hazards.md (ΣM = 3 m medium hard: 35.71 m, band 30.11..41.31 m, formula 2 44.64 m; pillar K = 4,
 * M = 4 m, p = 3 MPa, K_p = 0.5 MPa: 33.94 m).
 */
class HazardCliTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GeoAssureCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void fractureZoneText() {
        Result r = run("hazard", "fracture-zone", "--mining-height", "3", "--overburden", "medium-hard",
                "--aquifer-distance", "60");
        assertAll(
                () -> assertEquals(0, r.code(), r.err()),
                () -> assertTrue(r.out().contains("formula 1      35.71 m (band 30.11 .. 41.31 m)"), r.out()),
                () -> assertTrue(r.out().contains("formula 2      44.64 m"), r.out()),
                () -> assertTrue(r.out().contains("design height  41.31 m"), r.out()),
                () -> assertTrue(r.out().contains("margin 18.69 m, SAFE"), r.out()),
                () -> assertTrue(r.out().contains("unverified"), r.out()));
    }

    @Test
    void fractureZoneJson() {
        Result r = run("hazard", "fracture-zone", "--mining-height", "2", "--overburden", "hard", "--dip", "60",
                "--stage-height", "50", "--aquifer-distance", "30", "--format", "json");
        // steep, hard: 10 000 / 338 = 29.5858 + 8.4 = 37.9858 > 30: unsafe
        assertAll(
                () -> assertEquals(0, r.code(), r.err()),
                () -> assertTrue(r.out().startsWith("{\"analysis\":\"fracture_zone_height\",\"seamClass\":\"steep\""),
                        r.out()),
                () -> assertTrue(r.out().contains("\"designHeight\":37.985"), r.out()),
                () -> assertTrue(r.out().contains("\"verdict\":\"unsafe\""), r.out()),
                () -> assertTrue(r.out().contains("\"formula2\":null"), r.out()));
    }

    @Test
    void badOptionsExitTwo() {
        Result cls = run("hazard", "fracture-zone", "--mining-height", "3", "--overburden", "firm");
        Result neg = run("hazard", "fracture-zone", "--mining-height", "-1", "--overburden", "hard");
        Result steep = run("hazard", "fracture-zone", "--mining-height", "3", "--overburden", "hard", "--dip", "70");
        Result missing = run("hazard", "fracture-zone", "--overburden", "hard");
        Result notNumber = run("hazard", "fracture-zone", "--mining-height", "abc", "--overburden", "hard");
        Result fmt = run("hazard", "fracture-zone", "--mining-height", "3", "--overburden", "hard", "--format", "csv");
        assertAll(
                () -> assertEquals(2, cls.code()),
                () -> assertTrue(cls.err().contains("--overburden: 'firm' is not one of"), cls.err()),
                () -> assertEquals(2, neg.code()),
                () -> assertTrue(neg.err().contains("--mining-height: must be positive"), neg.err()),
                () -> assertEquals(2, steep.code()),
                () -> assertTrue(steep.err().contains("--stage-height"), steep.err()),
                () -> assertEquals(2, missing.code()),
                () -> assertEquals(2, notNumber.code()),
                () -> assertEquals(2, fmt.code()));
    }

    @Test
    void faultPillar() {
        Result r = run("hazard", "fault-pillar", "--safety-factor", "4", "--mining-height", "4", "--pressure", "3",
                "--tensile-strength", "0.5");
        Result j = run("hazard", "fault-pillar", "--safety-factor", "3", "--mining-height", "3", "--pressure", "2",
                "--tensile-strength", "0.6", "--format", "json");
        Result bad = run("hazard", "fault-pillar", "--safety-factor", "3", "--mining-height", "3", "--pressure", "2",
                "--tensile-strength", "0");
        assertAll(
                () -> assertEquals(0, r.code(), r.err()),
                () -> assertTrue(r.out().startsWith("pillar width   33.94 m (formula 33.94 m)"), r.out()),
                () -> assertEquals(0, j.code(), j.err()),
                () -> assertTrue(j.out().contains("\"width\":20,\"minimumGoverns\":true"), j.out()),
                () -> assertEquals(2, bad.code()),
                () -> assertTrue(bad.err().contains("--tensile-strength: must be positive"), bad.err()));
    }
}
