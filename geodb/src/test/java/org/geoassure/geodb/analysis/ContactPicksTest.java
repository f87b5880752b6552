package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.Period;
import org.junit.jupiter.api.Test;

/** Picks and contacts on hand-made holes whose positions are worked out in the comments. */
class ContactPicksTest {
    private static final Period ALWAYS = new Period(Instant.EPOCH, null);

    /** A row of a straight hole from (x0, y0, z0) with unit direction d. */
    private static IntervalRecord row(String hole, double from, double to, String unit, double[] collar, double[] d) {
        Map<String, Object> v = new HashMap<>();
        v.put("HYDRO", unit);
        double mid = (from + to) / 2;
        double[] p = new double[9];
        double[] depths = {from, to, mid};
        for (int k = 0; k < 3; k++) {
            for (int a = 0; a < 3; a++) {
                p[3 * k + a] = collar[a] + d[a] * depths[k];
            }
        }
        return new IntervalRecord("lithology", hole, from, to, v, p, ALWAYS, ALWAYS);
    }

    @Test
    void runsMergeAndContactsSitAtTheirTops() {
        double[] down = {0, 0, -1};
        // inclined 60 degrees below horizontal towards east: d = (cos 60, 0, -sin 60) = (0.5, 0, -0.8660)
        double[] inclined = {0.5, 0, -Math.sqrt(3) / 2};
        double[] c1 = {100, 200, 50};
        double[] c2 = {300, 200, 50};
        List<IntervalRecord> rows = List.of(
                row("A", 0, 30, null, c1, down),
                row("A", 30, 42, "aquiclude", c1, down),
                row("A", 42, 60, "aquiclude", c1, down),
                row("A", 60, 80, "aquifer", c1, down),
                row("B", 0, 20, "aquiclude", c2, inclined),
                row("B", 25, 40, "aquiclude", c2, inclined), // 5 m gap: a new run
                row("B", 40, 50, "aquifer", c2, inclined));
        List<ContactPicks.UnitPick> picks = ContactPicks.units(rows.stream(), "HYDRO");
        assertEquals(5, picks.size());
        ContactPicks.UnitPick a = picks.get(0);
        assertEquals("aquiclude", a.unit());
        assertEquals(30, a.fromDepth());
        assertEquals(60, a.toDepth());
        assertEquals(30, a.verticalThickness(), 1e-12, "vertical hole: 50-30=20 to 50-60=-10");
        assertEquals(20.0, a.top()[2], 1e-12);
        // B: 20 m along a 60-degree hole is 20 sin 60 = 17.3205 m vertically
        ContactPicks.UnitPick b = picks.get(2);
        assertEquals(20 * Math.sqrt(3) / 2, b.verticalThickness(), 1e-12);
        assertEquals(20, b.alongHole(), 1e-12);
        assertEquals(300 + 25 * 0.5, picks.get(3).top()[0], 1e-12);
        List<ContactPicks.Contact> contacts = ContactPicks.contacts(picks);
        assertEquals(2, contacts.size(), "A aquiclude/aquifer at 60; B aquiclude/aquifer at 40 (not across the gap)");
        assertEquals(new ContactPicks.Contact("A", "aquiclude", "aquifer", 60, 100, 200, -10), contacts.get(0));
        ContactPicks.Contact cb = contacts.get(1);
        assertEquals(40, cb.depth());
        assertEquals(320, cb.x(), 1e-12);
        assertEquals(50 - 40 * Math.sqrt(3) / 2, cb.z(), 1e-12);
    }
}
