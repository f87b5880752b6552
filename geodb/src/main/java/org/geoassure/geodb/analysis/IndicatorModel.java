package org.geoassure.geodb.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;

/**
 * A category block model for bodies that are not layers (an intrusion, a lens, an ore shoot): indicator estimation.
 * For each category c the samples' indicator (1 where the sample is c, 0 elsewhere) is estimated at every cell
 * centroid, with one estimator and neighbourhood for all categories (indicator kriging with one variogram, or IDW);
 * the cell takes the category of the largest estimate (ties: the first in the list). The estimates are order-relation
 * corrected into probabilities (each clipped to [0, 1], then divided by their sum) and optionally stored as float64
 * attributes {@code <attribute>_p_<category>}. Cells where no sample is in the neighbourhood (fewer than its minimum)
 * are absent.
 */
public final class IndicatorModel {
    private IndicatorModel() {
    }

    /** Prefix between the attribute name and the category of a probability attribute. */
    public static final String PROBABILITY_INFIX = "_p_";

    /**
     * Builds the model.
     *
     * @param definition grid of the model (its attributes are replaced)
     * @param attribute name of the category attribute, whose code table is {@code categories}
     * @param categories the categories, in code order
     * @param samples sample locations; {@code v} holds each sample's category code (index into categories)
     * @param estimator indicator kriging (a variogram for the indicators, e.g. sill 0.25) or IDW
     * @param hood neighbourhood
     * @param probabilities whether to store the probability of each category as well
     * @param threads worker threads, ≥ 1
     * @throws InvalidContentException for no samples, a code outside the categories, or a bad attribute name
     */
    public static BlockData build(BlockModel definition, String attribute, List<String> categories, Samples samples,
            Estimator estimator, Neighbourhood hood, boolean probabilities, int threads) {
        Objects.requireNonNull(definition, "definition");
        int nc = categories.size();
        if (samples.size() == 0) {
            throw new InvalidContentException("samples: no samples to estimate from");
        }
        double[] code = samples.v();
        for (int i = 0; i < code.length; i++) {
            if (!(code[i] >= 0 && code[i] < nc && code[i] == Math.rint(code[i]))) {
                throw new InvalidContentException("samples: sample " + i + " has category code " + code[i]
                        + ", not one of 0.." + (nc - 1) + " " + categories);
            }
        }
        List<BlockAttribute> attrs = new ArrayList<>();
        try {
            attrs.add(BlockAttribute.category(attribute, categories));
            if (probabilities) {
                for (String c : categories) {
                    attrs.add(BlockAttribute.of(attribute + PROBABILITY_INFIX + c, AttributeType.FLOAT64));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException("attribute: " + e.getMessage());
        }
        BlockModel model = definition.withAttributes(attrs);
        double[][] p = new double[nc][];
        double[] ind = new double[code.length];
        for (int c = 0; c < nc; c++) {
            for (int i = 0; i < code.length; i++) {
                ind[i] = code[i] == c ? 1 : 0;
            }
            Samples s = new Samples(samples.x(), samples.y(), samples.z(), ind);
            p[c] = Estimation.grid(estimator, s, hood, model, threads).values();
        }
        BlockData.Builder b = BlockData.builder(model);
        double[] cell = new double[attrs.size()];
        int nx = model.nx();
        int ny = model.ny();
        int cells = p[0].length;
        for (int n = 0; n < cells; n++) {
            int best = -1;
            double sum = 0;
            for (int c = 0; c < nc; c++) {
                double v = p[c][n];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (best < 0 || v > p[best][n]) {
                    best = c;
                }
                sum += Math.max(0, Math.min(1, v));
            }
            if (best < 0) {
                continue;
            }
            cell[0] = best;
            if (probabilities) {
                for (int c = 0; c < nc; c++) {
                    double v = Math.max(0, Math.min(1, p[c][n]));
                    cell[1 + c] = sum > 0 ? v / sum : 1.0 / nc;
                }
            }
            b.put(n % nx, (n / nx) % ny, n / (nx * ny), cell);
        }
        return b.build();
    }
}
