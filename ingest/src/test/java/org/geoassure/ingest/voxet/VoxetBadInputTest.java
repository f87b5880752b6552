package org.geoassure.ingest.voxet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One defect per case, made from small.vo: the exact message, naming the file and line (or byte offset). */
class VoxetBadInputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of("tilted U", "AXIS_U 51000 0 0", "AXIS_U 51000 0 100",
                        "small.vo:19: axes U and V must be horizontal (a block model rotates about z only); U = "
                                + "(51000.0, 0.0, 100.0), V = (0.0, 87000.0, 0.0) tilt out of the horizontal"),
                Arguments.of("oblique V", "AXIS_V 0 87000 0", "AXIS_V 1000 87000 0",
                        "small.vo:20: axes U = (51000.0, 0.0, 0.0) and V = (1000.0, 87000.0, 0.0) are not orthogonal"),
                Arguments.of("tilted W", "AXIS_W 0 0 51000", "AXIS_W 5000 0 51000",
                        "small.vo:21: axis W = (5000.0, 0.0, 51000.0) is not vertical"),
                Arguments.of("no AXIS_N", "AXIS_N 10 17 10", "",
                        "small.vo: no AXIS_N line; a voxet header needs AXIS_O, AXIS_U, AXIS_V, AXIS_W and AXIS_N"),
                Arguments.of("bad AXIS_N", "AXIS_N 10 17 10", "AXIS_N 10 17 0",
                        "small.vo:24: AXIS_N: 0.0 is not a whole number of nodes >= 1"),
                Arguments.of("huge AXIS_N", "AXIS_N 10 17 10", "AXIS_N 100000 100000 100000",
                        "small.vo:24: AXIS_N 100000 100000 100000: more than 2147483647 nodes"),
                Arguments.of("text in AXIS_O", "AXIS_O 696000 6863000 -40000", "AXIS_O 696000 north -40000",
                        "small.vo:18: AXIS_O: 'north' is not a number"),
                Arguments.of("feet", "AXIS_UNIT m m m", "AXIS_UNIT ft ft ft",
                        "small.vo:14: AXIS_UNIT 'ft': only metres are supported"),
                Arguments.of("SEGY format", "PROP_FORMAT 2 RAW", "PROP_FORMAT 2 SEGY",
                        "small.vo:81: PROPERTY 2 'VPmg_density': PROP_FORMAT SEGY is not supported (only RAW)"),
                Arguments.of("IBM floats", "PROP_ETYPE 2  IEEE", "PROP_ETYPE 2 IBM",
                        "small.vo:80: PROPERTY 2 'VPmg_density': PROP_ETYPE IBM is not supported (IEEE or octet)"),
                Arguments.of("odd size", "PROP_ESIZE 2 4", "PROP_ESIZE 2 3",
                        "small.vo:79: PROPERTY 2 'VPmg_density': PROP_ESIZE 3 is not 1, 2, 4 or 8"),
                Arguments.of("missing file", "PROP_FILE 3 small_susceptibility@@", "PROP_FILE 3 gone@@",
                        "small.vo:109: PROPERTY 3 'VPmg_susceptibility': PROP_FILE gone@@ not found beside the header"),
                Arguments.of("offset past the end", "PROP_OFFSET 2 0", "PROP_OFFSET 2 8",
                        "small_density@@: byte offset 6800: the file ends before its last value (1700 nodes x 4 "
                                + "bytes from PROP_OFFSET 8 need 6808 bytes;"),
                Arguments.of("no END", "small_susceptibility@@\nEND", "small_susceptibility@@",
                        "small.vo:109: the file ends without END (is it truncated?)"),
                Arguments.of("key before PROPERTY", "PROPERTY 3 VPmg_susceptibility", "PROPERTY 4 other",
                        "small.vo:86: PROPERTY_CLASS 3 before PROPERTY 3"),
                Arguments.of("not a voxet", "GOCAD Voxet 1", "GOCAD TSurf 1",
                        "small.vo:1: not a GOCAD Voxet header: the first line should start with 'GOCAD Voxet', got "
                                + "'GOCAD TSurf 1'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void defect(String name, String from, String to, String message) throws Exception {
        Path vo = VoxetTestFiles.copySmall(dir);
        String text = Files.readString(vo, StandardCharsets.ISO_8859_1);
        String changed = text.replace(from, to);
        assertEquals(false, changed.equals(text), "the fixture changes the header: " + from);
        Files.writeString(vo, changed, StandardCharsets.ISO_8859_1);
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> VoxetReader.read(vo, "m"));
        String expected = message.replace("small.vo", vo.toString()).replace("small_density@@",
                vo.resolveSibling("small_density@@").toString());
        assertEquals(true, e.getMessage().startsWith(expected), "expected\n  " + expected + "\ngot\n  "
                + e.getMessage());
    }

    /** A property file cut short is refused before any value is read, at the byte offset where it ends. */
    @org.junit.jupiter.api.Test
    void truncatedPropertyFile() throws Exception {
        Path vo = VoxetTestFiles.copySmall(dir);
        Path lith = vo.resolveSibling("small_lithology@@");
        byte[] b = Files.readAllBytes(lith);
        Files.write(lith, Arrays.copyOf(b, 3399));
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> VoxetReader.read(vo, "m"));
        assertEquals(lith + ": byte offset 3399: the file ends before its last value (1700 nodes x 2 bytes from "
                + "PROP_OFFSET 0 need 3400 bytes; " + vo + " line 57)", e.getMessage());
    }
}
