package org.geoassure.ingest.las.internal;

/** Decimal numbers from a char range, without allocation on the common path. */
public final class LasNumbers {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long EXACT = 1L << 53;

    private LasNumbers() {
    }

    /**
     * Parses {@code b[s, e)} as an optional sign, digits with one optional decimal mark ({@code .}, or {@code ,}
     * when {@code comma} is true) and an optional exponent. Returns NaN when the text is not such a number or the
     * number is not finite; never throws. The result is correctly rounded: a mantissa below 2^53 with at most 22
     * fraction digits is divided once by an exact power of ten, anything else goes to {@link Double#parseDouble}.
     */
    public static double parse(char[] b, int s, int e, boolean comma) {
        if (s >= e) {
            return Double.NaN;
        }
        int i = s;
        boolean neg = false;
        char c = b[i];
        if (c == '-' || c == '+') {
            neg = c == '-';
            i++;
        }
        long mant = 0;
        int frac = 0;
        int digits = 0;
        boolean dot = false;
        boolean big = false;
        for (; i < e; i++) {
            c = b[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (dot) {
                    frac++;
                }
                if (mant < EXACT) {
                    mant = mant * 10 + (c - '0');
                } else {
                    big = true;
                }
            } else if (!dot && (c == '.' || (comma && c == ','))) {
                dot = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < e) {
            return c == 'e' || c == 'E' ? slow(b, s, e, i + 1) : Double.NaN;
        }
        if (!big && mant < EXACT && frac <= 22) {
            double v = frac == 0 ? (double) mant : (double) mant / POW10[frac];
            return neg ? -v : v;
        }
        return slow(b, s, e, e);
    }

    /** Checks the exponent starting at {@code x} (none when {@code x == e}), then parses exactly with the JDK. */
    private static double slow(char[] b, int s, int e, int x) {
        boolean exp = x > s && (b[x - 1] == 'e' || b[x - 1] == 'E');
        if (exp) {
            int i = x;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            if (i >= e) {
                return Double.NaN;
            }
            for (; i < e; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    return Double.NaN;
                }
            }
        }
        if (e - s > 400) {
            return Double.NaN;
        }
        String t = new String(b, s, e - s).replace(',', '.');
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }
}
