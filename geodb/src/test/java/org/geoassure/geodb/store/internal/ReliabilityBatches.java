package org.geoassure.geodb.store.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;

/** Synthetic drillhole batches for the reliability tests: surveyed holes with lithology and assay intervals. */
final class ReliabilityBatches {
    static final Map<String, List<Column>> SCHEMAS = Map.of(
            "lithology", List.of(new Column("lith", ColumnType.TEXT)),
            "assays", List.of(new Column("cu", ColumnType.NUMBER), new Column("au", ColumnType.NUMBER)));

    private ReliabilityBatches() {
    }

    /**
     * Holes {@code prefix0 .. prefix(n-1)}; {@code variant} changes the survey and the values (a re-ingest with
     * another variant changes every hole), {@code validFrom} null makes a re-ingest a correction.
     */
    static DrillholeBatch batch(String prefix, int n, int variant, Instant validFrom) {
        List<HoleData> holes = new ArrayList<>(n);
        for (int h = 0; h < n; h++) {
            List<IntervalRow> lith = new ArrayList<>();
            List<IntervalRow> assays = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                lith.add(new IntervalRow(k * 10, k * 10 + 10, List.of("rock" + (k + variant) % 4)));
                assays.add(new IntervalRow(k * 10, k * 10 + 5, List.of(0.01 * (k + h + variant), k % 3 == 0 ? 0.5 : 0.1)));
            }
            holes.add(new HoleData(Collar.of(prefix + h, 39_500_000 + h % 200 * 25, 4_000_000 + h / 200 * 25, 200),
                    List.of(new SurveyStation(0, (h + variant) % 360, -80), new SurveyStation(60, (h + 7) % 360, -75),
                            new SurveyStation(120, (h + 9 + variant) % 360, -70)),
                    Map.of("lithology", lith, "assays", assays), null));
        }
        return new DrillholeBatch(holes, SCHEMAS, DesurveyMethod.MINIMUM_CURVATURE, validFrom,
                new Provenance(List.of(), "reliability", Map.of(), List.of()));
    }

    /**
     * Creates a workspace with history: {@code holes} new holes, a correction of a third of them, a valid-time split
     * of a few.
     */
    static Path workspaceWithHistory(Path file, int holes) {
        try (WorkspaceStore ws = Workspaces.create(file, WorkspaceInfo.of("reliability", "EPSG:4527", "unspecified"))) {
            ws.ingest(batch("H", holes, 0, null));
            ws.ingest(batch("H", holes / 3, 1, null)); // a correction
            ws.ingest(batch("H", 5, 2, Instant.parse("2030-01-01T00:00:00Z"))); // a valid-time split
        }
        return file;
    }
}
