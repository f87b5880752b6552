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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.series.StationKind;

/**
 * Reads a station list: a CSV (',' or tab) with a header naming the columns {@code id, name, kind, x, y, z, unit,
 * watches} in any order (case ignored; {@code id}, {@code kind} and {@code unit} required); every other column is
 * kept as an attribute. Empty x, y or z is unknown (NaN). A unit GeoAssure converts (ft3/s, ft) is refused: a station
 * records in SI. Errors name {@code file:line}.
 */
public final class StationCsvReader {
    private StationCsvReader() {
    }

    /**
     * The stations of a file.
     *
     * @param stations in file order
     * @param source the file with its checksum and rows
     */
    public record Result(List<Station> stations, SourceFile source) {
        public Result {
            stations = List.copyOf(stations);
        }
    }

    public static Result read(Path file) {
        String name = file.getFileName().toString();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Station> out = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (InputStream raw = Files.newInputStream(file); DigestInputStream dig = new DigestInputStream(raw, sha);
                BufferedReader in = new BufferedReader(new InputStreamReader(dig, StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null) {
                throw new InvalidContentException(name + ":1: the file is empty (expected the header id,name,kind,x,y,z,"
                        + "unit,watches)");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            char d = header.indexOf('\t') >= 0 ? '\t' : ',';
            List<String> cols = split(header, d);
            Map<String, Integer> at = new LinkedHashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                at.put(cols.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            for (String req : List.of("id", "kind", "unit")) {
                if (!at.containsKey(req)) {
                    throw new InvalidContentException(name + ":1: the header lacks the column '" + req + "' (columns: "
                            + "id,name,kind,x,y,z,unit,watches and any attributes)");
                }
            }
            List<String> known = List.of("id", "name", "kind", "x", "y", "z", "unit", "watches");
            String line;
            int no = 1;
            while ((line = in.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                String where = name + ":" + no;
                List<String> f = split(line, d);
                if (f.size() != cols.size()) {
                    throw new InvalidContentException(where + ": " + f.size() + " fields, the header has " + cols.size());
                }
                String id = f.get(at.get("id")).trim();
                StationKind kind;
                try {
                    kind = StationKind.parse(f.get(at.get("kind")));
                } catch (InvalidContentException e) {
                    throw new InvalidContentException(where + ": " + e.getMessage());
                }
                String unit = f.get(at.get("unit")).trim();
                Units.Conversion c = Units.toSi(unit);
                if (c.scales() || !c.siUnit().equals(unit)) {
                    throw new InvalidContentException(where + ": unit '" + unit + "' is not SI; give " + c.siUnit()
                            + " (readings in " + unit + " are converted when they are ingested)");
                }
                Map<String, String> attrs = new LinkedHashMap<>();
                for (var e : at.entrySet()) {
                    if (!known.contains(e.getKey()) && !f.get(e.getValue()).isBlank()) {
                        attrs.put(cols.get(e.getValue()).trim(), f.get(e.getValue()).trim());
                    }
                }
                Integer seen = firstLine.putIfAbsent(id, no);
                if (seen != null) {
                    throw new InvalidContentException(where + ": station '" + id + "' is also on line " + seen);
                }
                try {
                    out.add(new Station(id, text(f, at, "name"), kind, number(f, at, "x", where),
                            number(f, at, "y", where), number(f, at, "z", where), unit, text(f, at, "watches"), attrs));
                } catch (InvalidContentException e) {
                    throw e.getMessage().startsWith(name + ":") ? e : new InvalidContentException(where + ": "
                            + e.getMessage());
                }
            }
            dig.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new InvalidContentException(file + ": no such file");
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Result(out, new SourceFile("stations", name, HexFormat.of().formatHex(sha.digest()), out.size()));
    }

    private static String text(List<String> f, Map<String, Integer> at, String col) {
        Integer i = at.get(col);
        return i == null ? "" : f.get(i).trim();
    }

    private static double number(List<String> f, Map<String, Integer> at, String col, String where) {
        String s = text(f, at, col);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidContentException(where + ": " + col + " '" + s + "' is not a finite number");
        }
    }

    private static List<String> split(String line, char d) {
        List<String> out = new ArrayList<>();
        for (String s : line.split(d == '\t' ? "\t" : ",", -1)) {
            out.add(s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s);
        }
        return out;
    }
}
