package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.geoassure.server.cli.CliTest.Result;
import org.geoassure.server.cli.RowWriter.Col;
import org.geoassure.server.cli.RowWriter.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;

/**
 * {@code --format arrow}: the stream read back with Arrow's own reader holds the same rows, cell by cell, as the CSV
 * output of the same command on the pygslib Demo1 drillholes; batches keep memory bounded.
 */
class ArrowOutputTest {
    private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private static final ArrowType UTC_MICROS = new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");

    @TempDir
    Path dir;

    Path ws;

    /** A stream read whole: schema, record batches, and every cell as Arrow's {@code getObject} gives it. */
    record Stream(Schema schema, int batches, List<List<Object>> rows) {
        Field field(String name) {
            return schema.findField(name);
        }
    }

    @BeforeEach
    void ingest() {
        ws = dir.resolve("mine.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4527").code());
        Result in = CliTest.ingestDemo1(ws);
        assertEquals(0, in.code(), in.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"query WS intervals --table assays", "query WS boreholes", "query WS stations",
        "export WS traces", "export WS intervals --table assays"})
    void sameRowsAsCsv(String command) throws IOException, ParseException {
        String[] args = command.replace("WS", ws.toString()).split(" ");
        sameCells(csv(args), arrow(args));
    }

    @Test
    void intervalSchemaIsTyped() throws IOException {
        Stream s = arrow("query", ws.toString(), "intervals", "--table", "assays");
        assertEquals(List.of("hole_id", "from", "to", "Au", "x_from", "y_from", "z_from", "x_to", "y_to", "z_to",
                "x_mid", "y_mid", "z_mid"), s.schema().getFields().stream().map(Field::getName).toList());
        assertEquals(ArrowType.Utf8.INSTANCE, s.field("hole_id").getType());
        assertEquals(DOUBLE, s.field("Au").getType());
        assertEquals(DOUBLE, s.field("z_mid").getType());
        assertTrue(s.schema().getFields().stream().allMatch(Field::isNullable));
        assertEquals(1882, s.rows().size(), "rows of pygslib_demo1_assay.csv");
    }

    @Test
    void boreholeTimesAndCountsAreTyped() throws IOException {
        Stream s = arrow("query", ws.toString(), "boreholes");
        assertEquals(UTC_MICROS, s.field("valid_from").getType());
        assertEquals(UTC_MICROS, s.field("recorded_at").getType());
        assertEquals(new ArrowType.Int(64, true), s.field("stations").getType());
        assertEquals(29, s.rows().size());
    }

    @Test
    void sqlGeometryIsGeoArrowWkb() throws IOException, ParseException {
        String sql = "SELECT hole_id, depth_from, geom, recorded_at, depth_to > 10 AS deep, count(*) OVER () AS n "
                + "FROM assays ORDER BY hole_id, depth_from";
        Stream s = arrow("query", ws.toString(), "--sql", sql);
        assertEquals(List.of("hole_id", "depth_from", "geom", "recorded_at", "deep", "n"),
                s.schema().getFields().stream().map(Field::getName).toList());
        Field geom = s.field("geom");
        assertEquals(ArrowType.Binary.INSTANCE, geom.getType());
        assertEquals(Map.of("ARROW:extension:name", "geoarrow.wkb", "ARROW:extension:metadata", "{}"),
                geom.getMetadata());
        assertEquals(UTC_MICROS, s.field("recorded_at").getType());
        assertEquals(ArrowType.Bool.INSTANCE, s.field("deep").getType());
        assertEquals(new ArrowType.Int(64, true), s.field("n").getType());
        // Calcite's JDBC result set gives GEOMETRY as Geometry.toString(), 2D WKT: the WKB is then 2D too (code 2)
        assertEquals(2, typeCode((byte[]) s.rows().get(0).get(2)) % 1000, "ISO WKB LINESTRING");
        sameCells(csv("query", ws.toString(), "--sql", sql), s);
    }

    @Test
    void standardOutputCarriesTheBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GeoAssureCli.run(new PrintWriter(text), bytes, new PrintWriter(err), "export", ws.toString(),
                "traces", "--format", "arrow");
        assertEquals(0, code, err.toString());
        assertEquals("", text.toString(), "no text mixed into the binary stream");
        Stream s = read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(372, s.rows().size(), "survey stations of pygslib Demo1");
        assertEquals(List.of("0", 0.0, 4.533053515215002, 0.0, 99.7271773347324), s.rows().get(0));
    }

    @Test
    void nullsAndNaNAreNull() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Col> cols = List.of(Col.text("t"), Col.number("d"), new Col("l", Kind.LONG), new Col("b", Kind.BOOLEAN),
                new Col("ts", Kind.TIMESTAMP), new Col("g", Kind.GEOMETRY));
        try (RowWriter w = new ArrowRows(bytes, cols)) {
            w.row(Arrays.asList(null, Double.NaN, null, null, null, null));
            w.row(Arrays.asList("煤", 2.5, 7, true, Instant.parse("2025-06-01T08:00:00.123456Z"),
                    new GeometryFactory().createPoint(new Coordinate(1, 2, 3))));
        }
        Stream s = read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(Arrays.asList(null, null, null, null, null, null), s.rows().get(0));
        List<Object> full = s.rows().get(1);
        assertEquals(List.of("煤", 2.5, 7L, true, micros(Instant.parse("2025-06-01T08:00:00.123456Z"))),
                full.subList(0, 5));
        assertEquals(1001, typeCode((byte[]) full.get(5)), "ISO WKB POINT Z, not the EWKB flag");
        assertEquals("POINT Z(1 2 3)", new org.locationtech.jts.io.WKTWriter(3).write(wkb(full.get(5))));
    }

    @Test
    void millionRowsInBoundedMemory() throws IOException {
        int rows = 1_000_000;
        Path f = dir.resolve("big.arrows");
        List<Col> cols = List.of(Col.text("hole_id"), Col.number("depth"), new Col("n", Kind.LONG),
                new Col("t", Kind.TIMESTAMP), new Col("geom", Kind.GEOMETRY));
        GeometryFactory gf = new GeometryFactory();
        long peak;
        long batches;
        try (BufferAllocator limited = new RootAllocator(32L << 20); OutputStream out = Files.newOutputStream(f)) {
            try (ArrowRows w = new ArrowRows(out, cols, limited, ArrowRows.BATCH_ROWS)) {
                for (int i = 0; i < rows; i++) {
                    w.row(List.of("H" + i, i * 0.25, (long) i, Instant.ofEpochSecond(1_700_000_000L + i),
                            gf.createPoint(new Coordinate(i, 2.0 * i, -0.5 * i))));
                }
                batches = w.batches();
            }
            peak = limited.getPeakMemoryAllocation();
            assertEquals(0, limited.getAllocatedMemory(), "every buffer released");
        }
        assertEquals((rows + ArrowRows.BATCH_ROWS - 1) / ArrowRows.BATCH_ROWS - 1, batches,
                "full batches written before close");
        assertTrue(peak < Files.size(f) / 4, "peak " + peak + " B should be a fraction of the " + Files.size(f)
                + " B written");
        int[] count = {0};
        Object[] last = new Object[1];
        int readBatches = 0;
        try (BufferAllocator a = new RootAllocator(); InputStream in = Files.newInputStream(f);
                ArrowStreamReader r = new ArrowStreamReader(in, a)) {
            VectorSchemaRoot root = r.getVectorSchemaRoot();
            while (r.loadNextBatch()) {
                readBatches++;
                count[0] += root.getRowCount();
                int lastRow = root.getRowCount() - 1;
                last[0] = root.getFieldVectors().stream().map(v -> v.getObject(lastRow)).toList();
            }
        }
        assertEquals(16, readBatches, "ceil(10^6 / 65536) batches");
        assertEquals(rows, count[0]);
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) last[0];
        int i = rows - 1;
        assertEquals(List.of("H" + i, i * 0.25, (long) i, micros(Instant.ofEpochSecond(1_700_000_000L + i))),
                l.subList(0, 4).stream().map(v -> v instanceof org.apache.arrow.vector.util.Text t ? t.toString() : v)
                        .toList());
        assertArrayEquals(new double[] {i, 2.0 * i, -0.5 * i}, xyz(wkb(l.get(4))), 0.0);
    }

    // ---- helpers

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private static int typeCode(byte[] wkb) {
        assertEquals(1, wkb[0], "little endian");
        return java.nio.ByteBuffer.wrap(wkb, 1, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static Geometry wkb(Object bytes) {
        try {
            return new WKBReader().read((byte[]) bytes);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static double[] xyz(Geometry g) {
        Coordinate c = g.getCoordinate();
        return new double[] {c.getX(), c.getY(), c.getZ()};
    }

    private List<String[]> csv(String... args) {
        Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        return r.lines().stream().map(ArrowOutputTest::splitCsv).toList();
    }

    private Stream arrow(String... args) throws IOException {
        Path f = dir.resolve("out.arrows");
        String[] all = Arrays.copyOf(args, args.length + 4);
        System.arraycopy(new String[] {"--format", "arrow", "--out", f.toString()}, 0, all, args.length, 4);
        Result r = CliTest.run(all);
        assertEquals(0, r.code(), r.err());
        try (InputStream in = Files.newInputStream(f)) {
            return read(in);
        }
    }

    private static Stream read(InputStream in) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        int batches = 0;
        try (BufferAllocator a = new RootAllocator(); ArrowStreamReader r = new ArrowStreamReader(in, a)) {
            VectorSchemaRoot root = r.getVectorSchemaRoot();
            while (r.loadNextBatch()) {
                batches++;
                for (int i = 0; i < root.getRowCount(); i++) {
                    List<Object> row = new ArrayList<>();
                    for (FieldVector v : root.getFieldVectors()) {
                        Object o = v.getObject(i);
                        row.add(o instanceof org.apache.arrow.vector.util.Text t ? t.toString() : o);
                    }
                    rows.add(row);
                }
            }
            return new Stream(root.getSchema(), batches, rows);
        }
    }

    /** Every cell of the CSV equals the Arrow cell: empty is null, numbers exactly, WKT equals WKB in x, y and z. */
    private static void sameCells(List<String[]> csv, Stream arrow) throws ParseException {
        assertEquals(Arrays.asList(csv.get(0)), arrow.schema().getFields().stream().map(Field::getName).toList());
        assertEquals(csv.size() - 1, arrow.rows().size(), "rows");
        assertTrue(arrow.rows().size() > 0, "something to compare");
        List<Field> fields = arrow.schema().getFields();
        WKTReader wkt = new WKTReader();
        for (int r = 0; r < arrow.rows().size(); r++) {
            String[] line = csv.get(r + 1);
            for (int c = 0; c < fields.size(); c++) {
                String text = line[c];
                Object cell = arrow.rows().get(r).get(c);
                String where = "row " + r + " column " + fields.get(c).getName();
                if (text.isEmpty()) {
                    assertNull(cell, where);
                    continue;
                }
                ArrowType type = fields.get(c).getType();
                if (type.equals(DOUBLE)) {
                    assertEquals(Double.parseDouble(text), (Double) cell, 0.0, where);
                } else if (type.equals(UTC_MICROS)) {
                    assertEquals(micros(Instant.parse(text)), cell, where);
                } else if (type.equals(ArrowType.Binary.INSTANCE)) {
                    Geometry expected = wkt.read(text);
                    Geometry actual = wkb(cell);
                    assertTrue(expected.equalsExact(actual), where);
                    Coordinate[] e = expected.getCoordinates();
                    Coordinate[] a = actual.getCoordinates();
                    for (int k = 0; k < e.length; k++) {
                        assertEquals(e[k].getZ(), a[k].getZ(), 0.0, where + " z of point " + k);
                    }
                } else {
                    assertEquals(text, cell.toString(), where);
                }
            }
        }
    }

    /** One CSV line (RFC 4180 quoting, no line breaks inside fields). */
    private static String[] splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(new String[0]);
    }
}
