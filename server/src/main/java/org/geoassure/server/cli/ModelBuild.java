package org.geoassure.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.Samples;
import org.geoassure.geodb.analysis.VariogramModel;
import org.geoassure.geodb.analysis.VariogramText;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;

/** Helpers of the model commands: option parsing that names the option, and the data versions a model reads. */
final class ModelBuild {
    private ModelBuild() {
    }

    /** Three comma-separated numbers (all positive when {@code positive}). */
    static double[] triple(String option, String text, boolean positive) {
        String[] f = text.split(",");
        if (f.length != 3) {
            throw new InvalidContentException(option + ": '" + text + "' is not three comma-separated numbers");
        }
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                out[i] = Double.parseDouble(f[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidContentException(option + ": '" + f[i].strip() + "' is not a number");
            }
            if (!Double.isFinite(out[i]) || (positive && !(out[i] > 0))) {
                throw new InvalidContentException(option + ": " + f[i].strip() + " must be " + (positive ? "positive"
                        : "finite"));
            }
        }
        return out;
    }

    /** Three comma-separated positive integers. */
    static int[] dims(String option, String text) {
        double[] d = triple(option, text, true);
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            if (d[i] != Math.rint(d[i]) || d[i] > Integer.MAX_VALUE) {
                throw new InvalidContentException(option + ": " + d[i] + " is not a whole number of cells");
            }
            out[i] = (int) d[i];
        }
        return out;
    }

    /** A variogram model from a file ({@link VariogramText}). */
    static VariogramModel variogram(String option, Path file) {
        try {
            return VariogramText.parse(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidContentException(option + ": cannot read " + file + " (" + e.getMessage() + ")");
        } catch (InvalidContentException e) {
            throw new InvalidContentException(option + ": " + file + ": " + e.getMessage());
        }
    }

    /** The table must exist. */
    static void requireTable(WorkspaceStore store, String table) {
        if (!store.intervalTables().contains(table)) {
            throw new InvalidContentException("--table: no interval table '" + table + "' (tables: "
                    + store.intervalTables() + ")");
        }
    }

    /**
     * Which data versions a model read: the rows' record times, the ingests that recorded them, the latest record
     * time.
     */
    static final class DataVersions {
        final Set<Instant> recorded = new TreeSet<>();
        long rows;

        void add(IntervalRecord r) {
            rows++;
            recorded.add(r.recorded().from());
        }

        Instant latest() {
            return recorded.isEmpty() ? null : ((TreeSet<Instant>) recorded).last();
        }

        List<Long> ingests(WorkspaceStore store) {
            List<Long> ids = new ArrayList<>();
            for (IngestRecord i : store.ingests()) {
                if (recorded.contains(i.recordedAt())) {
                    ids.add(i.id());
                }
            }
            return ids;
        }

        void into(Map<String, String> params, WorkspaceStore store, String table) {
            params.put("data.table", table);
            params.put("data.rows", Long.toString(rows));
            params.put("data.recordedUpTo", String.valueOf(latest()));
            params.put("data.ingests", ingests(store).toString());
        }

        String describe(WorkspaceStore store) {
            return rows + " rows recorded up to " + latest() + " (ingests " + ingests(store) + ")";
        }
    }

    /** Interval mid-points with a finite numeric value in {@code column} (current rows), and their versions. */
    static Samples midpoints(WorkspaceStore store, String table, String column, DataVersions dv) {
        return midpoints(store, table, column, dv, Selection.all());
    }

    /** As {@link #midpoints(WorkspaceStore, String, String, DataVersions)} for the rows a selection reads. */
    static Samples midpoints(WorkspaceStore store, String table, String column, DataVersions dv, Selection sel) {
        requireTable(store, table);
        List<double[]> pts = new ArrayList<>();
        try (Stream<IntervalRecord> rows = store.intervals(table, sel)) {
            rows.forEach(r -> {
                if (!r.values().containsKey(column)) {
                    throw new InvalidContentException("--column: no column '" + column + "' in " + table
                            + " (columns: " + r.values().keySet() + ")");
                }
                Object o = r.values().get(column);
                if (o == null) {
                    return;
                }
                if (!(o instanceof Number n)) {
                    throw new InvalidContentException("--column: " + column + " is not numeric (hole " + r.holeId()
                            + " from " + r.from() + ": '" + o + "')");
                }
                double v = n.doubleValue();
                if (Double.isFinite(v) && Double.isFinite(r.position(8))) {
                    pts.add(new double[] {r.position(6), r.position(7), r.position(8), v});
                    dv.add(r);
                }
            });
        }
        double[][] c = new double[4][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            for (int k = 0; k < 4; k++) {
                c[k][i] = pts.get(i)[k];
            }
        }
        return new Samples(c[0], c[1], c[2], c[3]);
    }

    /** Current rows of a table, collecting versions; {@code keep} filters. */
    static List<IntervalRecord> rows(WorkspaceStore store, String table, DataVersions dv,
            Predicate<IntervalRecord> keep) {
        requireTable(store, table);
        try (Stream<IntervalRecord> rows = store.intervals(table, Selection.all())) {
            List<IntervalRecord> out = rows.filter(keep).toList();
            out.forEach(dv::add);
            return out;
        }
    }
}
