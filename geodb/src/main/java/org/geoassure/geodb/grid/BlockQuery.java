package org.geoassure.geodb.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Box3;

/**
 * A selection of cells: an optional world box (a cell is in it when its centroid is, bounds inclusive, whatever the
 * model's rotation) and attribute predicates that must all hold (SQL semantics: a comparison with null is false).
 * Predicate operands on a float32 attribute are rounded to float32 first, so {@code grade <= 0.1} keeps a cell
 * holding 0.1f; operands on a category attribute are labels of its code table.
 *
 * @param box world box, or null for the whole model
 * @param where predicates, all of which must hold
 * @param region cells of the model's grid the selection is limited to (inside a mesh, above a surface, near lines:
 *     {@link CellRegion}), or null for no such limit
 */
public record BlockQuery(Box3 box, List<AttributePredicate> where, CellRegion region) {
    public BlockQuery {
        where = List.copyOf(where);
    }

    /** Every present cell. */
    public static BlockQuery all() {
        return new BlockQuery(null, List.of(), null);
    }

    /** This query restricted to a world box. */
    public BlockQuery within(Box3 b) {
        return new BlockQuery(b, where, region);
    }

    /** This query with one more predicate. */
    public BlockQuery where(AttributePredicate p) {
        List<AttributePredicate> w = new ArrayList<>(where);
        w.add(p);
        return new BlockQuery(box, w, region);
    }

    /** This query limited to a region too (both regions when it already has one). */
    public BlockQuery inside(CellRegion r) {
        return new BlockQuery(box, where, region == null ? r : region.and(r));
    }

    /** The box, if any. */
    public Optional<Box3> boxOpt() {
        return Optional.ofNullable(box);
    }
}
