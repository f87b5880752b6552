package org.geoassure.ingest.modem;

import java.util.Objects;

/**
 * How a ModEM model becomes a regular block model ({@link ModemReader}).
 *
 * @param modelName the block model's name
 * @param attribute the attribute holding resistivity in Ω·m (default {@code resistivity})
 * @param cell the regular cell size east, north, down in metres, or null for the core cell widths and the thinnest
 *     layer
 * @param depth how deep below the model's top to resample, in metres, or NaN for the core's smaller horizontal
 *     extent (about the station array's aperture)
 * @param originEast workspace easting of the ModEM coordinate origin (the survey centre the mesh is relative to)
 * @param originNorth workspace northing of that origin
 * @param originElevation workspace elevation of that origin (ModEM z is down from it)
 */
public record ModemOptions(String modelName, String attribute, double[] cell, double depth, double originEast,
        double originNorth, double originElevation) {
    public ModemOptions {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(attribute, "attribute");
        if (cell != null) {
            cell = cell.clone();
            if (cell.length != 3 || !(cell[0] > 0 && cell[1] > 0 && cell[2] > 0)
                    || !Double.isFinite(cell[0] * cell[1] * cell[2])) {
                throw new IllegalArgumentException("the cell size needs three lengths > 0 (east, north, down)");
            }
        }
        if (!Double.isNaN(depth) && !(depth > 0 && Double.isFinite(depth))) {
            throw new IllegalArgumentException("the depth must be > 0 m, got " + depth);
        }
        if (!Double.isFinite(originEast) || !Double.isFinite(originNorth) || !Double.isFinite(originElevation)) {
            throw new IllegalArgumentException("the origin must be finite");
        }
    }

    /** Defaults: core cells, core depth, origin (0, 0, 0) (the model stays in its local coordinates). */
    public static ModemOptions defaults(String modelName) {
        return new ModemOptions(modelName, "resistivity", null, Double.NaN, 0, 0, 0);
    }

    /** These options with a regular cell size (east, north, down). */
    public ModemOptions withCell(double east, double north, double down) {
        return new ModemOptions(modelName, attribute, new double[] {east, north, down}, depth, originEast,
                originNorth, originElevation);
    }

    /** These options with a resampling depth. */
    public ModemOptions withDepth(double metres) {
        return new ModemOptions(modelName, attribute, cell, metres, originEast, originNorth, originElevation);
    }

    /** These options with the workspace position of the ModEM origin. */
    public ModemOptions withOrigin(double east, double north, double elevation) {
        return new ModemOptions(modelName, attribute, cell, depth, east, north, elevation);
    }

    /** These options with another attribute name. */
    public ModemOptions withAttribute(String name) {
        return new ModemOptions(modelName, name, cell, depth, originEast, originNorth, originElevation);
    }

    @Override
    public double[] cell() {
        return cell == null ? null : cell.clone();
    }
}
