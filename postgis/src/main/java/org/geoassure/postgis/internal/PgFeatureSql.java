package org.geoassure.postgis.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.store.internal.FeatureCodec;
import org.geoassure.geodb.store.internal.FeatureTables;
import org.locationtech.jts.geom.Geometry;

/**
 * The features table in PostGIS ({@code V3__features.sql}): geometries bound as WKB and stored with z
 * ({@code ST_Force3D}; a feature without z, whose box spans {@link FeatureTables#FLAT_Z}, is read back without it),
 * attributes as jsonb, and the box a generated column under an n-D GiST index, so the index needs no upkeep here.
 * Internal.
 */
final class PgFeatureSql implements FeatureTables.Dialect {
    private static final String FLAT = Double.toString(-FeatureTables.FLAT_Z);
    private final int srid;

    PgFeatureSql(int srid) {
        this.srid = srid;
    }

    @Override
    public String geometryValue() {
        return "ST_Force3D(ST_GeomFromWKB(?, " + srid + "))";
    }

    @Override
    public byte[] geometry(byte[] gpkg) {
        return Arrays.copyOfRange(gpkg, 8, gpkg.length); // the GeoPackage header without envelope is 8 bytes
    }

    @Override
    public String attributesValue() {
        return "CAST(? AS jsonb)";
    }

    @Override
    public String attributes(Map<String, Object> attributes) {
        return FeatureCodec.plainAttributes(attributes);
    }

    @Override
    public String geometryColumn(String alias) {
        return "ST_AsBinary(CASE WHEN " + alias + ".min_z = " + FLAT + " THEN ST_Force2D(" + alias + ".geom) ELSE "
                + alias + ".geom END)";
    }

    @Override
    public Geometry readGeometry(byte[] bytes) {
        return FeatureCodec.readWkb(bytes);
    }

    @Override
    public PreparedStatement prepareInsert(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql, new String[] {"fid"});
    }

    @Override
    public void indexBox(Connection c, long fid, double[] box) {
        // the box column is generated from min_x .. max_z
    }

    @Override
    public void indexCopy(Connection c, long fid, long copy) {
        // the box column is generated from min_x .. max_z
    }

    @Override
    public void indexDelete(Connection c, long fid) {
        // the index entry goes with the row
    }

    @Override
    public String boxCondition(String alias, Box3 b, List<Object> params) {
        return alias + ".box &&& " + box(b, srid, params);
    }

    /** A 3D box as the SQL of its diagonal line (n-D GiST keys of the line are the box), parameters added. */
    static String box(Box3 b, int srid, List<Object> params) {
        params.add(b.minX());
        params.add(b.minY());
        params.add(b.minZ());
        params.add(b.maxX());
        params.add(b.maxY());
        params.add(b.maxZ());
        return "ST_SetSRID(ST_MakeLine(ST_MakePoint(?, ?, ?), ST_MakePoint(?, ?, ?)), " + srid + ")";
    }
}
