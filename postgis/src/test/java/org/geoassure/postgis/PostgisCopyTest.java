package org.geoassure.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceCopyConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.internal.Transfer;
import org.geoassure.postgis.internal.PgStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The copy conformance suite with PostGIS as the target (embedded to PostGIS to embedded), each test in a fresh
 * schema, and the copy's view of the PostGIS tables.
 */
@ExtendWith(RequiresPostgis.class)
class PostgisCopyTest extends WorkspaceCopyConformance {
    private final TestSchemas schemas = new TestSchemas("copy");

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return schemas.create(info);
    }

    @AfterEach
    void dropSchema() throws Exception {
        schemas.drop(null);
    }

    /**
     * Every column of every PostGIS table of a workspace with every family is one the copy moves or one the engine
     * derives: a column added by a migration without adding it to {@link Transfer} fails here.
     */
    @Test
    void theCopyKnowsEveryColumn() throws Exception {
        try (PgStore ws = (PgStore) newStore(INFO)) {
            writeHistory(ws);
            Map<String, Set<String>> canonical = new HashMap<>();
            for (Transfer.Table t : Transfer.tables(ws.transfer().intervalTables())) {
                canonical.put(t.interval() == null ? t.name() : "interval table " + t.name(),
                        new TreeSet<>(t.columns()));
            }
            Map<String, Set<String>> physical = new TreeMap<>();
            Connection c = ws.transfer().connection();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.table_name, c.column_name FROM "
                    + "information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema "
                    + "AND t.table_name = c.table_name WHERE c.table_schema = current_schema() "
                    + "AND t.table_type = 'BASE TABLE' AND c.table_name NOT LIKE 'series_readings_%'")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        physical.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                    }
                }
            }
            Map<String, String> intervalSqlTables = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sql_table, name FROM ga_interval_table");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    intervalSqlTables.put(rs.getString(1), rs.getString(2));
                }
            }
            // made by create() or the engine's interval-table DDL, or the migrations' own bookkeeping
            Set<String> notCopied = Set.of("ga_workspace", "ga_interval_table", "ga_interval_column",
                    "ga_schema_version", "schema_version");
            for (var e : physical.entrySet()) {
                String table = e.getKey();
                if (notCopied.contains(table)) {
                    continue;
                }
                String name = intervalSqlTables.containsKey(table) ? "interval table " + intervalSqlTables.get(table)
                        : table;
                Set<String> expected = new TreeSet<>(canonical.getOrDefault(name, Set.of()));
                if (table.equals("traces")) {
                    expected.remove("coords"); // the trace is the geometry
                }
                if (table.equals("boreholes") || table.equals("traces") || intervalSqlTables.containsKey(table)) {
                    expected.add("geom");
                }
                if (table.equals("features")) {
                    expected.add("box"); // generated from min_x .. max_z
                    expected.add("surface"); // filled from the mesh
                }
                if (intervalSqlTables.containsKey(table)) {
                    // attribute columns go by their SQL names, which are the names here
                    assertEquals(expected.size(), e.getValue().size(), table + ": " + e.getValue());
                    continue;
                }
                assertEquals(expected, e.getValue(), table);
            }
        }
    }
}
