package org.geoassure.ingest.segy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import org.geoassure.ingest.segy.SurveyGeometry.GridCoordinates;
import org.geoassure.ingest.segy.SurveyGeometry.Kind;
import org.geoassure.ingest.segy.SurveyGeometry.Sorting;
import org.junit.jupiter.api.Test;

/**
 * Trace layouts. Line numbers and offsets expected here are what segyio 1.8.3 (Debian python3-segyio) reports
 * for the same files ({@code f.ilines, f.xlines, f.offsets, f.sorting}), written in by hand; segyio has no grid
 * coordinates, so azimuths, origins and bin sizes are derived in the tests from raw trace-header bytes.
 */
class SegyGeometryTest {

    private static List<Integer> grid(SurveyGeometry g) {
        return List.of(g.inlineMin(), g.inlineMax(), g.inlineStep(), g.crosslineMin(), g.crosslineMax(),
                g.crosslineStep());
    }

    /** segyio: sorting 2 (inline), ilines 1..4, xlines 1..3, offsets [1, 2]. */
    @Test
    void smallPrestackIsReadAsGathers() throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_small-ps.sgy"))) {
            SurveyGeometry g = f.geometry();
            assertEquals(Kind.PRE_STACK_3D, g.kind());
            assertEquals(Sorting.INLINE, g.sorting());
            assertEquals(List.of(1, 4, 1, 1, 3, 1), grid(g));
            assertEquals(List.of(1, 2), g.offsets());
            int t = g.traceIndex(2, 1, 1).orElseThrow();
            TraceHeader h = f.traceHeader(t);
            assertEquals(List.of(2, 1, 2), List.of(h.inline(), h.crossline(), h.offset()));
            assertTrue(g.traceIndex(5, 1, 0).isEmpty());
            assertTrue(g.coordinates().isEmpty(), "all CDP X/Y are 0");
        }
    }

    /** segyio: ilines [0], xlines [0], offsets 0..3: a single gather. */
    @Test
    void oneByOneIsOneGatherOfFourOffsets() throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_1x1.sgy"))) {
            SurveyGeometry g = f.geometry();
            assertEquals(Kind.PRE_STACK_3D, g.kind());
            assertEquals(List.of(0, 1, 2, 3), g.offsets());
            assertEquals(1, g.inlineCount());
            assertEquals(1, g.crosslineCount());
        }
    }

    /** segyio: ilines 1..3, xlines 20..21, inline sorting. */
    @Test
    void tiny() throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_tiny.sgy"))) {
            SurveyGeometry g = f.geometry();
            assertEquals(Kind.POST_STACK_3D, g.kind());
            assertEquals(List.of(1, 3, 1, 20, 21, 1), grid(g));
            assertEquals(4, f.samplesPerTrace());
            assertEquals(1000.0, f.sampleInterval());
        }
    }

    /** segyio: "unable to find sorting"; shot records without line numbers are unstructured. */
    @Test
    void shotGatherIsUnstructured() throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_shot-gather.sgy"))) {
            assertEquals(61, f.traceCount());
            SurveyGeometry g = f.geometry();
            assertEquals(Kind.UNSTRUCTURED, g.kind());
            assertTrue(g.traceIndex(0, 0, 0).isEmpty());
        }
    }

    /**
     * rotated-small-rev2 (SEG-Y 2.0, one 240-byte trace-header extension per trace; segyio 1.8.3 refuses it):
     * expected origin, azimuths and spacings computed here from the raw big-endian CDP X/Y (bytes 181-188,
     * scalar at 71-72) of the traces at (il 1, xl 20), (il 1, xl 24) and (il 5, xl 20).
     */
    @Test
    void rotatedSmallRev2() throws Exception {
        int traceLength = 240 + 240 + 50 * 4;
        double[][] p = cdp("segyio_rotated-small-rev2.sgy", traceLength, 0, 4, 20);
        double[] p0 = p[0];
        double[] p4 = p[1];
        double[] p20 = p[2];
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_rotated-small-rev2.sgy"))) {
            assertEquals(2.0, f.revision());
            assertEquals(1, f.binaryHeader().additionalTraceHeaders());
            assertEquals(traceLength, f.traceLength());
            assertEquals(25, f.traceCount());
            float[] s = new float[50];
            f.readSamples(23, s, 0);
            TraceHeader h = f.traceHeader(23);
            assertEquals(h.inline() + h.crossline() / 100.0 + 7e-5, s[7], 1e-6, "small.sgy's formula");
            SurveyGeometry g = f.geometry();
            assertEquals(Kind.POST_STACK_3D, g.kind());
            assertEquals(List.of(1, 5, 1, 20, 24, 1), grid(g));
            GridCoordinates c = g.coordinates().orElseThrow();
            assertEquals(p0[0], c.originX(), 1e-9);
            assertEquals(p0[1], c.originY(), 1e-9);
            assertEquals(azimuth(p0, p4), c.inlineAzimuth(), 1e-9);
            assertEquals(azimuth(p0, p20), c.crosslineAzimuth(), 1e-9);
            assertEquals(90.0, c.inlineAzimuth(), 1e-9, "x = xl - 20 along an inline");
            assertEquals(180.0, c.crosslineAzimuth(), 1e-9, "y = 101 - il along a crossline");
            assertEquals(Math.hypot(p4[0] - p0[0], p4[1] - p0[1]) / 4, c.crosslineSpacing(), 1e-9);
            assertEquals(Math.hypot(p20[0] - p0[0], p20[1] - p0[1]) / 4, c.inlineSpacing(), 1e-9);
            assertEquals(0.0, c.maxResidual(), 1e-9);
        }
    }

    /** acute-small: the grid at 45 degrees to CDP X/Y, scalar -10 (x = (xl - 20 + il - 1) / 10). */
    @Test
    void acuteSmallAt45Degrees() throws Exception {
        double[][] p = cdp("segyio_acute-small.sgy", 240 + 50 * 4, 0, 4, 20);
        double[] p0 = p[0];
        double[] p4 = p[1];
        double[] p20 = p[2];
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_acute-small.sgy"))) {
            GridCoordinates c = f.geometry().coordinates().orElseThrow();
            assertEquals(azimuth(p0, p4), c.inlineAzimuth(), 1e-9);
            assertEquals(45.0, c.inlineAzimuth(), 1e-9);
            assertEquals(azimuth(p0, p20), c.crosslineAzimuth(), 1e-9);
            assertEquals(135.0, c.crosslineAzimuth(), 1e-9);
            assertEquals(Math.sqrt(2) / 10, c.inlineSpacing(), 1e-12);
            assertEquals(0.0, c.originX(), 1e-12);
            assertEquals(10.0, c.originY(), 1e-12);
            assertEquals(new SurveyGeometry.Corner(5, 24, 0.8, 10.0), round(c.corners().get(2)));
        }
    }

    /** F3: 25 m crossline bins; azimuth from the first inline's end traces (il 111, xl 875 and 892). */
    @Test
    void f3Coordinates() throws Exception {
        double[][] p = cdp("segyio_f3.sgy", 240 + 75 * 2, 0, 17);
        double[] p0 = p[0];
        double[] p17 = p[1];
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_f3.sgy"))) {
            GridCoordinates c = f.geometry().coordinates().orElseThrow();
            assertEquals(azimuth(p0, p17), c.inlineAzimuth(), 0.05);
            assertEquals(Math.hypot(p17[0] - p0[0], p17[1] - p0[1]) / 17, c.crosslineSpacing(), 0.05);
            assertEquals(620197.2, c.originX(), 0.5);
            assertEquals(6074232.9, c.originY(), 0.5);
            assertTrue(c.maxResidual() < 0.5, "rounded coordinates: " + c.maxResidual());
        }
    }

    private static SurveyGeometry.Corner round(SurveyGeometry.Corner c) {
        return new SurveyGeometry.Corner(c.inline(), c.crossline(), Math.round(c.x() * 1e9) / 1e9,
                Math.round(c.y() * 1e9) / 1e9);
    }

    /** CDP X/Y of big-endian traces after a 3600-byte header, coordinate scalar (bytes 71-72) applied by hand. */
    private static double[][] cdp(String name, int traceLength, int... traces) throws Exception {
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(SegyTestFiles.file(name)));
        double[][] xy = new double[traces.length][];
        for (int k = 0; k < traces.length; k++) {
            int offset = 3600 + traces[k] * traceLength;
            int scalar = raw.getShort(offset + 70);
            double f = scalar < 0 ? 1.0 / -scalar : scalar == 0 ? 1 : scalar;
            xy[k] = new double[] {raw.getInt(offset + 180) * f, raw.getInt(offset + 184) * f};
        }
        return xy;
    }

    private static double azimuth(double[] from, double[] to) {
        double a = Math.toDegrees(Math.atan2(to[0] - from[0], to[1] - from[1]));
        return a < 0 ? a + 360 : a;
    }
}
