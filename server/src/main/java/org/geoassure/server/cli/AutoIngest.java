package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.ingest.detect.Detection;
import org.geoassure.ingest.detect.SourceDetector;
import org.geoassure.ingest.detect.SourceKind;

/**
 * {@code ingest WS auto FILE...}: every file's kind from its content ({@link SourceDetector}), printed per file, then
 * each group of files ingested as {@code ingest WS KIND} would, with the same options. Every file is recognised before
 * anything is read into the workspace: an unknown file, or a drillhole table or block model (which need options only
 * the user can give), stops the command with exit code 2 and nothing written.
 */
final class AutoIngest {
    private AutoIngest() {
    }

    /** The .shp beside a Shapefile side file (.dbf, .shx, .prj, .cpg), normalised; null for any other file. */
    private static Path shapefileOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        if (!List.of("dbf", "shx", "prj", "cpg").contains(ext)) {
            return null;
        }
        return file.toAbsolutePath().normalize().resolveSibling(n.substring(0, dot) + (Character.isUpperCase(
                n.charAt(dot + 1)) ? ".SHP" : ".shp"));
    }

    static int run(IngestCommand c) throws Exception {
        if (c.files.isEmpty()) {
            throw new InvalidContentException("FILE: auto needs at least one file");
        }
        PrintWriter out = c.spec.commandLine().getOut();
        Map<SourceKind, List<Path>> groups = new LinkedHashMap<>();
        for (Path file : c.files) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidContentException(file + ": no such file");
            }
            Detection d = SourceDetector.detect(file);
            if (!d.refusal().isEmpty()) {
                throw new InvalidContentException(file + ": recognised as " + d.reader() + " (" + d.seen() + "), "
                        + d.refusal());
            }
            Path shp = shapefileOf(file);
            if (shp != null && c.files.stream().anyMatch(f -> f.toAbsolutePath().normalize().equals(shp))) {
                // roads.* on a shell: the .dbf, .shx, .prj and .cpg are read with the .shp
                out.printf("%s: side file of %s (read with it)%n", file, shp.getFileName());
                continue;
            }
            out.printf("%s: %s (%s) -> ingest %s%n", file, d.reader(), d.seen(), d.kind().ingestKind());
            groups.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(file);
        }
        out.flush();
        List<Path> all = c.files;
        try {
            for (Map.Entry<SourceKind, List<Path>> g : groups.entrySet()) {
                c.kind = g.getKey().ingestKind();
                boolean oneByOne = g.getKey() == SourceKind.PROGRESS || g.getKey() == SourceKind.STATIONS
                        || g.getKey() == SourceKind.VOXET || g.getKey() == SourceKind.SEGY || g.getKey() == SourceKind.OMF;
                for (List<Path> batch : oneByOne ? g.getValue().stream().map(List::of).toList()
                        : List.of(g.getValue())) {
                    c.files = batch;
                    int code = c.call();
                    if (code != 0) {
                        return code;
                    }
                }
            }
        } finally {
            c.kind = "auto";
            c.files = all;
        }
        return 0;
    }
}
