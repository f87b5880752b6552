package org.geoassure.ingest.geopackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.SourceCrs;
import org.geoassure.ingest.feature.internal.SourceFiles;
import org.geoassure.ingest.geopackage.internal.GpkgBlob;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/** Reads the feature tables of a GeoPackage (.gpkg) into features, one {@link Layer} per table. See the package documentation. */
public final class GeoPackageReader {
    /** The first 16 bytes of every SQLite 3 database file. */
    public static final String SQLITE_MAGIC = "SQLite format 3\0";

    private static final Pattern WKT_EPSG = Pattern.compile(
            "(?:AUTHORITY\\[\"EPSG\",\\s*\"(\\d+)\"\\]|ID\\[\"EPSG\",\\s*(\\d+)\\])\\s*\\]\\s*$");

    /** One feature table as read: its name and its features, CRS and warnings. */
    public record Layer(String table, FeatureFile file) {
    }

    private GeoPackageReader() {
    }

    /**
     * The feature tables of a GeoPackage, in {@code gpkg_contents} order.
     *
     * @throws UnsupportedFormatException when the file is not a GeoPackage, or is a GeoAssure workspace
     */
    public static List<String> featureTables(Path file) {
        try (Connection c = open(file)) {
            return tables(c, file.toString());
        } catch (SQLException e) {
            throw bad(file.toString(), e);
        }
    }

    /**
     * Reads feature tables.
     *
     * @param file the .gpkg file, opened read-only (nothing is written beside it)
     * @param tables the tables to read, by name (ignoring case); empty for every feature table
     * @param options not used (GeoPackage text is UTF-8)
     * @throws InvalidContentException for bad content: {@code file: table T: fid N: reason}
     * @throws UnsupportedFormatException when the file is not a GeoPackage, is a GeoAssure workspace, or a named
     *     table is not a feature table of it
     * @throws org.geoassure.geodb.StorageException when the file cannot be read
     */
    public static List<Layer> read(Path file, Collection<String> tables, FeatureOptions options) {
        String name = file.toString();
        String sha = SourceFiles.sha256(file);
        try (Connection c = open(file)) {
            List<String> all = tables(c, name);
            List<String> chosen = new ArrayList<>();
            if (tables.isEmpty()) {
                chosen.addAll(all);
            } else {
                for (String t : new LinkedHashSet<>(tables)) {
                    String found = all.stream().filter(a -> a.equalsIgnoreCase(t)).findFirst()
                            .orElseThrow(() -> new UnsupportedFormatException(name, "no feature table '" + t
                                    + "' (feature tables: " + String.join(", ", all) + ")"));
                    chosen.add(found);
                }
            }
            if (chosen.isEmpty()) {
                throw new UnsupportedFormatException(name, "a GeoPackage without feature tables (gpkg_contents lists "
                        + "no data_type 'features')");
            }
            List<Layer> out = new ArrayList<>();
            for (String t : chosen) {
                out.add(new Layer(t, table(c, name, file, sha, t)));
            }
            return out;
        } catch (SQLException e) {
            throw bad(name, e);
        }
    }

    private static Connection open(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw SourceFiles.io(file, new java.nio.file.NoSuchFileException(file.toString()));
        }
        // immutable: read-only, no locks, no -wal or -shm file created beside a source the user handed in
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
        try {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
                rs.next();
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static List<String> tables(Connection c, String name) throws SQLException {
        Set<String> sqlTables = new LinkedHashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")) {
            while (rs.next()) {
                sqlTables.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        if (sqlTables.contains("ga_workspace")) {
            throw new UnsupportedFormatException(name, "a GeoAssure workspace, not a source file: copy data between "
                    + "workspaces with export (or backup and restore), which keep versions and provenance");
        }
        if (!sqlTables.contains("gpkg_contents") || !sqlTables.contains("gpkg_geometry_columns")
                || !sqlTables.contains("gpkg_spatial_ref_sys")) {
            throw new UnsupportedFormatException(name, "an SQLite database that is not a GeoPackage (no "
                    + "gpkg_contents, gpkg_geometry_columns or gpkg_spatial_ref_sys table)");
        }
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.table_name FROM gpkg_contents c "
                + "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
                + "WHERE lower(c.data_type) = 'features' ORDER BY c.rowid")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static FeatureFile table(Connection c, String name, Path file, String sha, String table)
            throws SQLException {
        String where = "table " + table;
        String geomColumn;
        int srsId;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                geomColumn = rs.getString(1);
                srsId = rs.getInt(2);
            }
        }
        List<String> warnings = new ArrayList<>();
        SourceCrs crs = crs(c, name, where, srsId, warnings);
        String pk = null;
        Map<String, String> declared = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                String col = rs.getString("name");
                declared.put(col, String.valueOf(rs.getString("type")).toUpperCase(Locale.ROOT));
                if (rs.getInt("pk") == 1 && pk == null) {
                    pk = col;
                }
            }
        }
        if (!declared.containsKey(geomColumn)) {
            throw new InvalidContentException(name, -1, where + ": geometry column '" + geomColumn
                    + "' of gpkg_geometry_columns is not in the table");
        }
        GpkgBlob blobs = new GpkgBlob(new GeometryFactory());
        List<Feature> features = new ArrayList<>();
        Set<String> blobColumns = new LinkedHashSet<>();
        long rows = 0;
        int empty = 0;
        boolean warnedM = false;
        String order = pk != null ? " ORDER BY " + quote(pk) : ""; // a view has no rowid to order by
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + quote(table) + order)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            String[] cols = new String[n];
            for (int i = 0; i < n; i++) {
                cols[i] = md.getColumnName(i + 1);
            }
            while (rs.next()) {
                rows++;
                String id = null;
                Object geomValue = null;
                Map<String, Object> attrs = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    if (cols[i].equals(geomColumn)) {
                        geomValue = v;
                        continue;
                    }
                    if (cols[i].equals(pk)) {
                        id = String.valueOf(v);
                        continue;
                    }
                    attrs.put(cols[i], value(v, declared.getOrDefault(cols[i], ""), cols[i], blobColumns));
                }
                if (id == null) {
                    id = Long.toString(rows);
                }
                String at = where + ": " + (pk != null ? pk + " " : "row ") + id;
                if (geomValue != null && !(geomValue instanceof byte[])) {
                    throw new InvalidContentException(name, -1, at + ": geometry is " + (geomValue instanceof String
                            ? "text" : "a number") + ", not a GeoPackage geometry blob");
                }
                byte[] blob = (byte[]) geomValue;
                if (blob == null) {
                    empty++;
                    continue;
                }
                GpkgBlob.Decoded d;
                try {
                    d = blobs.decode(blob);
                } catch (GpkgBlob.Bad e) {
                    throw new InvalidContentException(name, -1, at + ": " + e.getMessage());
                }
                if (d.geometry() == null) {
                    empty++;
                    continue;
                }
                if (d.hadM() && !warnedM) {
                    warnedM = true;
                    warnings.add(name + ": " + where + ": M (measure) values are not kept");
                }
                String display = attrs.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("name") && e.getValue() instanceof String)
                        .map(e -> (String) e.getValue()).findFirst().orElse(id);
                Geometry g = d.geometry();
                if (g instanceof GeometryCollection gc && !(g instanceof Puntal || g instanceof Lineal
                        || g instanceof Polygonal)) {
                    warnings.add(name + ": " + at + ": GeometryCollection split into " + gc.getNumGeometries()
                            + " features " + id + ":1 ...");
                    for (int i = 0; i < gc.getNumGeometries(); i++) {
                        features.add(feature(name, at, id + ":" + (i + 1), display, gc.getGeometryN(i), attrs));
                    }
                } else {
                    features.add(feature(name, at, id, display, g, attrs));
                }
            }
        }
        if (empty > 0) {
            warnings.add(name + ": " + where + ": " + empty + " rows without a geometry (NULL or empty) skipped");
        }
        if (!blobColumns.isEmpty()) {
            warnings.add(name + ": " + where + ": blob columns not kept as attributes: "
                    + String.join(", ", blobColumns));
        }
        return new FeatureFile(FeatureFormat.GEOPACKAGE, List.of(new org.geoassure.geodb.model.SourceFile(
                "geopackage:" + table, name, sha, rows)), crs, features, warnings);
    }

    private static Feature feature(String name, String at, String id, String display, Geometry g,
            Map<String, Object> attrs) {
        if (!(g instanceof Puntal || g instanceof Lineal || g instanceof Polygonal)) {
            throw new InvalidContentException(name, -1, at + ": a " + g.getGeometryType() + " is not read");
        }
        return Feature.of(id, display, "", g, attrs);
    }

    private static Object value(Object v, String type, String column, Set<String> blobColumns) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[]) {
            blobColumns.add(column);
            return null;
        }
        if (type.equals("BOOLEAN") && v instanceof Number num) {
            return num.longValue() != 0;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Long || v instanceof String) {
            return v;
        }
        if (v instanceof Number num) {
            return num.doubleValue();
        }
        return v.toString();
    }

    /** The CRS of {@code gpkg_spatial_ref_sys} row {@code srsId}: its EPSG code when the organization is EPSG. */
    private static SourceCrs crs(Connection c, String name, String where, int srsId, List<String> warnings)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT organization, organization_coordsys_id, definition "
                + "FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            p.setInt(1, srsId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidContentException(name, -1, where + ": srs_id " + srsId
                            + " is not in gpkg_spatial_ref_sys");
                }
                String org = String.valueOf(rs.getString(1));
                int code = rs.getInt(2);
                String def = String.valueOf(rs.getString(3)).strip();
                if (org.equalsIgnoreCase("EPSG") && code > 0) {
                    return new SourceCrs(code, def.equalsIgnoreCase("undefined") ? "" : def);
                }
                if (srsId == 0 || srsId == -1 || def.equalsIgnoreCase("undefined")) {
                    warnings.add(name + ": " + where + ": srs_id " + srsId + " is an undefined "
                            + (srsId == 0 ? "geographic" : "Cartesian") + " CRS");
                    return null;
                }
                Matcher m = WKT_EPSG.matcher(def);
                return new SourceCrs(m.find() ? Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) : 0,
                        def);
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static InvalidContentException bad(String name, SQLException e) {
        String m = String.valueOf(e.getMessage());
        return new InvalidContentException(name, -1, "not a readable GeoPackage (SQLite: " + m.lines().findFirst()
                .orElse(m) + ")");
    }
}
