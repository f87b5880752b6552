package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.DistanceMeasure;
import org.geoassure.geodb.hazard.Interpolation;
import org.geoassure.geodb.hazard.ProximityHit;
import org.geoassure.geodb.hazard.ProximityResult;
import org.geoassure.geodb.hazard.ProximityRules;
import org.geoassure.geodb.hazard.WaterInrushParams;
import org.geoassure.geodb.hazard.WaterInrushResult;
import org.geoassure.geodb.hazard.WorkspaceHazards;
import org.geoassure.geodb.hazard.Zone;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.SeriesStore;
import org.geoassure.geodb.store.WorkspaceStore;

/** {@code hazard WS proximity} and {@code hazard WS water-inrush}: the analyses over a workspace as of a date. */
final class WorkspaceHazardRuns {
    private WorkspaceHazardRuns() {
    }

    private static WorkspaceStore open(HazardCommand c) {
        WorkspaceArg arg = new WorkspaceArg();
        arg.path = c.workspace;
        return arg.open();
    }

    private static TimeSlice slice(HazardCommand c) {
        return new TimeSlice(Times.parse("--as-of", c.asOf), Times.parse("--recorded-as-of", c.recordedAsOf));
    }

    static int proximity(HazardCommand c) {
        TimeSlice time = slice(c);
        DistanceMeasure measure = switch (c.measure) {
            case "space" -> DistanceMeasure.SPACE;
            case "plan" -> DistanceMeasure.PLAN;
            default -> throw new InvalidContentException("--measure: '" + c.measure + "' is not one of space, plan");
        };
        ProximityRules base;
        try {
            base = ProximityRules.explorationAndWarning(c.pillarWidth, c.inferredExtra);
        } catch (InvalidContentException e) {
            throw HazardCommand.optionNames(e, new String[][] {{"pillarWidth", "--pillar-width"},
                {"inferredExtra", "--inferred-extra"}});
        }
        ProximityRules rules = new ProximityRules(base.name(), measure, base.rules());
        try (WorkspaceStore store = open(c)) {
            ProximityResult r = WorkspaceHazards.proximity(FeatureCommands.features(store), Set.copyOf(c.layers),
                    time, rules);
            PrintWriter out = c.spec.commandLine().getOut();
            if (c.format.equals("json")) {
                out.println(r.toJson());
                return 0;
            }
            out.printf("proximity      %s, %s distance, %s%n", rules.name(), measure.name().toLowerCase(Locale.ROOT),
                    WorkspaceHazards.describe(time));
            out.printf("%-10s %-10s %-15s %10s %10s  %s%n", "face", "feature", "role", "3D (m)", "plan (m)", "line");
            for (ProximityHit h : r.hits()) {
                out.printf(Locale.ROOT, "%-10s %-10s %-15s %10.1f %10.1f  %s%n", h.faceId(), h.featureId(), h.role(),
                        h.distance3d(), h.distancePlan(), h.level().isEmpty() ? "-" : h.level()
                                + (h.inferred() ? " (inferred boundary)" : ""));
            }
            printAlerts(out, store, null, time);
            HazardCommand.printExplanation(out, r.explanation());
        }
        return 0;
    }

    static int waterInrush(HazardCommand c) {
        TimeSlice time = slice(c);
        WaterInrushOptions o = c.inrush;
        WorkspaceHazards.InrushSetup setup;
        try {
            WaterInrushParams params = WaterInrushParams.defaults();
            if (o.criticalDisturbed != 0.06 || o.criticalNormal != 0.10) {
                params = params.withCritical(o.criticalDisturbed, o.criticalNormal, "given on the command line");
            }
            if (o.floorDamage != 0) {
                params = params.withFloorDamage(o.floorDamage, "given on the command line");
            }
            setup = new WorkspaceHazards.InrushSetup(o.table, o.unitColumn, o.aquiclude, o.cell, o.faultZone,
                    method("--pressure", o.pressure), method("--thickness", o.thickness), params);
        } catch (InvalidContentException e) {
            throw HazardCommand.optionNames(e, new String[][] {{"cellSize", "--cell"}, {"faultZone", "--fault-zone"},
                {"criticalDisturbed", "--critical-disturbed"}, {"criticalNormal", "--critical-normal"},
                {"floorDamageDepth", "--floor-damage"}});
        }
        try (WorkspaceStore store = open(c)) {
            if (!(store instanceof SeriesStore series)) {
                throw new InvalidContentException("this workspace's engine does not store monitoring series yet");
            }
            WaterInrushResult r = WorkspaceHazards.waterInrush(store, FeatureCommands.features(store), series,
                    Set.copyOf(c.layers), time, setup);
            PrintWriter out = c.spec.commandLine().getOut();
            if (c.format.equals("json")) {
                out.println(r.toJson());
                return 0;
            }
            var s = r.summary();
            out.printf(Locale.ROOT, "water inrush   T = P/M on %d cells of %s m, %s%n", s.cells(),
                    RowWriter.number(o.cell), WorkspaceHazards.describe(time));
            out.printf(Locale.ROOT, "T (MPa/m)      min %.4f, mean %.4f, max %.4f over %d cells; %d cells without "
                    + "aquiclude%n", s.minT(), s.meanT(), s.maxT(), s.cellsWithT(), s.cellsNoAquiclude());
            out.printf(Locale.ROOT, "disturbed      %.0f m2 (%d cells)%n", s.disturbedArea(), s.disturbedCells());
            for (Zone z : r.zones()) {
                out.printf(Locale.ROOT, "zone %-16s %12.0f m2 in %d polygon(s)  (%s)%n", z.name(), z.area(),
                        z.partAreas().size(), z.rule());
            }
            printAlerts(out, store, r.explanation(), time);
            HazardCommand.printExplanation(out, r.explanation());
        }
        return 0;
    }

    /**
     * The monitoring alerts active at the slice's valid time (the workspace's rules replayed over its readings), for
     * the stations the analysis used when {@code used} is given, else for every station: the warnings shown with the
     * hazards near them.
     */
    private static void printAlerts(PrintWriter out, WorkspaceStore store,
            org.geoassure.geodb.hazard.Explanation used, TimeSlice time) {
        if (!(store instanceof org.geoassure.geodb.store.WarningStore ws) || !(store instanceof SeriesStore series)) {
            return;
        }
        var v = ws.rules(time.recordedAt());
        if (v.isEmpty()) {
            return;
        }
        java.util.Set<String> stations = new java.util.HashSet<>();
        if (used != null) {
            used.inputs().forEach(i -> stations.add(i.id()));
        }
        var alerts = new org.geoassure.geodb.hazard.warning.WorkspaceAlerts(series, ws, AlertsCommand.parse(v.get()));
        int n = 0;
        for (var a : alerts.current(time.validAt() == null ? java.time.Instant.now() : time.validAt(),
                time.recordedAt())) {
            if (used == null || stations.contains(a.station())) {
                out.printf(Locale.ROOT, "monitoring  %s %s since %s (rule %s%s)%n", a.station(), a.level(),
                        org.geoassure.geodb.series.Readings.toInstant(a.raisedMicros()), a.ruleId(),
                        a.acknowledgement().isPresent() ? ", acknowledged" : "");
                n++;
            }
        }
        if (n == 0) {
            out.printf("monitoring  no active alert%s (rules version %d)%n", used == null ? ""
                    : " on the stations used", v.get().version());
        }
    }

    static int fractureZones(HazardCommand c) {
        TimeSlice time = slice(c);
        WaterInrushOptions o = c.inrush;
        if (o.overburden == null) {
            throw new InvalidContentException("--overburden: required for fracture-zones (hard, medium-hard, soft, "
                    + "very-soft)");
        }
        var overburden = org.geoassure.geodb.hazard.Overburden.parse(o.overburden, "--overburden");
        try (WorkspaceStore store = open(c)) {
            var holes = WorkspaceHazards.fractureZones(store, o.table, o.seamColumn, o.seam, o.unitColumn, o.aquifer,
                    overburden, time);
            PrintWriter out = c.spec.commandLine().getOut();
            if (c.format.equals("json")) {
                StringBuilder sb = new StringBuilder("{\"analysis\":\"fracture_zones\",\"slice\":");
                org.geoassure.geodb.internal.JsonText.quote(sb, WorkspaceHazards.describe(time)).append(",\"holes\":[");
                for (int i = 0; i < holes.size(); i++) {
                    var h = holes.get(i);
                    sb.append(i == 0 ? "" : ",").append("{\"hole\":");
                    org.geoassure.geodb.internal.JsonText.quote(sb, h.holeId()).append(",\"x\":").append(h.x())
                            .append(",\"y\":").append(h.y()).append(",\"result\":").append(h.result().toJson())
                            .append('}');
                }
                out.println(sb.append("]}"));
                return 0;
            }
            out.printf("fracture zones %s overburden, seam %s = %s, aquifers %s = %s, %s%n", overburden.label(),
                    o.seamColumn, o.seam, o.unitColumn, o.aquifer, WorkspaceHazards.describe(time));
            out.printf("%-10s %8s %14s %14s %10s  %s%n", "hole", "M (m)", "height (m)", "aquifer (m)", "margin",
                    "verdict");
            long unsafe = 0;
            for (var h : holes) {
                var r = h.result();
                out.printf(Locale.ROOT, "%-10s %8.2f %14.2f %14.2f %10.2f  %s%n", h.holeId(),
                        r.explanation().parameters().stream().filter(p -> p.name().equals("mined_thickness"))
                                .findFirst().map(org.geoassure.geodb.hazard.Parameter::value).orElse(Double.NaN),
                        r.designHeight(), r.aquiferDistance(), r.margin(), r.verdict());
                unsafe += r.verdict().equals("unsafe") ? 1 : 0;
            }
            out.printf("%d of %d holes unsafe (design height + protective layer reaches the aquifer)%n", unsafe,
                    holes.size());
            if (!holes.isEmpty()) {
                HazardCommand.printExplanation(out, holes.get(0).result().explanation());
            }
            printAlerts(out, store, null, time);
        }
        return 0;
    }

    private static Interpolation method(String option, String v) {
        return switch (v) {
            case "planar-trend" -> Interpolation.PLANAR_TREND;
            case "idw" -> Interpolation.IDW;
            default -> throw new InvalidContentException(option + ": '" + v + "' is not one of planar-trend, idw");
        };
    }
}
