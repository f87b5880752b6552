package org.geoassure.ingest.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.ingest.series.internal.DelimitedSeries;
import org.geoassure.ingest.series.internal.JsonSeries;
import org.geoassure.ingest.series.internal.SeriesBuilder;
import org.geoassure.ingest.series.internal.WaterMl2Series;

/**
 * Reads monitoring time series from CSV, USGS RDB, OGC WaterML 2.0 and USGS WaterML-JSON files, streaming (one line,
 * element or token at a time) into primitive arrays. Bad content is an {@link InvalidContentException} naming
 * {@code file:line} (JSON: {@code file#/json/pointer}); nothing is returned then.
 *
 * <p>Units: the file's unit (RDB from the parameter code, WaterML from {@code uom}, JSON from {@code unitCode}), else
 * {@link SeriesOptions#unit()}, is converted to SI when {@link Units} knows it (ft3/s to m3/s, ft to m, in to mm);
 * each conversion is reported in the warnings, which an ingest keeps in its provenance.
 *
 * <p>Stations: a series goes to {@link SeriesOptions#stationId()} when the file holds one series; else to the
 * station its key ({@code SITE:PARAMETER}) or its site code maps to in {@link SeriesOptions#stationMap()}; else to
 * its site code when that site has one series in the file, else to its key.
 */
public final class SeriesReader {
    private SeriesReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @param format the format, or null to {@linkplain SeriesFormat#detect detect} it
     */
    public static SeriesReadResult read(Path file, SeriesFormat format, SeriesOptions options) {
        SeriesFormat f = format != null ? format : SeriesFormat.detect(file);
        String name = file.getFileName().toString();
        List<String> warnings = new ArrayList<>();
        long[] rows = {0};
        List<SeriesBuilder> builders;
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream raw = Files.newInputStream(file); DigestInputStream in = new DigestInputStream(raw, sha)) {
            // the parsers may close what they are given; the digest needs the rest of the file after them
            InputStream shield = new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                }
            };
            builders = switch (f) {
                case CSV -> DelimitedSeries.csv(reader(in), name, options, warnings, rows);
                case RDB -> DelimitedSeries.rdb(reader(in), name, options, warnings, rows);
                case WATERML -> WaterMl2Series.read(shield, name, options, warnings, rows);
                case JSON -> JsonSeries.read(shield, name, options, warnings, rows);
            };
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new InvalidContentException(file + ": no such file");
        } catch (java.io.CharConversionException e) { // bytes that are no text in the encoding JSON detection chose
            throw new InvalidContentException(file + ": not valid text in its encoding: " + e.getMessage());
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Series> out = new ArrayList<>();
        List<String> ids = stationIds(builders, options, name);
        for (int i = 0; i < builders.size(); i++) {
            SeriesBuilder b = builders.get(i);
            String unit = b.sourceUnit == null || b.sourceUnit.isEmpty() ? (options.unit() == null ? "" : options.unit())
                    : b.sourceUnit;
            if (options.unit() != null && !b.sourceUnit.isEmpty() && !options.unit().equals(b.sourceUnit)) {
                warnings.add(name + ": series " + b.key + " says its unit is " + b.sourceUnit + "; --unit "
                        + options.unit() + " is not used for it");
            }
            Units.Conversion c = unit.isEmpty() ? new Units.Conversion("", "", 1.0) : Units.toSi(unit);
            if (c.scales()) {
                warnings.add(name + ": series " + b.key + ": values in " + c.sourceUnit() + " converted to "
                        + c.siUnit() + " (x " + c.factor() + ")");
            } else if (!unit.isEmpty() && !Units.known(unit)) {
                warnings.add(name + ": series " + b.key + ": unit '" + unit + "' is not one GeoAssure converts; "
                        + "values kept as they are");
            }
            out.add(new Series(b.key, b.siteCode, b.name == null ? "" : b.name, c.siUnit(), c.sourceUnit(),
                    b.build(ids.get(i), c.factor())));
        }
        return new SeriesReadResult(out, new SourceFile("readings:" + f.label(), name,
                HexFormat.of().formatHex(sha.digest()), rows[0]), warnings);
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static List<String> stationIds(List<SeriesBuilder> builders, SeriesOptions o, String file) {
        if (o.stationId() != null) {
            if (builders.size() != 1) {
                throw new InvalidContentException(file + ": --station: the file holds " + builders.size()
                        + " series (" + builders.stream().map(b -> b.key).toList() + "); map each to a station with "
                        + "--station-map KEY=ID");
            }
            return List.of(o.stationId());
        }
        Set<String> sites = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (SeriesBuilder b : builders) {
            if (!sites.add(b.siteCode)) {
                repeated.add(b.siteCode);
            }
        }
        List<String> ids = new ArrayList<>();
        for (SeriesBuilder b : builders) {
            String id = o.stationMap().get(b.key);
            if (id == null && !b.siteCode.isEmpty()) {
                id = o.stationMap().get(b.siteCode);
            }
            if (id == null) {
                if (b.siteCode.isEmpty()) {
                    throw new InvalidContentException(file + ": the file names no site; give the station with "
                            + "--station ID");
                }
                id = repeated.contains(b.siteCode) ? b.key : b.siteCode;
            }
            ids.add(id);
        }
        return ids;
    }
}
