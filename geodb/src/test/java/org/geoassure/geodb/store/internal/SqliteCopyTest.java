package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceCopyConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;

/** The copy conformance suite with the embedded engine as the target, and the copy's view of its tables. */
class SqliteCopyTest extends WorkspaceCopyConformance {
    private int n;

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return Workspaces.create(dir.resolve("target-" + (++n) + ".gpkg"), info);
    }

    /**
     * Every column of every table of a workspace with every family is either one the copy moves or one the engine
     * derives: a column added to the schema without adding it to {@link Transfer} fails here.
     */
    @Test
    void theCopyKnowsEveryColumn() throws Exception {
        try (SqliteStore ws = (SqliteStore) Workspaces.create(dir.resolve("all.gpkg"), INFO)) {
            writeHistory(ws);
            Map<String, Set<String>> canonical = new HashMap<>();
            for (Transfer.Table t : Transfer.tables(ws.transfer().intervalTables())) {
                String physical = t.interval() == null ? t.name() : ws.tableInfo(t.name()).sqlTable();
                canonical.put(physical, new TreeSet<>(t.columns()));
            }
            List<String> tables = new ArrayList<>();
            try (Statement s = ws.readConnection().createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            // made by create() or by the engine's own interval-table DDL, or derived and rebuilt by the import
            Set<String> notCopied = Set.of("ga_workspace", "ga_interval_table", "ga_interval_column", "sqlite_sequence");
            for (String table : tables) {
                if (table.startsWith("gpkg_") || table.startsWith("ga_rtree_") || table.startsWith("chunks_")
                        || notCopied.contains(table)) {
                    continue;
                }
                Set<String> columns = new TreeSet<>();
                try (Statement s = ws.readConnection().createStatement();
                        ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
                    while (rs.next()) {
                        columns.add(rs.getString("name"));
                    }
                }
                Set<String> expected = new TreeSet<>(canonical.getOrDefault(table, Set.of()));
                if (table.equals("ga_interval_set")) {
                    expected.remove("n_rows");
                    expected.add("rows");
                }
                if (table.equals("boreholes") || table.equals("traces") || table.startsWith("intervals_")) {
                    expected.add("geom"); // made from x, y, z / coords / the positions
                }
                assertEquals(expected, columns, table);
            }
        }
    }
}
