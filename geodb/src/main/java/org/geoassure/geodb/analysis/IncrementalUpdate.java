package org.geoassure.geodb.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.Brick;

/**
 * Incremental re-estimation of a {@link PropertyModel} when samples are added, changed or removed: only the bricks
 * (32³ cells) containing a cell whose search neighbourhood the changed samples reach are re-estimated; every other
 * cell is copied from the old model. A changed sample p (in the old or the new set) reaches cell c when it lies in the
 * search ellipsoid and no farther (in reduced distance) than c's k-th nearest sample in the old or the new set (or
 * anywhere in the ellipsoid when c has fewer than k samples there): otherwise c's neighbours, and so its estimate,
 * are the same in both sets. Re-estimated cells are computed exactly as a full run ({@link Estimation#cells}), so
 * the result equals a full rebuild cell for cell (up to ties in neighbour distance, broken by sample index).
 */
public final class IncrementalUpdate {
    /** log2 of the brick edge. */
    private static final int SHIFT = Integer.numberOfTrailingZeros(Brick.SIZE);
    /** Brick edge in cells (32). */
    private static final int SIZE = Brick.SIZE;

    private IncrementalUpdate() {
    }

    /**
     * What an update did.
     *
     * @param data the new model
     * @param samplesChanged samples in only one of the two sets (added, removed, or changed counted twice)
     * @param bricks bricks of the grid
     * @param bricksRecomputed bricks re-estimated
     * @param cellsRecomputed cells re-estimated
     */
    public record Result(BlockData data, int samplesChanged, long bricks, long bricksRecomputed,
            long cellsRecomputed) {
    }

    /**
     * Updates a model built by {@link PropertyModel#estimate} with the same estimator and neighbourhood.
     *
     * @param old the old model (attributes: value, and variance for kriging)
     * @param estimator the estimator it was built with
     * @param before the samples it was built from
     * @param after the samples now
     * @param hood the neighbourhood it was built with
     */
    public static Result update(BlockData old, Estimator estimator, Samples before, Samples after,
            Neighbourhood hood) {
        Objects.requireNonNull(old, "old");
        BlockModel m = old.model();
        int nattr = m.attributes().size();
        boolean variance = estimator instanceof Kriging;
        if (nattr != (variance ? 2 : 1)) {
            throw new InvalidContentException("model " + m.name() + ": " + nattr + " attributes; a property model has "
                    + (variance ? "a value and a variance" : "a value"));
        }
        List<double[]> changed = difference(before, after);
        changed.addAll(difference(after, before));
        int bx = m.bricks(0);
        int by = m.bricks(1);
        int bz = m.bricks(2);
        boolean[] affected = new boolean[bx * by * bz];
        Ellipsoid e = hood.search();
        if (!changed.isEmpty()) {
            NeighbourSearch.Query qa = new NeighbourSearch(after, hood).query();
            NeighbourSearch.Query qb = before.size() == 0 ? null : new NeighbourSearch(before, hood).query();
            int[] idx = new int[hood.maxSamples()];
            double[] c = new double[3];
            for (int k = 0; k < m.nz(); k++) {
                for (int j = 0; j < m.ny(); j++) {
                    for (int i = 0; i < m.nx(); i++) {
                        int b = (i >> SHIFT) + bx * ((j >> SHIFT) + by * (k >> SHIFT));
                        if (affected[b]) {
                            continue;
                        }
                        m.centroid(i, j, k, c);
                        double reach = Math.max(kth(qa, after, idx, hood, e, c), qb == null ? 1
                                : kth(qb, before, idx, hood, e, c));
                        for (double[] p : changed) {
                            if (e.reducedDistance(p[0] - c[0], p[1] - c[1], p[2] - c[2]) <= reach) {
                                affected[b] = true;
                                break;
                            }
                        }
                    }
                }
            }
        }
        List<Integer> cells = new ArrayList<>();
        long bricksRecomputed = 0;
        for (int b = 0; b < affected.length; b++) {
            if (!affected[b]) {
                continue;
            }
            bricksRecomputed++;
            int i0 = (b % bx) << SHIFT;
            int j0 = ((b / bx) % by) << SHIFT;
            int k0 = (b / (bx * by)) << SHIFT;
            for (int k = k0; k < Math.min(m.nz(), k0 + SIZE); k++) {
                for (int j = j0; j < Math.min(m.ny(), j0 + SIZE); j++) {
                    for (int i = i0; i < Math.min(m.nx(), i0 + SIZE); i++) {
                        cells.add(i + m.nx() * (j + m.ny() * k));
                    }
                }
            }
        }
        int[] list = cells.stream().mapToInt(Integer::intValue).toArray();
        java.util.Arrays.sort(list);
        GridEstimate est = Estimation.cells(estimator, after, hood, m, list);
        Map<Integer, Integer> at = new HashMap<>();
        for (int n = 0; n < list.length; n++) {
            at.put(list[n], n);
        }
        BlockData.Builder out = BlockData.builder(m);
        double[] v = new double[nattr];
        for (int k = 0; k < m.nz(); k++) {
            for (int j = 0; j < m.ny(); j++) {
                for (int i = 0; i < m.nx(); i++) {
                    int b = (i >> SHIFT) + bx * ((j >> SHIFT) + by * (k >> SHIFT));
                    if (affected[b]) {
                        int n = at.get(i + m.nx() * (j + m.ny() * k));
                        if (Double.isNaN(est.value(n))) {
                            continue;
                        }
                        v[0] = est.value(n);
                        if (variance) {
                            v[1] = est.variance(n);
                        }
                    } else {
                        if (!old.present(i, j, k)) {
                            continue;
                        }
                        for (int a = 0; a < nattr; a++) {
                            v[a] = old.value(a, i, j, k);
                        }
                    }
                    out.put(i, j, k, v);
                }
            }
        }
        return new Result(out.build(), changed.size(), affected.length, bricksRecomputed, list.length);
    }

    /** Reduced distance of c's k-th nearest sample, or 1 (the ellipsoid's surface) when it has fewer than k. */
    private static double kth(NeighbourSearch.Query q, Samples s, int[] idx, Neighbourhood hood, Ellipsoid e,
            double[] c) {
        int n = q.find(c[0], c[1], c[2], idx);
        if (n < hood.maxSamples()) {
            return 1;
        }
        int last = idx[n - 1];
        return e.reducedDistance(s.x()[last] - c[0], s.y()[last] - c[1], s.z()[last] - c[2]);
    }

    /** Samples of a that are not in b (as a multiset of x, y, z, v). */
    private static List<double[]> difference(Samples a, Samples b) {
        Map<List<Double>, Integer> count = new HashMap<>();
        double[] bx = b.x();
        double[] by = b.y();
        double[] bz = b.z();
        double[] bv = b.v();
        for (int i = 0; i < bx.length; i++) {
            count.merge(List.of(bx[i], by[i], bz[i], bv[i]), 1, Integer::sum);
        }
        List<double[]> out = new ArrayList<>();
        double[] ax = a.x();
        double[] ay = a.y();
        double[] az = a.z();
        double[] av = a.v();
        for (int i = 0; i < ax.length; i++) {
            List<Double> key = List.of(ax[i], ay[i], az[i], av[i]);
            Integer n = count.get(key);
            if (n == null || n == 0) {
                out.add(new double[] {ax[i], ay[i], az[i]});
            } else {
                count.put(key, n - 1);
            }
        }
        return out;
    }
}
