package org.geoassure.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.geoassure.render.RenderOrigin;
import org.geoassure.render.mesh.Tubes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A known scene rendered offscreen with jMonkeyEngine (OSMesa when there is no display): two vertical tubes side by
 * side, the western one red, the eastern one blue, seen from the south: red must appear left of blue (so the axes
 * and the red/blue byte order are right), the corners must be background, and the picture is saved under target/.
 */
class SnapshotTest {
    @Test
    void redTubeWestOfBlueTubeSeenFromTheSouth() throws IOException {
        boolean display = System.getenv("DISPLAY") != null;
        boolean osmesa = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libOSMesa.so.8"))
                || Files.exists(Path.of("/usr/lib/libOSMesa.so.8"));
        if (!display && !osmesa) {
            String missing = "no DISPLAY and no OSMesa (Debian package libosmesa6): cannot render offscreen";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        RenderOrigin o = new RenderOrigin(500_000, 6_800_000, 300);
        Tubes t = new Tubes(o, 3, 16);
        t.add(new double[] {499_980, 6_800_000, 300, 499_980, 6_800_000, 240}, 2, 0, 0xD02020FF);
        t.add(new double[] {500_020, 6_800_000, 300, 500_020, 6_800_000, 240}, 2, 1, 0x2040D0FF);
        // looking north (azimuth 0), slightly down
        BufferedImage img = Snapshot.render(t.mesh(), new Snapshot.View(0, 10, 0), 320, 240);
        Path out = Path.of("target", "snapshots");
        Files.createDirectories(out);
        ImageIO.write(img, "png", out.resolve("two-tubes.png").toFile());
        assertEquals(Snapshot.BACKGROUND, img.getRGB(2, 2) & 0xFFFFFF, "top-left corner is background");
        assertEquals(Snapshot.BACKGROUND, img.getRGB(317, 237) & 0xFFFFFF, "bottom-right corner is background");
        int redX = -1;
        int blueX = -1;
        for (int x = 0; x < img.getWidth(); x++) {
            int rgb = img.getRGB(x, img.getHeight() / 2);
            int r = rgb >> 16 & 255;
            int b = rgb & 255;
            if (r > 2 * b && r > 60 && redX < 0) {
                redX = x;
            }
            if (b > 2 * r && b > 60) {
                blueX = x;
            }
        }
        assertTrue(redX >= 0, "the red tube is visible");
        assertTrue(blueX >= 0, "the blue tube is visible");
        assertTrue(redX < img.getWidth() / 2 && blueX > img.getWidth() / 2, "red (west) left of blue (east): " + redX
                + ", " + blueX);
    }
}
