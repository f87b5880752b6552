package org.geoassure.geodb.hazard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.FeatureStore.StoredFeature;

/**
 * The hazard analyses over a workspace as of a date: the inputs are read from the store in one time slice (valid time
 * {@code asOf}, record time now unless given), and the explanation names each input with its layer, its version
 * (valid and record start) and the slice used.
 */
public final class WorkspaceHazards {
    /** Roles whose features are faces. */
    public static final String FACE = "face";

    private WorkspaceHazards() {
    }

    /**
     * Proximity of the faces valid at {@code time} to the hazard features valid then (every role the rules name), from
     * the given layers (empty: all).
     *
     * @throws InvalidContentException if there is no face in the slice
     */
    public static ProximityResult proximity(FeatureStore store, Set<String> layers, TimeSlice time,
            ProximityRules rules) {
        List<StoredFeature> faces;
        try (Stream<StoredFeature> s = store.features(layers, Set.of(FACE), null, time)) {
            faces = s.filter(f -> f.feature().kind() == FeatureKind.LINES).toList();
        }
        if (faces.isEmpty()) {
            throw new InvalidContentException("no working face (role face, lines) is valid at " + describe(time)
                    + " in " + (layers.isEmpty() ? "any layer" : "layers " + layers));
        }
        Set<String> roles = new java.util.TreeSet<>();
        rules.rules().forEach(r -> roles.add(r.role()));
        List<StoredFeature> hazards;
        try (Stream<StoredFeature> s = store.features(layers, roles, null, time)) {
            hazards = s.toList();
        }
        ProximityResult r = Proximity.evaluate(faces.stream().map(StoredFeature::feature).toList(),
                hazards.stream().map(StoredFeature::feature).toList(), rules);
        Map<String, StoredFeature> byId = new HashMap<>();
        faces.forEach(f -> byId.putIfAbsent(f.feature().id(), f));
        hazards.forEach(f -> byId.putIfAbsent(f.feature().id(), f));
        Explanation e = r.explanation();
        List<InputRef> inputs = new ArrayList<>();
        for (InputRef in : e.inputs()) {
            StoredFeature sf = byId.get(in.id());
            inputs.add(sf == null ? in : new InputRef(in.role(), sf.layer() + "/" + in.id(), in.name(),
                    "valid from " + sf.valid().from() + ", recorded " + sf.recorded().from(), describe(time)));
        }
        return new ProximityResult(r.rules(), r.hits(), new Explanation(e.analysis(), e.formula(), inputs,
                e.parameters(), e.methods(), e.warnings()));
    }

    /** "valid 2025-06-01T00:00:00Z, recorded now" and the like. */
    public static String describe(TimeSlice t) {
        return "valid " + (t.validAt() == null ? "now" : t.validAt().toString()) + ", recorded "
                + (t.recordedAt() == null ? "now" : t.recordedAt().toString());
    }

    /** The fault features valid in the slice, buffered in plan by {@code width} m, as disturbed zones. */
    public static List<DisturbedZone> faultZones(FeatureStore store, Set<String> layers, TimeSlice time, double width) {
        if (!(width > 0)) {
            return List.of();
        }
        List<DisturbedZone> out = new ArrayList<>();
        try (Stream<StoredFeature> s = store.features(layers, Set.of("fault"), null, time)) {
            s.forEach(sf -> {
                Feature f = sf.feature();
                if (f.geometry() != null) {
                    out.add(new DisturbedZone(new InputRef("fault", sf.layer() + "/" + f.id(), f.name(),
                            "valid from " + sf.valid().from() + ", buffered " + width + " m", describe(time)),
                            f.geometry().buffer(width)));
                }
            });
        }
        return out;
    }

    /**
     * How {@link #waterInrush} reads the workspace.
     *
     * @param table the interval table with the hydrogeological units (e.g. {@code lithology})
     * @param unitColumn its column naming the unit (e.g. {@code HYDRO})
     * @param aquiclude the value of the aquiclude in that column (e.g. {@code aquiclude})
     * @param cellSize analysis cell size (m)
     * @param faultZone half-width (m) of the disturbed zone around fault features (0: none)
     * @param pressureMethod how the piezometer pressures are spread
     * @param thicknessMethod how the thickness picks are spread
     * @param params critical values, floor damage, IDW power
     */
    public record InrushSetup(String table, String unitColumn, String aquiclude, double cellSize, double faultZone,
            Interpolation pressureMethod, Interpolation thicknessMethod, WaterInrushParams params) {
        public InrushSetup {
            if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
                throw new InvalidContentException("cellSize: must be > 0 (m), got " + cellSize);
            }
            if (!(faultZone >= 0) || !Double.isFinite(faultZone)) {
                throw new InvalidContentException("faultZone: must be >= 0 (m), got " + faultZone);
            }
        }
    }

    /**
     * The water-inrush coefficient over the workspace as of the slice's valid time:
     * <ul>
     * <li>M: per borehole, the vertical thickness of the aquiclude runs ({@link org.geoassure.geodb.analysis.ContactPicks})
     * of the interval table, at the top of the first run; the grid covers these picks;
     * <li>P: the last reading at or before the valid time of every piezometer (heads in m) and water-pressure station
     * (MPa); a head is turned into the pressure on the aquiclude base there, the base elevation being interpolated
     * (inverse distance squared) from the picks;
     * <li>disturbed zones: fault features valid then, buffered in plan by {@code faultZone}.
     * </ul>
     *
     * @throws InvalidContentException when a part is missing (no picks, no piezometer reading)
     */
    public static WaterInrushResult waterInrush(org.geoassure.geodb.store.WorkspaceStore ws, FeatureStore features,
            org.geoassure.geodb.store.SeriesStore series, Set<String> layers, TimeSlice time, InrushSetup setup) {
        String slice = describe(time);
        List<String> warnings = new ArrayList<>();
        // M from the picks
        List<org.geoassure.geodb.analysis.ContactPicks.UnitPick> picks = org.geoassure.geodb.analysis.ContactPicks
                .units(intervals(ws, setup.table(), time).stream(), setup.unitColumn());
        Map<String, double[]> perHole = new java.util.LinkedHashMap<>(); // x, y, thickness, base z
        for (var p : picks) {
            if (!p.unit().equals(setup.aquiclude())) {
                continue;
            }
            double[] acc = perHole.get(p.holeId());
            if (acc == null) {
                perHole.put(p.holeId(), new double[] {p.top()[0], p.top()[1], p.verticalThickness(), p.bottom()[2]});
            } else {
                acc[2] += p.verticalThickness();
                acc[3] = Math.min(acc[3], p.bottom()[2]);
            }
        }
        if (perHole.size() < 3) {
            throw new InvalidContentException("unit: " + perHole.size() + " holes have '" + setup.aquiclude()
                    + "' in column " + setup.unitColumn() + " of table " + setup.table() + " at " + slice
                    + "; the aquiclude thickness needs at least 3");
        }
        List<ValuePoint> thickness = new ArrayList<>();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (var e : perHole.entrySet()) {
            double[] a = e.getValue();
            thickness.add(new ValuePoint(e.getKey(), a[0], a[1], a[2], setup.table() + "." + setup.unitColumn(),
                    slice));
            minX = Math.min(minX, a[0]);
            minY = Math.min(minY, a[1]);
            maxX = Math.max(maxX, a[0]);
            maxY = Math.max(maxY, a[1]);
        }
        int nx = Math.max(1, (int) Math.ceil((maxX - minX) / setup.cellSize()));
        int ny = Math.max(1, (int) Math.ceil((maxY - minY) / setup.cellSize()));
        AnalysisGrid grid = AnalysisGrid.of(minX, minY, setup.cellSize(), nx, ny);

        // P from the last readings
        Instant at = time.validAt() == null ? Instant.now() : time.validAt();
        List<org.geoassure.geodb.series.Station> stations = new ArrayList<>();
        for (var st : series.seriesStations(time.recordedAt())) {
            boolean head = st.kind() == org.geoassure.geodb.series.StationKind.PIEZOMETER && st.unit().equals("m");
            boolean pressure = st.kind() == org.geoassure.geodb.series.StationKind.WATER_PRESSURE
                    && st.unit().equals("MPa");
            if ((head || pressure) && !Double.isNaN(st.x()) && !Double.isNaN(st.y())) {
                stations.add(st);
            }
        }
        Map<String, org.geoassure.geodb.series.LastValue> last = new HashMap<>();
        for (var lv : series.lastValues(stations.stream().map(org.geoassure.geodb.series.Station::id).toList(), at,
                time.recordedAt())) {
            if (lv != null && lv.time() != null && !Double.isNaN(lv.value())) {
                last.put(lv.stationId(), lv);
            }
        }
        List<PressurePoint> points = new ArrayList<>();
        for (var st : stations) {
            var lv = last.get(st.id());
            if (lv == null) {
                warnings.add("station " + st.id() + ": no reading at or before " + at + "; not used");
                continue;
            }
            if (java.time.Duration.between(lv.time(), at).toDays() > 31) {
                warnings.add("station " + st.id() + ": its last reading (" + lv.time() + ") is more than 31 days "
                        + "before " + at);
            }
            PressurePoint p;
            if (st.unit().equals("m")) {
                double base = idw(perHole.values(), st.x(), st.y());
                p = PressurePoint.ofHead(st.id(), st.x(), st.y(), lv.value(), base);
            } else {
                p = PressurePoint.ofPressure(st.id(), st.x(), st.y(), lv.value());
            }
            points.add(p.withProvenance("reading at " + lv.time(), slice));
        }
        if (points.isEmpty()) {
            throw new InvalidContentException("piezometers: no piezometer (kind piezometer, unit m) or water-pressure "
                    + "station (MPa) with a position has a reading at or before " + at);
        }
        List<DisturbedZone> zones = faultZones(features, layers, time, setup.faultZone());
        WaterInrushResult r = WaterInrush.compute(grid, PressureField.ofPoints(points, setup.pressureMethod()),
                ThicknessField.ofPoints(thickness, setup.thicknessMethod()), zones, setup.params());
        Explanation e = r.explanation();
        List<String> methods = new ArrayList<>(e.methods());
        methods.add("inputs read from the workspace at " + slice + ": M per hole = vertical thickness of the '"
                + setup.aquiclude() + "' runs of " + setup.table() + "." + setup.unitColumn() + "; P at each "
                + "piezometer = rho*g*(head - aquiclude base), the base interpolated (inverse distance squared) from "
                + "the holes; grid = the picks' extent in " + setup.cellSize() + " m cells");
        List<String> allWarnings = new ArrayList<>(e.warnings());
        allWarnings.addAll(warnings);
        return new WaterInrushResult(r.pressure(), r.thickness(), r.t(), r.classes(), r.disturbed(), r.zones(),
                r.summary(), new Explanation(e.analysis(), e.formula(), e.inputs(), e.parameters(), methods,
                        allWarnings));
    }

    /**
     * The fracture zone over the seam at one hole.
     *
     * @param holeId the hole
     * @param x easting of the seam top
     * @param y northing of the seam top
     * @param result the formula's result for the hole's mined thickness and aquifer distance (NaN when the hole has no
     *     aquifer above the seam)
     */
    public record HoleFracture(String holeId, double x, double y, FractureZoneResult result) {
    }

    /**
     * Per hole, the water-conducting fracture zone height ({@link FractureZone}) of mining the whole seam there
     * (mined thickness = the seam's vertical thickness in the hole), against the distance from the seam top up to the
     * base of the nearest aquifer run above it: the roof-water check of the 2017 standard's formulas (coefficients
     * unverified, docs/hazards.md), hole by hole, in the slice.
     *
     * @param seamColumn interval column naming the seam (e.g. {@code LITH}), {@code seam} its value ({@code coal})
     * @param unitColumn interval column naming aquifers (e.g. {@code HYDRO}), {@code aquifer} their value
     */
    public static List<HoleFracture> fractureZones(org.geoassure.geodb.store.WorkspaceStore ws, String table,
            String seamColumn, String seam, String unitColumn, String aquifer, Overburden overburden, TimeSlice time) {
        List<org.geoassure.geodb.model.IntervalRecord> rows = intervals(ws, table, time);
        var seams = org.geoassure.geodb.analysis.ContactPicks.units(rows.stream(), seamColumn);
        var units = org.geoassure.geodb.analysis.ContactPicks.units(rows.stream(), unitColumn);
        Map<String, double[]> seamByHole = new java.util.LinkedHashMap<>(); // x, y, top z, thickness
        for (var p : seams) {
            if (p.unit().equals(seam)) {
                double[] a = seamByHole.get(p.holeId());
                if (a == null) {
                    seamByHole.put(p.holeId(), new double[] {p.top()[0], p.top()[1], p.top()[2],
                        p.verticalThickness()});
                } else {
                    a[3] += p.verticalThickness();
                }
            }
        }
        if (seamByHole.isEmpty()) {
            throw new InvalidContentException("seam: no hole has '" + seam + "' in column " + seamColumn + " of table "
                    + table + " at " + describe(time));
        }
        List<HoleFracture> out = new ArrayList<>();
        String slice = describe(time);
        for (var e : seamByHole.entrySet()) {
            double[] a = e.getValue();
            double distance = Double.NaN;
            for (var p : units) {
                if (p.holeId().equals(e.getKey()) && p.unit().equals(aquifer) && p.bottom()[2] >= a[2]) {
                    double d = p.bottom()[2] - a[2];
                    distance = Double.isNaN(distance) ? d : Math.min(distance, d);
                }
            }
            FractureZoneInput in = FractureZoneInput.of(a[3], overburden).withAquiferDistance(distance)
                    .withInputs(List.of(new InputRef("borehole", e.getKey(), e.getKey(), table + "." + seamColumn
                            + " / " + unitColumn, slice)));
            out.add(new HoleFracture(e.getKey(), a[0], a[1], FractureZone.compute(in)));
        }
        return out;
    }

    /** The rows of an interval table in the slice; a missing table is named with the tables there are. */
    private static List<org.geoassure.geodb.model.IntervalRecord> intervals(org.geoassure.geodb.store.WorkspaceStore ws,
            String table, TimeSlice time) {
        if (!ws.intervalTables().contains(table)) {
            throw new InvalidContentException("table: no interval table '" + table + "' (tables: "
                    + ws.intervalTables() + ")");
        }
        try (Stream<org.geoassure.geodb.model.IntervalRecord> s = ws.intervals(table,
                org.geoassure.geodb.query.Selection.all().at(time))) {
            return s.toList();
        }
    }

    /** Inverse-distance-squared interpolation of the base elevation (index 3) of the hole values at (x, y). */
    private static double idw(java.util.Collection<double[]> holes, double x, double y) {
        double sw = 0;
        double sv = 0;
        for (double[] h : holes) {
            double d2 = (h[0] - x) * (h[0] - x) + (h[1] - y) * (h[1] - y);
            if (d2 == 0) {
                return h[3];
            }
            sw += 1 / d2;
            sv += h[3] / d2;
        }
        return sv / sw;
    }
}
