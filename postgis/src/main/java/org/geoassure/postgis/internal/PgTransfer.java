package org.geoassure.postgis.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.store.internal.Transfer;
import org.geoassure.geodb.store.internal.Transfer.Insert;
import org.geoassure.geodb.store.internal.Transfer.IntervalTable;
import org.geoassure.geodb.store.internal.Transfer.Table;
import org.geoassure.postgis.internal.PgStore.TableInfo;

/**
 * The PostGIS engine as one side of a {@link Transfer}. Where its tables differ from the canonical ones: geometry
 * columns (borehole collars, traces and interval rows hold PostGIS geometry made from their coordinates; a trace is
 * read back as its coordinates), feature geometries bound and read through {@link PgFeatureSql}, attributes as
 * jsonb, and interval columns under their SQL names. An import inserts ids as they are
 * ({@code OVERRIDING SYSTEM VALUE}), creates the yearly readings partitions first, and at the end fills the mesh
 * surfaces and moves each identity sequence past the copied ids. Reads run in one REPEATABLE READ transaction, so a
 * copy taken while others write is one snapshot. Internal.
 */
class PgTransfer implements Transfer.Endpoint {
    private final PgStore store;
    private final Connection conn;
    private final int srid;
    private final PgFeatureSql featureSql;
    private final String label;
    /** Identity column by table, read when an import begins. */
    private final Map<String, String> identity = new HashMap<>();

    PgTransfer(PgStore store, String label) {
        this.store = store;
        this.conn = store.connection();
        this.srid = store.srid();
        this.featureSql = new PgFeatureSql(srid);
        this.label = label;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<IntervalTable> intervalTables() {
        return Transfer.intervalTables(store);
    }

    @Override
    public String select(Table table) {
        List<String> cols = Transfer.plainColumns(table);
        String sqlTable = table.name();
        if (table.interval() != null) {
            TableInfo t = store.tableInfo(table.name());
            sqlTable = t.sqlTable();
            int first = Transfer.INTERVAL_COLUMNS.size();
            for (int c = 0; c < t.sqlColumns().size(); c++) {
                cols.set(first + c, "t." + PgStore.q(t.sqlColumns().get(c)));
            }
        } else if (table.name().equals("traces")) {
            cols.set(table.index("coords"), "ST_AsBinary(t.geom)");
        } else if (table.name().equals("features")) {
            cols.set(table.index("geom"), featureSql.geometryColumn("t"));
            cols.set(table.index("attributes"), "t.attributes::text");
        }
        return Transfer.plainSelect(sqlTable, cols, table);
    }

    @Override
    public void toCanonical(Table table, Object[] row) {
        if (table.interval() != null) {
            return;
        }
        if (table.name().equals("traces")) {
            int c = table.index("coords");
            int n = ((Number) row[table.index("n_points")]).intValue();
            row[c] = Transfer.packCoords(Wkb.lineStringCoords((byte[]) row[c], n));
        } else if (table.name().equals("features")) {
            int g = table.index("geom");
            row[g] = row[g] == null ? null : Transfer.featureGeometry(srid, featureSql.readGeometry((byte[]) row[g]));
            int a = table.index("attributes");
            row[a] = Transfer.featureAttributes((String) row[a]);
        }
    }

    @Override
    public void beginRead() throws SQLException {
        conn.setAutoCommit(false);
        conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    @Override
    public void endRead() throws SQLException {
        try {
            conn.commit();
        } finally {
            conn.setAutoCommit(true);
            conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Override
    public void beginImport() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("LOCK TABLE ga_ingest IN EXCLUSIVE MODE");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ga_ingest")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new InvalidContentException(label + ": the workspace already holds " + rs.getLong(1)
                            + " ingests; a copy goes into a new, empty workspace");
                }
            }
        }
        identity.clear();
    }

    @Override
    public void createIntervalTable(IntervalTable table) throws SQLException {
        try (PgIngest ingest = new PgIngest(store, 0, 0, null)) {
            ingest.ensureTable(table.name(), table.columns());
        }
    }

    @Override
    public void prepareReadings(long minT, long maxT) throws SQLException {
        PgPartitions.ensure(conn, minT, maxT);
    }

    /** One column of an INSERT: its name, its SQL value, and its value from the canonical row. */
    private record Out(String column, String sql, Function<Object[], Object> value, int type) {
        static Out plain(String column, int index) {
            return new Out(column, "?", row -> row[index], Types.NULL);
        }
    }

    @Override
    public Insert insert(Table table) throws SQLException {
        List<Out> out = new ArrayList<>();
        String sqlTable = table.name();
        String geometry = "ST_GeomFromWKB(?, " + srid + ")";
        if (table.interval() != null) {
            TableInfo t = store.tableInfo(table.name());
            sqlTable = t.sqlTable();
            int fixed = Transfer.INTERVAL_COLUMNS.size();
            for (int i = 0; i < table.columns().size(); i++) {
                out.add(Out.plain(i < fixed ? table.columns().get(i) : t.sqlColumns().get(i - fixed), i));
            }
            int first = table.index("x_from");
            out.add(new Out("geom", geometry, row -> Wkb.lineStringZ(Transfer.intervalLine(row, first)), Types.BINARY));
        } else {
            for (int i = 0; i < table.columns().size(); i++) {
                out.add(Out.plain(table.columns().get(i), i));
            }
            switch (table.name()) {
                case "boreholes" -> {
                    int x = table.index("x");
                    out.add(new Out("geom", geometry, row -> Wkb.pointZ(((Number) row[x]).doubleValue(),
                            ((Number) row[x + 1]).doubleValue(), ((Number) row[x + 2]).doubleValue()), Types.BINARY));
                }
                case "traces" -> {
                    int c = table.index("coords");
                    out.set(c, new Out("geom", geometry, row -> Wkb.lineStringZ(Transfer.coords((byte[]) row[c])),
                            Types.BINARY));
                }
                case "features" -> {
                    int g = table.index("geom");
                    out.set(g, new Out("geom", featureSql.geometryValue(),
                            row -> row[g] == null ? null : featureSql.geometry((byte[]) row[g]), Types.BINARY));
                    int a = table.index("attributes");
                    out.set(a, new Out("attributes", featureSql.attributesValue(), row -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> m = (Map<String, Object>) row[a];
                        return featureSql.attributes(m);
                    }, Types.VARCHAR));
                }
                default -> {
                }
            }
        }
        List<String> cols = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Out o : out) {
            cols.add(o.column());
            values.add(o.sql());
        }
        String id = identityColumn(sqlTable);
        String sql = Transfer.insertSql(sqlTable, cols, values, id == null ? "" : "OVERRIDING SYSTEM VALUE");
        return new Insert(sql, (ps, row) -> {
            for (int i = 0; i < out.size(); i++) {
                Object v = out.get(i).value().apply(row);
                if (v == null && out.get(i).type() != Types.NULL) {
                    ps.setNull(i + 1, out.get(i).type());
                } else {
                    Transfer.set(ps, i + 1, v);
                }
            }
        });
    }

    /** The identity column of {@code sqlTable} in this schema, or null. */
    private String identityColumn(String sqlTable) throws SQLException {
        if (identity.isEmpty()) {
            identity.put("", "");
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name, column_name "
                    + "FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
                while (rs.next()) {
                    identity.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return identity.get(sqlTable);
    }

    /** The mesh surfaces, and every identity sequence moved past the ids the copy inserted. */
    @Override
    public void finishImport() throws SQLException {
        store.fillSurfaces();
        identityColumn("");
        for (var e : identity.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            String table = PgStore.q(e.getKey());
            String column = PgStore.q(e.getValue());
            try (PreparedStatement ps = conn.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), max("
                    + column + ")) FROM " + table)) {
                ps.setString(1, table);
                ps.setString(2, e.getValue());
                ps.executeQuery().close();
            }
        }
    }
}
