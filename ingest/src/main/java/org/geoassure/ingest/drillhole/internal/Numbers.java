package org.geoassure.ingest.drillhole.internal;

/** Fast, strict parsing of decimal numbers and null tokens, and number formatting for messages. */
public final class Numbers {
    /** Exact powers of ten as doubles (10^0 .. 10^22 are exactly representable). */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Numbers() {
    }

    /** Whether a trimmed value is a null token: empty, NA, N/A or NULL (case ignored). */
    public static boolean isNull(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (n < 2 || n > 4) {
            return false;
        }
        char c = s.charAt(0);
        if (c != 'N' && c != 'n') {
            return false;
        }
        return s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("N/A") || s.equalsIgnoreCase("NULL");
    }

    /**
     * Parses a decimal number: optional sign, digits with an optional decimal point, optional exponent. Returns
     * NaN when the text is not such a number or is not finite; never throws. "NaN", "Infinity", hexadecimal and
     * Java type suffixes are not numbers here. The result is the correctly rounded double, as from
     * {@link Double#parseDouble}; short decimals take an exact fast path (mantissa below 10^15 divided by an
     * exact power of ten).
     */
    public static double parse(String s) {
        int n = s.length();
        if (n == 0) {
            return Double.NaN;
        }
        int i = 0;
        boolean neg = false;
        char c = s.charAt(0);
        if (c == '-' || c == '+') {
            neg = c == '-';
            i = 1;
        }
        long mant = 0;
        int sig = 0;
        int frac = 0;
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (dot) {
                    frac++;
                }
                if (sig > 0 || c != '0') {
                    sig++;
                    if (sig <= 18) {
                        mant = mant * 10 + (c - '0');
                    }
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n) {
            return c == 'e' || c == 'E' ? slow(s, i + 1) : Double.NaN;
        }
        if (sig <= 15 && frac <= 22) {
            double v = frac == 0 ? (double) mant : (double) mant / POW10[frac];
            return neg ? -v : v;
        }
        return slow(s, n);
    }

    /** Validates an exponent starting at {@code i} (after 'e'), then parses with the JDK. */
    private static double slow(String s, int i) {
        int n = s.length();
        if (i < n) {
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                i++;
            }
            int expDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0 || i != n) {
                return Double.NaN;
            }
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A number for a message: integers without a fraction, others in the shortest form that reads back. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
