package org.geoassure.ingest.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.model.Feature;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.Ogrinfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Z and M variants, holes and DBF field types on small Shapefiles written byte by byte by {@link ShpBuilder}; each
 * is also read by GDAL's ogrinfo, and its geometries (as WKT) and attribute values must equal ours.
 */
class ShapefileVariantsTest {
    @TempDir
    Path dir;

    private static final double[][] SHELL = {{0, 0, 10, 1}, {0, 10, 11, 2}, {10, 10, 12, 3}, {10, 0, 13, 4},
        {0, 0, 10, 1}}; // clockwise
    private static final double[][] HOLE = {{2, 2, 5, 5}, {8, 2, 6, 6}, {8, 8, 7, 7}, {2, 8, 8, 8}, {2, 2, 5, 5}};
    private static final double[][] OTHER = {{20, 0, 1, 0}, {20, 5, 1, 0}, {25, 5, 1, 0}, {20, 0, 1, 0}};

    private FeatureFile both(Path shp, List<Ogrinfo.OgrFeature> gdal) throws ParseException {
        FeatureFile ours = ShapefileReader.read(shp, FeatureOptions.defaults());
        assertEquals(gdal.size(), ours.features().size());
        WKTReader wkt = new WKTReader();
        for (int i = 0; i < gdal.size(); i++) {
            Geometry theirs = wkt.read(gdal.get(i).wkt());
            Geometry mine = ours.features().get(i).geometry();
            assertTrue(theirs.equalsExact(mine), theirs + " vs " + mine);
            Coordinate[] a = theirs.getCoordinates();
            Coordinate[] b = mine.getCoordinates();
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k].getZ(), b[k].getZ(), 0, "z of point " + k);
                assertEquals(a[k].getM(), b[k].getM(), 0, "m of point " + k);
            }
        }
        return ours;
    }

    @Test
    void polygonZmWithHoleAndTwoShells() throws Exception {
        Path shp = new ShpBuilder(15).field("name", 'C', 10, 0)
                .shape(new double[][][] {SHELL, HOLE, OTHER}, "a").write(dir, "pz", StandardCharsets.UTF_8);
        List<Ogrinfo.OgrFeature> gdal = Ogrinfo.features(shp);
        assertTrue(gdal.get(0).wkt().startsWith("MULTIPOLYGON ZM"), gdal.get(0).wkt());
        FeatureFile f = both(shp, gdal);
        // clockwise SHELL and OTHER are shells, the counter-clockwise HOLE lies in SHELL
        assertEquals(2, f.features().get(0).geometry().getNumGeometries());
        Polygon first = (Polygon) f.features().get(0).geometry().getGeometryN(0);
        assertEquals(1, first.getNumInteriorRing());
        assertEquals(5, first.getInteriorRingN(0).getCoordinateN(0).getZ(), 0);
    }

    @Test
    void pointZMultiPointMPolyLineM() throws Exception {
        Path pz = new ShpBuilder(11).field("n", 'N', 5, 0).shape(new double[][][] {{{1.5, 2.5, -300.25, 7}}}, "1")
                .shape(new double[][][] {{{3, 4, 5, 6}}}, "2").write(dir, "ptz", StandardCharsets.UTF_8);
        both(pz, Ogrinfo.features(pz));
        Path mpm = new ShpBuilder(28).field("n", 'N', 5, 0)
                .shape(new double[][][] {{{1, 2, 0, 7}, {3, 4, 0, 8}}}, "1").write(dir, "mpm", StandardCharsets.UTF_8);
        FeatureFile f = both(mpm, Ogrinfo.features(mpm));
        MultiPoint m = assertInstanceOf(MultiPoint.class, f.features().get(0).geometry());
        assertEquals(8, m.getGeometryN(1).getCoordinate().getM(), 0);
        assertTrue(Double.isNaN(m.getGeometryN(1).getCoordinate().getZ()));
        Path lm = new ShpBuilder(23).field("n", 'N', 5, 0)
                .shape(new double[][][] {{{0, 0, 0, 1}, {1, 1, 0, 2}}, {{5, 5, 0, 3}, {6, 6, 0, 4}}}, "1")
                .write(dir, "lm", StandardCharsets.UTF_8);
        both(lm, Ogrinfo.features(lm));
    }

    @Test
    void dbfFieldTypesAsGdalReadsThem() throws Exception {
        Path shp = new ShpBuilder(1).field("s", 'C', 12, 0).field("i", 'N', 6, 0).field("d", 'N', 10, 3)
                .field("f", 'F', 12, 4).field("ok", 'L', 1, 0).field("day", 'D', 8, 0)
                .shape(new double[][][] {{{1, 2}}}, "  lead", "-42", "3.125", "-1.5e3", "T", "20240229")
                .shape(new double[][][] {{{3, 4}}}, "", "", "", "", "?", "")
                .shape(new double[][][] {{{5, 6}}}, "x", "+7", "0.5", "2", "n", "19991231")
                .write(dir, "types", StandardCharsets.ISO_8859_1);
        List<Ogrinfo.OgrFeature> gdal = Ogrinfo.features(shp);
        FeatureFile f = both(shp, gdal);
        var a = f.features().get(0).attributes();
        assertEquals("lead", a.get("s"));
        assertEquals(-42L, a.get("i"));
        assertEquals(3.125, a.get("d"));
        assertEquals(-1500.0, a.get("f"));
        assertEquals(Boolean.TRUE, a.get("ok"));
        assertEquals("2024-02-29", a.get("day"));
        // GDAL: "i (Integer) = -42", "d (Real) = 3.125", "day (Date) = 2024/02/29", "ok (Integer(Boolean)) = 1"
        var g = gdal.get(0).fields();
        assertEquals(g.get("s"), a.get("s"), "blanks cut at both ends, as GDAL");
        assertEquals(Long.parseLong(g.get("i")), a.get("i"));
        assertEquals(Double.parseDouble(g.get("d")), a.get("d"));
        assertEquals(Double.parseDouble(g.get("f")), a.get("f"));
        assertEquals(g.get("day").replace('/', '-'), a.get("day"));
        var empty = f.features().get(1).attributes();
        var gEmpty = gdal.get(1).fields();
        for (String k : List.of("s", "i", "d", "f", "day")) {
            assertNull(empty.get(k), k);
            // GDAL prints "(null)" for blank text and numbers and leaves a blank date unset (not printed)
            assertEquals("(null)", gEmpty.getOrDefault(k, "(null)"), k);
        }
        assertNull(empty.get("ok"));
        assertEquals(Boolean.FALSE, f.features().get(2).attributes().get("ok"));
        assertEquals(7L, f.features().get(2).attributes().get("i"));
    }

    @Test
    void codePageFromCpgAndLanguageByte() throws Exception {
        Charset gbk = Charset.forName("GBK");
        Path shp = new ShpBuilder(1).field("name", 'C', 20, 0).shape(new double[][][] {{{1, 2}}}, "煤层顶板")
                .write(dir, "cn", gbk);
        Files.writeString(dir.resolve("cn.cpg"), "GBK");
        assertEquals("煤层顶板", ShapefileReader.read(shp, FeatureOptions.defaults()).features().get(0).name());
        // no .cpg: the language byte 0x4D (GBK) decides; GDAL agrees
        Path shp2 = new ShpBuilder(1).languageId(0x4D).field("name", 'C', 20, 0)
                .shape(new double[][][] {{{1, 2}}}, "煤层顶板").write(dir, "cn2", gbk);
        assertEquals("煤层顶板", ShapefileReader.read(shp2, FeatureOptions.defaults()).features().get(0).name());
        assertEquals("煤层顶板", Ogrinfo.features(shp2).get(0).fields().get("name"));
        // neither: ISO-8859-1 (bytes kept one char each), unless an encoding is given
        Path shp3 = new ShpBuilder(1).field("name", 'C', 20, 0).shape(new double[][][] {{{1, 2}}}, "煤")
                .write(dir, "cn3", gbk);
        assertEquals(new String("煤".getBytes(gbk), StandardCharsets.ISO_8859_1),
                ShapefileReader.read(shp3, FeatureOptions.defaults()).features().get(0).name());
        assertEquals("煤", ShapefileReader.read(shp3, FeatureOptions.defaults().withEncoding(gbk)).features().get(0)
                .name());
    }

    @Test
    void nullShapeSkippedWithWarning() throws Exception {
        Path shp = new ShpBuilder(1).field("n", 'N', 3, 0).shape(null, "1").shape(new double[][][] {{{1, 2}}}, "2")
                .write(dir, "nul", StandardCharsets.UTF_8);
        FeatureFile f = ShapefileReader.read(shp, FeatureOptions.defaults());
        assertEquals(1, f.features().size());
        Feature only = f.features().get(0);
        assertEquals("2", only.id());
        assertEquals(2L, only.attributes().get("n"));
        assertTrue(f.warnings().get(0).contains("1 record(s) with a null shape skipped"), f.warnings()::toString);
    }
}
