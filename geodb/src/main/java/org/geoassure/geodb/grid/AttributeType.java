package org.geoassure.geodb.grid;

/**
 * Storage type of a block model attribute. Nulls are NaN for the float types and {@link #INT_NULL} for the integer
 * types; {@link #CATEGORY} stores int32 codes into the attribute's code table.
 */
public enum AttributeType {
    /** IEEE 754 binary32; null is NaN. */
    FLOAT32(4),
    /** IEEE 754 binary64; null is NaN. */
    FLOAT64(8),
    /** Two's-complement int32; null is {@link #INT_NULL}. */
    INT32(4),
    /** An int32 code (0-based index into the code table); null is {@link #INT_NULL}. */
    CATEGORY(4);

    /** The null sentinel of the integer types ({@code Integer.MIN_VALUE}, never a valid value). */
    public static final int INT_NULL = Integer.MIN_VALUE;

    private final int bytes;

    AttributeType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per value in a brick blob. */
    public int bytes() {
        return bytes;
    }

    /**
     * A stored value as output shows it: a float32 as the shortest decimal that reads back to the same float (0.1f as
     * 0.1, not 0.10000000149011612), so that a printed value typed back as an operand selects the cell; other types
     * as they are. Exports and SQL both use it, so they show the same numbers.
     */
    public double decimal(double v) {
        return this == FLOAT32 && !Double.isNaN(v) ? Double.parseDouble(Float.toString((float) v)) : v;
    }

    /** Whether values are held as int32. */
    public boolean isInteger() {
        return this == INT32 || this == CATEGORY;
    }

    /** Parses {@code float32}, {@code float64}, {@code int32} or {@code category} (any case). */
    public static AttributeType parse(String text) {
        for (AttributeType t : values()) {
            if (t.name().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an attribute type (float32, float64, int32, category)");
    }
}
