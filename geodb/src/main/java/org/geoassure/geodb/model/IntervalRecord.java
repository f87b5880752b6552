package org.geoassure.geodb.model;

import java.util.Map;

/**
 * An interval row as read from the store: its attributes, its from, to and mid positions, and its versions.
 *
 * @param table interval table name
 * @param holeId hole
 * @param from top depth (m)
 * @param to bottom depth (m)
 * @param values attribute values by column, in table order (nulls allowed)
 * @param positions x,y,z of from, to and mid (9 doubles: xFrom, yFrom, zFrom, xTo, yTo, zTo, xMid, yMid, zMid)
 * @param valid valid period
 * @param recorded record period
 */
public record IntervalRecord(String table, String holeId, double from, double to, Map<String, Object> values,
        double[] positions, Period valid, Period recorded) {
    public IntervalRecord {
        values = ColumnValues.copyOf(values);
        if (positions.length != 9) {
            throw new IllegalArgumentException("positions must hold 9 doubles");
        }
        positions = positions.clone();
    }

    /** Coordinate {@code k} (0..8) of {@link #positions()}, without copying. */
    public double position(int k) {
        return positions[k];
    }

    @Override
    public double[] positions() {
        return positions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalRecord r && table.equals(r.table) && holeId.equals(r.holeId)
                && from == r.from && to == r.to && values.equals(r.values)
                && java.util.Arrays.equals(positions, r.positions) && valid.equals(r.valid) && recorded.equals(r.recorded);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(table, holeId, from, to, values, java.util.Arrays.hashCode(positions), valid, recorded);
    }
}
