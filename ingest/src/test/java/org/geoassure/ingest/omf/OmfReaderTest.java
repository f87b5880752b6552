package org.geoassure.ingest.omf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.ingest.blockmodel.BlockModelCsvOptions;
import org.geoassure.ingest.blockmodel.BlockModelCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The OMF reader against independent references: the expected index omf-rust ships with its test file
 * ({@code one_of_everything.omf.json}), the constants of omf-rust's pyramid example, the bunny block model's CSV twin
 * and data README counts, and OMF 1 arrays decoded with zlib and NumPy (src/test/resources/omf/SOURCES.md).
 */
class OmfReaderTest {
    static final Path DIR = Path.of("src/test/resources/omf");

    static OmfFile read(String name, boolean skip) {
        return OmfReader.read(DIR.resolve(name), OmfOptions.defaults().withSkipUnsupported(skip));
    }

    static Feature feature(OmfFile f, String id) {
        return f.features().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no feature " + id));
    }

    /** Every element of the expected index (Composite children as parent/child), with its geometry. */
    private static void walk(JsonNode elements, String prefix, List<JsonNode> out, List<String> names) {
        for (JsonNode e : elements) {
            out.add(e);
            names.add(prefix + e.get("name").asText());
            if (e.get("geometry").get("type").asText().equals("Composite")) {
                walk(e.get("geometry").get("elements"), prefix + e.get("name").asText() + "/", out, names);
            }
        }
    }

    @Test
    void oneOfEverythingMatchesTheExpectedIndex() throws IOException {
        JsonNode json = new ObjectMapper().readTree(DIR.resolve("omf2_one_of_everything.omf.json").toFile());
        OmfFile f = read("omf2_one_of_everything.omf", true);
        assertEquals(2, f.version());
        assertEquals(json.get("name").asText(), f.project());
        assertEquals(json.get("author").asText(), f.author());
        assertEquals(json.get("description").asText(), f.description());
        assertEquals(json.get("date").asText(), f.date());

        List<JsonNode> expected = new ArrayList<>();
        List<String> names = new ArrayList<>();
        walk(json.get("elements"), "", expected, names);
        assertEquals(names, f.elements().stream().map(OmfElement::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode g = expected.get(i).get("geometry");
            String name = names.get(i);
            assertEquals(g.get("type").asText(), f.elements().get(i).type(), names.get(i));
            switch (g.get("type").asText()) {
                case "Surface" -> {
                    Mesh m = feature(f, names.get(i)).mesh();
                    assertEquals(g.at("/vertices/item_count").asInt(), m.vertexCount(), names.get(i));
                    assertEquals(g.at("/triangles/item_count").asInt(), m.triangleCount(), names.get(i));
                }
                case "LineSet" -> {
                    Geometry lines = feature(f, names.get(i)).geometry();
                    assertEquals(g.at("/segments/item_count").asInt(), lines.getNumPoints() - lines.getNumGeometries(),
                            names.get(i) + ": segments");
                }
                case "PointSet" -> assertEquals(g.at("/vertices/item_count").asInt(), f.features().stream()
                        .filter(x -> x.name().equals(name)).count(), name + ": one feature per point");
                case "GridSurface" -> {
                    Mesh m = feature(f, names.get(i)).mesh();
                    int nu = g.at("/grid/u/item_count").asInt();
                    int nv = g.at("/grid/v/item_count").asInt();
                    assertEquals(g.at("/heights/item_count").asInt(), m.vertexCount());
                    assertEquals((nu + 1) * (nv + 1), m.vertexCount());
                    assertEquals(2 * nu * nv, m.triangleCount());
                    // origin (-1.5, -1.5, 0) of the index is the first vertex
                    assertArrayEquals(new double[] {g.at("/orient/origin/0").asDouble(),
                        g.at("/orient/origin/1").asDouble(), 0}, new double[] {m.coordinate(0, 0),
                            m.coordinate(0, 1), m.coordinate(0, 2)});
                }
                default -> {
                }
            }
        }
        // attribute value counts of the index
        Mesh pyramid = feature(f, "Pyramid surface").mesh();
        assertEquals(5, pyramid.vertexProperty("Numbers").length);
        assertEquals(5, pyramid.vertexProperty("Date-times").length);
        assertEquals("A surface forming a pyramid", feature(f, "Pyramid surface").attributes().get("description"));
        Set<Object> categories = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            categories.add(feature(f, "Pyramid points/" + i).attributes().get("Categories"));
        }
        assertEquals(2, categories.size(), "names item_count 2");
        // block models: the regular 2 x 2 x 2 grid and the octree 2 x 2 x 2 parents of 4 x 4 x 4 sub-blocks
        BlockModel regular = f.blockModels().get(0).model();
        assertEquals(List.of(2, 2, 2, 1.0), List.of(regular.nx(), regular.ny(), regular.nz(), regular.dx()));
        assertEquals(8, f.blockModels().get(0).cells(), "Filter has 8 values, one per block");
        BlockModel octree = f.blockModels().get(1).model();
        assertEquals(List.of(8, 8, 8, 0.25), List.of(octree.nx(), octree.ny(), octree.nz(), octree.dx()));
        assertEquals(2, f.blockModels().size());
        assertTrue(f.elements().stream().filter(e -> e.result().startsWith("skipped")).map(OmfElement::name).toList()
                .equals(List.of("Tensor block model", "Sub-blocked block model, free-form")));
    }

    @Test
    void oneOfEverythingIsRefusedWithoutSkipNamingTheTensorModel() {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> read("omf2_one_of_everything.omf", false));
        assertTrue(e.getMessage().contains("omf2_one_of_everything.omf: element 'Tensor block model' (BlockModel): a "
                + "tensor grid with unequal block sizes along u"), e.getMessage());
    }

    /** omf-rust examples/pyramid/main.rs: VERTICES, TRIANGLES, SEGMENTS. */
    @Test
    void pyramidHasTheExampleVerticesTrianglesAndSegments() {
        OmfFile f = read("omf2_pyramid.omf", false);
        assertEquals("Pyramid", f.project());
        double[] vertices = {-1, -1, 0, 1, -1, 0, 1, 1, 0, -1, 1, 0, 0, 0, 1};
        int[] triangles = {0, 1, 4, 1, 2, 4, 2, 3, 4, 3, 0, 4, 0, 2, 1, 0, 3, 2};
        int[][] segments = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 4}, {1, 4}, {2, 4}, {3, 4}};
        Feature surface = feature(f, "Pyramid surface");
        assertEquals(FeatureKind.SURFACE, surface.kind());
        assertArrayEquals(vertices, surface.mesh().xyz());
        assertArrayEquals(triangles, surface.mesh().triangles());
        Geometry outline = feature(f, "Pyramid outline").geometry();
        Set<String> expected = new HashSet<>();
        for (int[] s : segments) {
            expected.add(segment(vertices, s[0], s[1]));
        }
        Set<String> got = new HashSet<>();
        int n = 0;
        for (int i = 0; i < outline.getNumGeometries(); i++) {
            Coordinate[] cs = outline.getGeometryN(i).getCoordinates();
            for (int k = 1; k < cs.length; k++, n++) {
                got.add(cs[k - 1].getX() + "," + cs[k - 1].getY() + "," + cs[k - 1].getZ() + " " + cs[k].getX() + ","
                        + cs[k].getY() + "," + cs[k].getZ());
            }
        }
        assertEquals(8, n);
        assertEquals(expected, got);
    }

    private static String segment(double[] v, int a, int b) {
        return v[3 * a] + "," + v[3 * a + 1] + "," + v[3 * a + 2] + " " + v[3 * b] + "," + v[3 * b + 1] + ","
                + v[3 * b + 2];
    }

    /**
     * The bunny in OMF is the same model as its CSV (data README): every cell read from the OMF at the finest size
     * equals the cell the CSV reader stores, except that omf-rust's examples/bunny_blocks/main.rs wrote index
     * {@code category == "Body"} for each CSV row, so the CSV's 352 empty rows are Air in the OMF. The README's Body
     * volume holds.
     */
    @Test
    void bunnyBlocksEqualTheirCsvTwinCellByCell() throws IOException {
        OmfFile f = read("omf2_bunny_blocks.omf", false);
        BlockData omf = f.blockModels().get(0);
        BlockModel m = omf.model();
        assertEquals(List.of(32, 24, 32), List.of(m.nx(), m.ny(), m.nz()));
        assertEquals(List.of(100.0, 100.0, 100.0), List.of(m.dx(), m.dy(), m.dz()));
        assertEquals(10.0, m.rotation(), 1e-12);
        assertEquals(List.of(-1662.0, -1340.0, -423.0), List.of(m.originX(), m.originY(), m.originZ()));
        assertEquals(32 * 24 * 32, omf.cells());

        Path csvFile = Path.of("src/test/resources/blockmodels/omf_bunny_blocks.csv");
        BlockData csv = BlockModelCsvReader.read(csvFile, BlockModelCsvOptions.byCentroid("bunny",
                List.of("X", "Y", "Z"), 100, 100, 100).withSubBlocks(List.of("dX", "dY", "dZ"))
                .withOrigin(-1662, -1340, -423).withRotation(10).withDimensions(32, 24, 32)
                .withIgnored(List.of("Id"))).data();
        List<String> omfLabels = m.attribute("Bunny").categories();
        List<String> csvLabels = csv.model().attribute("Bunny").categories();
        int a = m.attributeIndex("Bunny");
        int b = csv.model().attributeIndex("Bunny");
        Map<String, Double> volume = new HashMap<>();
        for (int k = 0; k < 32; k++) {
            for (int j = 0; j < 24; j++) {
                for (int i = 0; i < 32; i++) {
                    double x = omf.value(a, i, j, k);
                    double y = csv.value(b, i, j, k);
                    String lx = Double.isNaN(x) ? "" : omfLabels.get((int) x);
                    String ly = Double.isNaN(y) ? "Air" : csvLabels.get((int) y);
                    assertEquals(ly, lx, "cell " + i + "," + j + "," + k);
                    volume.merge(lx, m.cellVolume(), Double::sum);
                }
            }
        }
        // README: Body 1 774 sub-blocks making 6.044e9 m3
        assertEquals(6.044e9, volume.get("Body"), 0.0);
        // the sub-block sizes of the README: 208 of 400 m, 907 of 200 m, 4 008 of 100 m make the whole grid
        assertEquals(208 * 64 + 907 * 8 + 4008, 32 * 24 * 32);
    }

    /** The element lists of the OMF 1 files (data README) and values decoded with zlib + NumPy. */
    @Test
    void omfPythonV1FileHasItsFiveElementsAndValues() {
        OmfFile f = read("omfpy_v1_test_file.omf", false);
        assertEquals(1, f.version());
        assertEquals("Test project", f.project());
        assertEquals(List.of("Random Points/PointSetElement", "Random Line/LineSetElement", "trisurf/SurfaceElement",
                "gridsurf/SurfaceElement", "vol/VolumeElement"), f.elements().stream().map(e -> e.name() + "/"
                        + e.type()).toList());
        Feature p0 = feature(f, "Random Points/0");
        Coordinate c = p0.geometry().getCoordinate();
        assertArrayEquals(new double[] {0.022818273948950307, 0.6018914284572072, 0.09682581726225747},
                new double[] {c.getX(), c.getY(), c.getZ()});
        assertEquals(0.8526999807826635, p0.attributes().get("rand data"));
        assertEquals(0.012928909804128641, p0.attributes().get("More rand data"));
        assertEquals(0.749875142145927, feature(f, "Random Points/99").attributes().get("rand data"));
        Mesh tri = feature(f, "trisurf").mesh();
        assertEquals(100, tri.vertexCount());
        assertEquals(50, tri.triangleCount());
        assertEquals(List.of(82, 89, 70, 84), List.of(tri.corner(0, 0), tri.corner(0, 1), tri.corner(0, 2),
                tri.corner(1, 0)));
        assertEquals(0.12454402118048591, tri.vertexProperty("rand vert data")[0]);
        assertEquals(50, feature(f, "Random Line").geometry().getNumPoints()
                - feature(f, "Random Line").geometry().getNumGeometries(), "50 segments (Int2Array of 100 values)");
        // gridsurf: 10 x 15 cells of 1 m at (50, 50, 50), axes u = x, v = z, heights offset_w along u x v = -y
        Mesh grid = feature(f, "gridsurf").mesh();
        assertEquals(11 * 16, grid.vertexCount());
        assertEquals(2 * 10 * 15, grid.triangleCount());
        assertArrayEquals(new double[] {50, 50 - 0.23306389846207254, 50}, new double[] {grid.coordinate(0, 0),
            grid.coordinate(0, 1), grid.coordinate(0, 2)}, 1e-12);
        assertEquals(0.5692532105439532, grid.vertexProperty("rand vert data")[0]);
        // vol: 10 x 15 x 20 cells of 1 m at (10, 10, -10); "Random Data" on cells, u fastest
        BlockData vol = f.blockModels().get(0);
        BlockModel v = vol.model();
        assertEquals(List.of(10, 15, 20), List.of(v.nx(), v.ny(), v.nz()));
        assertEquals(List.of(10.0, 10.0, -10.0, 0.0), List.of(v.originX(), v.originY(), v.originZ(), v.rotation()));
        int a = v.attributeIndex("Random_Data");
        assertEquals(0.6690738153210025, vol.value(a, 0, 0, 0));
        assertEquals(0.09117767621511763, vol.value(a, 1, 0, 0));
        assertEquals(0.06922907331057138, vol.value(a, 9, 14, 19));
    }

    @Test
    void omf1PlaneSurfaceAndTestProject() {
        OmfFile plane = read("omf1_plane_surface.omf", false);
        assertEquals("Plane surface", plane.project());
        Mesh m = feature(plane, "plane").mesh();
        assertEquals(90, m.vertexCount());
        assertEquals(144, m.triangleCount());
        assertArrayEquals(new double[] {3917.098339590675, 7050.6412579678645, 355.93113768043867},
                new double[] {m.coordinate(0, 0), m.coordinate(0, 1), m.coordinate(0, 2)});
        assertEquals(0.2634918354575583, m.vertexProperty("Au")[0]);
        assertTrue(plane.warnings().stream().anyMatch(w -> w.contains("'Face dip' (number on faces) is not kept")),
                plane.warnings().toString());

        OmfFile proj = read("omf1_test_proj.omf", false);
        assertEquals("2017-10-04T21:46:17Z", proj.date());
        assertEquals(List.of("SurfaceElement", "SurfaceElement"), proj.elements().stream().map(OmfElement::type)
                .toList());
        assertEquals(List.of("SurfaceElement", "SurfaceElement#2"), proj.features().stream().map(Feature::id)
                .toList());
        assertTrue(proj.warnings().stream().anyMatch(w -> w.contains("element name '' is empty")),
                proj.warnings().toString());
    }

    @Test
    void nullAttributeValuesStayNull() {
        OmfFile f = read("omf2_null_attribute_values.omf", false);
        Mesh m = feature(f, "Test Surface").mesh();
        for (String p : List.of("Numbers (f32)", "Numbers (f64)", "Numbers (i64)", "Numbers (Date)",
                "Numbers (DateTime)", "Categories", "Booleans")) {
            assertTrue(Double.isNaN(m.vertexProperty(p)[2]), p + ": the third value is null");
            assertTrue(!Double.isNaN(m.vertexProperty(p)[0]), p);
        }
        assertEquals("0=Zero; 1=One; 2=Two", feature(f, "Test Surface").attributes().get("Categories categories"));
        OmfFile meta = read("omf2_element_metadata.omf", false);
        assertEquals("point", feature(meta, "Element").attributes().get("sub-type"));
        assertNull(feature(meta, "Element").attributes().get("absent"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "omf2_array_length_mismatch.omf|omf2_array_length_mismatch.omf: element 'Length Mismatch': vertices: 1.parquet: "
            + "has 4 rows but the index gives item_count 999",
        "omf2_duplicate_element_name.omf|omf2_duplicate_element_name.omf: element name 'Duplicate' is used twice",
        "omf2_missing_parquet.omf|omf2_missing_parquet.omf: element 'Missing': vertices: member 1.parquet named in the "
            + "index is not in the file"})
    void invalidFilesAreRefusedNamingFileElementAndMember(String file, String message) {
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> read(file, true));
        assertTrue(e.getMessage().endsWith(message) || e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void omfPythonV2AlphaIsRefusedAsUnsupported() throws IOException {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> read("omfpy_v2alpha_test_file.omf", true));
        assertTrue(e.getMessage().contains("omf-python \"OMF 2.0 alpha\" file"), e.getMessage());
        Path notOmf = Files.createTempFile(Path.of("target"), "not", ".omf");
        Files.writeString(notOmf, "x,y,z\n1,2,3\n");
        e = assertThrows(UnsupportedFormatException.class, () -> OmfReader.read(notOmf, OmfOptions.defaults()));
        assertTrue(e.getMessage().contains("not an OMF file"), e.getMessage());
        Files.delete(notOmf);
    }
}
