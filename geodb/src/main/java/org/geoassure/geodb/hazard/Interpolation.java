package org.geoassure.geodb.hazard;

/** How point values (piezometer pressures, borehole thickness picks) are spread onto an {@link AnalysisGrid}. */
public enum Interpolation {
    /**
     * Planar least-squares trend v = a + b·x + c·y over all points (at least 3, not collinear). Exact for a linear
     * field; a smooth regional estimate otherwise (it does not honour the points). Extrapolates beyond the points.
     */
    PLANAR_TREND,
    /**
     * Inverse distance weighting over all points, weights 1/d^p (p = 2 by default): honours every point exactly,
     * bounded by the smallest and largest point values, tends to the points' mean far from them.
     */
    IDW
}
