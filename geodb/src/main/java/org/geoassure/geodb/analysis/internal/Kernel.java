package org.geoassure.geodb.analysis.internal;

import java.util.List;
import org.geoassure.geodb.analysis.StructureType;
import org.geoassure.geodb.analysis.VariogramModel;
import org.geoassure.geodb.analysis.VariogramStructure;

/**
 * A variogram model compiled to primitive arrays for the hot loops. {@link #cov} returns A − γ(h) with A the
 * total sill for a bounded model and 0 otherwise (a generalised covariance: ordinary and universal kriging do not
 * depend on A).
 */
public final class Kernel {
    private static final int SPH = 0;
    private static final int EXP = 1;
    private static final int GAU = 2;
    private static final int LIN = 3;

    private final int n;
    private final int[] type;
    private final double[] sill;
    private final double[] rot; // 9 per structure, rows scaled by 1/range
    private final boolean[] iso;
    private final double[] invRange;
    private final double nugget;
    private final double base;

    public Kernel(VariogramModel model) {
        List<VariogramStructure> s = model.structures();
        n = s.size();
        type = new int[n];
        sill = new double[n];
        rot = new double[9 * n];
        iso = new boolean[n];
        invRange = new double[n];
        for (int k = 0; k < n; k++) {
            VariogramStructure st = s.get(k);
            StructureType t = st.type();
            type[k] = t == StructureType.SPHERICAL ? SPH : t == StructureType.EXPONENTIAL ? EXP
                    : t == StructureType.GAUSSIAN ? GAU : LIN;
            sill[k] = st.sill();
            iso[k] = st.ellipsoid().isIsotropic();
            invRange[k] = 1 / st.ellipsoid().major();
            System.arraycopy(st.ellipsoid().scaledRotation(), 0, rot, 9 * k, 9);
        }
        nugget = model.nugget();
        base = model.bounded() ? model.totalSill() : 0;
    }

    /** A: the value of {@link #cov} at h = 0. */
    public double base() {
        return base;
    }

    /** The nugget. */
    public double nugget() {
        return nugget;
    }

    /** A − γ(h); γ(0) = 0. */
    public double cov(double dx, double dy, double dz) {
        if (dx == 0 && dy == 0 && dz == 0) {
            return base;
        }
        return base - nugget - structures(dx, dy, dz);
    }

    /** A − nugget − Σ structures: the covariance without the nugget's jump at 0 (for block averages). */
    public double covNoNugget(double dx, double dy, double dz) {
        return base - nugget - structures(dx, dy, dz);
    }

    private double structures(double dx, double dy, double dz) {
        double g = 0;
        double h2 = -1;
        for (int k = 0; k < n; k++) {
            double r;
            if (iso[k]) {
                if (h2 < 0) {
                    h2 = dx * dx + dy * dy + dz * dz;
                }
                r = Math.sqrt(h2) * invRange[k];
            } else {
                int o = 9 * k;
                double u = rot[o] * dx + rot[o + 1] * dy + rot[o + 2] * dz;
                double v = rot[o + 3] * dx + rot[o + 4] * dy + rot[o + 5] * dz;
                double w = rot[o + 6] * dx + rot[o + 7] * dy + rot[o + 8] * dz;
                r = Math.sqrt(u * u + v * v + w * w);
            }
            double f;
            switch (type[k]) {
                case SPH:
                    f = r >= 1 ? 1 : r * (1.5 - 0.5 * r * r);
                    break;
                case EXP:
                    f = 1 - Math.exp(-3 * r);
                    break;
                case GAU:
                    f = 1 - Math.exp(-3 * r * r);
                    break;
                default:
                    f = r;
            }
            g += sill[k] * f;
        }
        return g;
    }
}
