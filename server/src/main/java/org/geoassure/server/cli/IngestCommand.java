package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.drillhole.ColumnMapping;
import org.geoassure.ingest.drillhole.DipConvention;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeOptions.DepthPolicy;
import org.geoassure.ingest.drillhole.DrillholeOptions.OrphanPolicy;
import org.geoassure.ingest.drillhole.DrillholeOptions.OverlapPolicy;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.ingest.drillhole.LengthUnit;
import org.geoassure.ingest.drillhole.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest a dataset into a workspace in one transaction: everything or, on any error, nothing.",
            "KIND is 'drillholes': collar, survey and interval CSV/TSV files.",
            "Errors are printed as FILE:LINE: reason (exit code 2); warnings are printed and kept in the provenance."})
final class IngestCommand implements Callable<Integer> {
    private static final int WARNINGS_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Parameters(index = "1", paramLabel = "KIND", description = "drillholes")
    String kind;

    @Option(names = "--collar", required = true, paramLabel = "FILE", description = "collar file (hole id, x, y, z, ...)")
    Path collar;

    @Option(names = "--survey", paramLabel = "FILE", description = "survey file (hole id, depth, azimuth, dip)")
    Path survey;

    @Option(names = "--intervals", paramLabel = "NAME=FILE",
            description = "interval table file, repeatable: lithology=litho.csv --intervals assays=assays.csv")
    Map<String, Path> intervals = new LinkedHashMap<>();

    @Option(names = "--units", defaultValue = "m", description = "length unit of depths and collar elevations: m or ft "
            + "(default ${DEFAULT-VALUE}); x and y are never scaled, only reprojected")
    String units;

    @Option(names = "--mapping", paramLabel = "FILE", description = "column mapping file (key = HEADER lines)")
    Path mapping;

    @Option(names = "--dip-convention", defaultValue = "negative-down",
            description = "negative-down (-90 = down), positive-down (90 = down) or inclination (0 = down); "
                    + "default ${DEFAULT-VALUE}")
    String dipConvention;

    @Option(names = "--crs", paramLabel = "EPSG:nnnn", description = "CRS of the collar x, y when not the workspace's; "
            + "they are reprojected (for a geographic CRS x is longitude, y latitude)")
    String crs;

    @Option(names = "--method", defaultValue = "minimum-curvature",
            description = "desurvey method: minimum-curvature, tangent or balanced-tangent (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--valid-from", paramLabel = "T", description = "valid time of this state in the ground (a date or "
            + "UTC instant); default: a hole's DATE column, else a correction of the current state, else now")
    String validFrom;

    @Option(names = "--orphans", defaultValue = "error",
            description = "rows of holes missing from the collar file: error or skip (default ${DEFAULT-VALUE})")
    String orphans;

    @Option(names = "--overlaps", defaultValue = "error",
            description = "overlapping intervals in one hole: error or warn (default ${DEFAULT-VALUE})")
    String overlaps;

    @Option(names = "--beyond-total-depth", defaultValue = "error",
            description = "survey or interval deeper than the collar total depth: error or warn (default ${DEFAULT-VALUE})")
    String beyondTotalDepth;

    @Option(names = "--user", description = "who runs the ingest (default: the OS user)")
    String user;

    @Option(names = "--encoding", defaultValue = "UTF-8", description = "character encoding of the files: UTF-8 "
            + "(default, BOM optional), GB18030 or GBK (Chinese Excel), windows-1252, ...")
    String encoding;

    @Override
    public Integer call() {
        if (!kind.equals("drillholes")) {
            throw new InvalidContentException("KIND: '" + kind + "' is not supported (supported: drillholes)");
        }
        try (WorkspaceStore store = ws.open()) {
            DrillholeOptions options = options(Crs.forCode(store.info().crs()));
            ReadResult read;
            try (ProgressBar bar = ProgressBar.forTerminal("reading")) {
                read = DrillholeReader.read(collar, survey, intervals, options, bar);
            }
            PrintWriter err = spec.commandLine().getErr();
            List<String> warnings = read.warnings();
            for (int i = 0; i < Math.min(WARNINGS_SHOWN, warnings.size()); i++) {
                err.println("warning: " + warnings.get(i));
            }
            if (warnings.size() > WARNINGS_SHOWN) {
                err.println("warning: ... and " + (warnings.size() - WARNINGS_SHOWN)
                        + " more (all are kept in the ingest's provenance: geoassure info)");
            }
            err.flush();
            IngestRecord rec;
            try (ProgressBar bar = ProgressBar.forTerminal("writing")) {
                rec = store.ingest(read.batch(), bar);
            }
            spec.commandLine().getOut().printf("ingest #%d recorded at %s: %d new, %d changed, %d unchanged holes; "
                    + "%d interval rows; %d warnings%n", rec.id(), rec.recordedAt(), rec.holesNew(), rec.holesChanged(),
                    rec.holesUnchanged(), rec.intervalRows(), warnings.size());
        }
        return 0;
    }

    private DrillholeOptions options(Crs workspaceCrs) {
        return DrillholeOptions.builder(workspaceCrs)
                .units(option("--units", () -> LengthUnit.parse(units)))
                .dipConvention(option("--dip-convention", () -> DipConvention.parse(dipConvention)))
                .sourceCrs(crs == null ? null : Crs.forCode(crs))
                .mapping(mapping == null ? ColumnMapping.auto() : ColumnMapping.parse(mapping))
                .method(option("--method", () -> DesurveyMethod.parse(method)))
                .validFrom(Times.parse("--valid-from", validFrom))
                .orphans(policy("--orphans", orphans, OrphanPolicy.class))
                .overlaps(policy("--overlaps", overlaps, OverlapPolicy.class))
                .beyondTotalDepth(policy("--beyond-total-depth", beyondTotalDepth, DepthPolicy.class))
                .user(user)
                .encoding(option("--encoding", () -> charset(encoding)))
                .build();
    }

    private static java.nio.charset.Charset charset(String name) {
        try {
            return java.nio.charset.Charset.forName(name);
        } catch (java.nio.charset.UnsupportedCharsetException | java.nio.charset.IllegalCharsetNameException e) {
            throw new IllegalArgumentException("unknown encoding '" + name + "' (try UTF-8, GB18030, GBK, windows-1252)");
        }
    }

    /** Parses an option value, turning the parser's IllegalArgumentException into bad input naming the option. */
    private static <T> T option(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException(option + ": " + e.getMessage());
        }
    }

    static <E extends Enum<E>> E policy(String option, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new InvalidContentException(option + ": '" + value + "' is not one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(java.util.Locale.ROOT))
                        .toList());
    }
}
