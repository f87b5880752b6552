package org.geoassure.ingest.points;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a point CSV. Immutable; start from {@link #defaults()}.
 *
 * <ul>
 *   <li>columns: the x, y and (optional) z columns by header name, ignoring case; by default found by their usual
 *       names ({@link PointCsvReader#X_NAMES}, {@link PointCsvReader#Y_NAMES}, {@link PointCsvReader#Z_NAMES});</li>
 *   <li>id: the column holding each point's id; by default one named id, point_id, pointid, name or station, else
 *       the line number;</li>
 *   <li>encoding: UTF-8 by default (a byte-order mark is skipped).</li>
 * </ul>
 */
public final class PointCsvOptions {
    private static final PointCsvOptions DEFAULTS = new PointCsvOptions(null, null, null, null, StandardCharsets.UTF_8);

    private final String x;
    private final String y;
    private final String z;
    private final String id;
    private final Charset encoding;

    private PointCsvOptions(String x, String y, String z, String id, Charset encoding) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.id = id;
        this.encoding = encoding;
    }

    public static PointCsvOptions defaults() {
        return DEFAULTS;
    }

    /** The x, y and z columns by name; {@code z} may be null for 2D points (z NaN). */
    public PointCsvOptions withColumns(String x, String y, String z) {
        return new PointCsvOptions(Objects.requireNonNull(x, "x"), Objects.requireNonNull(y, "y"), z, id, encoding);
    }

    /** The id column by name. */
    public PointCsvOptions withId(String column) {
        return new PointCsvOptions(x, y, z, Objects.requireNonNull(column, "column"), encoding);
    }

    public PointCsvOptions withEncoding(Charset charset) {
        return new PointCsvOptions(x, y, z, id, Objects.requireNonNull(charset, "charset"));
    }

    public Optional<String> x() {
        return Optional.ofNullable(x);
    }

    public Optional<String> y() {
        return Optional.ofNullable(y);
    }

    public Optional<String> z() {
        return Optional.ofNullable(z);
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Charset encoding() {
        return encoding;
    }
}
