package org.geoassure.geodb.store.internal;

import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.query.AttributePredicate;

/**
 * Attribute predicates as SQL conditions, shared by the engines: column lookup (case-insensitive), typed parameters
 * and the error messages for unknown columns and non-numbers. Internal: not for use outside GeoAssure's engines.
 */
public final class Predicates {
    private Predicates() {
    }

    /**
     * Index of the predicate's column in {@code columns}.
     *
     * @throws InvalidContentException if the table has no such column
     */
    public static int columnIndex(String table, List<Column> columns, AttributePredicate p) {
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(p.column())) {
                found = i;
            }
        }
        if (found < 0) {
            throw new InvalidContentException("where: table " + table + " has no column '" + p.column() + "' (columns: "
                    + columns.stream().map(Column::name).toList() + ")");
        }
        return found;
    }

    /** The condition on the SQL expression {@code c} of column {@code col}; appends its typed parameters. */
    public static String sql(String c, Column col, AttributePredicate p, List<Object> params) {
        switch (p.op()) {
            case IS_NULL:
                return c + " IS NULL";
            case NOT_NULL:
                return c + " IS NOT NULL";
            case IN:
                for (String v : p.values()) {
                    params.add(typed(col, v, p));
                }
                return c + " IN (" + "?, ".repeat(p.values().size() - 1) + "?)";
            default:
                params.add(typed(col, p.values().get(0), p));
                return c + " " + p.op().sql() + " ?";
        }
    }

    /** A predicate value as the column's type: a String for text, a finite Double for numbers. */
    public static Object typed(Column col, String v, AttributePredicate p) {
        if (col.type() == ColumnType.TEXT) {
            return v;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidContentException("where '" + p + "': column " + col.name() + " is numeric and '" + v
                + "' is not a number");
    }
}
