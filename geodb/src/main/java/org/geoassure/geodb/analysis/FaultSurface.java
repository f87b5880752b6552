package org.geoassure.geodb.analysis;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * A fault as a surface for modelling: its trace (a polyline at one elevation) swept down and up at a constant dip.
 * By the right-hand rule the fault dips to the right of the trace as digitised (looking along it); that side is the
 * hanging wall. At elevation z each segment of the trace is moved horizontally by (z₀ − z) / tan(dip) towards its
 * dip side. The fault cuts the whole model: beyond its ends the trace continues straight along its end segments.
 *
 * @param id fault id
 * @param x trace eastings, at least two vertices
 * @param y trace northings
 * @param z elevation of the trace
 * @param dipDeg dip in degrees, in (0, 90]
 */
public record FaultSurface(String id, double[] x, double[] y, double z, double dipDeg) {

    public FaultSurface {
        Objects.requireNonNull(id, "id");
        if (x.length != y.length || x.length < 2) {
            throw new InvalidContentException("fault '" + id + "': the trace needs at least two vertices");
        }
        if (!(dipDeg > 0 && dipDeg <= 90)) {
            throw new InvalidContentException("fault '" + id + "': dip " + dipDeg + " must be in (0, 90] degrees");
        }
        if (!Double.isFinite(z)) {
            throw new InvalidContentException("fault '" + id + "': the trace has no elevation");
        }
        x = x.clone();
        y = y.clone();
        for (int i = 0; i + 1 < x.length; i++) {
            if (x[i] == x[i + 1] && y[i] == y[i + 1]) {
                throw new InvalidContentException("fault '" + id + "': trace vertices " + i + " and " + (i + 1)
                        + " coincide");
            }
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /**
     * A fault from a line feature: its line (a LineString with Z; the trace elevation is the mean Z of its vertices)
     * and its attribute {@code dip_deg}.
     *
     * @throws InvalidContentException naming the feature when it is not a single line with Z or has no usable dip
     */
    public static FaultSurface fromFeature(Feature f) {
        if (!(f.geometry() instanceof LineString line)) {
            throw new InvalidContentException("fault '" + f.id() + "': a " + (f.geometry() == null ? f.kind()
                    : f.geometry().getGeometryType()) + ", not a single line (the fault trace)");
        }
        Object dip = f.attributes().get("dip_deg");
        if (!(dip instanceof Number d)) {
            throw new InvalidContentException("fault '" + f.id() + "': no numeric attribute dip_deg (attributes: "
                    + f.attributes().keySet() + ")");
        }
        Coordinate[] c = line.getCoordinates();
        double[] x = new double[c.length];
        double[] y = new double[c.length];
        double z = 0;
        for (int i = 0; i < c.length; i++) {
            x[i] = c[i].getX();
            y[i] = c[i].getY();
            if (!Double.isFinite(c[i].getZ())) {
                throw new InvalidContentException("fault '" + f.id() + "': trace vertex " + i
                        + " has no elevation (Z)");
            }
            z += c[i].getZ();
        }
        return new FaultSurface(f.id(), x, y, z / c.length, d.doubleValue());
    }

    /**
     * Signed horizontal distance from (px, py) to the fault at elevation pz: positive on the hanging wall (the dip
     * side), negative on the footwall, measured to the nearest segment of the trace moved to that elevation (the end
     * segments extended).
     */
    public double side(double px, double py, double pz) {
        double shift = dipDeg == 90 ? 0 : (z - pz) / Math.tan(Math.toRadians(dipDeg));
        double best = Double.POSITIVE_INFINITY;
        double sign = 0;
        int last = x.length - 2;
        for (int i = 0; i <= last; i++) {
            double ax = x[i];
            double ay = y[i];
            double ex = x[i + 1] - ax;
            double ey = y[i + 1] - ay;
            double len = Math.hypot(ex, ey);
            double nx = ey / len; // right of the direction of the trace
            double ny = -ex / len;
            double wx = px - ax - shift * nx;
            double wy = py - ay - shift * ny;
            double across = wx * nx + wy * ny;
            double along = (wx * ex + wy * ey) / len;
            double beyond = along < 0 && i > 0 ? -along : along > len && i < last ? along - len : 0;
            double d = Math.hypot(across, beyond);
            if (d < best) {
                best = d;
                sign = across;
            }
        }
        return sign;
    }
}
