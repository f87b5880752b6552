package org.geoassure.geodb.query.sql.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FilterableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.query.ScanStats;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.store.WorkspaceStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The workspace as a Calcite schema: {@code boreholes}, {@code surveys} and one table per interval table, in one time
 * slice. Rows stream from the storage SPI; geometries are JTS geometries with z. Internal.
 */
public final class WorkspaceSchema extends AbstractSchema {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final WorkspaceStore store;
    private final Selection slice;
    private final String schemaName;
    private final Consumer<SqlSession.ScanReport> log;

    /**
     * @param slice the time slice every table shows
     * @param name the schema's name, for scan reports
     * @param log receives a report when each scan closes
     */
    public WorkspaceSchema(WorkspaceStore store, Selection slice, String name, Consumer<SqlSession.ScanReport> log) {
        this.store = store;
        this.slice = slice;
        this.schemaName = name;
        this.log = log;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("boreholes", new StoreTable("boreholes", List.of(
                col("hole_id", SqlTypeName.VARCHAR), col("x", SqlTypeName.DOUBLE), col("y", SqlTypeName.DOUBLE),
                col("z", SqlTypeName.DOUBLE), col("total_depth", SqlTypeName.DOUBLE), col("azimuth", SqlTypeName.DOUBLE),
                col("dip", SqlTypeName.DOUBLE), col("desurvey_method", SqlTypeName.VARCHAR),
                col("valid_from", SqlTypeName.TIMESTAMP), col("recorded_at", SqlTypeName.TIMESTAMP),
                col("geom", SqlTypeName.GEOMETRY)),
                (sel, st) -> rows(store.boreholes(sel, st), WorkspaceSchema::borehole), false));
        tables.put("surveys", new StoreTable("surveys", List.of(
                col("hole_id", SqlTypeName.VARCHAR), col("depth", SqlTypeName.DOUBLE), col("azimuth", SqlTypeName.DOUBLE),
                col("dip", SqlTypeName.DOUBLE), col("x", SqlTypeName.DOUBLE), col("y", SqlTypeName.DOUBLE),
                col("z", SqlTypeName.DOUBLE), col("geom", SqlTypeName.GEOMETRY)),
                (sel, st) -> rows(store.stations(sel, st), WorkspaceSchema::station), true));
        for (String name : store.intervalTables()) {
            List<Column> attrs = store.intervalColumns(name);
            List<Col> cols = new ArrayList<>(List.of(col("hole_id", SqlTypeName.VARCHAR),
                    col("depth_from", SqlTypeName.DOUBLE), col("depth_to", SqlTypeName.DOUBLE)));
            for (Column c : attrs) {
                cols.add(col(c.name(), c.type() == ColumnType.NUMBER ? SqlTypeName.DOUBLE : SqlTypeName.VARCHAR));
            }
            for (String p : List.of("x_from", "y_from", "z_from", "x_to", "y_to", "z_to", "x_mid", "y_mid", "z_mid")) {
                cols.add(col(p, SqlTypeName.DOUBLE));
            }
            cols.add(col("valid_from", SqlTypeName.TIMESTAMP));
            cols.add(col("recorded_at", SqlTypeName.TIMESTAMP));
            cols.add(col("geom", SqlTypeName.GEOMETRY));
            tables.put(name, new StoreTable(name, cols,
                    (sel, st) -> rows(store.intervals(name, sel, st), WorkspaceSchema::interval), true));
        }
        return tables;
    }

    private static Object[] borehole(HoleVersion h) {
        var c = h.collar();
        return new Object[] {h.holeId(), c.x(), c.y(), c.z(), nan(c.totalDepth()), nan(c.azimuth()), nan(c.dip()),
            h.method().label(), h.valid().from().toEpochMilli(), h.recorded().from().toEpochMilli(),
            FACTORY.createPoint(new Coordinate(c.x(), c.y(), c.z()))};
    }

    private static Object[] station(StationRecord s) {
        return new Object[] {s.holeId(), s.depth(), s.azimuth(), s.dip(), s.x(), s.y(), s.z(),
            FACTORY.createPoint(new Coordinate(s.x(), s.y(), s.z()))};
    }

    private static Object[] interval(IntervalRecord r) {
        Object[] row = new Object[3 + r.values().size() + 9 + 3];
        int k = 0;
        row[k++] = r.holeId();
        row[k++] = r.from();
        row[k++] = r.to();
        for (Object v : r.values().values()) {
            row[k++] = v;
        }
        for (int i = 0; i < 9; i++) {
            row[k++] = r.position(i);
        }
        row[k++] = r.valid().from().toEpochMilli();
        row[k++] = r.recorded().from().toEpochMilli();
        row[k] = FACTORY.createLineString(new Coordinate[] {
            new Coordinate(r.position(0), r.position(1), r.position(2)),
            new Coordinate(r.position(6), r.position(7), r.position(8)),
            new Coordinate(r.position(3), r.position(4), r.position(5))});
        return row;
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private record Col(String name, SqlTypeName type) {
    }

    private static Col col(String name, SqlTypeName type) {
        return new Col(name, type);
    }

    /** Opens a fresh stream of rows for each scan, for a selection (the time slice plus any pushed-down filter). */
    @FunctionalInterface
    private interface RowSource {
        Rows open(Selection selection, ScanStats stats);
    }

    /** An open stream of rows and how to close it. */
    private record Rows(Iterator<Object[]> it, Runnable close) {
    }

    private static <T> Rows rows(Stream<T> s, Function<T, Object[]> f) {
        return new Rows(s.map(f).iterator(), s::close);
    }

    /**
     * A read-only table whose rows stream from the store. A conjunct {@code ST_3DDWithin(geom, <constant point or
     * line>, <constant distance>)} in the WHERE clause becomes the scan's spatial filter (R*Tree candidates, refined
     * in double). Calcite applies the other conditions to the rows. When the whole WHERE clause is that one condition
     * is a distance to a point, and the store tests the same geometry as the {@code geom} column ({@code exact}:
     * stations and intervals, not boreholes, whose store geometry is the trace while {@code geom} is the collar),
     * Calcite is told not to test it again: the store's refine computes the same distance with the same arithmetic.
     */
    private final class StoreTable extends AbstractTable implements FilterableTable {
        private final String table;
        private final List<Col> cols;
        private final RowSource source;
        private final int geomIndex;
        private final boolean exact;

        StoreTable(String table, List<Col> cols, RowSource source, boolean exact) {
            this.table = table;
            this.cols = cols;
            this.source = source;
            this.exact = exact;
            int g = -1;
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).name().equals("geom")) {
                    g = i;
                }
            }
            this.geomIndex = g;
        }

        /** The first pushable spatial conjunct, as a filter, or null. */
        private SpatialFilter spatial(List<RexNode> filters, DataContext root) {
            for (RexNode f : filters) {
                for (RexNode c : RelOptUtil.conjunctions(f)) {
                    SpatialFilter sf = Pushdown.dWithin(c, geomIndex, root);
                    if (sf != null) {
                        return sf;
                    }
                }
            }
            return null;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory tf) {
            RelDataTypeFactory.Builder b = tf.builder();
            for (Col c : cols) {
                b.add(c.name(), tf.createTypeWithNullability(tf.createSqlType(c.type()), true));
            }
            return b.build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters) {
            SpatialFilter f = spatial(filters, root);
            if (f instanceof SpatialFilter.NearPoint && exact && filters.size() == 1 && Pushdown.dWithin(filters.get(0), geomIndex, root) != null
                    && Pushdown.geomFirst(filters.get(0), geomIndex)) {
                filters.remove(0);
            }
            Selection sel = f == null ? slice : slice.within(f);
            return new AbstractEnumerable<>() {
                @Override
                public Enumerator<Object[]> enumerator() {
                    ScanStats stats = new ScanStats();
                    Rows rows = source.open(sel, stats);
                    return new Enumerator<>() {
                        private Object[] current;

                        @Override
                        public Object[] current() {
                            return current;
                        }

                        @Override
                        public boolean moveNext() {
                            if (rows.it().hasNext()) {
                                current = rows.it().next();
                                return true;
                            }
                            return false;
                        }

                        @Override
                        public void reset() {
                            throw new UnsupportedOperationException("reset");
                        }

                        @Override
                        public void close() {
                            rows.close().run();
                            log.accept(new SqlSession.ScanReport(schemaName + "." + table, f, stats));
                        }
                    };
                }
            };
        }
    }
}
