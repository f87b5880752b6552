package org.geoassure.ingest.series;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;

/** The time-series file formats {@link SeriesReader} reads. */
public enum SeriesFormat {
    /** Delimited text: a header, a time column and a value column (pastas, USGS text exports). */
    CSV,
    /** USGS NWIS RDB: tab-delimited, '#' comments, a header and a column-definition line. */
    RDB,
    /** OGC WaterML 2.0 XML (MeasurementTimeseries). */
    WATERML,
    /** USGS NWIS WaterML-JSON (the waterservices {@code format=json} response). */
    JSON;

    /** csv, rdb, waterml or json. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A format by label, or {@code auto}: null.
     *
     * @throws InvalidContentException naming the labels there are
     */
    public static SeriesFormat parse(String label) {
        if (label.equalsIgnoreCase("auto")) {
            return null;
        }
        for (SeriesFormat f : values()) {
            if (f.label().equalsIgnoreCase(label)) {
                return f;
            }
        }
        throw new InvalidContentException("--format: '" + label + "' is not one of csv, rdb, waterml, json, auto");
    }

    /** The format of a file from its first non-blank bytes: '{' JSON, '<' WaterML, '#' or agency_cd RDB, else CSV. */
    public static SeriesFormat detect(Path file) {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidContentException(file + ": no such file");
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String s = new String(head, 0, n, StandardCharsets.UTF_8).stripLeading();
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        if (s.startsWith("{") || s.startsWith("[")) {
            return JSON;
        }
        if (s.startsWith("<")) {
            return WATERML;
        }
        if (s.startsWith("#") || s.startsWith("agency_cd")) {
            return RDB;
        }
        return CSV;
    }
}
