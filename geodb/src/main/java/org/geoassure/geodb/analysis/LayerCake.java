package org.geoassure.geodb.analysis;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;

/**
 * A layer-cake lithology block model from stacked surfaces: each cell centre takes the unit whose top is the lowest
 * surface at or above it (the unit between the surface above and the surface below the centre); a centre exactly on
 * a surface belongs to the unit below it. Cells above the top surface, and cells whose column is outside the surface
 * grid (any surface undefined there), are absent. Below the last surface the last unit continues to the bottom of the
 * model. Surfaces are read bilinearly between their nodes ({@link SurfaceGrid#interpolate}). Faults come in through
 * the surfaces: built with fault blocks ({@link StratigraphicSurfaces#build(List, List, SurfaceGrid, double,
 * StratigraphicSurfaces.Options, int, List)}), each carries the blocks' offsets, so the model shows them (as a ramp
 * across one node spacing of the surface grid).
 */
public final class LayerCake {
    private LayerCake() {
    }

    /**
     * Builds the model.
     *
     * @param definition grid of the model (its attributes are replaced); any rotation
     * @param stack the surfaces, top-down, not crossing ({@link StratigraphicSurfaces#build} clamps them)
     * @param attribute name of the category attribute, whose code table is the order of units
     */
    public static BlockData build(BlockModel definition, StratigraphicSurfaces.Stack stack, String attribute) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(stack, "stack");
        BlockAttribute attr;
        try {
            attr = BlockAttribute.category(attribute, stack.order());
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException("attribute: " + e.getMessage());
        }
        BlockModel model = definition.withAttributes(List.of(attr));
        SurfaceGrid g = stack.grid();
        int ns = stack.surfaces().size();
        double[][] z = new double[ns][];
        for (int s = 0; s < ns; s++) {
            z[s] = stack.surfaces().get(s).z();
        }
        double[] tops = new double[ns];
        double[] c = new double[3];
        double[] value = new double[1];
        BlockData.Builder b = BlockData.builder(model);
        for (int j = 0; j < model.ny(); j++) {
            for (int i = 0; i < model.nx(); i++) {
                model.centroid(i, j, 0, c);
                boolean defined = true;
                for (int s = 0; s < ns && defined; s++) {
                    tops[s] = g.interpolate(z[s], c[0], c[1]);
                    defined = !Double.isNaN(tops[s]);
                }
                if (!defined) {
                    continue;
                }
                int unit = 0;
                for (int k = 0; k < model.nz(); k++) {
                    double zc = model.originZ() + (k + 0.5) * model.dz();
                    if (zc > tops[0]) {
                        continue;
                    }
                    // the lowest surface at or above zc; surfaces descend, so walk down from the unit of the cell below
                    unit = 0;
                    while (unit + 1 < ns && tops[unit + 1] >= zc) {
                        unit++;
                    }
                    value[0] = unit;
                    b.put(i, j, k, value);
                }
            }
        }
        return b.build();
    }
}
