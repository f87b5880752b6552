package org.geoassure.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.server.cli.RowWriter.Col;
import org.geoassure.server.cli.RowWriter.Kind;

/** Column layouts of exported and queried rows. */
final class Rows {
    static final List<Col> STATION_COLUMNS = List.of(Col.text("hole_id"), Col.number("depth"), Col.number("x"),
            Col.number("y"), Col.number("z"));
    static final List<Col> HOLE_COLUMNS = List.of(Col.text("hole_id"), Col.number("x"), Col.number("y"),
            Col.number("z"), Col.number("total_depth"), Col.number("azimuth"), Col.number("dip"),
            new Col("stations", Kind.LONG), Col.text("desurvey_method"), new Col("valid_from", Kind.TIMESTAMP),
            new Col("recorded_at", Kind.TIMESTAMP));
    private static final List<Col> POSITIONS = List.of(Col.number("x_from"), Col.number("y_from"),
            Col.number("z_from"), Col.number("x_to"), Col.number("y_to"), Col.number("z_to"), Col.number("x_mid"),
            Col.number("y_mid"), Col.number("z_mid"));

    private Rows() {
    }

    /** What can be written: borehole versions, survey stations with positions, or the rows of an interval table. */
    enum Dataset {
        BOREHOLES, STATIONS, INTERVALS
    }

    /**
     * Streams a dataset of the selection to {@code w} in {@code format} (csv, json or arrow).
     *
     * @param table the interval table (required for {@link Dataset#INTERVALS}, ignored otherwise)
     * @return rows written
     */
    static long write(WorkspaceStore store, Dataset dataset, String table, Selection s, String format,
            RowWriter.Output w) {
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
                List<Col> cols = intervalColumns(store.intervalColumns(table));
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
            r.add(h.valid().from());
            r.add(h.recorded().from());
            w.row(r);
            n[0]++;
        });
        return n[0];
    }

    /** hole_id, from, to, the attributes (NUMBER as DOUBLE, TEXT as TEXT), then the nine positions. */
    static List<Col> intervalColumns(List<Column> attrs) {
        List<Col> cols = attributeColumns(attrs);
        cols.addAll(POSITIONS);
        return cols;
    }

    /** hole_id, from, to and the attributes (NUMBER as DOUBLE, TEXT as TEXT), in a list the caller may extend. */
    static List<Col> attributeColumns(List<Column> attrs) {
        List<Col> cols = new ArrayList<>(List.of(Col.text("hole_id"), Col.number("from"), Col.number("to")));
        attrs.forEach(c -> cols.add(new Col(c.name(), c.type() == ColumnType.NUMBER ? Kind.DOUBLE : Kind.TEXT)));
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
