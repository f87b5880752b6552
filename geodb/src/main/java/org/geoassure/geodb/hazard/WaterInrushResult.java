package org.geoassure.geodb.hazard;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.hazard.internal.Json;
import org.locationtech.jts.io.WKTWriter;

/**
 * The result of {@link WaterInrush#compute}: grids of P, effective M and T, the class of every cell, the
 * disturbed-zone mask, the zones, summary statistics and the explanation.
 *
 * @param pressure P per cell (MPa)
 * @param thickness effective aquiclude thickness M per cell (m), after the floor damage depth
 * @param t water-inrush coefficient T = P / M per cell (MPa/m); NaN where P or M is missing or M ≤ 0
 * @param classes {@link InrushClass} code per cell
 * @param disturbed 1 where the cell is in a disturbed zone, 0 elsewhere
 * @param zones {@code exceeds_critical} (the applicable critical value per cell), then {@code t_above_disturbed}
 *     (T above the disturbed-ground critical value everywhere) and {@code t_above_normal} (T above the normal-ground
 *     critical value everywhere), then {@code no_aquiclude}
 * @param summary statistics
 * @param explanation inputs, formula, parameters, methods, warnings
 */
public record WaterInrushResult(GridValues pressure, GridValues thickness, GridValues t, byte[] classes,
        byte[] disturbed, List<Zone> zones, InrushSummary summary, Explanation explanation) {
    public WaterInrushResult {
        Objects.requireNonNull(t, "t");
        classes = classes.clone();
        disturbed = disturbed.clone();
        zones = List.copyOf(zones);
    }

    /** The grid. */
    public AnalysisGrid grid() {
        return t.grid();
    }

    /** Class of cell index c. */
    public InrushClass classOf(int c) {
        return InrushClass.ofCode(classes[c]);
    }

    /** Copy of the class codes. */
    @Override
    public byte[] classes() {
        return classes.clone();
    }

    /** Copy of the disturbed mask. */
    @Override
    public byte[] disturbed() {
        return disturbed.clone();
    }

    /** The zone of that name. */
    public Zone zone(String name) {
        for (Zone z : zones) {
            if (z.name().equals(name)) {
                return z;
            }
        }
        throw new IllegalArgumentException("no zone " + name);
    }

    /**
     * The result without its grids as one JSON object: the zones (name, rule, cells, area, part areas, geometry as
     * WKT in world coordinates), the summary and the explanation.
     */
    public String toJson() {
        Json j = new Json().beginObject().key("analysis").value("water_inrush_coefficient").key("zones").beginArray();
        for (Zone z : zones) {
            j.beginObject().key("name").value(z.name()).key("rule").value(z.rule()).key("cells").value(z.cells())
                    .key("area").value(z.area()).key("partAreas").beginArray();
            z.partAreas().forEach(j::value);
            j.endArray().key("wkt").value(new WKTWriter().write(z.geometry())).endObject();
        }
        InrushSummary s = summary;
        j.endArray().key("summary").beginObject().key("cells").value(s.cells()).key("cellsWithT")
                .value(s.cellsWithT()).key("cellsNoAquiclude").value(s.cellsNoAquiclude()).key("cellsNoValue")
                .value(s.cellsNoValue()).key("minT").value(s.minT()).key("maxT").value(s.maxT()).key("meanT")
                .value(s.meanT()).key("exceedingCells").value(s.exceedingCells()).key("exceedingArea")
                .value(s.exceedingArea()).key("disturbedCells").value(s.disturbedCells()).key("disturbedArea")
                .value(s.disturbedArea()).endObject();
        return j.key("explanation").raw(explanation.toJson()).endObject().toString();
    }
}
