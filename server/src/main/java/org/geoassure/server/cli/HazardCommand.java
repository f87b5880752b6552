package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.DesignHeight;
import org.geoassure.geodb.hazard.Explanation;
import org.geoassure.geodb.hazard.FaultPillar;
import org.geoassure.geodb.hazard.FaultPillarResult;
import org.geoassure.geodb.hazard.FractureZone;
import org.geoassure.geodb.hazard.FractureZoneInput;
import org.geoassure.geodb.hazard.FractureZoneResult;
import org.geoassure.geodb.hazard.Overburden;
import org.geoassure.geodb.hazard.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code geoassure hazard}: hazard analyses. The ones here need no workspace (formulas over given numbers); the
 * workspace-based ones (water-inrush grid, proximity as of a date) come with the store wiring.
 */
@Command(name = "hazard", mixinStandardHelpOptions = true,
        description = {"Hazard analyses (formulas and sources: docs/hazards.md). Over a workspace as of a date:",
            "  geoassure hazard WS proximity --as-of 2025-11-01     faces against goaf, old workings, faults",
            "  geoassure hazard WS water-inrush --as-of 2025-11-01  T = P/M from piezometers and borehole picks",
            "  geoassure hazard WS fracture-zones --overburden medium-hard   roof water: fracture zone per hole",
            "Formulas over given numbers: geoassure hazard fracture-zone ..., geoassure hazard fault-pillar ..."},
        subcommands = {HazardCommand.FractureZoneCommand.class, HazardCommand.FaultPillarCommand.class})
final class HazardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WS", description = "workspace (GeoPackage file or PostGIS "
            + "locator)")
    java.nio.file.Path workspace;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ANALYSIS", description = "proximity, water-inrush or "
            + "fracture-zones")
    String analysis;

    @Option(names = "--as-of", paramLabel = "T", description = "valid time: the mine as of T (a date or UTC instant; "
            + "default now)")
    String asOf;

    @Option(names = "--recorded-as-of", paramLabel = "T", description = "record time: what the workspace knew at T "
            + "(default now)")
    String recordedAsOf;

    @Option(names = "--layer", paramLabel = "NAME", description = "feature layers to read (repeatable; default all)")
    java.util.List<String> layers = new java.util.ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json")
    String format;

    @Option(names = "--pillar-width", defaultValue = "20", paramLabel = "W", description = "proximity: waterproof "
            + "pillar width beside faults and collapse columns (m, default ${DEFAULT-VALUE}; see hazard fault-pillar)")
    double pillarWidth;

    @Option(names = "--inferred-extra", defaultValue = "0", paramLabel = "E", description = "proximity: extra distance "
            + "(m) for boundaries marked inferred (attribute boundary=inferred or inferred=true); default "
            + "${DEFAULT-VALUE}: the rules ask for more without a figure we could verify, so give your mine's")
    double inferredExtra;

    @Option(names = "--measure", defaultValue = "space", description = "proximity: space (3D, default) or plan")
    String measure;

    @Mixin
    WaterInrushOptions inrush;

    @Override
    public Integer call() {
        if (workspace == null && analysis == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
        if (analysis == null) {
            throw new InvalidContentException("ANALYSIS: give proximity, water-inrush or fracture-zones after the "
                    + "workspace");
        }
        checkFormat(format);
        return switch (analysis) {
            case "proximity" -> WorkspaceHazardRuns.proximity(this);
            case "water-inrush" -> WorkspaceHazardRuns.waterInrush(this);
            case "fracture-zones" -> WorkspaceHazardRuns.fractureZones(this);
            default -> throw new InvalidContentException("ANALYSIS: '" + analysis + "' is not one of proximity, "
                    + "water-inrush, fracture-zones (formulas: hazard fracture-zone, hazard fault-pillar)");
        };
    }

    static void checkFormat(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new InvalidContentException("--format: '" + format + "' is not one of text, json");
        }
    }

    /** Renames the library's field names to the command's option names in a bad-input message. */
    static InvalidContentException optionNames(InvalidContentException e, String[][] names) {
        String m = e.getMessage();
        for (String[] n : names) {
            if (m.startsWith(n[0] + ":")) {
                return new InvalidContentException(n[1] + m.substring(n[0].length()));
            }
        }
        return e;
    }

    /** Prints the formula, the parameters (long sources numbered once), the methods and the warnings. */
    static void printExplanation(PrintWriter out, Explanation e) {
        out.printf("formula     %s%n", e.formula());
        java.util.List<String> sources = new java.util.ArrayList<>();
        for (Parameter p : e.parameters()) {
            String src = p.source();
            if (src.length() > 40) {
                int k = sources.indexOf(src);
                if (k < 0) {
                    sources.add(src);
                    k = sources.size() - 1;
                }
                src = "source [" + (k + 1) + "]";
            }
            String conf = p.confidence().isEmpty() || p.confidence().equals("caller") ? ""
                    : "; confidence " + p.confidence();
            out.printf("  %-18s %s %s  (%s%s)%n", p.name(), RowWriter.number(p.value()), p.unit(), src, conf);
        }
        for (int k = 0; k < sources.size(); k++) {
            out.printf("source [%d]  %s%n", k + 1, sources.get(k));
        }
        e.methods().forEach(m -> out.printf("method      %s%n", m));
        e.warnings().forEach(w -> out.printf("warning     %s%n", w));
    }

    @Command(name = "fracture-zone", mixinStandardHelpOptions = true,
            description = {"Height of the water-conducting fracture zone over a fully caved longwall (empirical "
                + "formulas of the 2017 coal-pillar and pressed-coal mining standard, coefficients unverified), and "
                + "the margin to the aquifer above. Needs no workspace.",
                "Example: geoassure hazard fracture-zone --mining-height 3 --overburden medium-hard "
                    + "--aquifer-distance 60"})
    static final class FractureZoneCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--mining-height", required = true, paramLabel = "M",
                description = "cumulative mined thickness (m); for a steep seam the mined thickness")
        double miningHeight;

        @Option(names = "--overburden", required = true, paramLabel = "CLASS",
                description = "overburden strength class: hard, medium-hard, soft, very-soft")
        String overburden;

        @Option(names = "--dip", defaultValue = "0", paramLabel = "DEG",
                description = "seam dip in degrees (default ${DEFAULT-VALUE}); > 45 is steep and needs --stage-height")
        double dip;

        @Option(names = "--stage-height", defaultValue = "NaN", paramLabel = "H",
                description = "mined stage height (m) of a steep seam")
        double stageHeight;

        @Option(names = "--aquifer-distance", defaultValue = "NaN", paramLabel = "D",
                description = "distance from the seam roof to the aquifer above (m); gives the margin and the verdict")
        double aquiferDistance;

        @Option(names = "--protective-layer", defaultValue = "0", paramLabel = "P",
                description = "protective layer required above the fracture zone (m, default ${DEFAULT-VALUE})")
        double protectiveLayer;

        @Option(names = "--design", defaultValue = "formula1-upper", paramLabel = "CHOICE",
                description = "design height: formula1-upper (default), formula1-central, formula2, larger-of-both")
        String design;

        @Option(names = "--format", defaultValue = "text", description = "text (default) or json")
        String format;

        @Override
        public Integer call() {
            checkFormat(format);
            Overburden o = Overburden.parse(overburden, "--overburden");
            DesignHeight d = parseDesign(design);
            FractureZoneResult r;
            try {
                r = FractureZone.compute(FractureZoneInput.of(miningHeight, o).withDip(dip, stageHeight)
                        .withAquiferDistance(aquiferDistance).withProtectiveLayer(protectiveLayer).withDesign(d));
            } catch (InvalidContentException e) {
                throw optionNames(e, new String[][] {{"miningHeight", "--mining-height"}, {"dip", "--dip"},
                    {"stageHeight", "--stage-height"}, {"aquiferDistance", "--aquifer-distance"},
                    {"protectiveLayer", "--protective-layer"}, {"design", "--design"},
                    {"overburden", "--overburden"}});
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(r.toJson());
                return 0;
            }
            out.printf("fracture zone  %s overburden, %s seam, mined thickness %s m%n", o.label(),
                    r.seamClass().replace('_', ' '), RowWriter.number(miningHeight));
            out.printf("formula 1      %.2f m (band %.2f .. %.2f m)%n", r.formula1(), r.formula1Lower(),
                    r.formula1Upper());
            if (!Double.isNaN(r.formula2())) {
                out.printf("formula 2      %.2f m%n", r.formula2());
            }
            out.printf("design height  %.2f m (%s)%n", r.designHeight(), design);
            if (!Double.isNaN(r.aquiferDistance())) {
                out.printf("aquifer        %.2f m above the roof, protective layer %.2f m: margin %.2f m, %s%n",
                        r.aquiferDistance(), r.protectiveLayer(), r.margin(), r.verdict().toUpperCase(Locale.ROOT));
            }
            printExplanation(out, r.explanation());
            return 0;
        }

        static DesignHeight parseDesign(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "formula1-upper" -> DesignHeight.FORMULA1_UPPER;
                case "formula1-central" -> DesignHeight.FORMULA1_CENTRAL;
                case "formula2" -> DesignHeight.FORMULA2;
                case "larger-of-both" -> DesignHeight.LARGER_OF_BOTH;
                default -> throw new InvalidContentException("--design: '" + s + "' is not one of formula1-upper, "
                        + "formula1-central, formula2, larger-of-both");
            };
        }
    }

    @Command(name = "fault-pillar", mixinStandardHelpOptions = true,
            description = {"Waterproof coal pillar width beside a water-bearing fault: L = 0.5*K*M*sqrt(3p/K_p), at "
                + "least --minimum-width (formula as quoted, unverified). Needs no workspace."})
    static final class FaultPillarCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--safety-factor", required = true, paramLabel = "K", description = "safety factor, usually 2-5")
        double k;

        @Option(names = "--mining-height", required = true, paramLabel = "M", description = "mined thickness (m)")
        double m;

        @Option(names = "--pressure", required = true, paramLabel = "P", description = "water pressure (MPa)")
        double p;

        @Option(names = "--tensile-strength", required = true, paramLabel = "KP",
                description = "coal tensile strength (MPa)")
        double kp;

        @Option(names = "--minimum-width", defaultValue = "20", paramLabel = "W",
                description = "least width (m, default ${DEFAULT-VALUE})")
        double minimum;

        @Option(names = "--format", defaultValue = "text", description = "text (default) or json")
        String format;

        @Override
        public Integer call() {
            checkFormat(format);
            FaultPillarResult r;
            try {
                r = FaultPillar.width(k, m, p, kp, minimum, java.util.List.of());
            } catch (InvalidContentException e) {
                throw optionNames(e, new String[][] {{"safetyFactor", "--safety-factor"},
                    {"minedThickness", "--mining-height"}, {"waterPressure", "--pressure"},
                    {"tensileStrength", "--tensile-strength"}, {"minimumWidth", "--minimum-width"}});
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(r.toJson());
                return 0;
            }
            out.printf("pillar width   %.2f m (formula %.2f m%s)%n", r.width(), r.formulaWidth(),
                    r.minimumGoverns() ? ", the minimum governs" : "");
            printExplanation(out, r.explanation());
            return 0;
        }
    }
}
