package org.geoassure.ingest.omf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects made from the real files, one per test: the bunny's index edited (a grid tilted off the vertical, a
 * sub-block outside its parent, an item count that disagrees), and OMF 1 headers and array offsets pointing outside
 * the file. Each message names the file, the element and the member or byte offset.
 */
class OmfBadInputTest {
    @TempDir
    Path dir;

    /** The bunny with its index edited by {@code edit}. */
    private Path bunny(String name, Consumer<ObjectNode> edit) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(OmfReaderTest.DIR
                .resolve("omf2_bunny_blocks.omf")))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                members.put(e.getName(), in.readAllBytes());
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode index = (ObjectNode) json.readTree(new GZIPInputStream(new java.io.ByteArrayInputStream(
                members.get("index.json.gz"))));
        edit.accept((ObjectNode) index.get("elements").get(0).get("geometry"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(gz)) {
            z.write(json.writeValueAsBytes(index));
        }
        members.put("index.json.gz", gz.toByteArray());
        Path f = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
            for (var m : members.entrySet()) {
                out.putNextEntry(new ZipEntry(m.getKey()));
                out.write(m.getValue());
                out.closeEntry();
            }
        }
        return f;
    }

    @Test
    void aGridTiltedOffTheVerticalIsRefusedOrSkipped() throws IOException {
        double c = Math.cos(Math.toRadians(5));
        double s = Math.sin(Math.toRadians(5));
        Path f = bunny("tilted.omf", g -> {
            ObjectNode o = (ObjectNode) g.get("orient");
            o.set("u", new ObjectMapper().valueToTree(new double[] {1, 0, 0}));
            o.set("v", new ObjectMapper().valueToTree(new double[] {0, c, s}));
            o.set("w", new ObjectMapper().valueToTree(new double[] {0, -s, c}));
        });
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> OmfReader.read(f, OmfOptions.defaults()));
        assertTrue(e.getMessage().contains("tilted.omf: element 'Octree Block Model' (BlockModel): its w axis is (0.0, "
                + "-0.08715574274765817, 0.9961946980917455), not vertical (0, 0, 1); GeoAssure stores block models "
                + "rotated about the vertical axis only"), e.getMessage());
        OmfFile skipped = OmfReader.read(f, OmfOptions.defaults().withSkipUnsupported(true));
        assertEquals(0, skipped.blockModels().size());
        assertTrue(skipped.elements().get(0).result().startsWith("skipped: its w axis"), skipped.elements().toString());
    }

    @Test
    void aSubBlockOutsideItsParentIsBadContent() throws IOException {
        // 4 sub-blocks per parent along u: the octree corners reach 4, so a count of 2 leaves them outside
        Path f = bunny("outside.omf", g -> ((ArrayNode) g.get("subblocks").get("count")).set(0, 2));
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> OmfReader.read(f, OmfOptions.defaults()));
        assertTrue(e.getMessage().contains("outside.omf: element 'Octree Block Model': sub-block 0 has corners 0..4 "
                + "along u, outside 0..2 or empty"), e.getMessage());
    }

    @Test
    void anItemCountThatDisagreesNamesTheMember() throws IOException {
        Path f = bunny("count.omf", g -> ((ObjectNode) g.get("subblocks").get("subblocks")).put("item_count", 5000));
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> OmfReader.read(f, OmfOptions.defaults()));
        assertTrue(e.getMessage().endsWith("count.omf: element 'Octree Block Model': subblocks: 1.parquet: has 5123 "
                + "rows but the index gives item_count 5000"), e.getMessage());
    }

    @Test
    void omf1OffsetsOutsideTheFileGiveTheByte() throws IOException {
        byte[] b = Files.readAllBytes(OmfReaderTest.DIR.resolve("omf1_plane_surface.omf"));
        byte[] far = b.clone();
        ByteBuffer.wrap(far).order(ByteOrder.LITTLE_ENDIAN).putLong(52, 1L << 40);
        Path f = Files.write(dir.resolve("far.omf"), far);
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> OmfReader.read(f, OmfOptions.defaults()));
        assertTrue(e.getMessage().endsWith("far.omf: byte 52: JSON index offset 1099511627776 is outside the file's "
                + b.length + " bytes"), e.getMessage());
        // the JSON index moved to the start of the data: the first array (start 60) now lies past it
        String index = new String(b, 3027, b.length - 3027, java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream moved = new ByteArrayOutputStream();
        moved.write(b, 0, 60);
        moved.writeBytes(index.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] m = moved.toByteArray();
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putLong(52, 60);
        Path g = Files.write(dir.resolve("moved.omf"), m);
        e = assertThrows(InvalidContentException.class, () -> OmfReader.read(g, OmfOptions.defaults()));
        assertTrue(e.getMessage().contains("moved.omf: element 'plane': data 'Face dip': bytes 60..78 lie outside the "
                + "data part 60..60 of the file"), e.getMessage());
        Path empty = Files.write(dir.resolve("empty.omf"), new byte[0]);
        UnsupportedFormatException u = assertThrows(UnsupportedFormatException.class,
                () -> OmfReader.read(empty, OmfOptions.defaults()));
        assertTrue(u.getMessage().endsWith("empty.omf: an empty file, not OMF"), u.getMessage());
    }
}
