package org.geoassure.ingest.las;

import java.util.Arrays;
import java.util.Objects;

/**
 * One column of a {@link LasTable}: its definition line and its values, either numbers (a packed {@code double}
 * array, nulls as NaN) or text (a LAS 3 {@code {S}} channel, or a column holding values that are not numbers).
 * Immutable: the arrays are never handed out, read them with {@link #value}, {@link #text} or the bulk
 * {@link #copyTo}.
 */
public final class Curve {
    private final HeaderItem definition;
    private final double[] numbers;
    private final String[] strings;
    private final int size;

    /** Internal: built by the reader, which gives up its arrays (only the first {@code size} entries count). */
    Curve(HeaderItem definition, double[] numbers, String[] strings, int size) {
        this.definition = Objects.requireNonNull(definition);
        if ((numbers == null) == (strings == null)) {
            throw new IllegalArgumentException("a curve is either numeric or text");
        }
        this.numbers = numbers;
        this.strings = strings;
        this.size = size;
    }

    /** The definition line ({@code ~C} or LAS 3 {@code _Definition}); {@code UNKNOWN:n} when there was none. */
    public HeaderItem definition() {
        return definition;
    }

    /** Mnemonic, unique in its table (see {@link HeaderItem#mnemonic()}). */
    public String mnemonic() {
        return definition.mnemonic();
    }

    public String unit() {
        return definition.unit();
    }

    /** Whether the values are text ({@link #text}) rather than numbers ({@link #value}). */
    public boolean isText() {
        return strings != null;
    }

    /** Number of values (the table's row count). */
    public int size() {
        return size;
    }

    /** Value {@code i} of a numeric curve; NaN for a null. */
    public double value(int i) {
        Objects.checkIndex(i, size);
        if (numbers == null) {
            throw new IllegalStateException(mnemonic() + " is a text curve");
        }
        return numbers[i];
    }

    /** Value {@code i} of a text curve, as written (quotes removed; trailing blanks of fixed-width text kept). */
    public String text(int i) {
        Objects.checkIndex(i, size);
        if (strings == null) {
            throw new IllegalStateException(mnemonic() + " is a numeric curve");
        }
        return strings[i];
    }

    /** Copies {@code n} values of a numeric curve from {@code srcOff} into {@code dst} at {@code dstOff}. */
    public void copyTo(int srcOff, double[] dst, int dstOff, int n) {
        Objects.checkFromIndexSize(srcOff, n, size);
        if (numbers == null) {
            throw new IllegalStateException(mnemonic() + " is a text curve");
        }
        System.arraycopy(numbers, srcOff, dst, dstOff, n);
    }

    /** A copy of all values of a numeric curve. */
    public double[] toArray() {
        double[] a = new double[size];
        copyTo(0, a, 0, size);
        return a;
    }

    /** A copy of all values of a text curve. */
    public String[] toTextArray() {
        if (strings == null) {
            throw new IllegalStateException(mnemonic() + " is a numeric curve");
        }
        return Arrays.copyOf(strings, size);
    }

    @Override
    public String toString() {
        return mnemonic() + (unit().isEmpty() ? "" : " [" + unit() + "]") + ", " + size + (isText() ? " text" : "")
                + " values";
    }
}
