package org.geoassure.geodb.store.internal;

import java.nio.file.Path;
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
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;

/**
 * Run in a child JVM by {@link SqliteStoreCrashTest}: ingests a large batch into an existing workspace and prints
 * {@code WRITING} once part of it is written, so the parent can kill it in the middle of the transaction.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int holes = Integer.parseInt(args[1]);
        List<HoleData> list = new ArrayList<>(holes);
        for (int h = 0; h < holes; h++) {
            List<IntervalRow> rows = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                rows.add(new IntervalRow(k * 10, k * 10 + 10, List.of("rock" + k % 3, k * 0.1)));
            }
            list.add(new HoleData(Collar.of("CRASH" + h, 39_500_000 + h % 300 * 30, 4_000_000 + h / 300 * 30, 200),
                    List.of(new SurveyStation(0, h % 360, -80), new SurveyStation(100, (h + 5) % 360, -75)),
                    Map.of("lithology", rows), null));
        }
        DrillholeBatch batch = new DrillholeBatch(list, Map.of("lithology",
                List.of(new Column("lith", ColumnType.TEXT), new Column("cu", ColumnType.NUMBER))),
                DesurveyMethod.MINIMUM_CURVATURE, null, new Provenance(List.of(), "crash", Map.of(), List.of()));
        try (WorkspaceStore ws = Workspaces.open(file)) {
            boolean[] said = {false};
            ws.ingest(batch, (done, total) -> {
                if (!said[0] && done >= total / 4) {
                    System.out.println("WRITING " + done);
                    System.out.flush();
                    said[0] = true;
                }
            });
        }
        System.out.println("FINISHED");
    }
}
