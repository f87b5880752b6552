package org.geoassure.server.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.render.mesh.IntervalTubes;
import org.geoassure.render.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render a PNG picture offscreen (jMonkeyEngine; OSMesa when there is no display):",
            "the intervals of --table as tubes coloured by --color-by, seen from --view.",
            "Example: geoassure render mine.gpkg --table lithology --color-by CET_Litho --view 30,25 --out litho.png"})
final class RenderCommand implements Callable<Integer> {
    @Mixin
    WorkspaceArg ws;

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "interval table to draw")
    String table;

    @Option(names = "--color-by", paramLabel = "COLUMN", description = "attribute to colour by (default one colour)")
    String colorBy;

    @Option(names = "--view", paramLabel = "AZ,EL[,DIST]", defaultValue = "30,25",
            description = "looking towards azimuth AZ (degrees from north), down EL degrees, from DIST metres "
                + "(default: framing everything); default ${DEFAULT-VALUE}")
    String view;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x720", description = "pixels (default ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--radius", paramLabel = "M", description = "tube radius, metres (default: 1/250 of the largest "
            + "extent of the data, at least 0.5 m, so holes stay visible in a picture of a whole mine)")
    Double radius;

    @Option(names = "--ramp", paramLabel = "R", defaultValue = "quantile", description = "colours for a numeric "
            + "--color-by: quantile or linear (default ${DEFAULT-VALUE}; see export gltf)")
    String ramp;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the picture")
    Path out;

    @Option(names = "--as-of", paramLabel = "T", description = "valid time (default now)")
    String asOf;

    @Option(names = "--recorded-as-of", paramLabel = "T", description = "record time (default now)")
    String recordedAsOf;

    @Override
    public Integer call() {
        IntervalTubes.Ramp colours = ExportCommand.ramp("--ramp", ramp);
        double[] v = view.split(",").length == 2 ? QueryCommand.numbers("--view", view + ",0", ",", 3)
                : QueryCommand.numbers("--view", view, ",", 3);
        if (v[1] < -90 || v[1] > 90 || v[2] < 0) {
            throw new InvalidContentException("--view: elevation must be -90..90 and distance >= 0, got " + view);
        }
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        double[] px = QueryCommand.numbers("--size", wh.length == 2 ? wh[0] + "," + wh[1] : size, ",", 2);
        if (px[0] < 16 || px[1] < 16 || px[0] > 8192 || px[1] > 8192) {
            throw new InvalidContentException("--size: 16..8192 pixels each way, got " + size);
        }
        Selection s = Selection.all();
        if (asOf != null) {
            s = s.asOf(Times.parse("--as-of", asOf));
        }
        if (recordedAsOf != null) {
            s = s.recordedAsOf(Times.parse("--recorded-as-of", recordedAsOf));
        }
        IntervalTubes.Result tubes;
        try (WorkspaceStore store = ws.open()) {
            tubes = ExportCommand.tubes(store, table, colorBy, radius, 12, colours, s, "--");
        }
        BufferedImage img = Snapshot.render(tubes.mesh(), new Snapshot.View(v[0], v[1], v[2]), (int) px[0], (int) px[1]);
        try {
            Path dir = out.toAbsolutePath().getParent();
            Path partial = dir.resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            ImageIO.write(img, "png", partial.toFile());
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
