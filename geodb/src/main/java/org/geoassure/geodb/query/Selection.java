package org.geoassure.geodb.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to read: optional hole ids, an optional spatial filter, attribute predicates (interval tables only; all must
 * hold) and a time slice. Immutable; the {@code with...} methods return new selections.
 *
 * <pre>{@code
 * Selection s = Selection.all()
 *     .within(new SpatialFilter.NearPoint(500_000, 4_000_000, 120, 30))
 *     .where(AttributePredicate.parse("CU >= 0.5"))
 *     .asOf(Instant.parse("2025-06-01T00:00:00Z"));
 * }</pre>
 */
public final class Selection {
    private static final Selection ALL = new Selection(Set.of(), null, List.of(), TimeSlice.current());

    private final Set<String> holeIds;
    private final SpatialFilter spatial;
    private final List<AttributePredicate> predicates;
    private final TimeSlice time;

    private Selection(Set<String> holeIds, SpatialFilter spatial, List<AttributePredicate> predicates, TimeSlice time) {
        this.holeIds = holeIds;
        this.spatial = spatial;
        this.predicates = predicates;
        this.time = time;
    }

    /** Everything, in the current state. */
    public static Selection all() {
        return ALL;
    }

    /** Only these holes (an empty set means all holes). */
    public Selection holes(Set<String> ids) {
        return new Selection(Set.copyOf(new LinkedHashSet<>(ids)), spatial, predicates, time);
    }

    /** Only geometries that satisfy the filter. */
    public Selection within(SpatialFilter filter) {
        return new Selection(holeIds, filter, predicates, time);
    }

    /** Adds an attribute predicate (all predicates must hold). */
    public Selection where(AttributePredicate p) {
        List<AttributePredicate> list = new ArrayList<>(predicates);
        list.add(p);
        return new Selection(holeIds, spatial, List.copyOf(list), time);
    }

    /** Valid time: the state of the ground at {@code t}. */
    public Selection asOf(Instant t) {
        return new Selection(holeIds, spatial, predicates, new TimeSlice(t, time.recordedAt()));
    }

    /** This selection in another time slice (both its valid and its record time). */
    public Selection at(TimeSlice t) {
        return new Selection(holeIds, spatial, predicates, java.util.Objects.requireNonNull(t, "time"));
    }

    /** Record time: what the store knew at {@code t}. */
    public Selection recordedAsOf(Instant t) {
        return new Selection(holeIds, spatial, predicates, new TimeSlice(time.validAt(), t));
    }

    public Set<String> holeIds() {
        return holeIds;
    }

    public Optional<SpatialFilter> spatial() {
        return Optional.ofNullable(spatial);
    }

    public List<AttributePredicate> predicates() {
        return predicates;
    }

    public TimeSlice time() {
        return time;
    }

    /**
     * The selection in words, for plans: e.g. {@code 3D distance <= 30.0 m from POINT Z (500000.0 6800000.0 250.0);
     * CU >= 0.5; valid at 2025-06-01T00:00:00Z, recorded now}.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (spatial instanceof SpatialFilter.NearPoint p) {
            parts.add("3D distance <= " + p.distance() + " m from POINT Z (" + p.x() + " " + p.y() + " " + p.z() + ")");
        } else if (spatial instanceof SpatialFilter.NearPolyline l) {
            double[] xyz = l.line();
            StringBuilder sb = new StringBuilder("3D distance <= " + l.distance() + " m from LINESTRING Z (");
            for (int i = 0; i < xyz.length; i += 3) {
                sb.append(i > 0 ? ", " : "").append(xyz[i]).append(' ').append(xyz[i + 1]).append(' ').append(xyz[i + 2]);
            }
            parts.add(sb.append(')').toString());
        } else if (spatial instanceof SpatialFilter.InBox b) {
            Box3 x = b.box();
            parts.add("intersects BOX3D(" + x.minX() + " " + x.minY() + " " + x.minZ() + ", " + x.maxX() + " " + x.maxY()
                    + " " + x.maxZ() + ")");
        }
        if (!holeIds.isEmpty()) {
            parts.add("hole_id IN " + holeIds.stream().sorted().toList());
        }
        for (AttributePredicate p : predicates) {
            parts.add(p.toString());
        }
        parts.add("valid at " + (time.validAt() == null ? "now" : time.validAt().toString()) + ", recorded "
                + (time.recordedAt() == null ? "now" : "at " + time.recordedAt()));
        return String.join("; ", parts);
    }
}
