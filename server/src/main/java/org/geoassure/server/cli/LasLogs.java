package org.geoassure.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.model.LogCurve;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.ingest.las.Curve;
import org.geoassure.ingest.las.HeaderItem;
import org.geoassure.ingest.las.LasFile;
import org.geoassure.ingest.las.LasOptions;
import org.geoassure.ingest.las.LasReader;
import org.geoassure.ingest.las.LasTable;
import org.geoassure.ingest.las.SectionKind;

/**
 * LAS files as {@link LogData} for {@code geoassure ingest WS las}: the hole from {@code ~Well} UWI or WELL, the file
 * name, or an explicit id; depths converted to metres from the unit of STRT (else of the index curve); text curves
 * left out with a warning. Every file is read and mapped before anything is written.
 */
final class LasLogs {
    /** How a file finds its hole. */
    enum HoleBy { UWI, WELL, NAME }

    /** Metres per depth unit, by upper-case unit as written in LAS files. */
    private static final Map<String, Double> METRES = Map.ofEntries(Map.entry("M", 1.0), Map.entry("METER", 1.0),
            Map.entry("METERS", 1.0), Map.entry("METRE", 1.0), Map.entry("METRES", 1.0), Map.entry("FT", 0.3048),
            Map.entry("F", 0.3048), Map.entry("FEET", 0.3048), Map.entry("FOOT", 0.3048), Map.entry(".1IN", 0.00254),
            Map.entry("0.1IN", 0.00254), Map.entry("CM", 0.01), Map.entry("MM", 0.001));

    /** The logs read, their files, and the warnings each {@code file:line: reason}. */
    record Result(List<LogData> logs, List<SourceFile> sources, List<String> warnings) {
    }

    private LasLogs() {
    }

    static Result read(List<Path> files, HoleBy by, String hole, String name, LasOptions options) {
        if (name != null && files.size() > 1) {
            throw new InvalidContentException("--name: names one log, but " + files.size() + " files were given");
        }
        List<LogData> logs = new ArrayList<>();
        List<SourceFile> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path f : files) {
            LasFile las = LasReader.read(f, options);
            warnings.addAll(las.warnings());
            String file = f.toString();
            LasTable t = las.log().orElseThrow(() -> new InvalidContentException(file
                    + ": no log data section (~A or ~Log_Data); nothing to ingest"));
            if (t.curves().isEmpty() || t.curves().get(0).isText()) {
                throw new InvalidContentException(file + ":" + t.line() + ": the first column (the depth index) is "
                        + "missing or not numeric");
            }
            Curve index = t.curves().get(0);
            HeaderItem strt = las.item(SectionKind.WELL, "STRT").orElse(null);
            String unit = strt != null && !strt.unit().isEmpty() ? strt.unit() : index.unit();
            long unitLine = strt != null && !strt.unit().isEmpty() ? strt.line() : index.definition().line();
            Double scale = METRES.get(unit.toUpperCase(Locale.ROOT));
            if (scale == null) {
                throw new InvalidContentException(file + ":" + unitLine + ": depth unit '" + unit + "' is not known "
                        + "(known: M, FT, F, FEET, .1IN, CM, MM)");
            }
            double[] depth = index.toArray();
            for (int i = 0; i < depth.length; i++) {
                if (!Double.isFinite(depth[i])) {
                    throw new InvalidContentException(file + ":" + t.line() + ": depth of data row " + (i + 1)
                            + " is null or not a number");
                }
                depth[i] *= scale;
                // the index runs one way (down, or up for a log recorded upwards); a turn is a damaged file (issue 12)
                if (i >= 2 && Math.signum(depth[i] - depth[i - 1]) != Math.signum(depth[1] - depth[0])
                        || i == 1 && depth[1] == depth[0]) {
                    throw new InvalidContentException(file + ":" + t.line() + ": depth of data row " + (i + 1) + " ("
                            + index.toArray()[i] + ") does not continue the order of the depths before it (the index "
                            + "must increase or decrease throughout)");
                }
            }
            List<LogCurve> curves = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            for (Curve c : t.curves().subList(1, t.curves().size())) {
                if (c.isText()) {
                    warnings.add(file + ":" + c.definition().line() + ": curve " + c.mnemonic()
                            + " holds text; logs keep numeric curves only, it is left out");
                    continue;
                }
                curves.add(new LogCurve(c.mnemonic(), c.unit(), c.definition().description()));
                values.add(c.toArray());
            }
            SourceFile source = new SourceFile("las", file, sha256(f), t.rows());
            String holeId = hole != null ? hole : holeId(las, f, by);
            String logName = name != null ? name : baseName(f);
            try {
                logs.add(new LogData(holeId, logName, unit, curves, depth, values, source));
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException(file + ":" + t.line() + ": " + e.getMessage());
            }
            sources.add(source);
        }
        return new Result(logs, sources, warnings);
    }

    private static String holeId(LasFile las, Path f, HoleBy by) {
        if (by == HoleBy.NAME) {
            return baseName(f);
        }
        String mnemonic = by == HoleBy.UWI ? "UWI" : "WELL";
        HeaderItem item = las.item(SectionKind.WELL, mnemonic).orElseThrow(() -> new InvalidContentException(f
                + ": no " + mnemonic + " item in ~Well to find the hole by; use --hole ID or another --hole-by"));
        if (item.value().isBlank()) {
            throw new InvalidContentException(f + ":" + item.line() + ": " + mnemonic + " is empty; use --hole ID or "
                    + "another --hole-by");
        }
        return item.value().trim();
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String sha256(Path f) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new StorageException("cannot read " + f + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
