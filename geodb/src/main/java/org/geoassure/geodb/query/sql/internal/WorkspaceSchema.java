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
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.model.TraceRecord;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.ScanStats;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.store.WorkspaceStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * The workspace as a Calcite schema: {@code boreholes}, {@code surveys}, {@code traces}, one table per interval table,
 * the features, hazard, monitoring and {@code blocks_<model>} tables, in one time slice. Rows stream from the storage SPI; geometries are JTS geometries with z. Internal.
 */
public final class WorkspaceSchema extends AbstractSchema {
    private static final GeometryFactory FACTORY = Geometries.FACTORY;

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
                (sel, st, g) -> rows(store.boreholes(sel, st), h -> borehole(h, g)), false));
        tables.put("surveys", new StoreTable("surveys", List.of(
                col("hole_id", SqlTypeName.VARCHAR), col("depth", SqlTypeName.DOUBLE), col("azimuth", SqlTypeName.DOUBLE),
                col("dip", SqlTypeName.DOUBLE), col("x", SqlTypeName.DOUBLE), col("y", SqlTypeName.DOUBLE),
                col("z", SqlTypeName.DOUBLE), col("geom", SqlTypeName.GEOMETRY)),
                (sel, st, g) -> rows(store.stations(sel, st), v -> station(v, g)), true));
        tables.put("traces", new StoreTable("traces", List.of(
                col("hole_id", SqlTypeName.VARCHAR), col("n_points", SqlTypeName.INTEGER),
                col("valid_from", SqlTypeName.TIMESTAMP), col("recorded_at", SqlTypeName.TIMESTAMP),
                col("geom", SqlTypeName.GEOMETRY)),
                (sel, st, g) -> rows(store.traces(sel, st), t -> trace(t, g)), true));
        for (String name : store.intervalTables()) {
            List<Column> attrs = store.intervalColumns(name);
            List<Col> cols = new ArrayList<>(List.of(col("hole_id", SqlTypeName.VARCHAR),
                    col("depth_from", SqlTypeName.DOUBLE), col("depth_to", SqlTypeName.DOUBLE)));
            for (Column c : attrs) {
                cols.add(new Col(c.name(), c.type() == ColumnType.NUMBER ? SqlTypeName.DOUBLE : SqlTypeName.VARCHAR, true));
            }
            for (String p : List.of("x_from", "y_from", "z_from", "x_to", "y_to", "z_to", "x_mid", "y_mid", "z_mid")) {
                cols.add(col(p, SqlTypeName.DOUBLE));
            }
            cols.add(col("valid_from", SqlTypeName.TIMESTAMP));
            cols.add(col("recorded_at", SqlTypeName.TIMESTAMP));
            cols.add(col("geom", SqlTypeName.GEOMETRY));
            tables.put(name, new StoreTable(name, cols,
                    (sel, st, g) -> rows(store.intervals(name, sel, st), r -> interval(r, g)), true));
        }
        if (store instanceof org.geoassure.geodb.store.FeatureStore fs) {
            tables.put("features", new StoreTable("features", List.of(
                    col("feature_id", SqlTypeName.VARCHAR), col("layer", SqlTypeName.VARCHAR),
                    col("name", SqlTypeName.VARCHAR), col("kind", SqlTypeName.VARCHAR), col("role", SqlTypeName.VARCHAR),
                    col("attributes", SqlTypeName.VARCHAR), col("valid_from", SqlTypeName.TIMESTAMP),
                    col("valid_to", SqlTypeName.TIMESTAMP), col("recorded_at", SqlTypeName.TIMESTAMP),
                    col("geom", SqlTypeName.GEOMETRY)),
                    (sel, st, g) -> rows(fs.features(java.util.Set.of(), java.util.Set.of(), sel.spatial().orElse(null),
                            sel.time()), f -> feature(f, g)), false));
        }
        if (store instanceof org.geoassure.geodb.store.FeatureStore fs) {
            // the hazard analyses with their default parameters (docs/hazards.md), in the session's time slice
            tables.put("hazard_proximity", new StoreTable("hazard_proximity", List.of(
                    col("face_id", SqlTypeName.VARCHAR), col("feature_id", SqlTypeName.VARCHAR),
                    col("role", SqlTypeName.VARCHAR), col("distance_3d", SqlTypeName.DOUBLE),
                    col("distance_plan", SqlTypeName.DOUBLE), col("level", SqlTypeName.VARCHAR),
                    col("inferred", SqlTypeName.BOOLEAN)),
                    (sel, st, g) -> rows(org.geoassure.geodb.hazard.WorkspaceHazards.proximity(fs, java.util.Set.of(),
                            sel.time(), org.geoassure.geodb.hazard.ProximityRules.explorationAndWarning(20, 0)).hits()
                            .stream(), h -> new Object[] {h.faceId(), h.featureId(), h.role(), nan(h.distance3d()),
                                nan(h.distancePlan()), h.level().isEmpty() ? null : h.level(), h.inferred()}), false));
            if (store instanceof org.geoassure.geodb.store.SeriesStore ss) {
                tables.put("hazard_water_inrush", new StoreTable("hazard_water_inrush", List.of(
                        col("zone", SqlTypeName.VARCHAR), col("rule", SqlTypeName.VARCHAR),
                        col("area", SqlTypeName.DOUBLE), col("cells", SqlTypeName.INTEGER),
                        col("max_t", SqlTypeName.DOUBLE), col("geom", SqlTypeName.GEOMETRY)),
                        (sel, st, g) -> {
                            var r = org.geoassure.geodb.hazard.WorkspaceHazards.waterInrush(store, fs, ss,
                                    java.util.Set.of(), sel.time(), new org.geoassure.geodb.hazard.WorkspaceHazards
                                            .InrushSetup("lithology", "HYDRO", "aquiclude", 10, 50,
                                            org.geoassure.geodb.hazard.Interpolation.PLANAR_TREND,
                                            org.geoassure.geodb.hazard.Interpolation.IDW,
                                            org.geoassure.geodb.hazard.WaterInrushParams.defaults()));
                            double maxT = r.summary().maxT();
                            return rows(r.zones().stream(), z -> new Object[] {z.name(), z.rule(), z.area(), z.cells(),
                                maxT, g ? FACTORY.createGeometry(z.geometry()) : null});
                        }, false));
            }
        }
        if (store instanceof org.geoassure.geodb.store.SeriesStore ss) {
            java.time.Instant recorded = slice.time().recordedAt();
            tables.put("monitoring_stations", new StoreTable("monitoring_stations", List.of(
                    col("station_id", SqlTypeName.VARCHAR), col("name", SqlTypeName.VARCHAR),
                    col("kind", SqlTypeName.VARCHAR), col("x", SqlTypeName.DOUBLE), col("y", SqlTypeName.DOUBLE),
                    col("z", SqlTypeName.DOUBLE), col("unit", SqlTypeName.VARCHAR), col("watches", SqlTypeName.VARCHAR),
                    col("geom", SqlTypeName.GEOMETRY)),
                    (sel, st, g) -> rows(ss.seriesStations(recorded).stream(), m -> monitoringStation(m, g)), false));
            tables.put("readings", new StoreTable("readings", List.of(
                    col("station_id", SqlTypeName.VARCHAR), col("t", SqlTypeName.TIMESTAMP),
                    col("reading", SqlTypeName.DOUBLE), col("quality", SqlTypeName.VARCHAR)),
                    (sel, st, g) -> rows(ss.seriesStations(recorded).stream().flatMap(m -> readingRows(ss, m.id(),
                            recorded)), r -> r), false));
        }
        if (store instanceof org.geoassure.geodb.store.BlockModelStore bms) {
            for (var v : bms.blockModels()) {
                String name = "blocks_" + v.model().name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
                tables.putIfAbsent(name, blocksTable(bms, v.model().name(), name));
            }
        }
        return tables;
    }

    /**
     * {@code blocks_<model>}: one row per present cell of the model version current at the slice's record time, with
     * i, j, k, the world centroid x, y, z, one column per attribute (a category as its label) and the centroid as
     * geom. Attribute comparisons become the block query's predicates (bricks pruned by their statistics) and
     * {@code ST_3DDWithin(geom, constant, d)} a distance region; the rows stream brick by brick.
     */
    private StoreTable blocksTable(org.geoassure.geodb.store.BlockModelStore bms, String model, String table) {
        java.time.Instant recorded = slice.time().recordedAt();
        var versions = bms.blockModelVersions(model).stream()
                .filter(x -> recorded == null || !x.recordedAt().isAfter(recorded)).toList();
        List<org.geoassure.geodb.grid.BlockAttribute> attrs = versions.isEmpty() ? List.of()
                : versions.get(versions.size() - 1).model().attributes();
        java.util.Set<String> fixed = java.util.Set.of("i", "j", "k", "x", "y", "z", "geom");
        List<Col> cols = new ArrayList<>(List.of(col("i", SqlTypeName.INTEGER), col("j", SqlTypeName.INTEGER),
                col("k", SqlTypeName.INTEGER), col("x", SqlTypeName.DOUBLE), col("y", SqlTypeName.DOUBLE),
                col("z", SqlTypeName.DOUBLE)));
        for (var a : attrs) {
            boolean clash = fixed.contains(a.name().toLowerCase(java.util.Locale.ROOT));
            SqlTypeName type = a.type() == org.geoassure.geodb.grid.AttributeType.CATEGORY ? SqlTypeName.VARCHAR
                    : SqlTypeName.DOUBLE;
            cols.add(new Col(clash ? a.name() + "_" : a.name(), type, !clash));
        }
        cols.add(col("geom", SqlTypeName.GEOMETRY));
        return new StoreTable(table, cols, (sel, st, g) -> {
            if (versions.isEmpty()) {
                return new Rows(java.util.Collections.emptyIterator(), () -> { });
            }
            var src = bms.blockModel(model, versions.get(versions.size() - 1).version());
            var m = src.model();
            var q = org.geoassure.geodb.grid.BlockQuery.all();
            for (AttributePredicate p : sel.predicates()) {
                q = q.where(p);
            }
            SpatialFilter f = sel.spatial().orElse(null);
            if (f instanceof SpatialFilter.NearPoint np) {
                q = q.inside(org.geoassure.geodb.grid.CellRegion.withinDistance(m, List.of(new double[] {np.x(), np.y(),
                    np.z()}), np.distance()));
            } else if (f instanceof SpatialFilter.NearPolyline nl) {
                q = q.inside(org.geoassure.geodb.grid.CellRegion.withinDistance(m, List.of(nl.line()), nl.distance()));
            } else if (f instanceof SpatialFilter.InBox b) {
                q = q.within(b.box());
            }
            return new Rows(new BlockRowIterator(src, q, g, st), () -> { });
        }, false);
    }

    /**
     * The rows of a block query, brick by brick: each brick is selected on its own (through a one-brick view of the
     * source, so the scan's pruning and tests apply unchanged) when the previous brick's rows are used up.
     */
    private static final class BlockRowIterator implements Iterator<Object[]> {
        private final org.geoassure.geodb.grid.BrickSource src;
        private final org.geoassure.geodb.grid.BlockQuery query;
        private final boolean geometry;
        private final Iterator<org.geoassure.geodb.grid.BrickSource.Header> headers;
        private final List<String> needed;
        private final List<org.geoassure.geodb.grid.BlockAttribute> attrs;
        private final ScanStats stats;
        private final java.util.ArrayDeque<Object[]> buffer = new java.util.ArrayDeque<>();
        private long bricksRead;
        private long bricks;

        BlockRowIterator(org.geoassure.geodb.grid.BrickSource src, org.geoassure.geodb.grid.BlockQuery query,
                boolean geometry, ScanStats stats) {
            this.src = src;
            this.stats = stats;
            this.query = query;
            this.geometry = geometry;
            this.headers = src.headers().iterator();
            this.attrs = src.model().attributes();
            this.needed = attrs.stream().map(org.geoassure.geodb.grid.BlockAttribute::name).toList();
        }

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && headers.hasNext()) {
                var h = headers.next();
                var one = new org.geoassure.geodb.grid.BrickSource() {
                    @Override
                    public org.geoassure.geodb.grid.BlockModel model() {
                        return src.model();
                    }

                    @Override
                    public List<Header> headers() {
                        return List.of(h);
                    }

                    @Override
                    public org.geoassure.geodb.grid.Brick brick(long index, boolean[] attributes) {
                        return src.brick(index, attributes);
                    }
                };
                double[] c = new double[3];
                var m = src.model();
                var report = org.geoassure.geodb.grid.BlockScan.select(one, query, needed, (i, j, k, b, local) -> {
                    m.centroid(i, j, k, c);
                    Object[] row = new Object[6 + attrs.size() + 1];
                    row[0] = i;
                    row[1] = j;
                    row[2] = k;
                    row[3] = c[0];
                    row[4] = c[1];
                    row[5] = c[2];
                    for (int a = 0; a < attrs.size(); a++) {
                        double v = b.value(a, local);
                        var type = attrs.get(a).type();
                        row[6 + a] = Double.isNaN(v) ? null
                                : type == org.geoassure.geodb.grid.AttributeType.CATEGORY
                                        ? attrs.get(a).categories().get((int) v) : (Object) type.decimal(v);
                    }
                    row[row.length - 1] = geometry ? FACTORY.createPoint(new Coordinate(c[0], c[1], c[2])) : null;
                    buffer.add(row);
                });
                bricks++;
                bricksRead += report.scanned();
                stats.addExamined(report.cellsTested());
                stats.addReturned(report.cellsSelected());
                if (!headers.hasNext()) {
                    stats.access("bricks: " + bricksRead + " of " + bricks + " read, the others skipped by the box, "
                            + "region or statistics");
                }
            }
            return !buffer.isEmpty();
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return buffer.poll();
        }
    }

    private static Object[] feature(org.geoassure.geodb.store.FeatureStore.StoredFeature sf, boolean geom) {
        var f = sf.feature();
        Object g = null;
        if (geom) {
            if (f.mesh() != null) {
                var m = f.mesh();
                org.locationtech.jts.geom.Polygon[] tris = new org.locationtech.jts.geom.Polygon[m.triangleCount()];
                for (int t = 0; t < tris.length; t++) {
                    Coordinate[] cs = new Coordinate[4];
                    for (int k = 0; k < 4; k++) {
                        int v = m.corner(t, k % 3);
                        cs[k] = new Coordinate(m.coordinate(v, 0), m.coordinate(v, 1), m.coordinate(v, 2));
                    }
                    tris[t] = FACTORY.createPolygon(cs);
                }
                g = FACTORY.createMultiPolygon(tris);
            } else {
                g = FACTORY.createGeometry(f.geometry());
            }
        }
        return new Object[] {f.id(), sf.layer(), f.name(), f.kind().name().toLowerCase(java.util.Locale.ROOT), f.role(),
            attributesJson(f.attributes()), sf.valid().from().toEpochMilli(),
            sf.valid().to() == null ? null : sf.valid().to().toEpochMilli(), sf.recorded().from().toEpochMilli(), g};
    }

    private static String attributesJson(Map<String, Object> attributes) {
        return org.geoassure.geodb.internal.JsonText.flatObject(attributes);
    }

    private static Object[] monitoringStation(org.geoassure.geodb.series.Station m, boolean geom) {
        return new Object[] {m.id(), m.name(), m.kind().name().toLowerCase(java.util.Locale.ROOT), nan(m.x()),
            nan(m.y()), nan(m.z()), m.unit(), m.watches(),
            geom && !Double.isNaN(m.x()) && !Double.isNaN(m.y())
                ? FACTORY.createPoint(new Coordinate(m.x(), m.y(), Double.isNaN(m.z()) ? 0 : m.z())) : null};
    }

    private static Stream<Object[]> readingRows(org.geoassure.geodb.store.SeriesStore ss, String station,
            java.time.Instant recorded) {
        var r = ss.readings(station, java.time.Instant.EPOCH.minusSeconds(86400L * 365 * 3000),
                java.time.Instant.parse("9999-12-31T00:00:00Z"), recorded);
        return java.util.stream.IntStream.range(0, r.size()).mapToObj(i -> new Object[] {station,
            Math.floorDiv(r.time(i), 1000L), r.value(i), r.hasQuality() ? r.quality(i) : null});
    }

    private static Object[] borehole(HoleVersion h, boolean geom) {
        var c = h.collar();
        return new Object[] {h.holeId(), c.x(), c.y(), c.z(), nan(c.totalDepth()), nan(c.azimuth()), nan(c.dip()),
            h.method().label(), h.valid().from().toEpochMilli(), h.recorded().from().toEpochMilli(),
            geom ? FACTORY.createPoint(new Coordinate(c.x(), c.y(), c.z())) : null};
    }

    private static Object[] trace(TraceRecord t, boolean geom) {
        LineString line = null;
        if (geom) {
            double[] xyz = t.xyz();
            Coordinate[] cs = new Coordinate[xyz.length / 3];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = new Coordinate(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
            }
            line = FACTORY.createLineString(cs.length == 1 ? new Coordinate[] {cs[0], cs[0]} : cs);
        }
        return new Object[] {t.holeId(), t.points(), t.valid().from().toEpochMilli(), t.recorded().from().toEpochMilli(),
            line};
    }

    private static Object[] station(StationRecord s, boolean geom) {
        return new Object[] {s.holeId(), s.depth(), s.azimuth(), s.dip(), s.x(), s.y(), s.z(),
            geom ? FACTORY.createPoint(new Coordinate(s.x(), s.y(), s.z())) : null};
    }

    private static Object[] interval(IntervalRecord r, boolean geom) {
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
        row[k] = !geom ? null : FACTORY.createLineString(new Coordinate[] {
            new Coordinate(r.position(0), r.position(1), r.position(2)),
            new Coordinate(r.position(6), r.position(7), r.position(8)),
            new Coordinate(r.position(3), r.position(4), r.position(5))});
        return row;
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** A column; {@code attribute}: one of an interval table's attribute columns, which the store can filter on. */
    private record Col(String name, SqlTypeName type, boolean attribute) {
    }

    private static Col col(String name, SqlTypeName type) {
        return new Col(name, type, false);
    }

    /** Opens a fresh stream of rows for each scan, for a selection (the time slice plus any pushed-down filter). */
    @FunctionalInterface
    private interface RowSource {
        Rows open(Selection selection, ScanStats stats, boolean geometry);
    }

    /** An open stream of rows and how to close it. */
    private record Rows(Iterator<Object[]> it, Runnable close) {
    }

    private static <T> Rows rows(Stream<T> s, Function<T, Object[]> f) {
        return new Rows(s.map(f).iterator(), s::close);
    }

    /**
     * A read-only table whose rows stream from the store, with conditions pushed down to it:
     * <ul>
     * <li>{@code ST_3DDWithin(geom, <constant point or line>, <constant distance>)} becomes the scan's spatial filter
     *     (R*Tree candidates, refined in double);</li>
     * <li>{@code hole_id = 'X'} / {@code hole_id IN (...)} restrict the scan to those holes;</li>
     * <li>comparisons of interval attribute columns with constants (see {@link Pushdown#attribute}) become the
     *     selection's attribute predicates, tested by the store;</li>
     * <li>the projection: geometry objects are built only when {@code geom} is read.</li>
     * </ul>
     * Calcite still applies every condition to the rows the store returns, except when the whole WHERE clause is one
     * distance-to-point condition and the store tests the same geometry as the {@code geom} column ({@code exact}:
     * stations and intervals, not boreholes, whose store geometry is the trace while {@code geom} is the collar): the
     * store's refine computes the same distance with the same arithmetic, so Calcite is told not to test it again.
     */
    private final class StoreTable extends AbstractTable implements ProjectableFilterableTable {
        private final String table;
        private final List<Col> cols;
        private final RowSource source;
        private final int geomIndex;
        private final boolean exact;
        private final String[] attributeName;
        private final boolean[] numeric;

        StoreTable(String table, List<Col> cols, RowSource source, boolean exact) {
            this.table = table;
            this.cols = cols;
            this.source = source;
            this.exact = exact;
            int g = -1;
            attributeName = new String[cols.size()];
            numeric = new boolean[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                Col c = cols.get(i);
                if (c.name().equals("geom")) {
                    g = i;
                }
                if (c.attribute()) {
                    attributeName[i] = c.name();
                    numeric[i] = c.type() == SqlTypeName.DOUBLE;
                }
            }
            this.geomIndex = g;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory tf) {
            RelDataTypeFactory.Builder b = tf.builder();
            for (Col c : cols) {
                b.add(c.name(), tf.createTypeWithNullability(tf.createSqlType(c.type()), true));
            }
            return b.build();
        }

        /** The time slice plus every condition the store can apply. */
        private Selection selection(List<RexNode> filters, DataContext root) {
            Selection sel = slice;
            SpatialFilter spatial = null;
            List<String> holes = null;
            for (RexNode f : filters) {
                for (RexNode c : RelOptUtil.conjunctions(f)) {
                    SpatialFilter sf = spatial == null ? Pushdown.dWithin(c, geomIndex, root) : null;
                    if (sf != null) {
                        spatial = sf;
                        sel = sel.within(sf);
                        continue;
                    }
                    List<String> h = holes == null ? Pushdown.holes(c, 0, root) : null;
                    if (h != null) {
                        holes = h;
                        sel = sel.holes(new java.util.LinkedHashSet<>(h));
                        continue;
                    }
                    for (AttributePredicate p : Pushdown.attribute(c, attributeName, numeric, root)) {
                        sel = sel.where(p);
                    }
                }
            }
            return sel;
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
            Selection sel = selection(filters, root);
            SpatialFilter f = sel.spatial().orElse(null);
            if (f instanceof SpatialFilter.NearPoint && exact && filters.size() == 1
                    && Pushdown.dWithin(filters.get(0), geomIndex, root) != null
                    && Pushdown.geomFirst(filters.get(0), geomIndex)) {
                filters.remove(0);
            }
            boolean geometry = projects == null;
            if (projects != null) {
                for (int p : projects) {
                    geometry |= p == geomIndex;
                }
            }
            boolean withGeometry = geometry;
            return new AbstractEnumerable<>() {
                @Override
                public Enumerator<Object[]> enumerator() {
                    ScanStats stats = new ScanStats();
                    Rows rows = source.open(sel, stats, withGeometry);
                    return new Enumerator<>() {
                        private Object[] current;

                        @Override
                        public Object[] current() {
                            return current;
                        }

                        @Override
                        public boolean moveNext() {
                            if (!rows.it().hasNext()) {
                                return false;
                            }
                            Object[] row = rows.it().next();
                            if (projects == null) {
                                current = row;
                            } else {
                                current = new Object[projects.length];
                                for (int i = 0; i < projects.length; i++) {
                                    current[i] = row[projects[i]];
                                }
                            }
                            return true;
                        }

                        @Override
                        public void reset() {
                            throw new UnsupportedOperationException("reset");
                        }

                        @Override
                        public void close() {
                            rows.close().run();
                            log.accept(new SqlSession.ScanReport(schemaName + "." + table, sel, stats));
                        }
                    };
                }
            };
        }
    }
}
