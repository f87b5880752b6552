package org.geoassure.ingest.omf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.ingest.omf.internal.ParquetColumnsWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes features as an OMF 2 file (omf-rust's layout: a zip of Parquet arrays, uncompressed, and
 * {@code index.json.gz}): surfaces and solids as Surface elements (mesh vertex properties as Number attributes on
 * vertices), lines as LineSets, points as PointSets. The element name is the feature id; the feature's attributes are
 * the element's metadata, with its name and role under {@code geoassure:name} and {@code geoassure:role}, so that
 * {@link OmfReader} reads the same features back. Polygons, and points or lines without z, have no OMF form here and
 * are left out with a warning.
 */
public final class OmfWriter {
    private OmfWriter() {
    }

    /**
     * What was written.
     *
     * @param elements the number of elements written
     * @param warnings the features left out, and why
     */
    public record Result(int elements, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Writes the features as one OMF 2 project.
     *
     * @param features features with distinct ids
     * @param project the project name
     * @param description the project description
     * @param out where the zip goes (not closed)
     * @throws IllegalArgumentException when two features share an id
     * @throws IOException when {@code out} fails
     */
    public static Result write(List<Feature> features, String project, String description, OutputStream out)
            throws IOException {
        Objects.requireNonNull(project, "project");
        ObjectMapper json = new ObjectMapper();
        ObjectNode index = json.createObjectNode();
        index.put("name", project);
        index.put("description", description);
        index.put("application", "GeoAssure");
        index.put("date", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        ArrayNode elements = index.putArray("elements");
        List<String> warnings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setComment("Open Mining Format 2.0");
        int[] member = {0};
        for (Feature f : features) {
            if (!ids.add(f.id())) {
                throw new IllegalArgumentException("two features have the id '" + f.id() + "'");
            }
            ObjectNode e = json.createObjectNode();
            e.put("name", f.id());
            ObjectNode meta = e.putObject("metadata");
            for (Map.Entry<String, Object> a : f.attributes().entrySet()) {
                Object v = a.getValue();
                if (v == null) {
                    meta.putNull(a.getKey());
                } else if (v instanceof String s) {
                    meta.put(a.getKey(), s);
                } else if (v instanceof Long l) {
                    meta.put(a.getKey(), l);
                } else if (v instanceof Double d) {
                    if (Double.isFinite(d)) {
                        meta.put(a.getKey(), d);
                    } else {
                        meta.putNull(a.getKey());
                    }
                } else {
                    meta.put(a.getKey(), (Boolean) v);
                }
            }
            if (!f.name().equals(f.id())) {
                meta.put("geoassure:name", f.name());
            }
            if (!f.role().isEmpty()) {
                meta.put("geoassure:role", f.role());
            }
            ObjectNode g = e.putObject("geometry");
            ArrayNode attrs = e.putArray("attributes");
            switch (f.kind()) {
                case SURFACE, SOLID -> {
                    Mesh m = f.mesh();
                    g.put("type", "Surface");
                    g.set("origin", json.valueToTree(new double[3]));
                    g.set("vertices", vertices(zip, member, m.xyz()));
                    int[] t = m.triangles();
                    int n = t.length / 3;
                    int[][] cols = split(t, 3);
                    g.set("triangles", array(zip, member, new ParquetColumnsWriter(n).uint32("a", cols[0])
                            .uint32("b", cols[1]).uint32("c", cols[2]).bytes(), n));
                    for (Map.Entry<String, double[]> p : m.vertexProperties().entrySet()) {
                        ObjectNode a = attrs.addObject();
                        a.put("name", p.getKey());
                        a.put("location", "Vertices");
                        ObjectNode d = a.putObject("data");
                        d.put("type", "Number");
                        d.set("values", array(zip, member, new ParquetColumnsWriter(p.getValue().length)
                                .doubles("number", p.getValue(), true).bytes(), p.getValue().length));
                    }
                }
                case LINES, POINTS -> {
                    Geometry geom = f.geometry();
                    Coordinate[] cs = geom.getCoordinates();
                    double[] xyz = new double[3 * cs.length];
                    boolean flat = false;
                    for (int i = 0; i < cs.length; i++) {
                        xyz[3 * i] = cs[i].getX();
                        xyz[3 * i + 1] = cs[i].getY();
                        xyz[3 * i + 2] = cs[i].getZ();
                        flat |= Double.isNaN(cs[i].getZ());
                    }
                    if (flat || cs.length == 0) {
                        warnings.add("feature '" + f.id() + "' left out: " + (cs.length == 0 ? "it is empty"
                                : "a vertex has no z (OMF vertices are 3D)"));
                        continue;
                    }
                    g.put("type", f.kind() == org.geoassure.geodb.model.FeatureKind.POINTS ? "PointSet" : "LineSet");
                    g.set("origin", json.valueToTree(new double[3]));
                    g.set("vertices", vertices(zip, member, xyz));
                    if (f.kind() == org.geoassure.geodb.model.FeatureKind.LINES) {
                        List<Integer> seg = new ArrayList<>();
                        int base = 0;
                        for (int p = 0; p < geom.getNumGeometries(); p++) {
                            int k = geom.getGeometryN(p).getNumPoints();
                            for (int i = 0; i + 1 < k; i++) {
                                seg.add(base + i);
                                seg.add(base + i + 1);
                            }
                            base += k;
                        }
                        int[] s = seg.stream().mapToInt(Integer::intValue).toArray();
                        int[][] cols = split(s, 2);
                        g.set("segments", array(zip, member, new ParquetColumnsWriter(s.length / 2)
                                .uint32("a", cols[0]).uint32("b", cols[1]).bytes(), s.length / 2));
                    }
                }
                default -> {
                    warnings.add("feature '" + f.id() + "' left out: OMF has no polygons");
                    continue;
                }
            }
            elements.add(e);
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(json.writeValueAsBytes(index));
        }
        stored(zip, "index.json.gz", gz.toByteArray());
        zip.finish();
        zip.flush();
        return new Result(elements.size(), warnings);
    }

    private static int[][] split(int[] packed, int k) {
        int n = packed.length / k;
        int[][] cols = new int[k][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                cols[c][i] = packed[i * k + c];
            }
        }
        return cols;
    }

    private static ObjectNode vertices(ZipOutputStream zip, int[] member, double[] xyz) throws IOException {
        int n = xyz.length / 3;
        double[][] c = new double[3][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                c[a][i] = xyz[3 * i + a];
            }
        }
        return array(zip, member, new ParquetColumnsWriter(n).doubles("x", c[0], false).doubles("y", c[1], false)
                .doubles("z", c[2], false).bytes(), n);
    }

    private static ObjectNode array(ZipOutputStream zip, int[] member, byte[] parquet, int count) throws IOException {
        String name = ++member[0] + ".parquet";
        stored(zip, name, parquet);
        ObjectNode ref = new ObjectMapper().createObjectNode();
        ref.put("filename", name);
        ref.put("item_count", count);
        return ref;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        e.setTime(315532800000L); // 1980-01-01, as omf-rust writes
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }
}
