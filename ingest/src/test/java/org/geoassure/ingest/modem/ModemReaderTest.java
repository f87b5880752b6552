package org.geoassure.ingest.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.ingest.blockmodel.VolumeRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Paralana ModEM inversion (mtpy example, 28 x 52 x 100 cells, LOGE), resampled onto regular cells and checked
 * against values read by hand from the file.
 */
class ModemReaderTest {
    @TempDir
    static Path dir;

    /** The test file, gunzipped into the temporary folder (stored gzipped: 1.9 MB of text). */
    static Path paralana() throws IOException {
        return paralana(dir);
    }

    /** The test file, gunzipped into {@code into}. */
    static Path paralana(Path into) throws IOException {
        Path p = into.resolve("paralana.rho");
        if (!Files.exists(p)) {
            try (InputStream in = new GZIPInputStream(Objects.requireNonNull(ModemReaderTest.class
                    .getResourceAsStream("/modem/mtpy_paralana_ModEM_NLCG_004.rho.gz")))) {
                Files.copy(in, p);
            }
        }
        return p;
    }

    private static double at(BlockData d, double e, double n, double z) {
        BlockModel m = d.model();
        double[] l = new double[3];
        m.toLocal(e, n, z, l);
        return d.value(0, (int) Math.floor(l[0] / m.dx()), (int) Math.floor(l[1] / m.dy()),
                (int) Math.floor(l[2] / m.dz()));
    }

    /**
     * 500 x 500 x 100 m cells to 3000 m below the top, ModEM origin at E 300000, N 6650000, elevation 50. Mesh
     * corner -15500 N, -21500 E, -67 down (the file's last lines); the core is x cells 7..22 (north -4000..4000)
     * and y cells 7..46 (east -10000..10000). Expected: the file's value at the ModEM cell holding each point, read
     * by hand (line, n-th value on it; layers are blocks of 52 lines, one per east column, each listing the 28
     * values north to south, so the n-th value is x cell 29 - n), exponentiated (LOGE).
     */
    @ParameterizedTest(name = "E {0} N {1} depth {2}: line {3} value {4}")
    @CsvSource({
        // east, north, ModEM z (down), file line, n-th value, value (ln ohm.m)
        "-2750, -1750, 1883, 2730, 18, 4.18598", // ModEM cell x 11, y 21, z 52
        "-9750, -3750, -17, 543, 22, 4.60434", // x 7, y 7, z 11
        "9750, 3750, 2883, 2967, 7, 4.60235", // x 22, y 46, z 56
        "-6250, 750, 883, 2299, 13, 3.87335", // x 16, y 14, z 44
        "2750, 2250, 183, 1469, 10, 4.52912"}) // x 19, y 32, z 28
    void valuesReadByHand(double east, double north, double depth, int line, int nth, double lnRho) throws Exception {
        VolumeRead r = ModemReader.read(paralana(), ModemOptions.defaults("paralana").withCell(500, 500, 100)
                .withDepth(3000).withOrigin(300000, 6650000, 50));
        assertEquals(Math.exp(lnRho), at(r.data(), 300000 + east, 6650000 + north, 50 - depth),
                1e-5 * Math.exp(lnRho));
        assertEquals(lnRho, Double.parseDouble(Files.readAllLines(paralana()).get(line - 1).strip().split("\\s+")[nth
                - 1]), 0, "the quoted value is on that line");
    }

    @Test
    void geometryOfTheResampledCore() throws Exception {
        VolumeRead r = ModemReader.read(paralana(), ModemOptions.defaults("paralana").withCell(500, 500, 100)
                .withDepth(3000).withOrigin(300000, 6650000, 50));
        BlockModel m = r.data().model();
        assertEquals(List.of(40, 16, 30), List.of(m.nx(), m.ny(), m.nz()));
        assertEquals(300000 - 10000, m.originX());
        assertEquals(6650000 - 4000, m.originY());
        assertEquals(50 + 67 - 3000, m.originZ(), 1e-9, "top at 67 m above the origin");
        assertEquals(40 * 16 * 30, r.data().cells(), "no air in 100 m cells of the core");
        assertTrue(r.parameters().get("modem.resampling").contains("containing its centre"));
        assertFalse(r.warnings().stream().anyMatch(w -> w.contains("local coordinates")));
    }

    /**
     * Defaults: the core's cell widths (500 m) and the thinnest layer (2 m), to the core's smaller side (8000 m).
     * With 2 m cells to 100 m, numpy (np.searchsorted(edges, centre, side='right') - 1 on the same mesh, values
     * taken north to south) counts 8420 air cells (value 27.631 = ln 1e12) in 40 x 16 x 50; they are left absent.
     */
    @Test
    void defaultsAndAirCells() throws Exception {
        VolumeRead thin = ModemReader.read(paralana(), ModemOptions.defaults("p").withDepth(100));
        BlockModel m = thin.data().model();
        assertEquals(List.of(40, 16, 50), List.of(m.nx(), m.ny(), m.nz()));
        assertEquals(List.of(500.0, 500.0, 2.0), List.of(m.dx(), m.dy(), m.dz()));
        assertEquals(40 * 16 * 50 - 8420, thin.data().cells());
        assertTrue(thin.warnings().stream().anyMatch(w -> w.contains("local coordinates")));
        VolumeRead all = ModemReader.read(paralana(), ModemOptions.defaults("p").withCell(500, 500, 100));
        assertEquals(80, all.data().model().nz(), "8000 m deep by default");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "count | # c\\n28 x 100 0 LOGE\\n | :2: ny: 'x' is not a whole number",
        "scale | # c\\n1 1 1 0 LOG2\\n1\\n1\\n1\\n1\\n0 0 0\\n0\\n | :2: resistivity scale 'LOG2': expected LOGE, LOG10 or LINEAR",
        "width | # c\\n1 1 1 0 LOGE\\n1\\n-1\\n1\\n1\\n0 0 0\\n0\\n | :4: y (east) cell width 1: -1.0 is not > 0",
        "short | # c\\n2 1 1 0 LOGE\\n1 1\\n1\\n1\\n1\\n | :6: the file ends before value 2 of 2 (layer 1)",
        "rotated | # c\\n1 1 1 0 LOGE\\n1\\n1\\n1\\n1\\n0 0 0\\n30\\n | :8: rotation 30 degrees: only unrotated ModEM meshes are supported",
        "extra | # c\\n1 1 1 0 LOGE\\n1\\n1\\n1\\n1\\n0 0 0\\n0 5\\n | :8: unexpected '5' after the rotation: is nx ny nz right?",
        "huge | # c\\n10000 10000 10000 0 LOGE\\n | :2: 10000 x 10000 x 10000 cells: more than 100000000 (is the header right?)"})
    void badInput(String name, String text, String message) throws Exception {
        Path p = dir.resolve(name + ".rho");
        Files.writeString(p, text.replace("\\n", "\n"), StandardCharsets.ISO_8859_1);
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> ModemReader.read(p, ModemOptions.defaults("m")));
        assertEquals(p + message.strip(), e.getMessage());
        if (name.equals("rotated")) {
            assertTrue(e instanceof UnsupportedFormatException);
        }
    }
}
