package org.geoassure.geodb.hazard;

import org.geoassure.geodb.InvalidContentException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A regular 2D analysis grid on a horizon: nx × ny cells of dx × dy metres whose lower-left corner is at
 * (originX, originY), rotated by {@code rotation} degrees counter-clockwise (seen from above) about the origin, the
 * same placement as {@link org.geoassure.geodb.grid.BlockModel}. Cell (i, j) has index {@code j·nx + i} and its centre
 * at local ((i + ½)dx, (j + ½)dy); values live at cell centres.
 *
 * @param originX world x of the lower-left corner (m)
 * @param originY world y of the lower-left corner (m)
 * @param rotation rotation about z in degrees, counter-clockwise from above (the i axis points along (cos r, sin r))
 * @param dx cell size along i (m), positive
 * @param dy cell size along j (m), positive
 * @param nx cells along i, at least 1
 * @param ny cells along j, at least 1; nx·ny at most 2^31 − 16
 */
public record AnalysisGrid(double originX, double originY, double rotation, double dx, double dy, int nx, int ny) {
    public AnalysisGrid {
        if (!Double.isFinite(originX) || !Double.isFinite(originY)) {
            throw new InvalidContentException("grid.origin: must be finite, got " + originX + ", " + originY);
        }
        if (!Double.isFinite(rotation)) {
            throw new InvalidContentException("grid.rotation: must be finite, got " + rotation);
        }
        if (!(dx > 0) || !(dy > 0) || !Double.isFinite(dx * dy)) {
            throw new InvalidContentException("grid.cellSize: must be positive and finite, got " + dx + " x " + dy);
        }
        if (nx < 1 || ny < 1 || (long) nx * ny > Integer.MAX_VALUE - 16) {
            throw new InvalidContentException("grid.dimensions: need 1 <= nx, ny and nx*ny < 2^31, got " + nx + " x "
                    + ny);
        }
    }

    /** An unrotated grid of square cells. */
    public static AnalysisGrid of(double originX, double originY, double cellSize, int nx, int ny) {
        return new AnalysisGrid(originX, originY, 0, cellSize, cellSize, nx, ny);
    }

    /** Number of cells. */
    public int cells() {
        return nx * ny;
    }

    /** Area of one cell (m²). */
    public double cellArea() {
        return dx * dy;
    }

    /** World x of the centre of cell (i, j). */
    public double centreX(int i, int j) {
        double r = Math.toRadians(rotation);
        return originX + Math.cos(r) * (i + 0.5) * dx - Math.sin(r) * (j + 0.5) * dy;
    }

    /** World y of the centre of cell (i, j). */
    public double centreY(int i, int j) {
        double r = Math.toRadians(rotation);
        return originY + Math.sin(r) * (i + 0.5) * dx + Math.cos(r) * (j + 0.5) * dy;
    }

    /** World centres of all cells, by index, into {@code x} and {@code y} (each at least {@link #cells()} long). */
    public void centres(double[] x, double[] y) {
        double r = Math.toRadians(rotation);
        double c = Math.cos(r);
        double s = Math.sin(r);
        for (int j = 0; j < ny; j++) {
            double v = (j + 0.5) * dy;
            for (int i = 0; i < nx; i++) {
                double u = (i + 0.5) * dx;
                x[j * nx + i] = originX + c * u - s * v;
                y[j * nx + i] = originY + s * u + c * v;
            }
        }
    }

    /**
     * The transformation from grid index space (u, v), where cell (i, j) covers [i, i+1] × [j, j+1], to world x, y.
     */
    public AffineTransformation indexToWorld() {
        AffineTransformation t = AffineTransformation.scaleInstance(dx, dy);
        t.rotate(Math.toRadians(rotation));
        t.translate(originX, originY);
        return t;
    }

    /** The grid's outline in world coordinates. */
    public Polygon extent(GeometryFactory factory) {
        Polygon box = factory.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(nx, 0),
            new Coordinate(nx, ny), new Coordinate(0, ny), new Coordinate(0, 0)});
        return (Polygon) indexToWorld().transform(box);
    }
}
