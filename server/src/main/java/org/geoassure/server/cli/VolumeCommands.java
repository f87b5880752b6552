package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.blockmodel.VolumeRead;
import org.geoassure.ingest.modem.ModemOptions;
import org.geoassure.ingest.modem.ModemReader;
import org.geoassure.ingest.segy.SegyVolumeOptions;
import org.geoassure.ingest.segy.SegyVolumeReader;
import org.geoassure.ingest.voxet.VoxetReader;
import org.geoassure.ingest.voxet.VoxetWriter;
import picocli.CommandLine.Option;

/**
 * Gridded volumes as block models: {@code ingest WS voxet|segy|modem FILE} and {@code export WS blocks --format
 * voxet} (docs/cli.md). Each ingest writes one new version of the model in one transaction, or nothing.
 */
final class VolumeCommands {
    private static final int WARNINGS_SHOWN = 20;

    private VolumeCommands() {
    }

    /** The options of the volume kinds, mixed into {@code ingest}. */
    static final class IngestOptions {
        @Option(names = "--attribute", paramLabel = "NAME", description = "segy: the attribute of the samples "
                + "(default amplitude); modem: of the resistivity in ohm.m (default resistivity)")
        String attribute;

        @Option(names = "--categories", paramLabel = "PROPERTY=FILE", description = "voxet: store an integer "
                + "property as a category with the code table FILE (CSV code,\"label\"[,r,g,b]), repeatable")
        Map<String, Path> categories = new java.util.LinkedHashMap<>();

        @Option(names = "--velocity", paramLabel = "M/S", description = "segy: convert two-way time to depth with "
                + "this constant velocity (default: keep time, stored as z = -ms)")
        Double velocity;

        @Option(names = "--depth-domain", description = "segy: the samples are depths (sample interval field / 1000 "
                + "= metres), not times")
        boolean depthDomain;

        @Option(names = "--cell", paramLabel = "DX,DY,DZ", description = "modem: regular cell size east, north, down "
                + "in metres (default the core cell widths and the thinnest layer)")
        String cell;

        @Option(names = "--depth", paramLabel = "M", description = "modem: resample to this depth below the model's "
                + "top (default the core's smaller horizontal side)")
        Double depth;
    }

    /** {@code ingest WS voxet|segy|modem FILE [--name M] ...}. */
    static int ingest(IngestCommand c) {
        if (c.files.size() != 1) {
            throw new InvalidContentException("FILE: " + c.kind + " takes one file, got " + c.files.size());
        }
        Path file = c.files.get(0);
        IngestOptions v = c.volume;
        String name = c.logName;
        if (name == null && !c.kind.equals("voxet")) {
            throw new InvalidContentException("--name: required for " + c.kind + " (the model name)");
        }
        if (name == null) {
            name = defaultName(file);
        }
        String modelName = name;
        if (!c.kind.equals("segy") && (v.velocity != null || v.depthDomain)) {
            throw new InvalidContentException("--velocity, --depth-domain: only for segy");
        }
        if (!c.kind.equals("modem") && (v.cell != null || v.depth != null)) {
            throw new InvalidContentException("--cell, --depth: only for modem");
        }
        if (!c.kind.equals("modem") && c.origin != null) {
            throw new InvalidContentException("--origin: only for modem among the volumes (a " + c.kind + " file "
                    + "places itself)");
        }
        if (c.crs != null) {
            throw new InvalidContentException("--crs: volumes are not reprojected; their coordinates are taken as the "
                    + "workspace CRS (reproject the file first)");
        }
        if (!c.kind.equals("voxet") && !v.categories.isEmpty()) {
            throw new InvalidContentException("--categories: only for voxet");
        }
        if (c.kind.equals("voxet") && v.attribute != null) {
            throw new InvalidContentException("--attribute: a voxet's attributes are its property names");
        }
        try (WorkspaceStore store = c.ws.open()) {
            BlockModelStore blocks = BlockRows.blocks(store);
            VolumeRead read = switch (c.kind) {
                case "voxet" -> VoxetReader.read(file, modelName, v.categories);
                case "segy" -> SegyVolumeReader.read(file, segyOptions(modelName, v));
                default -> ModemReader.read(file, modemOptions(modelName, v, c.origin));
            };
            printWarnings(c.spec.commandLine().getErr(), read.warnings());
            Map<String, String> params = new TreeMap<>(read.parameters());
            params.put("format", c.kind);
            Provenance p = new Provenance(read.sources(), c.user != null ? c.user : System.getProperty("user.name"),
                    params, read.warnings());
            BlockModelStore.Version ver = blocks.writeBlockModel(read.data(), c.comment, p);
            BlockModel m = ver.model();
            c.spec.commandLine().getOut().printf("ingest #%d recorded at %s: block model %s version %d: %d x %d x %d "
                    + "cells of %s x %s x %s m, %d stored in %d bricks; %d attributes; %d warnings%n", ver.ingestId(),
                    ver.recordedAt(), m.name(), ver.version(), m.nx(), m.ny(), m.nz(), RowWriter.number(m.dx()),
                    RowWriter.number(m.dy()), RowWriter.number(m.dz()), ver.cells(), ver.bricks(),
                    m.attributes().size(), read.warnings().size());
        }
        return 0;
    }

    /** A model name from a file name: its base name with other characters than letters, digits, '_' as '_'. */
    static String defaultName(Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^\\p{L}\\p{N}_]", "_");
        return base.isEmpty() || Character.isDigit(base.charAt(0)) ? "m_" + base : base;
    }

    private static SegyVolumeOptions segyOptions(String name, IngestOptions v) {
        SegyVolumeOptions o = SegyVolumeOptions.time(name, v.attribute != null ? v.attribute : "amplitude");
        if (v.velocity != null && v.depthDomain) {
            throw new InvalidContentException("--velocity, --depth-domain: give one of them");
        }
        if (v.velocity != null) {
            double vel = v.velocity;
            if (!(vel > 0) || Double.isInfinite(vel)) {
                throw new InvalidContentException("--velocity: must be > 0 m/s, got " + vel);
            }
            return o.withVertical(SegyVolumeOptions.Vertical.TIME_TO_DEPTH, vel);
        }
        return v.depthDomain ? o.withVertical(SegyVolumeOptions.Vertical.DEPTH, Double.NaN) : o;
    }

    private static ModemOptions modemOptions(String name, IngestOptions v, String origin) {
        ModemOptions o = ModemOptions.defaults(name);
        try {
            if (v.attribute != null) {
                o = o.withAttribute(v.attribute);
            }
            if (v.cell != null) {
                double[] s = QueryCommand.numbers("--cell", v.cell, ",", 3);
                o = o.withCell(s[0], s[1], s[2]);
            }
            if (v.depth != null) {
                o = o.withDepth(v.depth);
            }
            if (origin != null) {
                double[] s = QueryCommand.numbers("--origin", origin, ",", 3);
                o = o.withOrigin(s[0], s[1], s[2]);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException("modem options: " + e.getMessage());
        }
        return o;
    }

    private static void printWarnings(PrintWriter err, List<String> warnings) {
        for (int i = 0; i < Math.min(WARNINGS_SHOWN, warnings.size()); i++) {
            err.println("warning: " + warnings.get(i));
        }
        if (warnings.size() > WARNINGS_SHOWN) {
            err.println("warning: ... and " + (warnings.size() - WARNINGS_SHOWN) + " more (all are kept in the "
                    + "ingest's provenance: geoassure info)");
        }
        err.flush();
    }

    /** {@code export WS blocks --model M --format voxet --out F.vo}: the header and one property file per attribute. */
    static int exportVoxet(WorkspaceStore store, BlockModelArg model, Path out, boolean selected, PrintWriter stdout) {
        if (out == null) {
            throw new InvalidContentException("--out: required for --format voxet (the .vo file; the property files "
                    + "are written beside it)");
        }
        if (selected) {
            throw new InvalidContentException("--box, --where: a voxet holds the whole grid; export it without them");
        }
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vo")) {
            throw new InvalidContentException("--out: '" + out + "' should end in .vo");
        }
        BrickSource src = model.open(store);
        List<Path> files = VoxetWriter.write(src, out);
        BlockModel m = src.model();
        stdout.printf("block model %s: %d x %d x %d cells written as %s (%d property files)%n", m.name(), m.nx(),
                m.ny(), m.nz(), out, files.size() - 1);
        stdout.flush();
        return 0;
    }
}
