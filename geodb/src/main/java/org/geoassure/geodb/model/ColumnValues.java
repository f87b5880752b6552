package org.geoassure.geodb.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map of column name to value in column order, stored as two arrays: the compact form of a row's
 * attribute values (no entry objects, the names shared by every row of a table). Values may be null.
 */
public final class ColumnValues extends AbstractMap<String, Object> {
    private final List<String> names;
    private final Object[] values;

    private ColumnValues(List<String> names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * The values of one row.
     *
     * @param names column names in order, shared between rows (copied only if not already an immutable list)
     * @param values values in the same order (copied)
     */
    public static ColumnValues of(List<String> names, Object[] values) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names but " + values.length + " values");
        }
        return new ColumnValues(List.copyOf(names), values.clone());
    }

    /** An immutable copy of any map, in its iteration order. */
    public static ColumnValues copyOf(Map<String, Object> map) {
        if (map instanceof ColumnValues c) {
            return c;
        }
        Object[] v = new Object[map.size()];
        String[] n = new String[map.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            n[i] = e.getKey();
            v[i++] = e.getValue();
        }
        return new ColumnValues(List.of(n), v);
    }

    @Override
    public Object get(Object key) {
        int i = names.indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return names.contains(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < values.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (i >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> e = new SimpleImmutableEntry<>(names.get(i), values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof ColumnValues c) {
            return names.equals(c.names) && Arrays.equals(values, c.values);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
