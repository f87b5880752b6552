package org.geoassure.geodb.hazard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.internal.CellRaster;
import org.geoassure.geodb.hazard.internal.CellZones;
import org.geoassure.geodb.hazard.internal.Interpolators;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Floor water inrush: the water-inrush coefficient T = P / M (突水系数) on an {@link AnalysisGrid}.
 *
 * <p>P (MPa) is the confined aquifer's water pressure on the aquiclude, M (m) the effective aquiclude thickness: the
 * thickness minus the floor damage depth. A cell with M ≤ 0 is flagged {@link InrushClass#NO_AQUICLUDE} and not
 * divided. A cell exceeds when T is strictly greater than the critical value that applies there: the disturbed-ground
 * value inside a {@link DisturbedZone} (cell centre inside), the normal-ground value elsewhere. Zones are the union of
 * exceeding cells (see {@link Zone}), so their boundaries follow cell edges and their areas are whole cells; the
 * error against the true contour is at most about one cell per boundary crossing of a row.
 */
public final class WaterInrush {
    private WaterInrush() {
    }

    /**
     * Computes T, classes, zones, statistics and the explanation.
     *
     * @param grid the analysis grid on the horizon
     * @param pressure P, from piezometers or as a grid
     * @param thickness M before floor damage, from surfaces or picks
     * @param disturbedZones structurally disturbed areas (may be empty)
     * @param params critical values, floor damage depth, IDW power
     * @throws InvalidContentException naming the field when an input does not fit (grid mismatch, too few points)
     */
    public static WaterInrushResult compute(AnalysisGrid grid, PressureField pressure, ThicknessField thickness,
            List<DisturbedZone> disturbedZones, WaterInrushParams params) {
        int n = grid.cells();
        List<InputRef> inputs = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double[] cx = null;
        double[] cy = null;
        if (pressure.grid() == null || thickness.top() == null) {
            cx = new double[n];
            cy = new double[n];
            grid.centres(cx, cy);
        }

        // P
        double[] p;
        boolean heads = false;
        if (pressure.grid() != null) {
            requireGrid(grid, pressure.grid(), "pressure.grid");
            p = pressure.grid().raw();
            inputs.add(pressure.gridRef());
            methods.add("P given as a grid (MPa) on the analysis grid");
        } else {
            List<PressurePoint> pts = pressure.points();
            double[] px = new double[pts.size()];
            double[] py = new double[pts.size()];
            double[] pv = new double[pts.size()];
            double rhoG = Double.NaN;
            for (int k = 0; k < pts.size(); k++) {
                PressurePoint q = pts.get(k);
                px[k] = q.x();
                py[k] = q.y();
                pv[k] = q.pressure();
                inputs.add(new InputRef("piezometer", q.id(), q.id(), q.version(), q.asOf()));
                if (q.fromHead()) {
                    heads = true;
                    if (!Double.isNaN(rhoG) && rhoG != q.rhoG()) {
                        warnings.add("piezometers use different rho*g values; the first is listed");
                    }
                    if (Double.isNaN(rhoG)) {
                        rhoG = q.rhoG();
                    }
                }
                if (q.pressure() < 0) {
                    warnings.add(String.format(Locale.ROOT, "piezometer %s: head below the elevation the pressure "
                            + "acts at (P = %.4f MPa < 0): the aquifer is not confined there", q.id(), q.pressure()));
                }
            }
            if (heads) {
                parameters.add(new Parameter("rho_g", rhoG, "Pa/m", "1000 kg/m3 x 9.80665 m/s2 unless given",
                        "high"));
                methods.add("P from heads: P = rho*g*(h - z)/1e6 MPa, z the elevation the pressure acts at");
            }
            p = new double[n];
            interpolate(pressure.method(), px, py, pv, cx, cy, p, params.idwPower(), "pressure.points", "P",
                    parameters, methods);
        }

        // M
        double[] m = new double[n];
        if (thickness.top() != null) {
            requireGrid(grid, thickness.top(), "thickness.top");
            double[] top = thickness.top().raw();
            double[] bottom = thickness.bottom().raw();
            for (int c = 0; c < n; c++) {
                m[c] = top[c] - bottom[c];
            }
            inputs.add(thickness.topRef());
            inputs.add(thickness.bottomRef());
            methods.add("M = top - bottom elevation of the aquiclude, per cell");
        } else {
            List<ValuePoint> pts = thickness.points();
            double[] tx = new double[pts.size()];
            double[] ty = new double[pts.size()];
            double[] tv = new double[pts.size()];
            for (int k = 0; k < pts.size(); k++) {
                ValuePoint q = pts.get(k);
                tx[k] = q.x();
                ty[k] = q.y();
                tv[k] = q.value();
                inputs.add(new InputRef("thickness_pick", q.id(), q.id(), q.version(), q.asOf()));
            }
            interpolate(thickness.method(), tx, ty, tv, cx, cy, m, params.idwPower(), "thickness.points", "M",
                    parameters, methods);
        }
        double damage = params.floorDamageDepth();
        if (damage > 0) {
            for (int c = 0; c < n; c++) {
                m[c] -= damage;
            }
        }
        parameters.add(new Parameter("floor_damage_depth", damage, "m", params.floorDamageSource(),
                damage > 0 ? "caller" : ""));

        // disturbed mask
        byte[] disturbed = new byte[n];
        for (DisturbedZone z : disturbedZones) {
            CellRaster.fill(grid, z.area(), disturbed, (byte) 1);
            inputs.add(z.ref());
        }
        if (!disturbedZones.isEmpty()) {
            methods.add("a cell is in a disturbed zone when its centre is inside one of the polygons");
        }

        // T and classes
        double tcD = params.criticalDisturbed();
        double tcN = params.criticalNormal();
        double[] t = new double[n];
        byte[] cls = new byte[n];
        byte[] exceed = new byte[n];
        byte[] aboveD = new byte[n];
        byte[] aboveN = new byte[n];
        byte[] thin = new byte[n];
        int withT = 0;
        int noAq = 0;
        int noVal = 0;
        int exceeding = 0;
        int dist = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int c = 0; c < n; c++) {
            dist += disturbed[c];
            double pc = p[c];
            double mc = m[c];
            if (Double.isNaN(pc) || Double.isNaN(mc)) {
                t[c] = Double.NaN;
                cls[c] = InrushClass.NO_VALUE.code();
                noVal++;
                continue;
            }
            if (mc <= 0 || !Double.isFinite(pc / mc)) { // a vanishing M (T overflows) counts as no aquiclude
                t[c] = Double.NaN;
                cls[c] = InrushClass.NO_AQUICLUDE.code();
                thin[c] = 1;
                noAq++;
                continue;
            }
            double tc = pc / mc;
            t[c] = tc;
            withT++;
            sum += tc;
            min = Math.min(min, tc);
            max = Math.max(max, tc);
            aboveD[c] = (byte) (tc > tcD ? 1 : 0);
            aboveN[c] = (byte) (tc > tcN ? 1 : 0);
            boolean ex = tc > (disturbed[c] != 0 ? tcD : tcN);
            if (ex) {
                exceed[c] = 1;
                exceeding++;
                cls[c] = InrushClass.EXCEEDS_CRITICAL.code();
            } else {
                cls[c] = InrushClass.BELOW_CRITICAL.code();
            }
        }
        String confidence = params.criticalSource().equals(WaterInrushParams.DEFAULT_CRITICAL_SOURCE)
                && tcD == 0.06 && tcN == 0.10 ? "high" : "caller";
        parameters.add(new Parameter("critical_T_disturbed", tcD, "MPa/m", params.criticalSource(), confidence));
        parameters.add(new Parameter("critical_T_normal", tcN, "MPa/m", params.criticalSource(), confidence));
        parameters.add(new Parameter("cell_dx", grid.dx(), "m", "analysis grid", "caller"));
        parameters.add(new Parameter("cell_dy", grid.dy(), "m", "analysis grid", "caller"));
        if (noAq > 0) {
            warnings.add(noAq + " cells have an effective aquiclude thickness <= 0: flagged no_aquiclude, T not "
                    + "computed; treat them as exposed to the aquifer");
        }
        if (noVal > 0) {
            warnings.add(noVal + " cells have no P or no M (NaN input): no value");
        }
        if (pressure.grid() == null && pressure.method() == Interpolation.PLANAR_TREND) {
            warnings.add("the planar trend extrapolates beyond the piezometers; cells far outside their hull are "
                    + "less certain");
        }

        GeometryFactory gf = new GeometryFactory();
        double cellArea = grid.cellArea();
        String fmt = "%.4g";
        List<Zone> zones = new ArrayList<>();
        zones.add(zone(grid, gf, "exceeds_critical", String.format(Locale.ROOT, "T > " + fmt + " MPa/m in disturbed "
                + "zones, T > " + fmt + " MPa/m elsewhere", tcD, tcN), exceed));
        zones.add(zone(grid, gf, "t_above_disturbed", String.format(Locale.ROOT, "T > " + fmt + " MPa/m anywhere",
                tcD), aboveD));
        zones.add(zone(grid, gf, "t_above_normal", String.format(Locale.ROOT, "T > " + fmt + " MPa/m anywhere", tcN),
                aboveN));
        zones.add(zone(grid, gf, "no_aquiclude", "effective aquiclude thickness <= 0 m", thin));
        methods.add("zones are the union of the cells meeting the rule (cell squares merged, exact in grid index "
                + "space), not interpolated contours; boundaries follow cell edges");
        methods.add("a cell exceeds when T is strictly greater than the critical value that applies at its centre");

        InrushSummary summary = new InrushSummary(n, withT, noAq, noVal, withT > 0 ? min : Double.NaN,
                withT > 0 ? max : Double.NaN, withT > 0 ? sum / withT : Double.NaN, exceeding, exceeding * cellArea,
                dist, dist * cellArea);
        Explanation explanation = new Explanation("water_inrush_coefficient",
                "T = P / M (MPa/m); M = thickness - floor_damage_depth (m); exceeds when T > critical_T_disturbed "
                        + "inside disturbed zones, T > critical_T_normal elsewhere",
                inputs, parameters, methods, warnings);
        return new WaterInrushResult(new GridValues(grid, p), new GridValues(grid, m), new GridValues(grid, t), cls,
                disturbed, zones, summary, explanation);
    }

    private static Zone zone(AnalysisGrid grid, GeometryFactory gf, String name, String rule, byte[] mask) {
        int count = 0;
        for (byte b : mask) {
            count += b;
        }
        var g = CellZones.union(grid, mask, gf);
        return new Zone(name, rule, g, count, g.getArea());
    }

    private static void requireGrid(AnalysisGrid grid, GridValues v, String field) {
        if (!v.grid().equals(grid)) {
            throw new InvalidContentException(field + ": on grid " + v.grid() + ", not on the analysis grid " + grid);
        }
    }

    private static void interpolate(Interpolation method, double[] x, double[] y, double[] v, double[] cx,
            double[] cy, double[] out, double power, String field, String what, List<Parameter> parameters,
            List<String> methods) {
        switch (method) {
            case PLANAR_TREND -> {
                double[] plane = Interpolators.fitPlane(x, y, v, field);
                Interpolators.evalPlane(plane, cx, cy, out);
                methods.add(String.format(Locale.ROOT, "%s by planar least-squares trend over %d points: "
                        + "%s = %.6g + %.6g*(x - %.3f) + %.6g*(y - %.3f), RMS residual %.3g", what, x.length, what,
                        plane[2], plane[3], plane[0], plane[4], plane[1], plane[5]));
            }
            case IDW -> {
                Interpolators.idw(x, y, v, power, cx, cy, out);
                methods.add(String.format(Locale.ROOT, "%s by inverse distance weighting over all %d points, "
                        + "weights 1/d^%s", what, x.length, power));
                if (parameters.stream().noneMatch(q -> q.name().equals("idw_power"))) {
                    parameters.add(new Parameter("idw_power", power, "", "method choice", "caller"));
                }
            }
            default -> throw new IllegalStateException(method.name());
        }
    }
}
