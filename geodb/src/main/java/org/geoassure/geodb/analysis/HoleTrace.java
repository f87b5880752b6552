package org.geoassure.geodb.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * The desurveyed path of one hole, made by {@link Desurvey#compute}. Immutable and thread-safe.
 *
 * <p>Nodes are the computed points: a tie-in node at depth 0 (the collar) when the first station is
 * deeper than 0, then one node per station. Between nodes, {@link #positionAt} follows the method's
 * path: the circular arc for {@link DesurveyMethod#MINIMUM_CURVATURE}, the straight line between the two
 * nodes for {@link DesurveyMethod#TANGENT} and {@link DesurveyMethod#BALANCED_TANGENT}. Below the last
 * node the hole continues straight along the last station's direction.
 */
public final class HoleTrace {
    private final DesurveyMethod method;
    /** 1 when node 0 is a tie-in node at the collar, else 0: node index = station index + offset. */
    private final int offset;
    private final double[] nodeDepth;
    /** x, y, z per node. */
    private final double[] pos;
    /** Unit direction (east, north, up) per node; the tie-in node has the first station's direction. */
    private final double[] dir;
    /** Dogleg in radians of the course ending at each node (0 for node 0 and for straight courses). */
    private final double[] dogleg;
    /**
     * Start node of the straight run a node belongs to: {@code anchor[k] == k} when the course ending at
     * node k is curved (or k == 0), else the node where the run of identical directions began.
     */
    private final int[] anchor;

    /** Takes ownership of the arrays (built by {@link Desurvey}). */
    HoleTrace(DesurveyMethod method, int offset, double[] nodeDepth, double[] pos, double[] dir,
              double[] dogleg, int[] anchor) {
        this.method = method;
        this.offset = offset;
        this.nodeDepth = nodeDepth;
        this.pos = pos;
        this.dir = dir;
        this.dogleg = dogleg;
        this.anchor = anchor;
    }

    /** The method the trace was computed with. */
    public DesurveyMethod method() {
        return method;
    }

    /** Number of nodes: the number of stations, plus one when a tie-in node was added at the collar. */
    public int nodeCount() {
        return nodeDepth.length;
    }

    /** Number of stations the trace was computed from. */
    public int stationCount() {
        return nodeDepth.length - offset;
    }

    /** Depth along the hole of node {@code i}; node 0 is always at depth 0 (the collar). */
    public double nodeDepth(int i) {
        return nodeDepth[i];
    }

    /** Easting of node {@code i}. */
    public double nodeX(int i) {
        return pos[3 * Objects.checkIndex(i, nodeDepth.length)];
    }

    /** Northing of node {@code i}. */
    public double nodeY(int i) {
        return pos[3 * Objects.checkIndex(i, nodeDepth.length) + 1];
    }

    /** Elevation of node {@code i}. */
    public double nodeZ(int i) {
        return pos[3 * Objects.checkIndex(i, nodeDepth.length) + 2];
    }

    /** Easting of station {@code i} (index into the arrays given to {@link Desurvey#compute}). */
    public double stationX(int i) {
        return pos[3 * station(i)];
    }

    /** Northing of station {@code i}. */
    public double stationY(int i) {
        return pos[3 * station(i) + 1];
    }

    /** Elevation of station {@code i}. */
    public double stationZ(int i) {
        return pos[3 * station(i) + 2];
    }

    /**
     * Dogleg severity of the course ending at station {@code stationIndex}, in degrees per 30 length
     * units (°/30 m for metres; multiply by 100/30 for the oilfield °/100 ft). The dogleg is the angle
     * between the two stations' directions whatever the method. 0 for station 0.
     *
     * @param stationIndex 0-based station index
     * @return dogleg severity, degrees per 30 length units
     */
    public double doglegSeverity30(int stationIndex) {
        final int k = station(stationIndex);
        if (stationIndex == 0) {
            return 0.0;
        }
        return Math.toDegrees(dogleg[k]) * 30.0 / (nodeDepth[k] - nodeDepth[k - 1]);
    }

    /**
     * Position at a depth along the hole.
     *
     * @param depth depth from the collar, {@code >= 0}; beyond the last station the hole is extrapolated
     *     straight along the last station's direction
     * @param out receives x, y, z in {@code out[off..off+2]}
     * @param off offset into {@code out}
     * @throws IllegalArgumentException if {@code depth} is negative or not finite
     */
    public void positionAt(double depth, double[] out, int off) {
        Objects.checkFromIndexSize(off, 3, out.length);
        write(locate(checkDepth(depth), -1), depth, out, off);
    }

    /**
     * Bulk form of {@link #positionAt}: {@code depths[dOff + k]} gives {@code xyz[xyzOff + 3k .. + 2]}
     * for {@code k < n}. Depths need not be sorted (sorted input is a little faster).
     *
     * @param depths depths from the collar, each {@code >= 0} and finite
     * @param dOff first depth to read
     * @param xyz receives x, y, z triples
     * @param xyzOff where the first triple goes
     * @param n number of depths
     * @throws IllegalArgumentException if a depth is negative or not finite (earlier outputs are written)
     * @throws IndexOutOfBoundsException if a range falls outside its array
     */
    public void positionsAt(double[] depths, int dOff, double[] xyz, int xyzOff, int n) {
        Objects.checkFromIndexSize(dOff, n, depths.length);
        Objects.checkFromIndexSize(xyzOff, Math.multiplyExact(3, n), xyz.length);
        int hint = -1;
        for (int k = 0; k < n; k++) {
            final double s = checkDepth(depths[dOff + k]);
            hint = locate(s, hint);
            write(hint, s, xyz, xyzOff + 3 * k);
        }
    }

    @Override
    public String toString() {
        return "HoleTrace[" + method.label() + ", " + stationCount() + " stations, " + nodeDepth.length
                + " nodes, depth 0.." + nodeDepth[nodeDepth.length - 1] + "]";
    }

    private int station(int i) {
        return Objects.checkIndex(i, nodeDepth.length - offset) + offset;
    }

    private static double checkDepth(double depth) {
        if (!(depth >= 0) || depth == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("depth must be finite and >= 0, got " + depth);
        }
        return depth;
    }

    /**
     * The course containing depth s: returns k with nodeDepth[k-1] <= s < nodeDepth[k], or m (the node
     * count) when s >= the last node's depth. Tries {@code hint} first.
     */
    private int locate(double s, int hint) {
        final double[] nd = nodeDepth;
        final int m = nd.length;
        if (hint >= 1 && s >= nd[hint - 1] && (hint == m || s < nd[hint])) {
            return hint;
        }
        if (s >= nd[m - 1]) {
            return m;
        }
        final int idx = Arrays.binarySearch(nd, s);
        // nd[0] == 0 <= s, so an insertion point is >= 1; an exact hit at node i lies in course i + 1.
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    private void write(int k, double s, double[] out, int o) {
        final int m = nodeDepth.length;
        if (k == m || anchor[k] != k) {
            // Straight: below the last node, or a course whose two ends share one direction.
            final int a = anchor[k == m ? m - 1 : k];
            final int d = 3 * (k == m ? m - 1 : k);
            final double len = s - nodeDepth[a];
            final int r = 3 * a;
            out[o] = pos[r] + len * dir[d];
            out[o + 1] = pos[r + 1] + len * dir[d + 1];
            out[o + 2] = pos[r + 2] + len * dir[d + 2];
            return;
        }
        final int q = 3 * (k - 1);
        final int p = q + 3;
        final double d1 = nodeDepth[k - 1];
        final double ds = s - d1;
        if (ds == 0.0) {
            out[o] = pos[q];
            out[o + 1] = pos[q + 1];
            out[o + 2] = pos[q + 2];
            return;
        }
        final double f = ds / (nodeDepth[k] - d1);
        if (method == DesurveyMethod.MINIMUM_CURVATURE) {
            // On the arc: direction at f is the slerp t(f) = (sin((1-f)β) t1 + sin(fβ) t2) / sin β and the
            // displacement from node k-1 is (f·ΔMD/2)(t1 + t(f))·RF(fβ), with f·ΔMD = s - d1.
            final double beta = dogleg[k];
            final double fb = f * beta;
            final double sb = Math.sin(beta);
            final double w1 = 1.0 + Math.sin(beta - fb) / sb;
            final double w2 = Math.sin(fb) / sb;
            final double h = 0.5 * ds * Desurvey.rf(fb);
            out[o] = pos[q] + h * (w1 * dir[q] + w2 * dir[p]);
            out[o + 1] = pos[q + 1] + h * (w1 * dir[q + 1] + w2 * dir[p + 1]);
            out[o + 2] = pos[q + 2] + h * (w1 * dir[q + 2] + w2 * dir[p + 2]);
        } else {
            // Tangent methods: straight line between the two computed nodes.
            out[o] = pos[q] + f * (pos[p] - pos[q]);
            out[o + 1] = pos[q + 1] + f * (pos[p + 1] - pos[q + 1]);
            out[o + 2] = pos[q + 2] + f * (pos[p + 2] - pos[q + 2]);
        }
    }
}
