package org.geoassure.geodb.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.geoassure.geodb.model.IntervalRecord;

/**
 * Units and contacts from logged intervals: consecutive rows of one hole with the same value in a unit column (e.g.
 * lithology {@code HYDRO = aquiclude}, or a stratigraphic unit) merge into one {@link UnitPick} with its top and
 * bottom along the hole and in space (from the desurveyed interval positions); where one pick ends and the next
 * begins (within {@link #GAP} m) is a {@link Contact}. These are the picks that surfaces and thickness maps are built
 * from, and the aquiclude thickness M of the water-inrush coefficient.
 */
public final class ContactPicks {
    /** Rows closer than this along the hole (m) are treated as touching. */
    public static final double GAP = 0.01;

    private ContactPicks() {
    }

    /**
     * One run of a unit in one hole.
     *
     * @param holeId hole
     * @param unit the unit column's value
     * @param fromDepth top depth along the hole (m)
     * @param toDepth bottom depth (m)
     * @param top x, y, z of the top
     * @param bottom x, y, z of the bottom
     */
    public record UnitPick(String holeId, String unit, double fromDepth, double toDepth, double[] top,
            double[] bottom) {
        public UnitPick {
            Objects.requireNonNull(holeId, "holeId");
            Objects.requireNonNull(unit, "unit");
            top = top.clone();
            bottom = bottom.clone();
        }

        /** Thickness along the hole (m). */
        public double alongHole() {
            return toDepth - fromDepth;
        }

        /**
         * Vertical thickness: top elevation minus bottom elevation (m). For a horizontal unit this is its true
         * thickness whatever the hole's inclination; for a dipping unit it is the vertical thickness, the true
         * thickness times 1 / cos(dip).
         */
        public double verticalThickness() {
            return top[2] - bottom[2];
        }

        @Override
        public double[] top() {
            return top.clone();
        }

        @Override
        public double[] bottom() {
            return bottom.clone();
        }
    }

    /**
     * A contact: where {@code above} ends and {@code below} begins in a hole.
     *
     * @param depth along-hole depth (m)
     * @param x easting
     * @param y northing
     * @param z elevation
     */
    public record Contact(String holeId, String above, String below, double depth, double x, double y, double z) {
    }

    /**
     * Merges the rows of a unit column into picks. Rows must come ordered by hole then from-depth (as the store
     * returns them); a null or blank value, or a gap of more than {@link #GAP} m, ends a run.
     */
    public static List<UnitPick> units(Stream<IntervalRecord> rows, String column) {
        List<UnitPick> out = new ArrayList<>();
        IntervalRecord[] run = new IntervalRecord[2]; // first, last of the current run
        rows.forEach(r -> {
            Object v = r.values().get(column);
            String unit = v == null ? null : v.toString().trim();
            IntervalRecord last = run[1];
            boolean continues = last != null && unit != null && !unit.isEmpty() && last.holeId().equals(r.holeId())
                    && unit.equals(last.values().get(column).toString().trim()) && r.from() - last.to() <= GAP;
            if (!continues) {
                flush(run, column, out);
                if (unit != null && !unit.isEmpty()) {
                    run[0] = r;
                    run[1] = r;
                }
            } else {
                run[1] = r;
            }
        });
        flush(run, column, out);
        return out;
    }

    private static void flush(IntervalRecord[] run, String column, List<UnitPick> out) {
        if (run[0] != null) {
            IntervalRecord a = run[0];
            IntervalRecord b = run[1];
            out.add(new UnitPick(a.holeId(), a.values().get(column).toString().trim(), a.from(), b.to(),
                    new double[] {a.position(0), a.position(1), a.position(2)},
                    new double[] {b.position(3), b.position(4), b.position(5)}));
        }
        run[0] = null;
        run[1] = null;
    }

    /** The contacts between consecutive touching picks of each hole, in hole and depth order. */
    public static List<Contact> contacts(List<UnitPick> picks) {
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i + 1 < picks.size(); i++) {
            UnitPick a = picks.get(i);
            UnitPick b = picks.get(i + 1);
            if (a.holeId().equals(b.holeId()) && b.fromDepth() - a.toDepth() <= GAP) {
                out.add(new Contact(a.holeId(), a.unit(), b.unit(), b.fromDepth(), b.top[0], b.top[1], b.top[2]));
            }
        }
        return out;
    }
}
