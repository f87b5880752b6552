package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Minimum-curvature desurvey against published results. Sources and expected values:
 * {@code shared/data/reference-results.md} section A; the files are test resources under
 * {@code desurvey/} (origins in {@code desurvey/SOURCES.md}).
 *
 * <p>The sources give inclination from vertical (0 = down); we use dip = inclination − 90. Their
 * positions are relative to the first station and their TVD is depth downwards, i.e. TVD = z₀ − z.
 */
class DesurveyReferenceTest {

    // ---------------------------------------------------------------------------------------------
    // A1. Textbook single interval. Source: drillingformulas.com "Minimum Curvature Method", example
    // from Lapeyrouse, Formulas and Calculations for Drilling, Production and Workover. Published:
    // β = 0.22605 rad = 12.95°, RF = 1.00408, ΔN 27.22, ΔE 19.45, ΔTVD 94.01 ft; to more digits
    // (reference-results A1, verified): β 12.95165°, ΔN 27.2183, ΔE 19.4508, ΔTVD 94.0123.
    // ---------------------------------------------------------------------------------------------
    @Test
    void textbookSingleInterval() {
        HoleTrace t = Desurvey.compute(0, 0, 0, new double[] {3500, 3600}, new double[] {20, 45},
                new double[] {15 - 90, 25 - 90}, DesurveyMethod.MINIMUM_CURVATURE);
        double dn = t.stationY(1) - t.stationY(0);
        double de = t.stationX(1) - t.stationX(0);
        double dtvd = t.stationZ(0) - t.stationZ(1);
        double betaDeg = t.doglegSeverity30(1) * 100.0 / 30.0; // course length is 100 ft
        assertAll(
                () -> assertEquals(27.2183, dn, 0.001, "ΔN"),
                () -> assertEquals(19.4508, de, 0.001, "ΔE"),
                () -> assertEquals(94.0123, dtvd, 0.001, "ΔTVD"),
                () -> assertEquals(27.22, dn, 0.005, "ΔN as published"),
                () -> assertEquals(19.45, de, 0.005, "ΔE as published"),
                () -> assertEquals(94.01, dtvd, 0.005, "ΔTVD as published"),
                () -> assertEquals(12.95165, betaDeg, 1e-4, "dogleg"),
                () -> assertEquals(0.22605, Math.toRadians(betaDeg), 5e-6, "dogleg as published (rad)"),
                // The page prints RF = 1.00408, which contradicts its own β and results: RF(0.22605 rad)
                // = tan(β/2)/(β/2) = 1.00428 (petrocalchub.com's RF calculator gives the same), and
                // with 1.00408 ΔN would be 27.2129 → 27.21, not the published 27.22. A digit slip on
                // the page; we assert the consistent value.
                () -> assertEquals(1.00428, Desurvey.ratioFactor(Math.toRadians(betaDeg)), 5e-6, "RF"));
    }

    // ---------------------------------------------------------------------------------------------
    // A2. wellpathpy regression case (test_calculations.py, test_min_curve_rf): stored outputs of
    // minimum_curvature, positions relative to the first (inclined) station, DLS in °/30 units.
    // ---------------------------------------------------------------------------------------------
    @Test
    void wellpathpyFiveStations() {
        double[] md = {10, 20, 30, 40, 50};
        double[] inc = {10, 35, 55, 75, 90};
        double[] tvdRef = {0, 9.16568053, 16.20090348, 20.4056626, 21.70720016};
        double[] neRef = {0, 2.68456567, 7.65921952, 14.03529686, 21.02586714};
        double[] dlsRef = {0, 75, 60, 60, 45};
        HoleTrace t = Desurvey.compute(0, 0, 0, md, new double[] {45, 45, 45, 45, 45}, dips(inc),
                DesurveyMethod.MINIMUM_CURVATURE);
        for (int i = 0; i < md.length; i++) {
            final int k = i;
            assertAll("station " + i,
                    () -> assertEquals(tvdRef[k], t.stationZ(0) - t.stationZ(k), 1e-7, "TVD"),
                    () -> assertEquals(neRef[k], t.stationY(k) - t.stationY(0), 1e-7, "N"),
                    () -> assertEquals(neRef[k], t.stationX(k) - t.stationX(0), 1e-7, "E"),
                    () -> assertEquals(dlsRef[k], t.doglegSeverity30(k), 1e-9, "DLS"));
        }
    }

    /** wellpathpy fixture straight_dev_section.csv; expected values from reference-results A2. */
    @Test
    void wellpathpyStraightDeviatedSection() {
        Table s = Table.read("wellpathpy_straight_dev_section.csv", "md");
        double[] tvdRef = {0, 50, 99.989847, 149.959388, 199.928929, 249.898471};
        double[] nRef = {0, 0, 0.872576, 2.617551, 4.362526, 6.107501};
        HoleTrace t = s.desurvey("md", "inc", "azi");
        assertEquals(6, t.stationCount());
        for (int i = 0; i < tvdRef.length; i++) {
            assertEquals(tvdRef[i], -t.stationZ(i), 1e-6, "TVD station " + i);
            assertEquals(nRef[i], t.stationY(i), 1e-6, "N station " + i);
            assertEquals(0.0, t.stationX(i), 1e-12, "E station " + i);
        }
    }

    /**
     * wellpathpy fixture straight_vert_section.csv (MD in ft; wellpathpy checks TVD ≈ MD and N ≈ E ≈ 0
     * within 1 m after converting ft → m). We also bound the departure by the hole's worst case.
     */
    @Test
    void wellpathpyStraightVerticalSectionWithAzimuthNoise() {
        Table s = Table.read("wellpathpy_straight_vert_section.csv", "md");
        HoleTrace t = s.desurvey("md", "inc", "azi");
        double ft = 0.3048;
        for (int i = 0; i < t.stationCount(); i++) {
            double md = s.col("md")[i];
            assertEquals(md * ft, -t.stationZ(i) * ft, 1.0, "TVD");
            assertEquals(0.0, t.stationY(i) * ft, 1.0, "N");
            assertEquals(0.0, t.stationX(i) * ft, 1.0, "E");
            // the hole never leans more than 0.4°, so it cannot depart more than md·sin(0.4°)
            assertTrue(Math.hypot(t.stationX(i), t.stationY(i)) <= md * Math.sin(Math.toRadians(0.4)));
            assertTrue(md + t.stationZ(i) >= 0 && md + t.stationZ(i) < 0.01, "TVD within 0.01 ft of MD");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // A3. Vendor survey reports, every station (reference-results A3). Report DLS is per 100 length
    // units except Well_Surveys (per 30 m).
    // ---------------------------------------------------------------------------------------------

    /** One survey report: file, column names, and the tolerances of reference-results A3. */
    record Report(String file, String headerKey, int stations, String md, String inc, String azi,
                  String tvd, String north, String east, String dls, double dlsLength,
                  double tolTvd, double tolNorth, double tolEast, double tolDls,
                  int looseTailRows, double looseTol) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Report> reports() {
        return Stream.of(
                // welly tests/Well_1515_directional.csv, "#Minimum Curvature"; report rounds to 0.01
                new Report("welly_Well_1515_directional.csv", "Stn", 83, "MD", "Incl", "Azim",
                        "TVD", "N/S", "E/W", "DLS", 100, 0.01, 0.01, 0.01, 0.006, 0, 0),
                // welly tutorial colorado_400844163_directional.csv (feet); E drifts ~0.013 ft per
                // 3000 ft of lateral in the vendor's numbers, hence 0.05 ft on E
                new Report("welly_colorado_400844163_directional.csv", "MD", 175, "MD", "INC", "AZI",
                        "TVD", "N/-S", "E/-W", "Severity", 100, 0.005, 0.005, 0.05, 0.006, 0, 0),
                // wellpathpy Well_Surveys_Projected_to_TD.csv (metres); the last two rows are
                // "projected to TD" and agree only to 0.05 m
                new Report("wellpathpy_Well_Surveys_Projected_to_TD.csv", "MD[m]", 80, "MD[m]",
                        "Inc[deg]", "Azi[deg]", "TVD[m]", "North[m]", "East[m]", "Dogleg [deg/30m]", 30,
                        0.006, 0.006, 0.006, 0.006, 2, 0.05),
                // wellpathpy well9/well10: TVD only (N/E are grid coordinates, off by up to 0.5 m);
                // DLS in the file is unrounded
                new Report("wellpathpy_well9.csv", "Measured Depth ( ft )", 121, "Measured Depth ( ft )",
                        "Inclination ( deg )", "Azimuth Grid ( deg )", "TVD ( ft )", null, null,
                        "DLS ( deg/100 ft )", 100, 1e-6, 0, 0, 1e-6, 0, 0),
                new Report("wellpathpy_well10.csv", "Measured Depth ( ft )", 121, "Measured Depth ( ft )",
                        "Inclination ( deg )", "Azimuth Grid ( deg )", "TVD ( ft )", null, null,
                        "DLS ( deg/100 ft )", 100, 1e-6, 0, 0, 1e-6, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void surveyReportEveryStation(Report r) {
        Table s = Table.read(r.file(), r.headerKey());
        HoleTrace t = s.desurvey(r.md(), r.inc(), r.azi());
        int n = t.stationCount();
        assertEquals(r.stations(), n, "stations parsed");
        double[] md = s.col(r.md());
        double[] tvd = s.col(r.tvd());
        double[] north = r.north() == null ? null : s.col(r.north());
        double[] east = r.east() == null ? null : s.col(r.east());
        double[] dls = s.col(r.dls());
        for (int i = 0; i < n; i++) {
            final double at = md[i];
            boolean loose = i >= n - r.looseTailRows();
            double dT = Math.abs(t.stationZ(0) - t.stationZ(i) - tvd[i]);
            assertTrue(dT <= (loose ? r.looseTol() : r.tolTvd()),
                    () -> r.file() + " MD " + at + ": TVD off by " + dT);
            if (north != null) {
                double dN = Math.abs(t.stationY(i) - t.stationY(0) - north[i]);
                double dE = Math.abs(t.stationX(i) - t.stationX(0) - east[i]);
                assertTrue(dN <= (loose ? r.looseTol() : r.tolNorth()),
                        () -> r.file() + " MD " + at + ": N off by " + dN);
                assertTrue(dE <= (loose ? r.looseTol() : r.tolEast()),
                        () -> r.file() + " MD " + at + ": E off by " + dE);
            }
            // the report's DLS on the "projected to TD" rows does not follow from their Inc/Azi
            // (2248.73: 0.30 printed, 0.085 from the angles), so DLS is checked on the other rows only
            if (i > 0 && !loose && !Double.isNaN(dls[i])) {
                double dD = Math.abs(t.doglegSeverity30(i) * r.dlsLength() / 30.0 - dls[i]);
                assertTrue(dD <= r.tolDls(), () -> r.file() + " MD " + at + ": DLS off by " + dD);
            }
        }
    }

    /** Spot checks copied from reference-results A3 (selected stations printed there). */
    @Test
    void surveyReportSpotChecks() {
        HoleTrace w = Table.read("welly_Well_1515_directional.csv", "Stn").desurvey("MD", "Incl", "Azim");
        // MD 4800: TVD 4517.87, N 742.78, E 897.97 (last station, index 82)
        assertEquals(4800.0, w.nodeDepth(w.nodeCount() - 1));
        assertEquals(4517.87, -w.stationZ(82), 0.005);
        assertEquals(742.78, w.stationY(82), 0.005);
        assertEquals(897.97, w.stationX(82), 0.005);
        HoleTrace c = Table.read("welly_colorado_400844163_directional.csv", "MD").desurvey("MD", "INC", "AZI");
        // MD 15993.823 (last station): TVD 5721.000, N -10154.974, E -188.180
        int last = c.stationCount() - 1;
        assertEquals(5721.000, -c.stationZ(last), 0.005);
        assertEquals(-10154.974, c.stationY(last), 0.005);
        assertEquals(-188.180, c.stationX(last), 0.05);
        // well9 MD 7922 Inc 90.25 Az 212.16 → TVD 3489.317 ft; well10 MD 9478.9 → TVD 3713.774 ft
        HoleTrace w9 = Table.read("wellpathpy_well9.csv", "TVD ( ft )")
                .desurvey("Measured Depth ( ft )", "Inclination ( deg )", "Azimuth Grid ( deg )");
        assertEquals(3489.317, -w9.stationZ(w9.stationCount() - 1), 0.0005);
        HoleTrace w10 = Table.read("wellpathpy_well10.csv", "TVD ( ft )")
                .desurvey("Measured Depth ( ft )", "Inclination ( deg )", "Azimuth Grid ( deg )");
        assertEquals(3713.774, -w10.stationZ(w10.stationCount() - 1), 0.0005);
    }

    // ---------------------------------------------------------------------------------------------
    // A4. ISCWSA standard well paths r4 (17 May 2017), reference well (2D, Az 180), metres.
    // Station list as distributed in jonnymaserati/welleng tests/test_data/clearance_iscwsa_well_data.json
    // ("Reference well"): MD 0, 1, then every 30 m to 2940 (100 stations); Inc 0 to MD 990; from MD
    // 1020 to 2250 Inc = (MD − 1000)/15 rounded to 2 decimals (1.33, 3.33, ... 83.33: a 2°/30 m build
    // from KOP 1000 sampled on the 30 m grid); 85 from 2280 to 2760; 86 at 2790, 88 at 2820, 90 from
    // 2850; Az 180 once inclined. Expected TVD / N: reference-results A4 (published to 0.01 m).
    // Offset well 05 is not tested: its station list is not reproducible from the published text.
    // ---------------------------------------------------------------------------------------------
    static Stream<Arguments> iscwsaReferenceStations() {
        return Stream.of(
                Arguments.of(990, 990.00, 0.00),
                Arguments.of(1020, 1020.00, -0.35),
                Arguments.of(1320, 1312.66, -58.99),
                Arguments.of(1770, 1671.06, -322.55),
                Arguments.of(2280, 1856.72, -789.57),
                Arguments.of(2850, 1903.00, -1357.60),
                Arguments.of(2940, 1903.00, -1447.60));
    }

    @ParameterizedTest(name = "MD {0}: TVD {1}, N {2}")
    @MethodSource("iscwsaReferenceStations")
    void iscwsaReferenceWell(double md, double tvd, double north) {
        List<Double> mds = new ArrayList<>();
        mds.add(0.0);
        mds.add(1.0);
        for (int d = 30; d <= 2940; d += 30) {
            mds.add((double) d);
        }
        int n = mds.size();
        assertEquals(100, n);
        double[] depth = new double[n];
        double[] az = new double[n];
        double[] dip = new double[n];
        int at = -1;
        for (int i = 0; i < n; i++) {
            double d = mds.get(i);
            double inc;
            if (d <= 990) {
                inc = 0;
            } else if (d <= 2250) {
                inc = Math.round((d - 1000) / 15 * 100) / 100.0;
            } else if (d <= 2760) {
                inc = 85;
            } else if (d == 2790) {
                inc = 86;
            } else if (d == 2820) {
                inc = 88;
            } else {
                inc = 90;
            }
            depth[i] = d;
            az[i] = inc == 0 ? 0 : 180;
            dip[i] = inc - 90;
            if (d == md) {
                at = i;
            }
        }
        HoleTrace t = Desurvey.compute(0, 0, 0, depth, az, dip, DesurveyMethod.MINIMUM_CURVATURE);
        assertTrue(at >= 0);
        assertEquals(tvd, -t.stationZ(at), 0.005, "TVD");
        assertEquals(north, t.stationY(at), 0.005, "N");
        assertEquals(0.0, t.stationX(at), 1e-9, "E");
    }

    // ---------------------------------------------------------------------------------------------
    // A5. Other expectations.
    // ---------------------------------------------------------------------------------------------

    /**
     * pygslib ang2cart (tests/test_drillhole_ang2cart_t02.py): dip there is positive downwards, so
     * pygslib (azm 45, dip 75) is our (45, −75).
     */
    static Stream<Arguments> pygslibDirections() {
        return Stream.of(
                Arguments.of(45, -75, 0.1830, 0.1830, -0.9659),
                Arguments.of(0, 0, 0.0, 1.0, 0.0),
                Arguments.of(45, -90, 0.0, 0.0, -1.0));
    }

    @ParameterizedTest(name = "az {0} dip {1} -> ({2}, {3}, {4})")
    @MethodSource("pygslibDirections")
    void pygslibAng2cart(double az, double dip, double x, double y, double z) {
        double[] out = new double[3];
        Desurvey.direction(az, dip, out);
        assertEquals(x, out[0], 1e-4);
        assertEquals(y, out[1], 1e-4);
        assertEquals(z, out[2], 1e-4);
    }

    /**
     * welly test_location.py: P-129 (first station MD 32 m) md2tvd(1000) = 998.45378. welly prepends a
     * vertical tie-in station at MD 0 and interpolates TVD <em>linearly</em> between stations. With the
     * same tie-in, our trace follows the arc between stations: reference-results A5 gives 998.4521 for
     * that; we get 998.45148 (an independent scratch computation agrees), inside the ±0.001 asked for.
     * The ~0.002 m difference from welly is the chord-vs-arc sag between stations 976 and 1005;
     * interpolating our station TVDs linearly reproduces welly's number.
     */
    @Test
    void wellyP129TvdAt1000() {
        Table s = Table.read("welly_P-129_deviation_survey.csv", "MD");
        double[] md = s.col("MD");
        double[] inc = s.col("INC");
        double[] azi = s.col("AZI");
        assertEquals(45, md.length);
        assertEquals(32.0, md[0]);
        int n = md.length + 1;
        double[] d = new double[n];
        double[] a = new double[n];
        double[] dip = new double[n];
        d[0] = 0;
        a[0] = 0;
        dip[0] = -90; // vertical tie-in at MD 0, as welly does
        for (int i = 0; i < md.length; i++) {
            d[i + 1] = md[i];
            a[i + 1] = azi[i];
            dip[i + 1] = inc[i] - 90;
        }
        HoleTrace t = Desurvey.compute(0, 0, 0, d, a, dip, DesurveyMethod.MINIMUM_CURVATURE);
        double[] p = new double[3];
        t.positionAt(1000, p, 0);
        assertEquals(998.4521, -p[2], 0.001, "arc interpolation");

        int hi = 1;
        while (d[hi] < 1000) {
            hi++;
        }
        assertEquals(976.0, d[hi - 1]);
        assertEquals(1005.0, d[hi]);
        double f = (1000 - d[hi - 1]) / (d[hi] - d[hi - 1]);
        double linear = -(t.stationZ(hi - 1) + f * (t.stationZ(hi) - t.stationZ(hi - 1)));
        assertEquals(998.45378, linear, 0.001, "welly's linear interpolation");
    }

    // ---------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------

    private static double[] dips(double[] inclination) {
        double[] dip = new double[inclination.length];
        for (int i = 0; i < dip.length; i++) {
            dip[i] = inclination[i] - 90;
        }
        return dip;
    }

    /**
     * A numeric table read from a CSV test resource: the header is the first record holding a cell equal
     * to {@code headerKey}; data are the records after it whose first header column (with a non-blank
     * name) parses as a number, from the first such record up to the first record that does not. Handles
     * CRLF, LF and CR-only line ends, quoted cells (also spanning lines), an empty first column and
     * preamble / footer lines. Blank or non-numeric cells read as NaN.
     */
    static final class Table {
        private final Map<String, double[]> columns;

        private Table(Map<String, double[]> columns) {
            this.columns = columns;
        }

        double[] col(String name) {
            double[] c = columns.get(name);
            assertNotNull(c, () -> "no column '" + name + "' in " + columns.keySet());
            return c;
        }

        HoleTrace desurvey(String md, String inc, String azi) {
            return Desurvey.compute(0, 0, 0, col(md), col(azi), dips(col(inc)),
                    DesurveyMethod.MINIMUM_CURVATURE);
        }

        static Table read(String resource, String headerKey) {
            List<List<String>> records = parseCsv(load("desurvey/" + resource));
            int h = -1;
            for (int r = 0; r < records.size() && h < 0; r++) {
                for (String cell : records.get(r)) {
                    if (cell.trim().equals(headerKey)) {
                        h = r;
                        break;
                    }
                }
            }
            assertTrue(h >= 0, () -> resource + ": no header with '" + headerKey + "'");
            List<String> header = records.get(h);
            int key = 0;
            while (header.get(key).isBlank()) {
                key++;
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = h + 1; r < records.size(); r++) {
                List<String> rec = records.get(r);
                boolean numeric = rec.size() > key && !Double.isNaN(number(rec.get(key)));
                if (numeric) {
                    rows.add(rec);
                } else if (!rows.isEmpty()) {
                    break;
                }
            }
            Map<String, double[]> cols = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String name = header.get(c).trim();
                if (name.isEmpty()) {
                    continue;
                }
                double[] v = new double[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    List<String> rec = rows.get(r);
                    v[r] = c < rec.size() ? number(rec.get(c)) : Double.NaN;
                }
                cols.put(name, v);
            }
            return new Table(cols);
        }

        private static double number(String cell) {
            String s = cell.trim();
            if (s.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private static String load(String path) {
            try (InputStream in = DesurveyReferenceTest.class.getClassLoader().getResourceAsStream(path)) {
                assertNotNull(in, () -> "missing test resource " + path);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** RFC 4180-ish: commas, double quotes ("" inside quotes), any of CRLF / LF / CR ends a record. */
        static List<List<String>> parseCsv(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> rec = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            int len = text.length();
            if (len > 0 && text.charAt(0) == '\uFEFF') {
                i = 1;
            }
            for (; i < len; i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < len && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    rec.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    rec.add(cell.toString());
                    cell.setLength(0);
                    records.add(rec);
                    rec = new ArrayList<>();
                } else {
                    cell.append(ch);
                }
            }
            if (cell.length() > 0 || !rec.isEmpty()) {
                rec.add(cell.toString());
                records.add(rec);
            }
            return records;
        }
    }
}
