package org.geoassure.geodb.hazard;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * Water pressure of the confined aquifer at one place in plan, from a piezometer: either the pressure itself (MPa, the
 * field's unit for the water-inrush coefficient) or a hydraulic head h (m) with the elevation z (m) the pressure acts
 * at (the aquiclude floor, i.e. the aquifer top), converted as P = ρg·(h − z) / 10⁶ MPa.
 *
 * @param id piezometer id
 * @param x world x (m)
 * @param y world y (m)
 * @param pressure water pressure (MPa); negative when the head is below the aquifer top (not confined there)
 * @param head hydraulic head (m), NaN when the pressure was given directly
 * @param elevation elevation the pressure acts at (m), NaN when the pressure was given directly
 * @param rhoG ρg used for the conversion (Pa/m), NaN when the pressure was given directly
 * @param version version (record time) of the reading used, empty when unknown
 * @param asOf time of the reading used, ISO-8601 UTC, empty when unknown
 */
public record PressurePoint(String id, double x, double y, double pressure, double head, double elevation,
        double rhoG, String version, String asOf) {
    /** Standard ρg = 1000 kg/m³ × 9.80665 m/s² (Pa per metre of water). */
    public static final double STANDARD_RHO_G = 1000 * 9.80665;

    public PressurePoint {
        Objects.requireNonNull(id, "id");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new InvalidContentException("piezometer " + id + ": x, y must be finite");
        }
        if (!Double.isFinite(pressure)) {
            throw new InvalidContentException("piezometer " + id + ": pressure must be finite, got " + pressure);
        }
        version = version == null ? "" : version;
        asOf = asOf == null ? "" : asOf;
    }

    /** A pressure given in MPa. */
    public static PressurePoint ofPressure(String id, double x, double y, double pressureMPa) {
        return new PressurePoint(id, x, y, pressureMPa, Double.NaN, Double.NaN, Double.NaN, "", "");
    }

    /** A head (m) over the elevation the pressure acts at (m), with the standard ρg. */
    public static PressurePoint ofHead(String id, double x, double y, double head, double elevation) {
        return ofHead(id, x, y, head, elevation, STANDARD_RHO_G);
    }

    /** A head (m) over the elevation the pressure acts at (m), with a given ρg (Pa/m). */
    public static PressurePoint ofHead(String id, double x, double y, double head, double elevation, double rhoG) {
        if (!Double.isFinite(head) || !Double.isFinite(elevation)) {
            throw new InvalidContentException("piezometer " + id + ": head and elevation must be finite, got " + head
                    + ", " + elevation);
        }
        if (!(rhoG > 0) || !Double.isFinite(rhoG)) {
            throw new InvalidContentException("piezometer " + id + ": rhoG must be positive, got " + rhoG);
        }
        return new PressurePoint(id, x, y, rhoG * (head - elevation) / 1e6, head, elevation, rhoG, "", "");
    }

    /** This point with the version and as-of time of the reading. */
    public PressurePoint withProvenance(String readingVersion, String readingAsOf) {
        return new PressurePoint(id, x, y, pressure, head, elevation, rhoG, readingVersion, readingAsOf);
    }

    /** Whether the pressure was converted from a head. */
    public boolean fromHead() {
        return !Double.isNaN(head);
    }
}
