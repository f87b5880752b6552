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
