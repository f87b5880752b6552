package org.geoassure.samples.mine;

/**
 * The demo mine's ground, as closed-form functions of local coordinates (u east, v north, metres from the mine's
 * south-west corner; z elevation in metres). A North China-type coalfield: Quaternary cover over Permian sandstone and
 * a roof mudstone, coal seam 3# (about 3 m, dipping about 3 degrees east), a siltstone aquiclude of the Taiyuan
 * Formation that thins to about 17 m along fault F1, and the confined Ordovician karst limestone aquifer below. Two
 * normal faults offset everything below the cover: F1 (strike N20E, dip 70 degrees ESE, throw 15 m) and F2 (strike
 * N60W, dip 75 degrees NE, throw 6 m).
 *
 * <p>Everything here is deterministic (no randomness): the generator adds its seeded noise on top, and tests use these
 * functions as the known answers.
 */
public final class KaiyuanGeology {
    /** The units from the top down, with their lithology, stratigraphic unit and hydrogeological role. */
    public enum Unit {
        /** Quaternary loess and clay. */
        COVER("loess", "Q", ""),
        /** Permian Shanxi Formation sandstone: a fissure aquifer over the seam (roof water). */
        SANDSTONE("sandstone", "P1s", "aquifer"),
        /** Roof mudstone of seam 3#. */
        MUDSTONE("mudstone", "P1s", ""),
        /** Coal seam 3#. */
        COAL("coal", "3#", ""),
        /** Taiyuan Formation siltstone: the floor aquiclude. */
        AQUICLUDE("siltstone", "C3t", "aquiclude"),
        /** Ordovician karst limestone: the confined aquifer. */
        LIMESTONE("limestone", "O2", "aquifer");

        /** Lithology code. */
        public final String lith;
        /** Stratigraphic unit. */
        public final String strat;
        /** Hydrogeological role, empty when none. */
        public final String hydro;

        Unit(String lith, String strat, String hydro) {
            this.lith = lith;
            this.strat = strat;
            this.hydro = hydro;
        }
    }

    /** Width of the mine area (u), m. */
    public static final double WIDTH = 3000;
    /** Height of the mine area (v), m. */
    public static final double HEIGHT = 2000;
    /** Throw of F1, m. */
    public static final double F1_THROW = 15;
    /** Throw of F2, m. */
    public static final double F2_THROW = 6;
    /** Elevation at which the faults' reference traces are given, m. */
    public static final double FAULT_REF_Z = -300;
    /** Roof mudstone thickness (m): 20 m in the south, 60 m in the north, the rock between the seam and the
     * sandstone aquifer above it. */
    public static double mudstoneThickness(double u, double v) {
        return 20 + 40 * Math.max(0, Math.min(1, v / HEIGHT));
    }

    /** A normal fault: a plane through a reference trace at {@link #FAULT_REF_Z}, dipping towards its normal. */
    public record Fault(String id, double u0, double v0, double strikeDeg, double dipDeg, double throwM) {
        /** Signed distance-like coordinate: positive on the hanging wall (the side the fault dips towards). */
        public double side(double u, double v, double z) {
            double s = Math.toRadians(strikeDeg);
            double nu = Math.cos(s);
            double nv = -Math.sin(s);
            return (u - u0) * nu + (v - v0) * nv + (z - FAULT_REF_Z) / Math.tan(Math.toRadians(dipDeg));
        }

        /** Horizontal distance from (u, v) to the fault's trace at elevation z. */
        public double distance(double u, double v, double z) {
            return Math.abs(side(u, v, z));
        }

        /** The point of the trace at elevation {@code z} at along-strike distance {@code t} from the reference point. */
        public double[] tracePoint(double t, double z) {
            double s = Math.toRadians(strikeDeg);
            double shift = -(z - FAULT_REF_Z) / Math.tan(Math.toRadians(dipDeg)); // towards the normal as z falls
            return new double[] {u0 + t * Math.sin(s) + shift * Math.cos(s), v0 + t * Math.cos(s) - shift * Math.sin(s)};
        }
    }

    /** F1: strike N20E through (1800, 0) at -300 m, dip 70 degrees ESE, throw 15 m. */
    public static final Fault F1 = new Fault("F1", 1800, 0, 20, 70, F1_THROW);
    /** F2: strike N60W (300 degrees) through (800, 1400) at -300 m, dip 75 degrees NE, throw 6 m. */
    public static final Fault F2 = new Fault("F2", 800, 1400, 300, 75, F2_THROW);

    private KaiyuanGeology() {
    }

    /** Ground surface elevation. */
    public static double topography(double u, double v) {
        return 95 + 12 * Math.sin(u / 700) + 8 * Math.cos(v / 500);
    }

    /** Base of the Quaternary cover (not faulted). */
    public static double coverBase(double u, double v) {
        return topography(u, v) - (25 + 8 * Math.sin(u / 400 + v / 900));
    }

    /** How far the units below the cover are dropped at (u, v, z): the throws of the faults whose hanging wall it is. */
    public static double offset(double u, double v, double z) {
        return (F1.side(u, v, z) > 0 ? F1_THROW : 0) + (F2.side(u, v, z) > 0 ? F2_THROW : 0);
    }

    /** Seam 3# roof before faulting: -250 m, falling 0.05 m/m east (2.9 degrees) and 0.01 m/m north. */
    public static double seamRoofUnfaulted(double u, double v) {
        return -250 - 0.05 * u - 0.01 * v;
    }

    /** Seam 3# thickness (mining height). */
    public static double seamThickness(double u, double v) {
        return 3.2 + 0.5 * Math.sin(u / 450);
    }

    /**
     * Aquiclude (seam floor to limestone top) thickness: about 55 m, thinning to about 17 m along F1 (where the
     * floor is also structurally disturbed).
     */
    public static double aquicludeThickness(double u, double v) {
        double d = F1.distance(u, v, seamRoofUnfaulted(u, v));
        return 55 + 6 * Math.sin(v / 300) - 38 * Math.exp(-(d / 120) * (d / 120));
    }

    /** The unit boundaries at (u, v) on the side of the faults that (u, v, z) is on: roof, floor, limestone top. */
    static double[] boundaries(double u, double v, double z) {
        double off = offset(u, v, z);
        double roof = seamRoofUnfaulted(u, v) - off;
        double floor = roof - seamThickness(u, v);
        return new double[] {roof + mudstoneThickness(u, v), roof, floor, floor - aquicludeThickness(u, v)};
    }

    /** The unit at a point, or null above the ground. */
    public static Unit unitAt(double u, double v, double z) {
        if (z > topography(u, v)) {
            return null;
        }
        if (z > coverBase(u, v)) {
            return Unit.COVER;
        }
        double[] b = boundaries(u, v, z);
        if (z > b[0]) {
            return Unit.SANDSTONE;
        }
        if (z > b[1]) {
            return Unit.MUDSTONE;
        }
        if (z > b[2]) {
            return Unit.COAL;
        }
        if (z > b[3]) {
            return Unit.AQUICLUDE;
        }
        return Unit.LIMESTONE;
    }

    /** Seam 3# roof elevation at (u, v) (on the side of the faults the seam is on there). */
    public static double seamRoof(double u, double v) {
        double z = seamRoofUnfaulted(u, v);
        // the side is decided at the seam itself; iterate once so a point near a fault takes its own offset
        double roof = z - offset(u, v, z);
        return seamRoofUnfaulted(u, v) - offset(u, v, roof);
    }

    /** Top of the limestone aquifer at (u, v). */
    public static double aquiferTop(double u, double v) {
        double roof = seamRoof(u, v);
        return roof - seamThickness(u, v) - aquicludeThickness(u, v);
    }
}
