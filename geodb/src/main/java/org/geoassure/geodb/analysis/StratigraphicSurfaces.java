package org.geoassure.geodb.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;

/**
 * Stratigraphic surfaces from borehole picks: for an order of units given top-down, the top of each unit in each hole
 * (the top of the hole's first {@link ContactPicks.UnitPick} of that unit), estimated onto a {@link SurfaceGrid} by
 * inverse distance or ordinary kriging in 2D (x, y → elevation). Both estimators honour the picks exactly (kriging
 * because the variogram has no nugget); the grid honours a pick exactly only where the pick is on a node, and is
 * bilinear between nodes.
 *
 * <p>Where the order forbids crossing, a surface is not allowed above the one before it: after estimation each
 * surface k ≥ 1 is clamped to min(z_k, z_{k−1}) node by node (the <i>lower</i> surface moves; the count of clamped
 * nodes is kept). A clamped node of a lower surface may no longer honour a pick of that surface when the surface above
 * was interpolated below it (e.g. a unit cut out by a fault in one hole).
 *
 * <p>With faults ({@link FaultSurface}), each surface is cut into fault blocks, each estimated from its own picks (see
 * {@link #build(List, List, SurfaceGrid, double, Options, int, List)}).
 *
 * <p>A unit absent from a hole (not reached, faulted out, pinched out) gives no pick there; units in the order that no
 * hole logs are an error. Holes logging a unit twice (repetition across a fault) use its first, shallowest top.
 */
public final class StratigraphicSurfaces {
    private StratigraphicSurfaces() {
    }

    /** The estimator of the surfaces. */
    public enum Method {
        /** Inverse distance, power {@link Options#idwPower()}. */
        IDW,
        /** Ordinary kriging with a variogram without nugget (given, or fitted to each surface's picks). */
        KRIGING
    }

    /**
     * How the surfaces are estimated.
     *
     * @param method IDW or ordinary kriging
     * @param variogram the variogram model for kriging; null to fit a spherical model without nugget to each surface's
     *     picks (gstat's default lag classes, gstat's weights); a given model must have no nugget (picks are honoured)
     * @param idwPower inverse-distance power (IDW only), positive
     * @param maxSamples picks used per node, the nearest; 0 for all (a global neighbourhood)
     */
    public record Options(Method method, VariogramModel variogram, double idwPower, int maxSamples) {
        public Options {
            Objects.requireNonNull(method, "method");
            if (!(idwPower > 0) || !Double.isFinite(idwPower)) {
                throw new InvalidContentException("idwPower: " + idwPower + " must be positive");
            }
            if (maxSamples < 0) {
                throw new InvalidContentException("maxSamples: " + maxSamples + " must not be negative");
            }
            if (variogram != null && variogram.nugget() != 0) {
                throw new InvalidContentException("variogram: nugget " + variogram.nugget() + " would not honour the "
                        + "picks; surfaces need a nugget of 0");
            }
        }

        /** Ordinary kriging, variogram fitted per surface, all picks. */
        public static Options kriging() {
            return new Options(Method.KRIGING, null, 2, 0);
        }

        /** Inverse distance squared, all picks. */
        public static Options idw() {
            return new Options(Method.IDW, null, 2, 0);
        }

        /** These options with a given variogram model. */
        public Options withVariogram(VariogramModel model) {
            return new Options(method, model, idwPower, maxSamples);
        }
    }

    /**
     * The top of one unit in one hole.
     *
     * @param holeId hole
     * @param unit unit
     * @param x easting of the top
     * @param y northing of the top
     * @param z elevation of the top
     */
    public record UnitTop(String holeId, String unit, double x, double y, double z) {
    }

    /**
     * One estimated surface: the top of {@code unit}.
     *
     * @param unit the unit whose top it is
     * @param contact {@code "top of U"} for the first unit, {@code "A/U"} (unit above / this unit) for the others
     * @param z elevations at the grid nodes (NaN where undefined), after clamping
     * @param picks the picks as 2D samples (x, y, 0, elevation); null for a surface read back from a feature
     * @param estimator the estimator used (with the fitted variogram for kriging); null for a surface read back
     * @param parameters the method and its parameters as text
     * @param clamped nodes lowered to the surface above
     * @param blocks with faults, the fault blocks this surface was estimated in (empty without faults)
     */
    public record Surface(String unit, String contact, double[] z, Samples picks, Estimator estimator,
            String parameters, int clamped, List<FaultBlock> blocks) {
        public Surface {
            z = z.clone();
            blocks = blocks == null ? List.of() : List.copyOf(blocks);
        }

        /** A surface without fault blocks. */
        public Surface(String unit, String contact, double[] z, Samples picks, Estimator estimator, String parameters,
                int clamped) {
            this(unit, contact, z, picks, estimator, parameters, clamped, List.of());
        }

        @Override
        public double[] z() {
            return z.clone();
        }

        /** Elevation at node index c, without copying. */
        public double node(int c) {
            return z[c];
        }
    }

    /**
     * One fault block of one surface: the picks on one side of every fault and the estimator built from them.
     *
     * @param sides which side of each fault the block is on: bit f set for the hanging wall of fault f
     * @param picks the block's picks as 2D samples
     * @param estimator its estimator (the surface's estimator kind and variogram)
     * @param nodes grid nodes that took this block's surface
     */
    public record FaultBlock(int sides, Samples picks, Estimator estimator, int nodes) {
    }

    /**
     * The surfaces of an order, top-down, on one grid.
     *
     * @param order the units top-down
     * @param grid the grid
     * @param surfaces surface k is the top of unit k
     * @param method estimator kind
     */
    public record Stack(List<String> order, SurfaceGrid grid, List<Surface> surfaces, Method method) {
        public Stack {
            order = List.copyOf(order);
            surfaces = List.copyOf(surfaces);
        }

        /** The top of a unit. */
        public Surface surface(String unit) {
            int k = order.indexOf(unit);
            if (k < 0) {
                throw new InvalidContentException("unit: '" + unit + "' is not in the order " + order);
            }
            return surfaces.get(k);
        }

        /**
         * Vertical thickness of unit k (k + 1 < surfaces), node by node: top of unit k minus top of unit k + 1 (≥ 0
         * after clamping; NaN where either is undefined).
         */
        public double[] thickness(int k) {
            double[] a = surfaces.get(k).z;
            double[] b = surfaces.get(k + 1).z;
            double[] t = new double[a.length];
            for (int c = 0; c < t.length; c++) {
                t[c] = a[c] - b[c];
            }
            return t;
        }

        /**
         * The surfaces as {@link FeatureKind#SURFACE} features with role {@code horizon}, id {@code "top <unit>"},
         * attributes {@code contact}, {@code unit}, {@code index} (position in the order, 0 at the top),
         * {@code method}, {@code parameters}, {@code picks}, {@code clamped} and {@code grid} (the node grid as
         * {@code originX,originY,dx,dy,nx,ny}, so {@link #fromFeatures} can read the stack back).
         */
        public List<Feature> features() {
            List<Feature> out = new ArrayList<>();
            for (Surface s : surfaces) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("contact", s.contact());
                a.put("unit", s.unit());
                a.put("index", (long) out.size());
                a.put("method", method.name().toLowerCase(Locale.ROOT));
                a.put("parameters", s.parameters());
                a.put("picks", s.picks() == null ? null : (long) s.picks().size());
                a.put("clamped", (long) s.clamped());
                a.put("grid", grid.originX() + "," + grid.originY() + "," + grid.dx() + "," + grid.dy() + ","
                        + grid.nx() + "," + grid.ny());
                out.add(Feature.ofMesh("top " + s.unit(), s.contact(), FeatureKind.SURFACE, "horizon",
                        grid.mesh(s.z), a));
            }
            return out;
        }
    }

    /**
     * A stack read back from the features {@link Stack#features()} wrote (any order; sorted by their {@code index}).
     *
     * @throws InvalidContentException naming the feature when one lacks the attributes or the grids differ
     */
    public static Stack fromFeatures(List<Feature> features) {
        if (features.isEmpty()) {
            throw new InvalidContentException("surfaces: no surface features");
        }
        List<Feature> sorted = new ArrayList<>(features);
        for (Feature f : sorted) {
            if (!(f.attributes().get("index") instanceof Long) || !(f.attributes().get("grid") instanceof String)
                    || !(f.attributes().get("unit") instanceof String) || f.mesh() == null) {
                throw new InvalidContentException("surfaces: feature '" + f.id() + "' is not a surface written by "
                        + "model surfaces (needs a mesh and attributes unit, index, grid)");
            }
        }
        sorted.sort(java.util.Comparator.comparingLong(f -> (Long) f.attributes().get("index")));
        String gridText = (String) sorted.get(0).attributes().get("grid");
        String[] g = gridText.split(",");
        SurfaceGrid grid = new SurfaceGrid(Double.parseDouble(g[0]), Double.parseDouble(g[1]),
                Double.parseDouble(g[2]), Double.parseDouble(g[3]), Integer.parseInt(g[4]), Integer.parseInt(g[5]));
        List<String> order = new ArrayList<>();
        List<Surface> surfaces = new ArrayList<>();
        Method method = Method.IDW;
        for (Feature f : sorted) {
            if (!gridText.equals(f.attributes().get("grid"))) {
                throw new InvalidContentException("surfaces: feature '" + f.id() + "' is on another grid ("
                        + f.attributes().get("grid") + " vs " + gridText + ")");
            }
            double[] z = new double[grid.nodes()];
            java.util.Arrays.fill(z, Double.NaN);
            var mesh = f.mesh();
            for (int v = 0; v < mesh.vertexCount(); v++) {
                long i = Math.round((mesh.coordinate(v, 0) - grid.originX()) / grid.dx());
                long j = Math.round((mesh.coordinate(v, 1) - grid.originY()) / grid.dy());
                if (i < 0 || j < 0 || i >= grid.nx() || j >= grid.ny()) {
                    throw new InvalidContentException("surfaces: feature '" + f.id() + "' has vertex " + v
                            + " outside its grid");
                }
                z[(int) (j * grid.nx() + i)] = mesh.coordinate(v, 2);
            }
            String unit = (String) f.attributes().get("unit");
            order.add(unit);
            Object clamped = f.attributes().get("clamped");
            Object params = f.attributes().get("parameters");
            surfaces.add(new Surface(unit, f.name(), z, null, null, params == null ? "" : params.toString(),
                    clamped instanceof Long l ? l.intValue() : 0));
            if ("kriging".equals(f.attributes().get("method"))) {
                method = Method.KRIGING;
            }
        }
        if (new LinkedHashSet<>(order).size() != order.size()) {
            throw new InvalidContentException("surfaces: a unit appears twice: " + order);
        }
        return new Stack(order, grid, surfaces, method);
    }

    /**
     * The top of each unit of the order in each hole: the top of the hole's first pick of that unit. Picks of units
     * outside the order are ignored.
     *
     * @param picks unit picks in hole and depth order ({@link ContactPicks#units})
     */
    public static List<UnitTop> tops(List<ContactPicks.UnitPick> picks, List<String> order) {
        Set<String> units = new HashSet<>(order);
        Set<String> seen = new HashSet<>();
        List<UnitTop> out = new ArrayList<>();
        for (ContactPicks.UnitPick p : picks) {
            if (units.contains(p.unit()) && seen.add(p.holeId() + '\u0000' + p.unit())) {
                double[] t = p.top();
                out.add(new UnitTop(p.holeId(), p.unit(), t[0], t[1], t[2]));
            }
        }
        return out;
    }

    /**
     * Estimates the top of every unit of the order onto the grid, clamps each surface to the one above it.
     *
     * @param order units top-down, distinct, at least one
     * @param picks unit picks in hole and depth order ({@link ContactPicks#units})
     * @param grid the grid; null for {@link SurfaceGrid#covering} the picks with {@code cell}
     * @param cell cell size when the grid is null
     * @param options estimator
     * @param threads worker threads, ≥ 1
     * @throws InvalidContentException naming {@code order} for an empty order, a unit twice, or a unit no hole logs
     */
    public static Stack build(List<String> order, List<ContactPicks.UnitPick> picks, SurfaceGrid grid, double cell,
            Options options, int threads) {
        return build(order, picks, grid, cell, options, threads, List.of());
    }

    /**
     * As {@link #build(List, List, SurfaceGrid, double, Options, int)}, with every surface cut by the faults: each
     * surface's picks are split into fault blocks by the side of each fault they are on (at the pick's own
     * elevation); each block's surface is estimated from that block's picks alone (with the variogram of all the
     * surface's picks, or the one given); each node takes the surface of the block it is in. Which block a node is in
     * depends on the elevation of the surface there: the node first takes the block of the surface estimated from all
     * picks, then the block of that block's surface at the node (one step, as a geologist would read a section). A
     * block without picks of a surface leaves its nodes to the surface of all picks (so the surface has no holes).
     *
     * @param faults the faults, at most 16; empty for no fault blocks
     */
    public static Stack build(List<String> order, List<ContactPicks.UnitPick> picks, SurfaceGrid grid, double cell,
            Options options, int threads, List<FaultSurface> faults) {
        Objects.requireNonNull(options, "options");
        if (faults.size() > 16) {
            throw new InvalidContentException("faults: " + faults.size() + " faults; at most 16 are modelled");
        }
        if (order.isEmpty()) {
            throw new InvalidContentException("order: no units");
        }
        if (new LinkedHashSet<>(order).size() != order.size()) {
            throw new InvalidContentException("order: a unit is given twice: " + order);
        }
        List<UnitTop> tops = tops(picks, order);
        Set<String> logged = new LinkedHashSet<>();
        picks.forEach(p -> logged.add(p.unit()));
        List<Samples> samples = new ArrayList<>();
        for (String u : order) {
            List<UnitTop> t = tops.stream().filter(x -> x.unit().equals(u)).toList();
            if (t.isEmpty()) {
                throw new InvalidContentException("order: no hole logs unit '" + u + "' (units logged: " + logged + ")");
            }
            double[] x = new double[t.size()];
            double[] y = new double[t.size()];
            double[] z = new double[t.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = t.get(i).x();
                y[i] = t.get(i).y();
                z[i] = t.get(i).z();
            }
            samples.add(Samples.of2d(x, y, z));
        }
        if (grid == null) {
            double[] x = tops.stream().mapToDouble(UnitTop::x).toArray();
            double[] y = tops.stream().mapToDouble(UnitTop::y).toArray();
            grid = SurfaceGrid.covering(x, y, cell);
        }
        List<Surface> out = new ArrayList<>();
        double[] above = null;
        for (int k = 0; k < order.size(); k++) {
            Samples s = samples.get(k);
            Estimator est = estimator(options, s);
            Neighbourhood hood = neighbourhood(options, s, grid);
            double[] z = Estimation.grid(est, s, hood, grid.asBlockModel(), threads).values();
            List<FaultBlock> blocks = List.of();
            String params = describe(est, hood, s.size());
            if (!faults.isEmpty()) {
                blocks = new ArrayList<>();
                z = faultBlocks(z, s, est, options, grid, threads, faults, blocks);
                params += "; " + blocks.size() + " fault blocks (faults " + String.join(",", faults.stream()
                        .map(FaultSurface::id).toList()) + ")";
            }
            int clamped = 0;
            if (above != null) {
                for (int c = 0; c < z.length; c++) {
                    if (z[c] > above[c]) {
                        z[c] = above[c];
                        clamped++;
                    }
                }
            }
            String contact = k == 0 ? "top of " + order.get(0) : order.get(k - 1) + "/" + order.get(k);
            out.add(new Surface(order.get(k), contact, z, s, est, params, clamped, blocks));
            above = z;
        }
        return new Stack(order, grid, out, options.method());
    }

    /** The fault block of a point: bit f set when it is on the hanging wall of fault f. */
    public static int block(List<FaultSurface> faults, double x, double y, double z) {
        int b = 0;
        for (int f = 0; f < faults.size(); f++) {
            if (faults.get(f).side(x, y, z) > 0) {
                b |= 1 << f;
            }
        }
        return b;
    }

    /** Splits the picks into fault blocks, estimates each, assembles node by node; fills {@code out}. */
    private static double[] faultBlocks(double[] all, Samples s, Estimator est, Options options, SurfaceGrid grid,
            int threads, List<FaultSurface> faults, List<FaultBlock> out) {
        double[] x = s.x();
        double[] y = s.y();
        double[] v = s.v();
        Map<Integer, List<Integer>> members = new java.util.TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            members.computeIfAbsent(block(faults, x[i], y[i], v[i]), b -> new ArrayList<>()).add(i);
        }
        Map<Integer, double[]> surfaces = new LinkedHashMap<>();
        Map<Integer, Samples> blockPicks = new LinkedHashMap<>();
        Map<Integer, Estimator> estimators = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : members.entrySet()) {
            List<Integer> m = e.getValue();
            double[] bx = new double[m.size()];
            double[] by = new double[m.size()];
            double[] bz = new double[m.size()];
            for (int i = 0; i < bx.length; i++) {
                bx[i] = x[m.get(i)];
                by[i] = y[m.get(i)];
                bz[i] = v[m.get(i)];
            }
            Samples bs = Samples.of2d(bx, by, bz);
            // the same kind of estimator and variogram as the whole surface: blocks often hold too few picks to fit
            Estimator be = est;
            Neighbourhood hood = neighbourhood(options, bs, grid);
            surfaces.put(e.getKey(), Estimation.grid(be, bs, hood, grid.asBlockModel(), threads).values());
            blockPicks.put(e.getKey(), bs);
            estimators.put(e.getKey(), be);
        }
        double[] z = new double[all.length];
        Map<Integer, Integer> nodes = new java.util.HashMap<>();
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                int c = j * grid.nx() + i;
                double gx = grid.x(i);
                double gy = grid.y(j);
                z[c] = all[c];
                if (Double.isNaN(all[c])) {
                    continue;
                }
                double[] first = surfaces.get(block(faults, gx, gy, all[c]));
                if (first == null || Double.isNaN(first[c])) {
                    continue;
                }
                int b = block(faults, gx, gy, first[c]);
                double[] second = surfaces.get(b);
                if (second == null || Double.isNaN(second[c])) {
                    second = first;
                    b = block(faults, gx, gy, all[c]);
                }
                z[c] = second[c];
                nodes.merge(b, 1, Integer::sum);
            }
        }
        for (Integer b : members.keySet()) {
            out.add(new FaultBlock(b, blockPicks.get(b), estimators.get(b), nodes.getOrDefault(b, 0)));
        }
        return z;
    }

    /** The estimator for one surface's picks: IDW, or ordinary kriging with the given or a fitted variogram. */
    public static Estimator estimator(Options options, Samples picks) {
        if (options.method() == Method.IDW) {
            return InverseDistance.isotropic(options.idwPower());
        }
        VariogramModel m = options.variogram() != null ? options.variogram() : fit(picks);
        return Kriging.ordinary(m);
    }

    /**
     * A spherical variogram without nugget fitted to 2D samples: gstat's default lag classes, sill started at the
     * sample variance and range at the cutoff; when there are too few pairs or the fit fails, that starting model.
     */
    public static VariogramModel fit(Samples s) {
        return fitSpherical(s, false);
    }

    /**
     * A spherical variogram fitted to samples (2D or 3D, omnidirectional): gstat's default lag classes and weights,
     * sill started at the sample variance, range at the cutoff, nugget at 0 and free when {@code fitNugget}; when
     * there are too few pairs or the fit fails, that starting model.
     */
    public static VariogramModel fitSpherical(Samples s, boolean fitNugget) {
        double[] v = s.v();
        double mean = 0;
        for (double a : v) {
            mean += a;
        }
        mean /= Math.max(1, v.length);
        double var = 0;
        for (double a : v) {
            var += (a - mean) * (a - mean);
        }
        var = v.length > 1 ? var / (v.length - 1) : 0;
        if (!(var > 0)) {
            var = 1; // constant data: any model gives the constant
        }
        LagClasses lags = null;
        try {
            lags = s.size() > 1 ? LagClasses.gstatDefault(s) : null;
        } catch (RuntimeException e) {
            lags = null; // all picks at one place
        }
        double range = lags == null || !(lags.maxDistance() > 0) ? 1 : lags.maxDistance();
        VariogramModel initial = VariogramModel.of(0, StructureType.SPHERICAL, var, range);
        if (s.size() < 4 || lags == null) {
            return initial;
        }
        try {
            VariogramModel m = VariogramFit.fit(ExperimentalVariogram.compute(s, lags), initial, fitNugget, true);
            VariogramStructure st = m.structures().get(0);
            if (!(st.sill() > 0) || !(st.ellipsoid().major() > 0) || !Double.isFinite(st.sill())
                    || !Double.isFinite(st.ellipsoid().major())) {
                return initial;
            }
            return fitNugget || m.nugget() == 0 ? m : new VariogramModel(0, m.structures());
        } catch (RuntimeException e) {
            return initial;
        }
    }

    private static Neighbourhood neighbourhood(Options o, Samples s, SurfaceGrid g) {
        double[] x = s.x();
        double[] y = s.y();
        double x0 = g.originX();
        double x1 = g.x(g.nx() - 1);
        double y0 = g.originY();
        double y1 = g.y(g.ny() - 1);
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        double radius = 2 * Math.hypot(x1 - x0, y1 - y0) + 1;
        int n = o.maxSamples() == 0 ? s.size() : Math.min(o.maxSamples(), s.size());
        return Neighbourhood.nearest(n, radius);
    }

    /** Method and parameters as one line of text. */
    static String describe(Estimator e, Neighbourhood hood, int picks) {
        String who = hood.maxSamples() >= picks ? "all " + picks + " picks" : hood.maxSamples() + " nearest of "
                + picks + " picks";
        if (e instanceof InverseDistance idw) {
            return String.format(Locale.ROOT, "idw power=%s; %s", idw.power(), who);
        }
        return "ordinary kriging " + VariogramText.format(((Kriging) e).model()) + "; " + who;
    }

}
