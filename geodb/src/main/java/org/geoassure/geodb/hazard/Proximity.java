package org.geoassure.geodb.hazard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.internal.Distance3D;
import org.geoassure.geodb.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Proximity of working faces to hazards: for every face and every feature whose role has a rule in the
 * {@link ProximityRules}, the least 3D and plan distances, the nearest points and the innermost line reached.
 *
 * <p>Faces are line features (the face line as of the date, with z). Features are points, lines (fault traces,
 * borehole traces) or polygons (goaf and old-workings outlines, collapse-column outlines) with z. The 3D distance is
 * measured to points, lines and polygon outlines (rings); the plan distance with JTS {@link DistanceOp}, which is 0
 * when the face crosses or lies over a polygon in plan: then the distance used for the lines is 0 whatever the measure
 * (the face is over or under the goaf), with a warning. Where a z is NaN the 3D distance is NaN and the plan distance
 * is used, with a warning. Surfaces and solids (meshes) are not measured yet and are listed in the warnings.
 */
public final class Proximity {
    private Proximity() {
    }

    /**
     * Evaluates the rule set.
     *
     * @param faces face lines (kind LINES)
     * @param features hazard features; a role without a rule is skipped (counted in the methods)
     * @param rules the named rule set
     */
    public static ProximityResult evaluate(List<Feature> faces, List<Feature> features, ProximityRules rules) {
        List<InputRef> inputs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        for (ProximityRule r : rules.rules()) {
            for (ProximityLevel l : r.levels()) {
                params.add(new Parameter(r.role() + "." + l.name(), l.distance(), "m", l.source(), l.confidence()));
            }
            params.add(new Parameter(r.role() + ".inferred_extra", r.inferredExtra(), "m", r.inferredSource(),
                    "caller"));
        }
        List<double[]> faceSegs = new ArrayList<>();
        List<Boolean> faceZ = new ArrayList<>();
        for (Feature f : faces) {
            Geometry g = f.geometry();
            if (g == null || !(g instanceof LineString || g instanceof org.locationtech.jts.geom.MultiLineString)) {
                throw new InvalidContentException("faces: " + f.id() + " is not a line (kind " + f.kind() + ")");
            }
            inputs.add(ref("face", f));
            faceSegs.add(segments(g));
            faceZ.add(hasZ(g));
        }
        List<ProximityHit> hits = new ArrayList<>();
        int skipped = 0;
        for (Feature h : features) {
            ProximityRule rule = rules.rule(h.role());
            if (rule == null) {
                skipped++;
                continue;
            }
            if (h.geometry() == null) {
                warnings.add("feature " + h.id() + " (" + h.role() + ") is a " + h.kind().name().toLowerCase(Locale.ROOT)
                        + " mesh: not measured (meshes are not supported yet)");
                continue;
            }
            inputs.add(ref(h.role(), h));
        }
        for (int fi = 0; fi < faces.size(); fi++) {
            Feature face = faces.get(fi);
            Geometry fg = face.geometry();
            for (Feature h : features) {
                ProximityRule rule = rules.rule(h.role());
                if (rule == null || h.geometry() == null) {
                    continue;
                }
                Geometry hg = h.geometry();
                double[] hs = segments(hg);
                boolean z = faceZ.get(fi) && hasZ(hg);
                double[] near3 = new double[6];
                double d3 = z ? Distance3D.between(faceSegs.get(fi), hs, near3) : Double.NaN;
                DistanceOp op = new DistanceOp(fg, hg);
                double dp = op.distance();
                Coordinate[] np = op.nearestPoints();
                double used;
                double[] fn;
                double[] hn;
                boolean over = dp == 0 && hg instanceof Polygonal;
                if (over) {
                    used = 0;
                    warnings.add("face " + face.id() + " crosses or lies over polygon " + h.id() + " in plan: "
                            + "distance 0 used for the lines");
                } else if (rules.measure() == DistanceMeasure.SPACE && z) {
                    used = d3;
                } else {
                    used = dp;
                    if (rules.measure() == DistanceMeasure.SPACE) {
                        warnings.add("face " + face.id() + " / feature " + h.id() + ": a z is missing, plan distance "
                                + "used");
                    }
                }
                if (z && !over && rules.measure() == DistanceMeasure.SPACE) {
                    fn = new double[] {near3[0], near3[1], near3[2]};
                    hn = new double[] {near3[3], near3[4], near3[5]};
                } else {
                    fn = new double[] {np[0].x, np[0].y, np[0].getZ()};
                    hn = new double[] {np[1].x, np[1].y, np[1].getZ()};
                }
                boolean inferred = inferred(h);
                double extra = inferred ? rule.inferredExtra() : 0;
                String level = "";
                double levelDistance = Double.NaN;
                double nextMargin = Double.NaN;
                for (ProximityLevel l : rule.levels()) {
                    double ld = l.distance() + extra;
                    if (used <= ld) {
                        level = l.name();
                        levelDistance = ld;
                        break;
                    }
                    nextMargin = used - ld;
                }
                hits.add(new ProximityHit(face.id(), h.id(), h.role(), d3, dp, fn, hn, inferred, level,
                        levelDistance, nextMargin));
            }
        }
        methods.add("rule set " + rules.name() + ", distance " + rules.measure().name().toLowerCase(Locale.ROOT)
                + "; a face reaches a line when the distance used is <= the line's distance (+ inferred extra)");
        methods.add("3D distance: closest points between segments (points, lines, polygon rings); plan distance: "
                + "JTS DistanceOp");
        if (skipped > 0) {
            methods.add(skipped + " features skipped: their role has no rule in " + rules.name());
        }
        Explanation e = new Explanation("proximity", "d = min over face segments s and feature segments t of |s - t| "
                + "(m); level = innermost line with d <= line distance", inputs, params, methods, warnings);
        return new ProximityResult(rules, hits, e);
    }

    private static InputRef ref(String role, Feature f) {
        Object v = f.attributes().get("version");
        Object a = f.attributes().get("as_of");
        return new InputRef(role, f.id(), f.name(), v == null ? "" : v.toString(), a == null ? "" : a.toString());
    }

    private static boolean inferred(Feature f) {
        Object b = f.attributes().get("boundary");
        Object i = f.attributes().get("inferred");
        return "inferred".equals(b) || Boolean.TRUE.equals(i);
    }

    private static boolean hasZ(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (Double.isNaN(c.getZ())) {
                return false;
            }
        }
        return true;
    }

    /** Packed segments of points, lines and polygon rings. */
    static double[] segments(Geometry g) {
        List<Coordinate[]> parts = new ArrayList<>();
        collect(g, parts);
        int n = 0;
        for (Coordinate[] p : parts) {
            n += Math.max(1, p.length - 1);
        }
        double[] s = new double[6 * n];
        int k = 0;
        for (Coordinate[] p : parts) {
            if (p.length == 1) {
                Coordinate c = p[0];
                s[k++] = c.x;
                s[k++] = c.y;
                s[k++] = c.getZ();
                s[k++] = c.x;
                s[k++] = c.y;
                s[k++] = c.getZ();
                continue;
            }
            for (int i = 0; i + 1 < p.length; i++) {
                s[k++] = p[i].x;
                s[k++] = p[i].y;
                s[k++] = p[i].getZ();
                s[k++] = p[i + 1].x;
                s[k++] = p[i + 1].y;
                s[k++] = p[i + 1].getZ();
            }
        }
        return s;
    }

    private static void collect(Geometry g, List<Coordinate[]> parts) {
        if (g instanceof Point p) {
            if (!p.isEmpty()) {
                parts.add(new Coordinate[] {p.getCoordinate()});
            }
        } else if (g instanceof LineString l) {
            if (!l.isEmpty()) {
                parts.add(l.getCoordinates());
            }
        } else if (g instanceof Polygon p) {
            if (!p.isEmpty()) {
                parts.add(p.getExteriorRing().getCoordinates());
                for (int r = 0; r < p.getNumInteriorRing(); r++) {
                    parts.add(p.getInteriorRingN(r).getCoordinates());
                }
            }
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                collect(g.getGeometryN(i), parts);
            }
        }
    }
}
