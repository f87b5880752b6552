package org.geoassure.geodb.store.internal;

import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.query.AttributePredicate;

/**
 * An attribute predicate evaluated in Java with SQLite's semantics, for rows decoded from chunks: a comparison with
 * null is false; numbers compare as doubles; text compares by code point (SQLite's BINARY collation on UTF-8).
 * Internal.
 */
final class RowPredicate {
    private final int column;
    private final AttributePredicate.Op op;
    private final List<Object> operands;

    private RowPredicate(int column, AttributePredicate.Op op, List<Object> operands) {
        this.column = column;
        this.op = op;
        this.operands = operands;
    }

    /** The predicate on column {@code index}, with operands already typed for the column (Double or String). */
    static RowPredicate of(int index, AttributePredicate p, List<Object> typedOperands) {
        return new RowPredicate(index, p.op(), new ArrayList<>(typedOperands));
    }

    boolean test(Object[] values) {
        Object v = values[column];
        switch (op) {
            case IS_NULL:
                return v == null;
            case NOT_NULL:
                return v != null;
            default:
                break;
        }
        if (v == null) {
            return false;
        }
        if (op == AttributePredicate.Op.IN) {
            for (Object o : operands) {
                if (compare(v, o) == 0) {
                    return true;
                }
            }
            return false;
        }
        int c = compare(v, operands.get(0));
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalStateException(op.name());
        };
    }

    private static int compare(Object value, Object operand) {
        if (value instanceof Double d) {
            double o = (Double) operand;
            return d == o ? 0 : d < o ? -1 : 1;
        }
        String a = value.toString();
        String b = operand.toString();
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Whether every predicate holds. */
    static boolean all(List<RowPredicate> ps, Object[] values) {
        for (RowPredicate p : ps) {
            if (!p.test(values)) {
                return false;
            }
        }
        return true;
    }
}
