package org.geoassure.geodb.analysis;

import org.geoassure.geodb.InvalidContentException;

/**
 * A survey cannot be desurveyed: a station breaks a rule (depth order, angle range, non-finite value)
 * or two consecutive stations point in opposite directions. The message names the station, e.g.
 * {@code station 3 (depth 120.0): anti-parallel to station 2 (dogleg 180.0°)}.
 */
public final class DesurveyException extends InvalidContentException {
    private static final long serialVersionUID = 1L;

    private final int stationIndex;

    /**
     * A problem with one station.
     *
     * @param stationIndex 0-based index of the station in the arrays given to {@link Desurvey#compute}
     * @param depth the station's depth as given
     * @param reason one-line reason, without the location
     */
    public DesurveyException(int stationIndex, double depth, String reason) {
        super("station " + stationIndex + " (depth " + depth + "): " + reason);
        this.stationIndex = stationIndex;
    }

    /**
     * A problem that is not about one station (no stations, bad collar); {@link #stationIndex()} is -1.
     *
     * @param message one-line message
     */
    public DesurveyException(String message) {
        super(message);
        this.stationIndex = -1;
    }

    /** 0-based index of the offending station in the input arrays, or -1 when no single station is at fault. */
    public int stationIndex() {
        return stationIndex;
    }
}
