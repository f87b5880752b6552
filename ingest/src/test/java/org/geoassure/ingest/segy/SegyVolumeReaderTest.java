package org.geoassure.ingest.segy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.ingest.blockmodel.VolumeRead;
import org.geoassure.ingest.segy.SegyVolumeOptions.Vertical;
import org.junit.jupiter.api.Test;

/** Post-stack SEG-Y volumes as block models, checked by locating world points in the model. */
class SegyVolumeReaderTest {
    /** The value of the cell holding world point (x, y, z), or a failure when the point is outside the grid. */
    static double at(BlockData d, double x, double y, double z) {
        BlockModel m = d.model();
        double[] l = new double[3];
        m.toLocal(x, y, z, l);
        int i = (int) Math.floor(l[0] / m.dx());
        int j = (int) Math.floor(l[1] / m.dy());
        int k = (int) Math.floor(l[2] / m.dz());
        assertTrue(i >= 0 && j >= 0 && k >= 0 && i < m.nx() && j < m.ny() && k < m.nz(), "point " + x + "," + y + ","
                + z + " is in the grid: " + i + "," + j + "," + k);
        return d.value(0, i, j, k);
    }

    /**
     * acute-small: the grid at 45 degrees (inline step towards azimuth 135, crossline step towards 45, bins sqrt(2)/10).
     * Expected numbers from segyio 1.8.3 (Debian python3-segyio), hard-coded: trace 12 is (il 3, xl 22) at CDP
     * (0.4, 10.0) with samples 0, 7, 49 = 3.219999313354492, 3.2200698852539062, 3.220489501953125; trace 19 is
     * (4, 24) at (0.7, 10.1): 4.239999771118164, 4.240069389343262, 4.240489959716797; trace 3 is (1, 23) at
     * (0.3, 10.3): 1.2299995422363281, 1.2300691604614258, 1.230489730834961; f.samples[7] = 28 ms, [49] = 196 ms.
     * Every cell also follows shared/data/reference-results.md D: value = il + xl/100 + sample·1e-5.
     */
    @Test
    void rotatedVolumeMatchesSegyio() {
        VolumeRead r = SegyVolumeReader.read(SegyTestFiles.file("segyio_acute-small.sgy"),
                SegyVolumeOptions.time("acute", "amplitude"));
        BlockData d = r.data();
        BlockModel m = d.model();
        assertEquals(List.of(5, 5, 50), List.of(m.nx(), m.ny(), m.nz()));
        assertEquals(-45.0, m.rotation(), 1e-9, "i along increasing inlines, azimuth 135");
        assertEquals(Math.sqrt(2) / 10, m.dx(), 1e-12);
        assertEquals(Math.sqrt(2) / 10, m.dy(), 1e-12);
        assertEquals(4.0, m.dz(), "4000 us = 4 ms per cell");
        double[][] segyio = {
            {0.4, 10.0, 3.219999313354492, 3.2200698852539062, 3.220489501953125},
            {0.7, 10.1, 4.239999771118164, 4.240069389343262, 4.240489959716797},
            {0.3, 10.3, 1.2299995422363281, 1.2300691604614258, 1.230489730834961}};
        for (double[] t : segyio) {
            assertEquals(t[2], at(d, t[0], t[1], -0.0), 0, "sample 0 at 0 ms");
            assertEquals(t[3], at(d, t[0], t[1], -28.0), 0, "sample 7 at 28 ms");
            assertEquals(t[4], at(d, t[0], t[1], -196.0), 0, "sample 49 at 196 ms");
        }
        for (int il = 1; il <= 5; il++) {
            for (int xl = 20; xl <= 24; xl++) {
                for (int s = 0; s < 50; s++) {
                    assertEquals(il + xl / 100.0 + s * 1e-5, d.value(0, il - 1, xl - 20, 49 - s), 1e-5);
                }
            }
        }
        assertTrue(r.warnings().get(0).startsWith("time-domain volume: z is minus two-way time in milliseconds"));
        assertTrue(r.parameters().get("segy.vertical").contains("NOT metres"));
    }

    /**
     * F3 (real data, int16): reference-results.md D gives trace 10 samples 20, 25, 30, 35, 40 = 0, -1170, 5198,
     * -2213, -888; segyio says trace 10 is (il 111, xl 885) at CDP (620447.1, 6074239.9), samples start at 4 ms
     * (f.samples[20] = 84, [40] = 164); trace 300 (il 127, xl 887) at (620485.9, 6074641.1) has samples 0, 33, 74 =
     * 0, 4733, -77.
     */
    @Test
    void f3TraceTenThroughWorldCoordinates() {
        BlockData d = SegyVolumeReader.read(SegyTestFiles.file("segyio_f3.sgy"),
                SegyVolumeOptions.time("f3", "amplitude")).data();
        assertEquals(23 * 18 * 75, d.cells());
        int[] expected = {0, -1170, 5198, -2213, -888};
        for (int q = 0; q < 5; q++) {
            int s = 20 + 5 * q;
            assertEquals(expected[q], at(d, 620447.1, 6074239.9, -(4 + 4 * s)), "sample " + s);
        }
        assertEquals(0, at(d, 620485.9, 6074641.1, -4));
        assertEquals(4733, at(d, 620485.9, 6074641.1, -(4 + 4 * 33)));
        assertEquals(-77, at(d, 620485.9, 6074641.1, -300));
        assertEquals(-300 - 2, d.model().originZ(), 1e-9, "the deepest sample (300 ms) is a cell centre");
    }

    /** A constant velocity of 2000 m/s: 4 ms two-way = 4 m; sample 7 (28 ms) at 28 m depth. */
    @Test
    void constantVelocityDepth() {
        VolumeRead r = SegyVolumeReader.read(SegyTestFiles.file("segyio_acute-small.sgy"),
                SegyVolumeOptions.time("acute", "amplitude").withVertical(Vertical.TIME_TO_DEPTH, 2000));
        assertEquals(4.0, r.data().model().dz(), 1e-12);
        assertEquals(3.2200698852539062, at(r.data(), 0.4, 10.0, -28), 0);
        assertTrue(r.warnings().get(0).contains("constant velocity of 2000.0 m/s"));
    }

    @Test
    void preStackUnstructuredAndUnplacedFilesAreRefused() {
        var small = SegyTestFiles.file("segyio_small.sgy");
        var ps = SegyTestFiles.file("segyio_small-ps.sgy");
        var shot = SegyTestFiles.file("segyio_shot-gather.sgy");
        SegyVolumeOptions o = SegyVolumeOptions.time("m", "amplitude");
        assertEquals(small + ": the grid has no CDP X/Y coordinates (needs at least 2 inlines and 2 crosslines with "
                + "non-zero CDP X/Y, bytes 181-188): it cannot be placed",
                assertThrows(UnsupportedFormatException.class, () -> SegyVolumeReader.read(small, o)).getMessage());
        assertTrue(assertThrows(UnsupportedFormatException.class, () -> SegyVolumeReader.read(ps, o)).getMessage()
                .startsWith(ps + ": pre-stack data (2 offsets per inline/crossline node)"));
        assertTrue(assertThrows(UnsupportedFormatException.class, () -> SegyVolumeReader.read(shot, o)).getMessage()
                .startsWith(shot + ": no regular inline/crossline grid"));
    }
}
