package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.geoassure.render.snapshot.Snapshot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geoassure render} on the real pygslib Demo1 assays: a PNG with the holes in it; bad views refused. */
class RenderCommandTest {
    @TempDir
    Path dir;

    static void requireOpenGl() {
        if (System.getenv("DISPLAY") == null && !Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libOSMesa.so.8"))) {
            String missing = "no DISPLAY and no OSMesa (Debian package libosmesa6): cannot render offscreen";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
    }

    @Test
    void demo1AssaysAsAPicture() throws IOException {
        requireOpenGl();
        Path ws = dir.resolve("demo1.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4547").code());
        assertEquals(0, CliTest.ingestDemo1(ws).code());
        Path png = dir.resolve("au.png");
        CliTest.Result r = CliTest.run("render", ws.toString(), "--table", "assays", "--color-by", "Au", "--view", "20,20",
                "--size", "320x180", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(320, img.getWidth());
        assertEquals(180, img.getHeight());
        int drawn = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != Snapshot.BACKGROUND) {
                    drawn++;
                }
            }
        }
        // 29 holes framed in the picture: a visible share of it, not all of it
        assertTrue(drawn > 320 * 180 / 100 && drawn < 320 * 180 / 2, drawn + " pixels drawn");
    }

    @Test
    void badViewsAreRefused() {
        Path ws = dir.resolve("demo1.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4547").code());
        Path png = dir.resolve("x.png");
        for (String[] bad : new String[][] {{"--view", "10"}, {"--view", "0,95"}, {"--size", "10x10"},
            {"--radius", "0"}}) {
            CliTest.Result r = CliTest.run("render", ws.toString(), "--table", "assays", bad[0], bad[1], "--out",
                    png.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(bad[0]), r.err());
            assertFalse(Files.exists(png));
        }
    }
}
