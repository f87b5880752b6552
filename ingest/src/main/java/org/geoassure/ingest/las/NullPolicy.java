package org.geoassure.ingest.las;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which data values are nulls (read as NaN). Numbers are compared exactly after parsing ({@code -999.2500} is
 * {@code -999.25}); text tokens ignoring case. The first curve of a table (the index) is never nulled by number.
 * Named after lasio's policies, with these sets:
 * <ul>
 *   <li>{@link #none()}: nothing is null;</li>
 *   <li>{@link #strict()} (the default): the file's {@code NULL} item;</li>
 *   <li>{@link #common()}: strict, plus -999.25, 999.25, -9999.25, 9999.25 and the tokens {@code (null)}, {@code -},
 *       {@code NA}, {@code NaN}, {@code INF}, {@code -INF}, {@code IO}, {@code IND};</li>
 *   <li>{@link #aggressive()}: common, plus -999, 999, -9999, 9999, 32767, -32767, 2147483647, -2147483647;</li>
 *   <li>{@link #all()}: aggressive, plus any text in a curve that is otherwise numeric.</li>
 * </ul>
 * {@link #withValues} and {@link #withTokens} add custom sentinels to any of these.
 */
public final class NullPolicy {
    private static final double[] COMMON = {-999.25, 999.25, -9999.25, 9999.25};
    private static final double[] AGGRESSIVE = {-999, 999, -9999, 9999, 32767, -32767, 2147483647, -2147483647};
    private static final String[] TOKENS = {"(null)", "-", "NA", "NaN", "INF", "-INF", "IO", "IND"};

    private final boolean fileNull;
    private final double[] values;
    private final Set<String> tokens;
    private final boolean anyText;

    private NullPolicy(boolean fileNull, double[] values, Set<String> tokens, boolean anyText) {
        this.fileNull = fileNull;
        this.values = values;
        this.tokens = tokens;
        this.anyText = anyText;
    }

    public static NullPolicy none() {
        return new NullPolicy(false, new double[0], Set.of(), false);
    }

    public static NullPolicy strict() {
        return new NullPolicy(true, new double[0], Set.of(), false);
    }

    public static NullPolicy common() {
        return strict().withValues(COMMON).withTokens(TOKENS);
    }

    public static NullPolicy aggressive() {
        return common().withValues(AGGRESSIVE);
    }

    public static NullPolicy all() {
        NullPolicy a = aggressive();
        return new NullPolicy(a.fileNull, a.values, a.tokens, true);
    }

    /** This policy with more null numbers. */
    public NullPolicy withValues(double... more) {
        double[] v = Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, v, values.length, more.length);
        return new NullPolicy(fileNull, v, tokens, anyText);
    }

    /** This policy with more null text tokens (compared ignoring case, after trimming). */
    public NullPolicy withTokens(String... more) {
        Set<String> t = new TreeSet<>(tokens);
        for (String s : more) {
            t.add(s.strip().toUpperCase(Locale.ROOT));
        }
        return new NullPolicy(fileNull, values, Set.copyOf(t), anyText);
    }

    /** Whether the file's {@code NULL} item is a null. */
    public boolean usesFileNull() {
        return fileNull;
    }

    /** The null numbers besides the file's {@code NULL}. */
    public double[] values() {
        return values.clone();
    }

    /** The null text tokens, upper case. */
    public Set<String> tokens() {
        return tokens;
    }

    /** Whether any non-numeric text in a numeric curve is a null. */
    public boolean anyTextIsNull() {
        return anyText;
    }

    @Override
    public String toString() {
        return "NullPolicy[fileNull=" + fileNull + ", values=" + Arrays.toString(values) + ", tokens=" + tokens
                + ", anyText=" + anyText + "]";
    }
}
