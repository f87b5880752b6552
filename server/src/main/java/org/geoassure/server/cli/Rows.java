package org.geoassure.server.cli;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;

/** Column layouts of exported and queried rows. */
final class Rows {
    static final List<String> STATION_COLUMNS = List.of("hole_id", "depth", "x", "y", "z");
    static final List<String> HOLE_COLUMNS = List.of("hole_id", "x", "y", "z", "total_depth", "azimuth", "dip",
            "stations", "desurvey_method", "valid_from", "recorded_at");
    private static final List<String> POSITIONS = List.of("x_from", "y_from", "z_from", "x_to", "y_to", "z_to",
            "x_mid", "y_mid", "z_mid");

    private Rows() {
    }

    /** What can be written: borehole versions, survey stations with positions, or the rows of an interval table. */
    enum Dataset {
        BOREHOLES, STATIONS, INTERVALS
    }

    /**
     * Streams a dataset of the selection to {@code w} in {@code format}.
     *
     * @param table the interval table (required for {@link Dataset#INTERVALS}, ignored otherwise)
     * @return rows written
     */
    static long write(WorkspaceStore store, Dataset dataset, String table, Selection s, String format, Writer w) {
        switch (dataset) {
            case BOREHOLES: {
                try (Stream<HoleVersion> rows = store.boreholes(s); RowWriter out = RowWriter.create(format, w, HOLE_COLUMNS)) {
                    return holes(rows, out);
                }
            }
            case STATIONS: {
                try (Stream<StationRecord> rows = store.stations(s);
                        RowWriter out = RowWriter.create(format, w, STATION_COLUMNS)) {
                    return stations(rows, out);
                }
            }
            default: {
                if (table == null) {
                    throw new InvalidContentException("--table: required for intervals (tables: " + store.intervalTables()
                            + ")");
                }
                List<String> cols = intervalColumns(store.intervalColumns(table));
                try (Stream<IntervalRecord> rows = store.intervals(table, s); RowWriter out = RowWriter.create(format, w, cols)) {
                    return intervals(rows, out);
                }
            }
        }
    }

    static long stations(Stream<StationRecord> rows, RowWriter w) {
        long[] n = {0};
        rows.forEach(s -> {
            w.row(List.of(s.holeId(), s.depth(), s.x(), s.y(), s.z()));
            n[0]++;
        });
        return n[0];
    }

    static long holes(Stream<HoleVersion> rows, RowWriter w) {
        long[] n = {0};
        rows.forEach(h -> {
            List<Object> r = new ArrayList<>();
            r.add(h.holeId());
            r.add(h.collar().x());
            r.add(h.collar().y());
            r.add(h.collar().z());
            r.add(h.collar().totalDepth());
            r.add(h.collar().azimuth());
            r.add(h.collar().dip());
            r.add(h.survey().size());
            r.add(h.method().label());
            r.add(h.valid().from().toString());
            r.add(h.recorded().from().toString());
            w.row(r);
            n[0]++;
        });
        return n[0];
    }

    static List<String> intervalColumns(List<Column> attrs) {
        List<String> cols = new ArrayList<>(List.of("hole_id", "from", "to"));
        attrs.forEach(c -> cols.add(c.name()));
        cols.addAll(POSITIONS);
        return cols;
    }

    static long intervals(Stream<IntervalRecord> rows, RowWriter w) {
        long[] n = {0};
        rows.forEach(i -> {
            List<Object> r = new ArrayList<>();
            r.add(i.holeId());
            r.add(i.from());
            r.add(i.to());
            r.addAll(i.values().values());
            for (int k = 0; k < 9; k++) {
                r.add(i.position(k));
            }
            w.row(r);
            n[0]++;
        });
        return n[0];
    }
}
