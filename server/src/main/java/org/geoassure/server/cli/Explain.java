package org.geoassure.server.cli;

import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.ScanStats;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;

/**
 * {@code --explain} for the options and JSON forms: runs the selection and reports how the store answered it, in the
 * same layout as {@link org.geoassure.geodb.query.sql.SqlQueries#explainAnalyze} (without a Calcite plan: these
 * forms go straight to one store scan).
 */
final class Explain {
    private Explain() {
    }

    static String run(WorkspaceStore store, Rows.Dataset what, String table, Selection s) {
        ScanStats stats = new ScanStats();
        String scan;
        long rows;
        switch (what) {
            case BOREHOLES -> {
                scan = "boreholes";
                try (Stream<?> r = store.boreholes(s, stats)) {
                    rows = r.count();
                }
            }
            case STATIONS -> {
                scan = "surveys";
                try (Stream<?> r = store.stations(s, stats)) {
                    rows = r.count();
                }
            }
            default -> {
                if (table == null) {
                    throw new InvalidContentException("--table: required for intervals (tables: " + store.intervalTables()
                            + ")");
                }
                scan = table;
                try (Stream<?> r = store.intervals(table, s, stats)) {
                    rows = r.count();
                }
            }
        }
        return "plan:\n  one store scan of " + scan + " (no SQL planning)\nscans:\n" + stats.report(scan, s)
                + "rows returned: " + rows + "\n";
    }
}
