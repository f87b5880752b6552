package org.geoassure.geodb.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.geoassure.geodb.InvalidContentException;

/**
 * Weighted least-squares fit of a variogram model to an experimental variogram: minimises
 * Σⱼ wⱼ (γ_model(hⱼ) − γⱼ)² over the classes with pairs, with gstat's default weights (fit.method = 7)
 * wⱼ = Nⱼ / hⱼ² (pair count over squared mean distance). The model is evaluated at distance hⱼ along the
 * experimental variogram's direction (north for an omnidirectional one, so fit isotropic models to those).
 * Free parameters: the nugget (optional), every structure's sill, and (optional) every structure's ranges, scaled
 * together so the anisotropy ratios and angles stay as given. Solved by Levenberg–Marquardt (Commons Math) from the
 * initial model, with finite-difference derivatives; parameters enter through their absolute values, so sills and
 * ranges stay non-negative.
 */
public final class VariogramFit {
    private VariogramFit() {
    }

    /**
     * Fits the model.
     *
     * @param ev experimental variogram (at least as many non-empty classes as free parameters)
     * @param initial starting model; its structure types, angles and range ratios are kept
     * @param fitNugget whether the nugget is free (otherwise kept at its initial value)
     * @param fitRanges whether ranges are free (otherwise only the sills are fitted)
     * @return the fitted model
     * @throws InvalidContentException when there are too few classes with pairs
     */
    public static VariogramModel fit(ExperimentalVariogram ev, VariogramModel initial, boolean fitNugget,
            boolean fitRanges) {
        Objects.requireNonNull(ev, "ev");
        Objects.requireNonNull(initial, "initial");
        long[] np = ev.pairs();
        double[] h = ev.distance();
        double[] g = ev.gamma();
        List<Integer> use = new ArrayList<>();
        for (int j = 0; j < np.length; j++) {
            if (np[j] > 0 && h[j] > 0) {
                use.add(j);
            }
        }
        int ns = initial.structures().size();
        int params = (fitNugget ? 1 : 0) + ns + (fitRanges ? ns : 0);
        if (use.size() < params) {
            throw new InvalidContentException("variogram: " + use.size() + " classes with pairs for " + params
                    + " free parameters");
        }
        int m = use.size();
        double[] hd = new double[m];
        double[] target = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            int j = use.get(i);
            hd[i] = h[j];
            target[i] = g[j];
            w[i] = np[j] / (h[j] * h[j]);
        }
        double[] u = ev.direction().unitVector();
        double[] start = new double[params];
        int p = 0;
        if (fitNugget) {
            start[p++] = initial.nugget();
        }
        for (VariogramStructure s : initial.structures()) {
            start[p++] = s.sill();
        }
        if (fitRanges) {
            for (int k = 0; k < ns; k++) {
                start[p++] = 1; // range scale factor
            }
        }
        MultivariateJacobianFunction f = point -> {
            double[] x = point.toArray();
            double[] val = values(x, initial, fitNugget, fitRanges, hd, u);
            double[][] jac = new double[m][x.length];
            for (int a = 0; a < x.length; a++) {
                double step = 1e-7 * Math.max(Math.abs(x[a]), 1e-3);
                double[] xs = x.clone();
                xs[a] += step;
                double[] v2 = values(xs, initial, fitNugget, fitRanges, hd, u);
                for (int i = 0; i < m; i++) {
                    jac[i][a] = (v2[i] - val[i]) / step;
                }
            }
            return new Pair<>(new ArrayRealVector(val, false), new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-14).withParameterRelativeTolerance(1e-14)
                .optimize(new LeastSquaresBuilder().model(f).target(target).start(start)
                        .weight(new DiagonalMatrix(w)).maxEvaluations(100000).maxIterations(100000).build());
        RealVector best = opt.getPoint();
        return model(best.toArray(), initial, fitNugget, fitRanges);
    }

    private static double[] values(double[] x, VariogramModel initial, boolean fitNugget, boolean fitRanges,
            double[] h, double[] u) {
        VariogramModel mdl = model(x, initial, fitNugget, fitRanges);
        double[] out = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            out[i] = mdl.gamma(h[i] * u[0], h[i] * u[1], h[i] * u[2]);
        }
        return out;
    }

    private static VariogramModel model(double[] x, VariogramModel initial, boolean fitNugget, boolean fitRanges) {
        int p = 0;
        double nugget = fitNugget ? Math.abs(x[p++]) : initial.nugget();
        int ns = initial.structures().size();
        double[] sills = new double[ns];
        for (int k = 0; k < ns; k++) {
            sills[k] = Math.abs(x[p++]);
        }
        List<VariogramStructure> out = new ArrayList<>();
        for (int k = 0; k < ns; k++) {
            VariogramStructure s = initial.structures().get(k);
            Ellipsoid e = s.ellipsoid();
            if (fitRanges) {
                double f = Math.max(Math.abs(x[p++]), 1e-9);
                e = new Ellipsoid(e.azimuth(), e.dip(), e.rake(), e.major() * f, e.semi() * f, e.minor() * f);
            }
            out.add(new VariogramStructure(s.type(), sills[k], e));
        }
        if (nugget == 0 && out.stream().allMatch(s -> s.sill() == 0)) {
            nugget = Double.MIN_VALUE;
        }
        return new VariogramModel(nugget, out);
    }
}
