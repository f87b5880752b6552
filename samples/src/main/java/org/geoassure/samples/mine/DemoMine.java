package org.geoassure.samples.mine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.geoassure.samples.mine.KaiyuanGeology.Unit;

/**
 * Writes the demo mine's files: a plausible coal mine near Kaiyuan, Liaoning, in CGCS2000 / 3-degree Gauss-Kruger
 * zone 41 (EPSG:4529), over the ground of {@link KaiyuanGeology}. Every file is one a mine would receive and goes
 * through the same readers a user would use:
 * <ul>
 * <li>{@code collar.csv}, {@code survey.csv}, {@code lithology.csv}, {@code coal_quality.csv}: 80 exploration
 * boreholes on 10 exploration lines (10 of them inclined), logged from the ground model; at {@link #write(Path, long,
 * int) scale} S, 80 S² holes on 10 S lines;
 * <li>{@code progress.csv}: faces 1201 and 1202 surveyed monthly (2024-2025), their gateroads and the main
 * roadway, the water-filled goaf of panel 1101 (2019) and the inferred water-filled old workings OW-1;
 * <li>{@code faults.geojson}: the traces of F1 and F2 at -300 m; {@code topography.ts}: the ground surface as a
 * GOCAD TSurf;
 * <li>{@code resistivity.vo} (GOCAD Voxet): a 50 x 50 x 20 m resistivity volume (ohm.m) with low-resistivity anomalies where
 * the goaf and the old workings hold water; at scale S, cells of 50/S x 50/S x 20/S m (72,000 S³ cells);
 * <li>{@code piezometers.csv} and {@code readings/PZ-n.csv}: five piezometers in the limestone aquifer with two years
 * of hourly heads (m), PZ-3 near F1 rising from June 2025.
 * </ul>
 * Deterministic: the same seed and scale write the same bytes; scale 1 is the published demo.
 *
 * <h2>Scale (issue 11)</h2>
 * For benchmarks, {@link #write(Path, long, int)} takes a scale S from 1 to {@link #MAX_SCALE}, a linear refinement
 * of the same 3 km x 2 km lease: the exploration lines and the holes along them are S times closer ({@link #holes}
 * = 80 S²: 320 at S = 2, 8,000 at S = 10) and the resistivity cells S times smaller along each axis
 * ({@link #resistivityCells} = 72,000 S³: 576,000 at S = 2, 7.2 x 10^7 at S = 10, 288 MB of float32). Everything else
 * (mine layout, faults, monitoring) is the same at every scale. The voxet is streamed to its file cell by cell, so
 * generating it takes no memory in proportion to its size.
 */
public final class DemoMine {
    /** CRS of every file. */
    public static final String CRS = "EPSG:4529";
    /** Easting of the mine's south-west corner (u = 0), near 124.05 E, 42.55 N. */
    public static final double X0 = 41_585_000;
    /** Northing of the mine's south-west corner (v = 0). */
    public static final double Y0 = 4_712_000;
    /** The seed of the published demo. */
    public static final long SEED = 20_251_129L;

    /** Panel 1201: face 180 m long (v 300..480), retreating west 60 m a month from u = 1600 from 2024-01-01. */
    public static final double P1201_V0 = 300;
    /** North gateroad of 1201. */
    public static final double P1201_V1 = 480;
    /** Panel 1202 (v 540..720), retreating west 60 m a month from u = 1600 from 2024-03-01 for 21 surveys. */
    public static final double P1202_V0 = 540;
    /** North gateroad of 1202. */
    public static final double P1202_V1 = 720;
    /** East edge of the inferred old workings OW-1 (u 150..330, v 560..700). */
    public static final double OW1_EAST = 330;
    /** Start of the rising trend of PZ-3. */
    public static final Instant PZ3_RISE = Instant.parse("2025-06-01T00:00:00Z");
    /** Rise of PZ-3 per day after {@link #PZ3_RISE}, m. */
    public static final double PZ3_RISE_PER_DAY = 0.04;

    /** The largest scale: 8,000 holes and a resistivity volume of 7.2 x 10^7 cells. */
    public static final int MAX_SCALE = 10;

    private DemoMine() {
    }

    /** Boreholes at a scale: 80 S² (10 S exploration lines of 8 S holes). */
    public static int holes(int scale) {
        checkScale(scale);
        return 80 * scale * scale;
    }

    /** Cells of the resistivity volume at a scale: (60 S) x (40 S) x (30 S). */
    public static long resistivityCells(int scale) {
        checkScale(scale);
        return 72_000L * scale * scale * scale;
    }

    private static void checkScale(int scale) {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be 1.." + MAX_SCALE + ", got " + scale);
        }
    }

    /** What was written. */
    public record Files(Path dir, Path collar, Path survey, Path lithology, Path coalQuality, Path progress, Path faults,
            Path resistivity, Path piezometers, List<Path> readings, List<Path> logs, Path rules, Path topography,
            int holes) {
    }

    /** A piezometer: id, local position, sensor elevation. */
    public record Piezometer(String id, double u, double v, double z) {
    }

    /** The five piezometers (sensors 20 m into the limestone). */
    public static List<Piezometer> piezometers() {
        double[][] uv = {{500, 400}, {1300, 1500}, {1750, 600}, {2500, 300}, {2600, 1700}};
        List<Piezometer> out = new ArrayList<>();
        for (int i = 0; i < uv.length; i++) {
            out.add(new Piezometer("PZ-" + (i + 1), uv[i][0], uv[i][1],
                    round2(KaiyuanGeology.aquiferTop(uv[i][0], uv[i][1]) - 20)));
        }
        return out;
    }

    /** Head of the limestone aquifer (m) without noise: a gentle regional gradient and a seasonal swing. */
    public static double head(double u, double v, Instant t, String station) {
        double day = Duration.between(Instant.parse("2024-01-01T00:00:00Z"), t).toSeconds() / 86400.0;
        double h = 10 + 0.003 * u - 0.002 * v + 1.2 * Math.sin(2 * Math.PI * (day - 100) / 365.25);
        if (station.equals("PZ-3") && t.isAfter(PZ3_RISE)) {
            h += PZ3_RISE_PER_DAY * Duration.between(PZ3_RISE, t).toSeconds() / 86400.0;
        }
        return h;
    }

    /** Writes every file of the published demo (scale 1) into {@code dir}. */
    public static Files write(Path dir, long seed) throws IOException {
        return write(dir, seed, 1);
    }

    /**
     * Writes every file into {@code dir} at a scale (see the class documentation).
     *
     * @param scale 1 (the published demo) to {@link #MAX_SCALE}
     * @throws IllegalArgumentException if the scale is outside 1..{@link #MAX_SCALE}
     */
    public static Files write(Path dir, long seed, int scale) throws IOException {
        checkScale(scale);
        java.nio.file.Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(seed);
        Path collar = dir.resolve("collar.csv");
        Path survey = dir.resolve("survey.csv");
        Path lith = dir.resolve("lithology.csv");
        Path quality = dir.resolve("coal_quality.csv");
        List<Path> logs = new ArrayList<>();
        int holes = boreholes(rnd.split(), scale, collar, survey, lith, quality, dir.resolve("las"), logs);
        Path progress = dir.resolve("progress.csv");
        progress(progress);
        Path faults = dir.resolve("faults.geojson");
        faults(faults);
        Path topography = dir.resolve("topography.ts");
        topography(topography);
        Path resistivity = dir.resolve("resistivity.vo");
        resistivity(rnd.split(), scale, resistivity);
        Path piezometers = dir.resolve("piezometers.csv");
        List<Path> readings = piezometers(rnd.split(), piezometers, dir.resolve("readings"));
        tailingsDam(rnd.split(), piezometers, dir.resolve("readings"), readings, progress);
        Path rules = dir.resolve("rules.json");
        rules(rules);
        return new Files(dir, collar, survey, lith, quality, progress, faults, resistivity, piezometers, readings, logs,
                rules, topography, holes);
    }

    // ------------------------------------------------------------------------------------------------ boreholes

    /**
     * The boreholes: at scale S, 10 S lines 300 / S m apart of 8 S holes 250 / S m apart, each moved at random by up
     * to 40 / S m east and north, drilled 37 / S² days apart from 2015-03-01.
     */
    private static int boreholes(SplittableRandom rnd, int scale, Path collar, Path survey, Path lith, Path quality,
            Path lasDir, List<Path> logs) throws IOException {
        int lines = 10 * scale;
        int perLine = 8 * scale;
        double lineStep = 300.0 / scale;
        double holeStep = 250.0 / scale;
        double jitter = 80.0 / scale;
        try (BufferedWriter c = writer(collar); BufferedWriter s = writer(survey); BufferedWriter l = writer(lith);
                BufferedWriter q = writer(quality)) {
            c.write("HOLEID,X,Y,Z,LENGTH,DATE\n");
            s.write("HOLEID,DEPTH,AZIMUTH,DIP\n");
            l.write("HOLEID,FROM,TO,LITH,UNIT,HYDRO\n");
            q.write("HOLEID,FROM,TO,ASH,SULPHUR,QNET\n");
            int n = 0;
            for (int line = 1; line <= lines; line++) {
                for (int k = 1; k <= perLine; k++) {
                    n++;
                    String id = "ZK" + line + "-" + k;
                    double u = lineStep / 2 + (line - 1) * lineStep + (rnd.nextDouble() - 0.5) * jitter;
                    double v = holeStep / 2 + (k - 1) * holeStep + (rnd.nextDouble() - 0.5) * jitter;
                    double z = round2(KaiyuanGeology.topography(u, v));
                    boolean inclined = n % 8 == 3;
                    double az = inclined ? 80 + rnd.nextDouble() * 20 : 0;
                    double dip = inclined ? -78 + rnd.nextDouble() * 4 : -90;
                    LocalDate drilled = LocalDate.of(2015, 3, 1).plusDays(n * 37L / ((long) scale * scale)
                            + rnd.nextInt(20));
                    List<double[]> contacts = new ArrayList<>(); // depth, unit ordinal
                    double depth = log(u, v, z, az, dip, contacts);
                    c.write(id + "," + fmt(X0 + u) + "," + fmt(Y0 + v) + "," + fmt(z) + "," + fmt(depth) + ","
                            + drilled + "\n");
                    if (inclined) {
                        for (double d = 0; d < depth; d += 50) {
                            s.write(id + "," + fmt(d) + "," + fmt(az) + "," + fmt(dip) + "\n");
                        }
                        s.write(id + "," + fmt(depth) + "," + fmt(az) + "," + fmt(dip) + "\n");
                    } else {
                        s.write(id + ",0.000,0.000,-90.000\n");
                    }
                    if (n % 8 == 1) {
                        logs.add(las(rnd, lasDir, id, depth, contacts));
                    }
                    for (int i = 0; i < contacts.size(); i++) {
                        double from = contacts.get(i)[0];
                        double to = i + 1 < contacts.size() ? contacts.get(i + 1)[0] : depth;
                        Unit unit = Unit.values()[(int) contacts.get(i)[1]];
                        l.write(id + "," + fmt(from) + "," + fmt(to) + "," + unit.lith + "," + unit.strat + ","
                                + unit.hydro + "\n");
                        if (unit == Unit.COAL) {
                            double ash = 14 + 6 * Math.sin(u / 800) + rnd.nextDouble() * 2;
                            double sulphur = 0.6 + 0.3 * Math.cos(v / 700) + rnd.nextDouble() * 0.1;
                            double qnet = 32.5 - 0.35 * ash;
                            q.write(id + "," + fmt(from) + "," + fmt(to) + "," + fmt(ash) + "," + fmt(sulphur) + ","
                                    + fmt(qnet) + "\n");
                        }
                    }
                }
            }
            return n;
        }
    }

    /** Gamma ray (API) and bulk density (g/cm3) typical of each unit. */
    private static double[] logValues(Unit u) {
        return switch (u) {
            case COVER -> new double[] {70, 1.90};
            case SANDSTONE -> new double[] {60, 2.45};
            case MUDSTONE -> new double[] {110, 2.55};
            case COAL -> new double[] {30, 1.35};
            case AQUICLUDE -> new double[] {90, 2.60};
            case LIMESTONE -> new double[] {20, 2.70};
        };
    }

    /** A LAS 2.0 file of one hole: depth (m), GR and DEN every 0.5 m from the logged units, with noise. */
    private static Path las(SplittableRandom rnd, Path dir, String id, double depth, List<double[]> contacts)
            throws IOException {
        java.nio.file.Files.createDirectories(dir);
        Path f = dir.resolve(id + ".las");
        try (BufferedWriter w = writer(f)) {
            w.write("~Version Information\n VERS.   2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0\n"
                    + " WRAP.   NO  : ONE LINE PER DEPTH STEP\n");
            w.write("~Well Information\n STRT.M  0.0000 : START DEPTH\n STOP.M  " + fmt(Math.floor(depth * 2) / 2)
                    + " : STOP DEPTH\n STEP.M  0.5000 : STEP\n NULL.   -999.25 : NULL VALUE\n WELL.   " + id
                    + " : WELL\n UWI .   " + id + " : UNIQUE WELL ID\n COMP.   GeoAssure demo mine : COMPANY\n");
            w.write("~Curve Information\n DEPT.M      : MEASURED DEPTH\n GR  .API    : GAMMA RAY\n"
                    + " DEN .G/CM3  : BULK DENSITY\n");
            w.write("~A  DEPT GR DEN\n");
            int c = 0;
            for (double d = 0; d <= depth; d += 0.5) {
                while (c + 1 < contacts.size() && contacts.get(c + 1)[0] <= d) {
                    c++;
                }
                double[] v = logValues(Unit.values()[(int) contacts.get(c)[1]]);
                w.write(fmt(d) + " " + fmt(v[0] + (rnd.nextDouble() - 0.5) * 10) + " "
                        + fmt(v[1] + (rnd.nextDouble() - 0.5) * 0.05) + "\n");
            }
        }
        return f;
    }

    /**
     * Walks a straight hole from its collar and records where it enters each unit (depth to the nearest mm, found by
     * bisection between 0.5 m steps); stops 15 m into the limestone. Returns the total depth.
     */
    private static double log(double u, double v, double z, double az, double dip, List<double[]> contacts) {
        double a = Math.toRadians(az);
        double d = Math.toRadians(-dip);
        double du = Math.sin(a) * Math.cos(d);
        double dv = Math.cos(a) * Math.cos(d);
        double dz = -Math.sin(d);
        Unit current = KaiyuanGeology.unitAt(u, v, z - 0.01); // the collar elevation is rounded to the cm
        contacts.add(new double[] {0, current.ordinal()});
        double step = 0.5;
        double limestoneFrom = Double.NaN;
        for (double m = step; ; m += step) {
            Unit next = KaiyuanGeology.unitAt(u + du * m, v + dv * m, z + dz * m);
            if (next != current) {
                double lo = m - step;
                double hi = m;
                while (hi - lo > 1e-4) {
                    double mid = (lo + hi) / 2;
                    if (KaiyuanGeology.unitAt(u + du * mid, v + dv * mid, z + dz * mid) == current) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                double at = Math.round(hi * 1000) / 1000.0;
                contacts.add(new double[] {at, next.ordinal()});
                current = next;
                if (next == Unit.LIMESTONE && Double.isNaN(limestoneFrom)) {
                    limestoneFrom = at;
                }
            }
            if (!Double.isNaN(limestoneFrom) && m >= limestoneFrom + 15) {
                return Math.round(m * 1000) / 1000.0;
            }
            if (m > 5000) {
                throw new IllegalStateException("hole at " + u + ", " + v + " never reaches the limestone");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ progress

    private static void progress(Path file) throws IOException {
        try (BufferedWriter w = writer(file)) {
            w.write("id,date,name,role,geometry,panel,water_filled,water_level_m,boundary\n");
            // the goaf of panel 1101 (mined out 2017-2019, flooded) and the inferred old workings OW-1
            w.write("G1101,2019-06-30,goaf of panel 1101,goaf,\"" + polygon(400, 60, 1600, 240) + "\",1101,true,-262.0,surveyed\n");
            w.write("OW-1,1995-01-01,old workings OW-1 (inferred boundary),old_workings,\"" + polygon(150, 560, OW1_EAST,
                    700) + "\",,true,,inferred\n");
            // roadways driven in 2023
            w.write("R-main,2023-03-01,main haulage roadway,roadway,\"" + line(0, 510, 1700, 510) + "\",,,,\n");
            w.write("R-1201-S,2023-06-01,1201 transport gateroad,roadway,\"" + line(400, P1201_V0, 1620, P1201_V0)
                    + "\",1201,,,\n");
            w.write("R-1201-N,2023-06-01,1201 return gateroad,roadway,\"" + line(400, P1201_V1, 1620, P1201_V1)
                    + "\",1201,,,\n");
            w.write("R-1202-S,2023-09-01,1202 transport gateroad,roadway,\"" + line(400, P1202_V0, 1620, P1202_V0)
                    + "\",1202,,,\n");
            w.write("R-1202-N,2023-09-01,1202 return gateroad,roadway,\"" + line(400, P1202_V1, 1620, P1202_V1)
                    + "\",1202,,,\n");
            LocalDate start1201 = LocalDate.of(2024, 1, 1);
            for (int k = 0; k <= 20; k++) {
                double u = 1600 - 60 * k;
                w.write("F1201," + start1201.plusMonths(k) + ",1201 working face,face,\"" + face(u, P1201_V0, P1201_V1)
                        + "\",1201,,,\n");
            }
            LocalDate start1202 = LocalDate.of(2024, 3, 1);
            for (int k = 0; k <= 20; k++) {
                double u = 1600 - 60 * k;
                w.write("F1202," + start1202.plusMonths(k) + ",1202 working face,face,\"" + face(u, P1202_V0, P1202_V1)
                        + "\",1202,,,\n");
            }
        }
    }

    /** The surveyed position (u) of face 1202 on a date: 1600 - 60 m per month since 2024-03-01, 21 surveys. */
    public static double face1202(LocalDate date) {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(LocalDate.of(2024, 3, 1), date);
        return 1600 - 60 * Math.min(20, months);
    }

    /** Fault traces at -300 m as GeoJSON (with the legacy crs member naming EPSG:4529), as a surveyor would send. */
    private static void faults(Path file) throws IOException {
        try (BufferedWriter w = writer(file)) {
            w.write("{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": "
                    + "\"urn:ogc:def:crs:EPSG::4529\"}},\n \"features\": [\n");
            List<KaiyuanGeology.Fault> faults = List.of(KaiyuanGeology.F1, KaiyuanGeology.F2);
            for (int k = 0; k < faults.size(); k++) {
                KaiyuanGeology.Fault f = faults.get(k);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i <= 20; i++) {
                    double t = -1200 + 2400 * i / 20.0;
                    double[] p = f.tracePoint(t, KaiyuanGeology.FAULT_REF_Z);
                    sb.append(i > 0 ? ", " : "").append('[').append(fmt(X0 + p[0])).append(", ").append(fmt(Y0 + p[1]))
                            .append(", ").append(fmt(KaiyuanGeology.FAULT_REF_Z)).append(']');
                }
                w.write("  {\"type\": \"Feature\", \"id\": \"" + f.id() + "\", \"properties\": {\"name\": \"fault "
                        + f.id() + " at -300 m\", \"throw_m\": " + fmt(f.throwM()) + ", \"dip_deg\": "
                        + fmt(f.dipDeg()) + "},\n   \"geometry\": {\"type\": \"LineString\", \"coordinates\": [" + sb
                        + "]}}" + (k + 1 < faults.size() ? "," : "") + "\n");
            }
            w.write(" ]}\n");
        }
    }

    /** The ground surface as a GOCAD TSurf: a 100 m grid of vertices, two triangles per cell. */
    private static void topography(Path file) throws IOException {
        int nu = (int) (KaiyuanGeology.WIDTH / 100) + 1;
        int nv = (int) (KaiyuanGeology.HEIGHT / 100) + 1;
        try (BufferedWriter w = writer(file)) {
            w.write("GOCAD TSurf 1\nHEADER {\nname:topography\n}\nGOCAD_ORIGINAL_COORDINATE_SYSTEM\nNAME Default\n"
                    + "AXIS_NAME \"X\" \"Y\" \"Z\"\nAXIS_UNIT \"m\" \"m\" \"m\"\nZPOSITIVE Elevation\n"
                    + "END_ORIGINAL_COORDINATE_SYSTEM\nTFACE\n");
            for (int j = 0; j < nv; j++) {
                for (int i = 0; i < nu; i++) {
                    double u = 100.0 * i;
                    double v = 100.0 * j;
                    w.write("VRTX " + (j * nu + i + 1) + " " + fmt(X0 + u) + " " + fmt(Y0 + v) + " "
                            + fmt(KaiyuanGeology.topography(u, v)) + "\n");
                }
            }
            for (int j = 0; j + 1 < nv; j++) {
                for (int i = 0; i + 1 < nu; i++) {
                    int a = j * nu + i + 1;
                    w.write("TRGL " + a + " " + (a + 1) + " " + (a + nu + 1) + "\n");
                    w.write("TRGL " + a + " " + (a + nu + 1) + " " + (a + nu) + "\n");
                }
            }
            w.write("END\n");
        }
    }

    private static String polygon(double u0, double v0, double u1, double v1) {
        double[][] c = {{u0, v0}, {u1, v0}, {u1, v1}, {u0, v1}, {u0, v0}};
        StringBuilder sb = new StringBuilder("POLYGON Z ((");
        for (int i = 0; i < c.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(point(c[i][0], c[i][1]));
        }
        return sb.append("))").toString();
    }

    private static String line(double u0, double v0, double u1, double v1) {
        return "LINESTRING Z (" + point(u0, v0) + ", " + point((u0 + u1) / 2, (v0 + v1) / 2) + ", " + point(u1, v1) + ")";
    }

    private static String face(double u, double v0, double v1) {
        return "LINESTRING Z (" + point(u, v0) + ", " + point(u, (v0 + v1) / 2) + ", " + point(u, v1) + ")";
    }

    /** A point on the seam floor's mid-height (x y z). */
    private static String point(double u, double v) {
        double z = KaiyuanGeology.seamRoof(u, v) - KaiyuanGeology.seamThickness(u, v) / 2;
        return fmt(X0 + u) + " " + fmt(Y0 + v) + " " + fmt(z);
    }

    // ------------------------------------------------------------------------------------------------ resistivity

    /** Resistivity by unit (ohm.m), typical of such ground. */
    private static double rho(Unit unit) {
        return switch (unit) {
            case COVER -> 30;
            case SANDSTONE -> 180;
            case MUDSTONE -> 60;
            case COAL -> 400;
            case AQUICLUDE -> 90;
            case LIMESTONE -> 900;
        };
    }

    /**
     * The resistivity grid at a scale: (60 S) x (40 S) x (30 S) cells of 50 / S x 50 / S x 20 / S m from (X0, Y0,
     * -420), nodes at the cell centres.
     */
    static org.geoassure.geodb.grid.BlockModel resistivityGrid(int scale) {
        checkScale(scale);
        return new org.geoassure.geodb.grid.BlockModel("resistivity", X0, Y0, -420, 0, 50.0 / scale, 50.0 / scale,
                20.0 / scale, 60 * scale, 40 * scale, 30 * scale, List.of(org.geoassure.geodb.grid.BlockAttribute.of(
                        "RHO", org.geoassure.geodb.grid.AttributeType.FLOAT32)));
    }

    /**
     * The resistivity volume as a geophysics contractor delivers it, a GOCAD Voxet ({@code resistivity.vo} and its
     * big-endian float property file {@code resistivity_RHO@@}); nodes above the topography hold the no-data value.
     * Streamed: each value is computed when the writer asks for it, in file order (which is the order the noise is
     * drawn in).
     */
    private static void resistivity(SplittableRandom rnd, int scale, Path file) {
        org.geoassure.geodb.grid.BlockModel grid = resistivityGrid(scale);
        double du = grid.dx();
        double dv = grid.dy();
        double dz = grid.dz();
        org.geoassure.ingest.voxet.VoxetWriter.write(grid, (i, j, k, out) -> {
            double u = du / 2 + du * i;
            double v = dv / 2 + dv * j;
            double z = -420 + dz / 2 + dz * k;
            Unit unit = KaiyuanGeology.unitAt(u, v, z);
            if (unit == null) {
                return; // above the ground: no data
            }
            double r = rho(unit);
            double seam = KaiyuanGeology.seamRoof(u, v);
            boolean nearSeam = Math.abs(z - seam) < 40;
            if (nearSeam && u > 150 - 30 && u < OW1_EAST + 30 && v > 560 - 30 && v < 700 + 30) {
                r = 8; // water in the old workings
            } else if (nearSeam && u > 400 && u < 1600 && v > 60 && v < 240 && z < -262 + 10) {
                r = 15; // water in the 1101 goaf
            }
            r *= Math.exp((rnd.nextDouble() - 0.5) * 0.2);
            out[0] = round3(r);
        }, file);
    }

    // ------------------------------------------------------------------------------------------------ piezometers

    private static List<Path> piezometers(SplittableRandom rnd, Path stations, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        try (BufferedWriter w = writer(stations)) {
            w.write("id,name,kind,x,y,z,unit,watches\n");
            for (Piezometer p : piezometers()) {
                w.write(p.id() + ",piezometer " + p.id() + " (O2 limestone),piezometer," + fmt(X0 + p.u()) + ","
                        + fmt(Y0 + p.v()) + "," + fmt(p.z()) + ",m,O2 limestone aquifer\n");
                Path f = dir.resolve(p.id() + ".csv");
                try (BufferedWriter r = writer(f)) {
                    r.write("date,head\n");
                    Instant t = Instant.parse("2024-01-01T00:00:00Z");
                    Instant end = Instant.parse("2026-01-01T00:00:00Z");
                    StringBuilder sb = new StringBuilder(64);
                    for (; t.isBefore(end); t = t.plusSeconds(3600)) {
                        double h = head(p.u(), p.v(), t, p.id()) + (rnd.nextDouble() - 0.5) * 0.1;
                        sb.setLength(0);
                        sb.append(t.atOffset(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' '));
                        if (sb.length() == 16) {
                            sb.append(":00");
                        }
                        sb.append(',').append(fmt(h)).append('\n');
                        r.write(sb.toString());
                    }
                }
                out.add(f);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ tailings dam

    /** Start of the phreatic rise at PL-2 (the 2025 rainy season). */
    public static final Instant PL2_RISE = Instant.parse("2025-07-15T00:00:00Z");
    /** Start of the accelerating displacement at DS-2. */
    public static final Instant DS2_CREEP = Instant.parse("2025-09-01T00:00:00Z");

    /** Burial depth (m) of the phreatic line at a dam section: about 8 m, shallower in the rainy season. */
    public static double phreaticDepth(String station, Instant t) {
        double day = Duration.between(Instant.parse("2024-01-01T00:00:00Z"), t).toSeconds() / 86400.0;
        double d = 8 - 0.6 * Math.max(0, Math.sin(2 * Math.PI * (day - 150) / 365.25));
        if (station.equals("PL-2") && t.isAfter(PL2_RISE)) {
            double since = Duration.between(PL2_RISE, t).toSeconds() / 86400.0;
            d -= Math.min(3.2, 0.05 * since); // rises 5 cm a day for about two months, then stays up
        }
        return d;
    }

    /** Cumulative surface displacement (mm): a slow creep, and at DS-2 an acceleration from September 2025. */
    public static double displacement(String station, Instant t) {
        double day = Duration.between(Instant.parse("2024-01-01T00:00:00Z"), t).toSeconds() / 86400.0;
        double mm = 0.02 * day;
        if (station.equals("DS-2") && t.isAfter(DS2_CREEP)) {
            double since = Duration.between(DS2_CREEP, t).toSeconds() / 86400.0;
            mm += 0.004 * since * since; // 0.008 mm/day more each day: 0.5 mm/day after two months
        }
        return mm;
    }

    /**
     * The tailings dam TD-1 of the coal preparation plant (north-east corner): its impoundment and crest in the
     * progress file, three phreatic-line sensors (burial depth, m) and two surface displacement prisms (cumulative mm)
     * with daily readings 2024-2025, appended to the stations file.
     */
    private static void tailingsDam(SplittableRandom rnd, Path stations, Path dir, List<Path> out, Path progress)
            throws IOException {
        try (BufferedWriter w = java.nio.file.Files.newBufferedWriter(progress, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND)) {
            w.write("TD-1,2016-05-01,tailings dam TD-1 (impoundment),tailings_dam,\"POLYGON ((" + xy(2500, 1500) + ", "
                    + xy(2900, 1500) + ", " + xy(2900, 1900) + ", " + xy(2500, 1900) + ", " + xy(2500, 1500)
                    + "))\",,,,surveyed\n");
            w.write("TD-1-crest,2016-05-01,tailings dam TD-1 crest (30 m high),dam_crest,\"LINESTRING Z (" + xy(2500, 1500)
                    + " 125, " + xy(2900, 1500) + " 125)\",,,,\n");
        }
        String[][] sensors = {{"PL-1", "phreatic_line", "m", "2600", "1520"}, {"PL-2", "phreatic_line", "m", "2700", "1520"},
            {"PL-3", "phreatic_line", "m", "2800", "1520"}, {"DS-1", "surface_displacement", "mm", "2600", "1500"},
            {"DS-2", "surface_displacement", "mm", "2750", "1500"}};
        try (BufferedWriter w = java.nio.file.Files.newBufferedWriter(stations, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND)) {
            for (String[] s : sensors) {
                double u = Double.parseDouble(s[3]);
                double v = Double.parseDouble(s[4]);
                w.write(s[0] + "," + (s[1].startsWith("phreatic") ? "phreatic line " : "displacement prism ") + s[0]
                        + " (dam TD-1)," + s[1] + "," + fmt(X0 + u) + "," + fmt(Y0 + v) + ",125.000," + s[2]
                        + ",tailings dam TD-1\n");
                Path f = dir.resolve(s[0] + ".csv");
                try (BufferedWriter r = writer(f)) {
                    r.write("date,value\n");
                    for (Instant t = Instant.parse("2024-01-01T00:00:00Z"); t.isBefore(Instant.parse(
                            "2026-01-01T00:00:00Z")); t = t.plusSeconds(86400)) {
                        double v0 = s[1].startsWith("phreatic") ? phreaticDepth(s[0], t) + (rnd.nextDouble() - 0.5) * 0.04
                                : displacement(s[0], t) + (rnd.nextDouble() - 0.5) * 0.2;
                        r.write(t.toString().substring(0, 10) + "," + fmt(v0) + "\n");
                    }
                }
                out.add(f);
            }
        }
    }

    private static String xy(double u, double v) {
        return fmt(X0 + u) + " " + fmt(Y0 + v);
    }

    /**
     * The demo's monitoring rules: the PZ-3 head ladder, phreatic-line burial depth ladders at the dam (red at the
     * minimum burial depth 5.0 m taken for a 30 m dam, orange at 1.1 x that; the figure stands in for the GB 50863
     * table, which was not verified), displacement rate over 7 days, and no-data checks.
     */
    private static void rules(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("{\n  \"rollUp\": {\"blueToYellow\": 4, \"yellowToOrange\": 3, "
                + "\"orangeToRed\": 2},\n  \"rules\": [\n");
        sb.append("    {\"id\": \"pz3-head\", \"type\": \"threshold\", \"item\": \"O2 aquifer\", \"station\": \"PZ-3\",\n"
                + "     \"levels\": {\"blue\": {\"above\": 16, \"clear\": 15.5}, \"yellow\": {\"above\": 17, \"clear\": 16.5},\n"
                + "                \"orange\": {\"above\": 18, \"clear\": 17.5}, \"red\": {\"above\": 19, \"clear\": 18.5}}}");
        for (String pl : List.of("PL-1", "PL-2", "PL-3")) {
            sb.append(",\n    {\"id\": \"").append(pl.toLowerCase(Locale.ROOT)).append("-depth\", \"type\": \"threshold\", "
                    + "\"item\": \"TD-1 phreatic line\", \"station\": \"").append(pl).append("\",\n"
                    + "     \"levels\": {\"blue\": {\"below\": 6.5, \"clear\": 6.7}, \"yellow\": {\"below\": 6.0, \"clear\": 6.2},\n"
                    + "                \"orange\": {\"below\": 5.5, \"clear\": 5.7}, \"red\": {\"below\": 5.0, \"clear\": 5.2}}}");
        }
        for (String ds : List.of("DS-1", "DS-2")) {
            sb.append(",\n    {\"id\": \"").append(ds.toLowerCase(Locale.ROOT)).append("-rate\", \"type\": \"rate\", "
                    + "\"item\": \"TD-1 displacement\", \"station\": \"").append(ds).append("\", \"window\": \"P7D\",\n"
                    + "     \"levels\": {\"blue\": {\"above\": 1.5, \"clear\": 1.0}, \"yellow\": {\"above\": 2.5, \"clear\": 2.0},\n"
                    + "                \"orange\": {\"above\": 3.5, \"clear\": 3.0}, \"red\": {\"above\": 4.5, \"clear\": 4.0}}}");
        }
        sb.append("\n  ]\n}\n");
        java.nio.file.Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------ text

    private static BufferedWriter writer(Path p) throws IOException {
        return java.nio.file.Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * {@code Double.parseDouble(fmt(v))} without the text (a hundred million calls at the largest scale): the nearest
     * double to v rounded half up to 3 decimals. For 0 < v < 10^6, v * 1000 is within 2^-21 of the exact product, so
     * Math.round of it can differ from the text's rounding only when it lies within that of a half; such values, and
     * any other v, take the text path.
     */
    static double round3(double v) {
        double t = v * 1000;
        double frac = t - Math.floor(t);
        if (!(v > 0 && v < 1e6) || Math.abs(frac - 0.5) < 1e-6) {
            return Double.parseDouble(fmt(v));
        }
        return Math.round(t) / 1000.0;
    }

    /** Fixed-point text with 3 decimals, locale-free. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
