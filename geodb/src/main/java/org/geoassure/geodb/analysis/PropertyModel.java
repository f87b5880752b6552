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
 * A grade or property block model: an estimator (ordinary kriging or IDW) run with a neighbourhood onto every cell
 * centroid ({@link Estimation#grid}), stored as a float64 attribute, and for kriging the kriging variance as a second
 * float64 attribute named {@code <attribute>_var}. Cells without an estimate (fewer samples than the neighbourhood's
 * minimum, or a singular system) are absent.
 */
public final class PropertyModel {
    private PropertyModel() {
    }

    /** Suffix of the variance attribute. */
    public static final String VARIANCE_SUFFIX = "_var";

    /**
     * Estimates the model.
     *
     * @param definition grid of the model (its attributes are replaced)
     * @param attribute name of the value attribute
     * @param estimator kriging (value and variance) or inverse distance (value only)
     * @param samples the data (e.g. interval mid-points)
     * @param hood neighbourhood
     * @param threads worker threads, ≥ 1
     */
    public static BlockData estimate(BlockModel definition, String attribute, Estimator estimator, Samples samples,
            Neighbourhood hood, int threads) {
        Objects.requireNonNull(definition, "definition");
        if (samples.size() == 0) {
            throw new InvalidContentException("samples: no samples to estimate from");
        }
        boolean variance = estimator instanceof Kriging;
        List<BlockAttribute> attrs = new ArrayList<>();
        try {
            attrs.add(BlockAttribute.of(attribute, AttributeType.FLOAT64));
            if (variance) {
                attrs.add(BlockAttribute.of(attribute + VARIANCE_SUFFIX, AttributeType.FLOAT64));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException("attribute: " + e.getMessage());
        }
        BlockModel model = definition.withAttributes(attrs);
        GridEstimate est = Estimation.grid(estimator, samples, hood, model, threads);
        double[] v = est.values();
        double[] s = est.variances();
        BlockData.Builder b = BlockData.builder(model);
        double[] cell = new double[attrs.size()];
        int nx = model.nx();
        int ny = model.ny();
        for (int c = 0; c < v.length; c++) {
            if (Double.isNaN(v[c])) {
                continue;
            }
            cell[0] = v[c];
            if (variance) {
                cell[1] = s[c];
            }
            b.put(c % nx, (c / nx) % ny, c / (nx * ny), cell);
        }
        return b.build();
    }
}
