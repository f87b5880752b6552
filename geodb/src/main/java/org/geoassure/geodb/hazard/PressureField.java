package org.geoassure.geodb.hazard;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * The water pressure P (MPa) of the confined aquifer over the analysis grid: piezometer points with an
 * {@link Interpolation}, or a grid given directly (e.g. from a groundwater model).
 *
 * @param points piezometers (empty when a grid is given)
 * @param method interpolation of the points (null when a grid is given)
 * @param grid pressure per cell in MPa (null when points are given)
 * @param gridRef identity of the grid (null when points are given)
 */
public record PressureField(List<PressurePoint> points, Interpolation method, GridValues grid, InputRef gridRef) {
    public PressureField {
        points = List.copyOf(points);
        if (grid == null) {
            Objects.requireNonNull(method, "method");
            if (points.isEmpty()) {
                throw new InvalidContentException("pressure.points: no piezometer given");
            }
        } else if (!points.isEmpty()) {
            throw new InvalidContentException("pressure: give points or a grid, not both");
        } else {
            gridRef = gridRef == null ? InputRef.of("pressure_grid", "") : gridRef;
        }
    }

    /** Piezometer points interpolated by {@code method}. */
    public static PressureField ofPoints(List<PressurePoint> points, Interpolation method) {
        return new PressureField(points, method, null, null);
    }

    /** A pressure grid (MPa) given directly. */
    public static PressureField ofGrid(GridValues pressureMPa, InputRef ref) {
        return new PressureField(List.of(), null, Objects.requireNonNull(pressureMPa, "grid"), ref);
    }
}
