package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files as a Chinese mine keeps them: headers in Chinese (孔号 hole id, 孔口高程 collar elevation, 孔深 depth, 方位角
 * azimuth, 倾角 dip, 自/至 from/to with full-width unit suffixes), saved by Chinese-language Excel in GB18030, in
 * CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527).
 */
class ChineseFilesTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Crs CRS = Crs.forCode("EPSG:4527");

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, cs);
        return p;
    }

    private Map<String, Path> files(Charset cs) throws IOException {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("collar", write("孔口.csv", "孔号,X坐标,Y坐标,孔口高程,孔深\nZK1,39500100.5,4000200.25,1200.0,300\n", cs));
        m.put("survey", write("测斜.csv", "孔号,深度,方位角,倾角\nZK1,0,0,-90\nZK1,150,10,-85\n", cs));
        m.put("岩性", write("岩性.csv", "孔号,自（m）,至（m）,岩性,煤层\nZK1,0,120.5,砂岩,\nZK1,120.5,123.8,煤,3号煤\n"
                + "ZK1,123.8,300,泥岩,\n", cs));
        return m;
    }

    private ReadResult read(Map<String, Path> f, DrillholeOptions opt) {
        Map<String, Path> intervals = new LinkedHashMap<>();
        intervals.put("岩性", f.get("岩性"));
        return DrillholeReader.read(f.get("collar"), f.get("survey"), intervals, opt);
    }

    @Test
    void gb18030FilesWithChineseHeadersReadAndQuery() throws IOException {
        Map<String, Path> f = files(GB18030);
        ReadResult r = read(f, DrillholeOptions.builder(CRS).encoding(GB18030).build());
        assertEquals(List.of(new Column("岩性", ColumnType.TEXT), new Column("煤层", ColumnType.TEXT)),
                r.batch().intervalSchemas().get("岩性"));
        assertEquals("GB18030", r.batch().provenance().parameters().get("encoding"));
        try (WorkspaceStore ws = Workspaces.create(dir.resolve("矿井.gpkg"), WorkspaceInfo.of("矿井", CRS.code(), "1985国家高程基准"))) {
            ws.ingest(r.batch());
            List<IntervalRecord> coal;
            try (Stream<IntervalRecord> s = ws.intervals("岩性", Selection.all().where(AttributePredicate.parse("岩性 = '煤'")))) {
                coal = s.toList();
            }
            assertEquals(1, coal.size());
            assertEquals("3号煤", coal.get(0).values().get("煤层"));
            assertEquals(120.5, coal.get(0).from());
            // the same through the spatial path: within 50 m of the collar-vertical line at the seam's elevation
            try (Stream<IntervalRecord> s = ws.intervals("岩性", Selection.all()
                    .within(new SpatialFilter.NearPoint(39500100.5, 4000200.25, 1200 - 122, 50))
                    .where(AttributePredicate.parse("煤层 is not null")))) {
                assertEquals(List.of("3号煤"), s.map(i -> (String) i.values().get("煤层")).toList());
            }
            assertEquals("1985国家高程基准", ws.info().verticalDatum());
        }
    }

    @Test
    void gb18030ReadAsUtf8IsRefusedWithAHint() throws IOException {
        Map<String, Path> f = files(GB18030);
        DrillholeValidationException e = assertThrows(DrillholeValidationException.class,
                () -> read(f, DrillholeOptions.defaults(CRS)));
        assertTrue(e.getMessage().startsWith(f.get("collar") + ":1: not valid UTF-8 text"), e.getMessage());
        assertTrue(e.getMessage().contains("GB18030"), e.getMessage());
    }

    @Test
    void utf8ChineseFilesNeedNoOption() throws IOException {
        ReadResult r = read(files(StandardCharsets.UTF_8), DrillholeOptions.defaults(CRS));
        assertEquals(3, r.batch().holes().get(0).intervals().get("岩性").size());
        assertEquals("UTF-8", r.batch().provenance().parameters().get("encoding"));
    }
}
