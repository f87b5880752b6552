package org.geoassure.geodb.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the test files under resources/geostats (see SOURCES.md there). */
final class GeostatsData {
    private GeostatsData() {
    }

    static List<String> lines(String name) {
        try (InputStream in = GeostatsData.class.getResourceAsStream("/geostats/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource geostats/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whitespace-separated numeric rows, skipping lines that do not start with a number. */
    static List<double[]> table(String name) {
        List<double[]> rows = new ArrayList<>();
        for (String l : lines(name)) {
            String t = l.trim();
            if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '.')) {
                continue;
            }
            String[] f = t.split("\\s+");
            double[] r = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                r[i] = Double.parseDouble(f[i]);
            }
            rows.add(r);
        }
        return rows;
    }

    /** The 15 PyKrige 2D samples. */
    static Samples pykrige2d() {
        List<double[]> t = table("pykrige_test_data.txt");
        double[] x = new double[t.size()];
        double[] y = new double[t.size()];
        double[] v = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            x[i] = t.get(i)[0];
            y[i] = t.get(i)[1];
            v[i] = t.get(i)[2];
        }
        return Samples.of2d(x, y, v);
    }

    /** ASCII grid values in file order (first row northernmost), header and trailing text skipped. */
    static double[] asciiGrid(String name) {
        List<Double> vals = new ArrayList<>();
        for (String l : lines(name)) {
            String t = l.trim();
            if (t.isEmpty() || Character.isLetter(t.charAt(0))) {
                continue;
            }
            for (String f : t.split("\\s+")) {
                vals.add(Double.parseDouble(f));
            }
        }
        return vals.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Meuse: x, y and one column (by header name), rows with NA skipped. */
    static Samples meuse(String column) {
        List<String> ls = lines("meuse.csv");
        String[] head = ls.get(0).replace("\"", "").split(",");
        int c = List.of(head).indexOf(column);
        List<double[]> rows = new ArrayList<>();
        for (String l : ls.subList(1, ls.size())) {
            String[] f = l.split(",");
            if (f[c].equals("NA")) {
                continue;
            }
            rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[c])});
        }
        double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] v = rows.stream().mapToDouble(r -> r[2]).toArray();
        return Samples.of2d(x, y, v);
    }
}
