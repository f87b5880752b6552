package org.geoassure.geodb.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An attribute column of an interval table.
 *
 * @param name column name as it appears in queries and exports: letters (any script, so 岩性 is a valid name), digits and
 *     underscore, not starting with a digit, at most 63 characters
 * @param type value type
 */
public record Column(String name, ColumnType type) {
    /**
     * Names an interval table keeps for itself (compared in lower case): the store's columns for ids, depths,
     * positions, geometry and the four time columns. An attribute may not use them.
     */
    public static final java.util.Set<String> RESERVED_NAMES = java.util.Set.of("fid", "geom", "set_id", "hole_id",
            "depth_from", "depth_to", "x_from", "y_from", "z_from", "x_to", "y_to", "z_to", "x_mid", "y_mid", "z_mid",
            "valid_from", "valid_to", "recorded_at", "superseded_at");

    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]{0,62}");

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad column name '" + name + "': use letters, digits and underscore, "
                    + "not starting with a digit");
        }
    }

    /** Whether {@code s} is a valid column or table name. */
    public static boolean isValidName(String s) {
        return s != null && NAME.matcher(s).matches();
    }
}
