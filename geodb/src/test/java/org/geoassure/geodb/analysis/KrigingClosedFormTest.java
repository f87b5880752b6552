package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;

/**
 * Kriging systems small enough to solve by hand (the closed forms are the independent references; see e.g.
 * Chilès &amp; Delfiner, <i>Geostatistics</i>, 2nd ed., ch. 3).
 */
class KrigingClosedFormTest {
    private static final VariogramModel SPH = VariogramModel.of(0.5, StructureType.SPHERICAL, 2.0, 100);
    private static final Samples ONE = new Samples(new double[] {10}, new double[] {20}, new double[] {5},
            new double[] {7});

    @Test
    void simpleKrigingWithOneSample() {
        // λ = C(h)/C(0); estimate m + λ(v − m); variance C(0)(1 − ρ²) with ρ = C(h)/C(0)
        double h = 30;
        double c0 = 2.5;
        double ch = 2.0 * (1 - (1.5 * 0.3 - 0.5 * 0.027));
        PointEstimate p = Estimation.global(Kriging.simple(SPH, 3), ONE, 10, 20 + h, 5);
        assertEquals(3 + ch / c0 * 4, p.value(), 1e-12);
        assertEquals(c0 - ch * ch / c0, p.variance(), 1e-12);
    }

    @Test
    void ordinaryKrigingWithOneSampleIsTheSampleWithVarianceTwiceGamma() {
        PointEstimate p = Estimation.global(Kriging.ordinary(SPH), ONE, 10 + 30, 20, 5);
        assertEquals(7, p.value(), 1e-12);
        assertEquals(2 * SPH.gamma(30, 0, 0), p.variance(), 1e-12);
    }

    @Test
    void ordinaryKrigingOfTwoSymmetricSamplesGivesEqualWeights() {
        Samples two = Samples.of2d(new double[] {0, 20}, new double[] {0, 0}, new double[] {1, 5});
        PointEstimate p = Estimation.global(Kriging.ordinary(SPH), two, 10, 7, 0);
        assertEquals(3, p.value(), 1e-12);
        // OK variance in variogram form: σ² = 2 Σ λᵢ γ(xᵢ, x₀) − Σᵢ Σⱼ λᵢ λⱼ γ(xᵢ, xⱼ); with λ = ½, ½:
        // σ² = 2 γ(d₀) − ½ γ(20)
        double d0 = Math.hypot(10, 7);
        assertEquals(2 * SPH.gamma(d0, 0, 0) - 0.5 * SPH.gamma(20, 0, 0), p.variance(), 1e-12);
    }

    @Test
    void blockOfOnePointEqualsPointKriging() {
        Samples s = GeostatsData.pykrige2d();
        VariogramModel m = VariogramModel.of(20, StructureType.EXPONENTIAL, 500, 3000);
        Kriging point = Kriging.ordinary(m);
        Kriging block = point.withBlock(new BlockDiscretisation(0, 0, 0, 0, 1, 1, 1,
                BlockDiscretisation.Rule.REGULAR));
        PointEstimate a = Estimation.global(point, s, 1069000, 242500, 0);
        PointEstimate b = Estimation.global(block, s, 1069000, 242500, 0);
        assertEquals(a.value(), b.value(), 1e-9);
        // the block variance drops the nugget from C̄(V,V): point variance − nugget
        assertEquals(a.variance() - 20, b.variance(), 1e-9);
    }

    @Test
    void universalKrigingReproducesAnExactLinearTrend() {
        // with v = 2 + 3x − y and a linear drift, UK is exact for any model (unbiasedness for the drift)
        Samples s = GeostatsData.pykrige2d();
        double[] x = s.x();
        double[] y = s.y();
        double[] v = new double[x.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 + 3 * (x[i] - 1.07e6) - (y[i] - 2.42e5);
        }
        Samples trend = Samples.of2d(x, y, v);
        Kriging uk = Kriging.universal(VariogramModel.of(0, StructureType.GAUSSIAN, 10, 2000), true, true, false);
        PointEstimate p = Estimation.global(uk, trend, 1071000, 243000, 0);
        assertEquals(2 + 3 * 1000 - 1000, p.value(), 1e-6);
    }

    @Test
    void simpleKrigingNeedsABoundedModelAndAMean() {
        VariogramModel lin = VariogramModel.of(0, StructureType.LINEAR, 1, 1);
        assertTrue(assertThrows(InvalidContentException.class, () -> Kriging.simple(lin, 0)).getMessage()
                .startsWith("model"));
        assertTrue(assertThrows(InvalidContentException.class, () -> Kriging.simple(SPH, Double.NaN)).getMessage()
                .startsWith("mean"));
        assertTrue(assertThrows(InvalidContentException.class, () -> new Kriging(Kriging.Kind.ORDINARY, SPH,
                Double.NaN, true, false, false, Optional.empty())).getMessage().startsWith("drift"));
    }

    @Test
    void coincidentSamplesMakeASingularSystemAndGiveNaN() {
        Samples dup = Samples.of2d(new double[] {0, 0}, new double[] {0, 0}, new double[] {1, 2});
        PointEstimate p = Estimation.global(Kriging.ordinary(VariogramModel.of(0, StructureType.SPHERICAL, 1, 10)),
                dup, 5, 5, 0);
        assertTrue(Double.isNaN(p.value()));
    }
}
