package org.geoassure.geodb.hazard;

/** Class of one cell of a water-inrush result; {@link #code()} is the byte stored in the class grid. */
public enum InrushClass {
    /** P or M is missing (NaN) at the cell. */
    NO_VALUE(0),
    /** Effective aquiclude thickness M ≤ 0: flagged, T is not computed (no barrier left). */
    NO_AQUICLUDE(1),
    /** T ≤ the critical value that applies at the cell. */
    BELOW_CRITICAL(2),
    /** T > the critical value that applies at the cell. */
    EXCEEDS_CRITICAL(3);

    private final byte code;

    InrushClass(int code) {
        this.code = (byte) code;
    }

    /** The code in the class grid. */
    public byte code() {
        return code;
    }

    /** The class of a code. */
    public static InrushClass ofCode(byte code) {
        return values()[code];
    }
}
