package org.geoassure.geodb.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** DDL of the embedded GeoPackage workspace. Internal. */
final class Schema {
    /** Version of the GeoAssure tables in this file; bump with a migration. */
    static final int VERSION = 4;
    /** 'GPKG' as the SQLite application id. */
    static final int GPKG_APPLICATION_ID = 0x47504B47;
    /** GeoPackage 1.3: read without warnings by GDAL 3.6 (Debian 12) and the QGIS builds on it; we use nothing of 1.4. */
    static final int GPKG_USER_VERSION = 10300;

    static final String TIMES = "valid_from INTEGER NOT NULL, valid_to INTEGER NOT NULL, "
            + "recorded_at INTEGER NOT NULL, superseded_at INTEGER NOT NULL";

    private Schema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + GPKG_APPLICATION_ID);
            s.execute("PRAGMA user_version = " + GPKG_USER_VERSION);
            // GeoPackage core tables (OGC 12-128r19)
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, "
                    + "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, "
                    + "description TEXT)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', "
                    + "'undefined cartesian coordinate reference system')");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', "
                    + "'undefined geographic coordinate reference system')");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, "
                    + "'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
                    + "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                    + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]', "
                    + "'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
                    + "identifier TEXT UNIQUE, description TEXT DEFAULT '', "
                    + "last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                    + "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
                    + "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
                    + "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, "
                    + "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                    + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                    + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");

            // GeoAssure catalog
            s.execute("CREATE TABLE ga_workspace (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE ga_ingest (id INTEGER PRIMARY KEY, recorded_at INTEGER NOT NULL UNIQUE, kind TEXT NOT NULL, "
                    + "user_name TEXT NOT NULL, holes_new INTEGER NOT NULL, holes_changed INTEGER NOT NULL, "
                    + "holes_unchanged INTEGER NOT NULL, interval_rows INTEGER NOT NULL)");
            s.execute("CREATE TABLE ga_ingest_source (ingest_id INTEGER NOT NULL REFERENCES ga_ingest(id), seq INTEGER NOT NULL, "
                    + "role TEXT NOT NULL, name TEXT NOT NULL, sha256 TEXT NOT NULL, rows INTEGER NOT NULL, "
                    + "PRIMARY KEY (ingest_id, seq))");
            s.execute("CREATE TABLE ga_ingest_parameter (ingest_id INTEGER NOT NULL REFERENCES ga_ingest(id), "
                    + "key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (ingest_id, key))");
            s.execute("CREATE TABLE ga_ingest_warning (ingest_id INTEGER NOT NULL REFERENCES ga_ingest(id), seq INTEGER NOT NULL, "
                    + "message TEXT NOT NULL, PRIMARY KEY (ingest_id, seq))");

            // Borehole versions: collar point, survey set, trace method
            s.execute("CREATE TABLE boreholes (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, hole_id TEXT NOT NULL, "
                    + "x REAL NOT NULL, y REAL NOT NULL, z REAL NOT NULL, total_depth REAL, azimuth REAL, dip REAL, "
                    + "desurvey_method TEXT NOT NULL, content_hash TEXT NOT NULL, end_depth REAL NOT NULL, "
                    + "ingest_id INTEGER NOT NULL REFERENCES ga_ingest(id), " + TIMES + ")");
            s.execute("CREATE INDEX boreholes_hole ON boreholes (hole_id, superseded_at)");
            s.execute("CREATE INDEX boreholes_time ON boreholes (superseded_at, valid_to)");
            s.execute("CREATE TABLE surveys (fid INTEGER PRIMARY KEY AUTOINCREMENT, hole_version INTEGER NOT NULL "
                    + "REFERENCES boreholes(fid), hole_id TEXT NOT NULL, seq INTEGER NOT NULL, depth REAL NOT NULL, "
                    + "azimuth REAL NOT NULL, dip REAL NOT NULL, x REAL NOT NULL, y REAL NOT NULL, z REAL NOT NULL, " + TIMES + ")");
            s.execute("CREATE INDEX surveys_version ON surveys (hole_version, seq)");
            s.execute("CREATE TABLE traces (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, hole_version INTEGER NOT NULL "
                    + "UNIQUE REFERENCES boreholes(fid), hole_id TEXT NOT NULL, n_points INTEGER NOT NULL, "
                    + "coords BLOB NOT NULL, " + TIMES + ")");
            s.execute("CREATE VIRTUAL TABLE ga_rtree_traces USING rtree(id, minx, maxx, miny, maxy, minz, maxz)");

            // Interval tables: catalog, per-hole set versions; one SQL table per interval table is made on first use
            s.execute("CREATE TABLE ga_interval_table (name TEXT PRIMARY KEY, sql_table TEXT NOT NULL UNIQUE)");
            s.execute("CREATE TABLE ga_interval_column (table_name TEXT NOT NULL REFERENCES ga_interval_table(name), "
                    + "seq INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, PRIMARY KEY (table_name, name))");
            s.execute("CREATE TABLE ga_interval_set (id INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL, "
                    + "hole_id TEXT NOT NULL, hole_version INTEGER NOT NULL, content_hash TEXT NOT NULL, rows INTEGER NOT NULL, "
                    + "ingest_id INTEGER NOT NULL, " + TIMES + ")");
            s.execute("CREATE INDEX ga_interval_set_hole ON ga_interval_set (table_name, hole_id, superseded_at)");
        }
        createLogs(c);
        createBlockModels(c);
        createFeatures(c);
        createSeries(c);
        createWarnings(c);
    }

    /** Version 2: well logs ({@link LogTables}). Also the migration of a version 1 file. */
    static void createLogs(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : LogTables.ddl("INTEGER", "INTEGER", "BLOB", "TEXT")) {
                s.execute(ddl);
            }
        }
    }

    /** Version 3: block models ({@link BlockTables}). Also the migration of a version 1 or 2 file. */
    static void createBlockModels(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : BlockTables.ddl()) {
                s.execute(ddl);
            }
        }
    }

    /** Version 4: features ({@link FeatureTables}). Also part of the migration of a version 1, 2 or 3 file. */
    static void createFeatures(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : FeatureTables.ddl()) {
                s.execute(ddl);
            }
        }
    }

    /** Version 4: monitoring series ({@link SeriesTables}). Also part of the migration of a version 1, 2 or 3 file. */
    static void createSeries(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : SeriesTables.ddl()) {
                s.execute(ddl);
            }
        }
    }

    /**
     * Version 4: monitoring rules and alert acknowledgements ({@link WarningTables}). Also part of the migration of a
     * version 1, 2 or 3 file.
     */
    static void createWarnings(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : WarningTables.ddl()) {
                s.execute(ddl);
            }
        }
    }
}
