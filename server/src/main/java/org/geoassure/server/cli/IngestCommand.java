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
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.blockmodel.BlockModelCsvOptions;
import org.geoassure.ingest.blockmodel.BlockModelCsvReader;
import org.geoassure.ingest.drillhole.ColumnMapping;
import org.geoassure.ingest.drillhole.DipConvention;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeOptions.DepthPolicy;
import org.geoassure.ingest.drillhole.DrillholeOptions.OrphanPolicy;
import org.geoassure.ingest.drillhole.DrillholeOptions.OverlapPolicy;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.ingest.drillhole.LengthUnit;
import org.geoassure.ingest.drillhole.ReadResult;
import org.geoassure.ingest.las.LasOptions;
import org.geoassure.ingest.las.NullPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest a dataset into a workspace in one transaction: everything or, on any error, nothing.",
            "KIND is 'drillholes': collar, survey and interval CSV/TSV files;",
            "or 'las': LAS well logs (FILE...), each attached to an existing hole;",
            "or 'blockmodel': a block model CSV (FILE) with --name, --ijk or --xyz, --size (a new version if the name exists);",
            "or 'stations': monitoring stations, a CSV (FILE) with id,name,kind,x,y,z,unit,watches;",
            "or 'readings': a series file (FILE: CSV, USGS RDB, WaterML 2.0, WaterML-JSON) for existing stations;",
            "or 'voxet', 'segy', 'modem': a GOCAD Voxet (.vo), post-stack 3-D SEG-Y or ModEM (.rho) volume as a block model;",
            "or 'omf': an Open Mining Format 1 or 2 file (FILE): points, lines, surfaces to --layer, block models by name;",
            "or 'auto': each FILE's kind from its content (printed per file), then ingested as that kind.",
            "Errors are printed as FILE:LINE: reason (exit code 2); warnings are printed and kept in the provenance."})
final class IngestCommand implements Callable<Integer> {
    private static final int WARNINGS_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Parameters(index = "1", paramLabel = "KIND", description = "drillholes, las, blockmodel, stations, readings, "
            + "progress, features, voxet, segy, modem, omf or auto")
    String kind;

    @Parameters(index = "2..*", paramLabel = "FILE", description = "las: the LAS files; blockmodel, progress: the CSV file; features: GOCAD (.ts .pl .vs .wl .gp), Shapefile, GeoJSON, DXF, GeoPackage, ESRI ASCII grid or point CSV files; auto: any of these")
    List<Path> files = new java.util.ArrayList<>();

    @Option(names = "--hole-by", defaultValue = "uwi", description = "las: find each file's hole by the ~Well UWI, "
            + "the WELL name, or the file's base name: uwi, well or name (default ${DEFAULT-VALUE})")
    String holeBy;

    @Option(names = "--hole", paramLabel = "ID", description = "las: attach every file to this hole")
    String hole;

    @Option(names = "--name", paramLabel = "NAME", description = "las: log name (one file only; default the file's "
            + "base name); re-ingesting a hole's log of the same name replaces it; blockmodel: the model name (required)")
    String logName;

    @Option(names = "--null-policy", defaultValue = "strict", description = "las: which values are nulls: none, "
            + "strict (the NULL item), common, aggressive or all (default ${DEFAULT-VALUE})")
    String nullPolicy;

    @Option(names = "--collar", paramLabel = "FILE", description = "collar file (hole id, x, y, z, ...)")
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

    @Option(names = "--encoding", description = "character encoding of the files: UTF-8 (default for drillholes, BOM "
            + "optional), GB18030 or GBK (Chinese Excel), windows-1252, ...; las: detected unless given")
    String encoding;

    @Option(names = "--ijk", paramLabel = "I,J,K", description = "blockmodel: the cell index columns (from 0)")
    String ijk;

    @Option(names = "--xyz", paramLabel = "X,Y,Z", description = "blockmodel: the world centroid columns; features: "
            + "the x, y (and z) columns of a point CSV (default found by name: x/easting/e, y/northing/n, z/elev/rl)")
    String xyz;

    @Option(names = "--sub-blocks", paramLabel = "DX,DY,DZ", description = "blockmodel: the columns giving each row's "
            + "block size (with --xyz): a sub-blocked model, stored at --size (the finest sub-block), each sub-block "
            + "covering whole cells; needs --origin and --dims")
    String subBlocks;

    @Option(names = "--size", paramLabel = "DX,DY,DZ", description = "blockmodel: cell size in metres")
    String size;

    @Option(names = "--origin", paramLabel = "X,Y,Z", description = "blockmodel: lower-left corner of the grid (default "
            + "0,0,0 with --ijk; with --xyz the least centroid minus half a cell)")
    String origin;

    @Option(names = "--rotation", paramLabel = "DEG", defaultValue = "0", description = "blockmodel: rotation about z in "
            + "degrees, counter-clockwise from above, about the origin (default ${DEFAULT-VALUE})")
    double rotation;

    @Option(names = "--dims", paramLabel = "NX,NY,NZ", description = "blockmodel: grid dimensions (default: the greatest "
            + "index + 1)")
    String dims;

    @Option(names = "--attributes", paramLabel = "COL,...", description = "blockmodel: the attribute columns (default "
            + "every column that is not a position and not in --ignore)")
    String attributes;

    @Option(names = "--ignore", paramLabel = "COL,...", description = "blockmodel: columns that are not attributes")
    String ignore;

    @Option(names = "--type", paramLabel = "COL=TYPE", description = "blockmodel: an attribute's type, repeatable: "
            + "float32, float64, int32 or category (default float64 for numbers, category for text)")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--comment", paramLabel = "TEXT", defaultValue = "", description = "blockmodel: why this version "
            + "(kept with it)")
    String comment;

    @Option(names = "--layer", paramLabel = "NAME", description = "progress, features, omf: the feature layer to "
            + "write (default progress; features, omf: the file's base name; a GeoPackage: the tables to read, "
            + "comma-separated, each into the layer of its name, default all)")
    String layer;

    @Option(names = "--date-property", paramLabel = "NAME", description = "features: the attribute holding each "
            + "feature's valid-from date (e.g. a GeoJSON of monthly face lines with a survey date); features sharing "
            + "an id become its versions in date order")
    String dateProperty;

    @Option(names = "--id-property", paramLabel = "NAME", description = "features: the attribute holding each "
            + "feature's id (e.g. face_id), instead of the file's own ids")
    String idProperty;

    @Option(names = "--role", paramLabel = "ROLE", description = "progress, features, omf: role of features without one "
            + "(progress default face): face, roadway, goaf, old_workings, collapse_column, fault, horizon, ...")
    String role;

    @Option(names = "--skip-unsupported", description = "omf: leave out elements GeoAssure cannot store (tensor "
            + "block models with unequal spacings, free-form sub-blocks, grids not rotated about z), each with a "
            + "warning, instead of refusing the file")
    boolean skipUnsupported;

    @Mixin
    SeriesCli.IngestOptions series;

    @Mixin
    VolumeCommands.IngestOptions volume;

    @Override
    public Integer call() throws Exception {
        if (kind.equals("auto")) {
            return AutoIngest.run(this);
        }
        if (kind.equals("stations") || kind.equals("readings")) {
            try (WorkspaceStore store = ws.open()) {
                return kind.equals("stations") ? SeriesCli.stations(store, files, user, spec.commandLine().getOut())
                        : SeriesCli.readings(store, files, series, user, spec.commandLine().getOut(),
                                this::printWarnings);
            }
        }
        if (kind.equals("las")) {
            return las();
        }
        if (kind.equals("progress")) {
            return FeatureCommands.ingestProgress(this);
        }
        if (kind.equals("features")) {
            return FeatureCommands.ingestFeatures(this);
        }
        if (kind.equals("omf")) {
            return OmfCommands.ingest(this);
        }
        if (kind.equals("blockmodel")) {
            return blockModel();
        }
        if (kind.equals("voxet") || kind.equals("segy") || kind.equals("modem")) {
            return VolumeCommands.ingest(this);
        }
        if (!kind.equals("drillholes")) {
            throw new InvalidContentException("KIND: '" + kind + "' is not supported (supported: drillholes, las, "
                    + "blockmodel, stations, readings, progress, features, voxet, segy, modem, omf, auto)");
        }
        if (collar == null || !files.isEmpty()) {
            throw new InvalidContentException(collar == null ? "--collar: required for drillholes"
                    : "FILE: drillholes take their files by option (--collar, --survey, --intervals)");
        }
        try (WorkspaceStore store = ws.open()) {
            DrillholeOptions options = options(Crs.forCode(store.info().crs()));
            ReadResult read;
            try (ProgressBar bar = ProgressBar.forTerminal("reading")) {
                read = DrillholeReader.read(collar, survey, intervals, options, bar);
            }
            List<String> warnings = read.warnings();
            printWarnings(warnings);
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

    private void printWarnings(List<String> warnings) {
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < Math.min(WARNINGS_SHOWN, warnings.size()); i++) {
            err.println("warning: " + warnings.get(i));
        }
        if (warnings.size() > WARNINGS_SHOWN) {
            err.println("warning: ... and " + (warnings.size() - WARNINGS_SHOWN)
                    + " more (all are kept in the ingest's provenance: geoassure info)");
        }
        err.flush();
    }

    /** {@code ingest WS las FILE...}: every file is read and mapped to its hole, then all are written at once. */
    private int las() {
        if (files.isEmpty()) {
            throw new InvalidContentException("FILE: las needs at least one LAS file");
        }
        LasLogs.HoleBy by = policy("--hole-by", holeBy, LasLogs.HoleBy.class);
        NullPolicy nulls = switch (nullPolicy.toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> NullPolicy.none();
            case "strict" -> NullPolicy.strict();
            case "common" -> NullPolicy.common();
            case "aggressive" -> NullPolicy.aggressive();
            case "all" -> NullPolicy.all();
            default -> throw new InvalidContentException("--null-policy: '" + nullPolicy
                    + "' is not one of none, strict, common, aggressive, all");
        };
        LasOptions options = LasOptions.defaults().withNullPolicy(nulls);
        if (encoding != null) {
            options = options.withEncoding(option("--encoding", () -> charset(encoding)));
        }
        try (WorkspaceStore store = ws.open()) {
            LasLogs.Result read = LasLogs.read(files, by, hole, logName, options);
            printWarnings(read.warnings());
            Map<String, String> params = new java.util.TreeMap<>();
            params.put("hole_by", hole != null ? "hole " + hole : by.name().toLowerCase(java.util.Locale.ROOT));
            params.put("null_policy", nullPolicy);
            params.put("depth_unit", "m");
            Provenance p = new Provenance(read.sources(), user != null ? user : System.getProperty("user.name"), params,
                    read.warnings());
            IngestRecord rec = store.ingestLogs(read.logs(), p);
            spec.commandLine().getOut().printf("ingest #%d recorded at %s: %d new, %d replaced, %d unchanged logs; "
                    + "%d depth samples; %d warnings%n", rec.id(), rec.recordedAt(), rec.holesNew(), rec.holesChanged(),
                    rec.holesUnchanged(), rec.intervalRows(), read.warnings().size());
        }
        return 0;
    }

    /** {@code ingest WS blockmodel FILE --name M (--ijk I,J,K | --xyz X,Y,Z) --size DX,DY,DZ ...}. */
    private int blockModel() {
        if (files.size() != 1) {
            throw new InvalidContentException("FILE: blockmodel takes one CSV file, got " + files.size());
        }
        if (logName == null) {
            throw new InvalidContentException("--name: required for blockmodel (the model name)");
        }
        if ((ijk == null) == (xyz == null)) {
            throw new InvalidContentException("--ijk, --xyz: give one of them (index or centroid columns)");
        }
        if (size == null) {
            throw new InvalidContentException("--size: required for blockmodel (DX,DY,DZ in metres)");
        }
        double[] s = QueryCommand.numbers("--size", size, ",", 3);
        List<String> pos = names(ijk != null ? ijk : xyz, ijk != null ? "--ijk" : "--xyz", 3);
        BlockModelCsvOptions o = option("--name", () -> ijk != null
                ? BlockModelCsvOptions.byIndex(logName, pos, s[0], s[1], s[2])
                : BlockModelCsvOptions.byCentroid(logName, pos, s[0], s[1], s[2]));
        if (origin != null) {
            double[] v = QueryCommand.numbers("--origin", origin, ",", 3);
            o = o.withOrigin(v[0], v[1], v[2]);
        }
        if (!Double.isFinite(rotation)) {
            throw new InvalidContentException("--rotation: must be a finite number of degrees");
        }
        o = o.withRotation(rotation);
        if (subBlocks != null) {
            if (xyz == null) {
                throw new InvalidContentException("--sub-blocks: needs --xyz (sub-blocks are located by centroids)");
            }
            o = o.withSubBlocks(names(subBlocks, "--sub-blocks", 3));
        }
        if (dims != null) {
            double[] v = QueryCommand.numbers("--dims", dims, ",", 3);
            for (double d : v) {
                if (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
                    throw new InvalidContentException("--dims: '" + dims + "' needs three whole numbers >= 1");
                }
            }
            o = o.withDimensions((int) v[0], (int) v[1], (int) v[2]);
        }
        if (attributes != null) {
            o = o.withAttributes(names(attributes, "--attributes", -1));
        }
        if (ignore != null) {
            o = o.withIgnored(names(ignore, "--ignore", -1));
        }
        for (var e : types.entrySet()) {
            o = o.withType(e.getKey(), option("--type", () -> AttributeType.parse(e.getValue())));
        }
        if (encoding != null) {
            BlockModelCsvOptions base = o;
            o = option("--encoding", () -> base.withEncoding(charset(encoding)));
        }
        try (WorkspaceStore store = ws.open()) {
            BlockModelStore blocks = BlockRows.blocks(store);
            BlockModelCsvReader.Result read = BlockModelCsvReader.read(files.get(0), o);
            Provenance p = new Provenance(List.of(read.source()), user != null ? user : System.getProperty("user.name"),
                    o.asParameters(), List.of());
            BlockModelStore.Version v = blocks.writeBlockModel(read.data(), comment, p);
            BlockModel m = v.model();
            spec.commandLine().getOut().printf("ingest #%d recorded at %s: block model %s version %d: %d x %d x %d "
                    + "cells of %s x %s x %s m, %d stored in %d bricks; %d attributes%n", v.ingestId(), v.recordedAt(),
                    m.name(), v.version(), m.nx(), m.ny(), m.nz(), RowWriter.number(m.dx()), RowWriter.number(m.dy()),
                    RowWriter.number(m.dz()), v.cells(), v.bricks(), m.attributes().size());
        }
        return 0;
    }

    private static List<String> names(String text, String option, int n) {
        List<String> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                throw new InvalidContentException(option + ": '" + text + "' has an empty column name");
            }
            out.add(part.trim());
        }
        if (n > 0 && out.size() != n) {
            throw new InvalidContentException(option + ": '" + text + "' needs " + n + " column names separated by ','");
        }
        return out;
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
                .encoding(option("--encoding", () -> charset(encoding == null ? "UTF-8" : encoding)))
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
