package org.geoassure.geodb.hazard;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * The aquiclude thickness M (m) over the analysis grid, before the disturbed-floor depth is taken off: the difference
 * of two elevation grids (top and bottom of the aquiclude, i.e. the seam floor and the aquifer top), or thickness
 * picks in boreholes with an {@link Interpolation}.
 *
 * @param top elevation of the aquiclude top per cell (m), null when points are given
 * @param bottom elevation of the aquiclude bottom per cell (m), null when points are given
 * @param topRef identity of the top surface
 * @param bottomRef identity of the bottom surface
 * @param points thickness picks (m), empty when grids are given
 * @param method interpolation of the picks, null when grids are given
 */
public record ThicknessField(GridValues top, GridValues bottom, InputRef topRef, InputRef bottomRef,
        List<ValuePoint> points, Interpolation method) {
    public ThicknessField {
        points = List.copyOf(points);
        if (top == null && bottom == null) {
            Objects.requireNonNull(method, "method");
            if (points.isEmpty()) {
                throw new InvalidContentException("thickness.points: no thickness pick given");
            }
        } else {
            if (top == null || bottom == null) {
                throw new InvalidContentException("thickness: give both the top and the bottom grid");
            }
            if (!points.isEmpty()) {
                throw new InvalidContentException("thickness: give grids or points, not both");
            }
            if (!top.grid().equals(bottom.grid())) {
                throw new InvalidContentException("thickness.bottom: not on the same grid as thickness.top");
            }
            topRef = topRef == null ? InputRef.of("aquiclude_top", "") : topRef;
            bottomRef = bottomRef == null ? InputRef.of("aquiclude_bottom", "") : bottomRef;
        }
    }

    /** Thickness = top − bottom per cell. */
    public static ThicknessField ofSurfaces(GridValues top, InputRef topRef, GridValues bottom, InputRef bottomRef) {
        return new ThicknessField(Objects.requireNonNull(top, "top"), Objects.requireNonNull(bottom, "bottom"),
                topRef, bottomRef, List.of(), null);
    }

    /** Thickness picks (m) interpolated by {@code method}. */
    public static ThicknessField ofPoints(List<ValuePoint> picks, Interpolation method) {
        return new ThicknessField(null, null, null, null, picks, method);
    }
}
