package org.geoassure.geodb.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.FeatureStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features in the embedded store: the conformance suite ({@link FeatureStoreConformance}) plus what only a GeoPackage
 * has (the R*Tree checked by {@code check()}, GDAL reading the layer).
 */
class FeatureStoreTest extends FeatureStoreConformance {
    @TempDir
    Path dir;

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return SqliteStore.create(dir.resolve("f.gpkg"), info);
    }

    @Test
    void checkFindsABrokenFeatureIndex() throws Exception {
        fs.writeFeatures("mine", now(everyKind()), prov("a"));
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("f.gpkg"));
                var s = c.createStatement()) {
            s.execute("DELETE FROM ga_rtree_features WHERE id = (SELECT min(fid) FROM features)");
        }
        List<String> findings = ws.check();
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("ga_rtree_features: feature without an R*Tree entry"), findings.get(0));
    }

    /** GDAL's GeoPackage driver (ogrinfo, an independent reader) sees the layer, its CRS and the exact geometries. */
    @Test
    void gdalReadsTheFeatureLayer() throws Exception {
        fs.writeFeatures("mine", now(everyKind()), prov("a"));
        ws.close(); // checkpoints the WAL: GDAL reads the file header
        String so = GdalReadsWorkspaceTest.ogrinfo("-so", dir.resolve("f.gpkg").toString(), "features");
        assertTrue(so.contains("Feature Count: 5"), so);
        assertTrue(so.contains("CGCS2000 / 3-degree Gauss-Kruger zone 39"), so);
        assertTrue(!so.contains("Warning") && !so.contains("ERROR"), so);
        String all = GdalReadsWorkspaceTest.ogrinfo("-q", dir.resolve("f.gpkg").toString(), "features");
        ws = SqliteStore.open(dir.resolve("f.gpkg"));
        fs = (SqliteStore) ws;
        assertTrue(all.contains("LINESTRING Z (0 0 -300,100 0 -301,200 50 -302)"), all);
        assertTrue(all.contains("POLYGON ((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40))"), all);
        assertTrue(all.contains("POINT Z (10 20 -300)"), all);
        assertTrue(all.contains("attributes (String) = {\"name_cn\":\"回风巷 \\\"east\\\"\",\"level\":3,"), all);
    }
}
