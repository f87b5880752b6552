package org.geoassure.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes synthetic collar, survey and assay CSV files for benchmarks: holes on a jittered grid in CGCS2000
 * Gauss-Kruger zone 39 coordinates (x from 39 500 000, y from 4 000 000), each curving gently downwards.
 * Deterministic for a given seed.
 */
public final class SyntheticDrillholes {
    /** Side of the square area the holes are spread over (m). */
    public static final double AREA = 10_000;
    /** Easting of the area's south-west corner. */
    public static final double X0 = 39_500_000;
    /** Northing of the area's south-west corner. */
    public static final double Y0 = 4_000_000;
    /** Collar elevation range starts here (m). */
    public static final double Z0 = 300;

    private SyntheticDrillholes() {
    }

    /**
     * The files written.
     *
     * @param collar collar CSV (HOLEID, X, Y, Z, LENGTH)
     * @param survey survey CSV (HOLEID, DEPTH, AZIMUTH, DIP), dip negative down
     * @param assays interval CSV (HOLEID, FROM, TO, CU, LITH)
     * @param holes number of holes
     * @param stations number of survey stations
     * @param intervals number of interval rows
     * @param holeLength length of every hole (m)
     */
    public record Files3(Path collar, Path survey, Path assays, int holes, long stations, long intervals, double holeLength) {
    }

    /**
     * Writes the three files into {@code dir}.
     *
     * @param holes number of holes
     * @param stationsPerHole survey stations per hole (the first at depth 0)
     * @param intervalsPerHole interval rows per hole, each {@code intervalLength} long
     * @param intervalLength interval length (m)
     * @param seed random seed
     */
    public static Files3 write(Path dir, int holes, int stationsPerHole, int intervalsPerHole, double intervalLength,
            long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        Files.createDirectories(dir);
        Path collar = dir.resolve("collar.csv");
        Path survey = dir.resolve("survey.csv");
        Path assays = dir.resolve("assays.csv");
        double length = intervalsPerHole * intervalLength;
        int side = (int) Math.ceil(Math.sqrt(holes));
        double spacing = AREA / side;
        String[] liths = {"sandstone", "mudstone", "coal", "limestone", "granite"};
        try (BufferedWriter c = Files.newBufferedWriter(collar, StandardCharsets.UTF_8);
                BufferedWriter s = Files.newBufferedWriter(survey, StandardCharsets.UTF_8);
                BufferedWriter a = Files.newBufferedWriter(assays, StandardCharsets.UTF_8)) {
            c.write("HOLEID,X,Y,Z,LENGTH\n");
            s.write("HOLEID,DEPTH,AZIMUTH,DIP\n");
            a.write("HOLEID,FROM,TO,CU,LITH\n");
            StringBuilder sb = new StringBuilder(256);
            for (int h = 0; h < holes; h++) {
                String id = "SYN" + h;
                double x = X0 + (h % side + 0.5) * spacing + (rnd.nextDouble() - 0.5) * spacing * 0.5;
                double y = Y0 + (h / side + 0.5) * spacing + (rnd.nextDouble() - 0.5) * spacing * 0.5;
                double z = Z0 + rnd.nextDouble() * 50;
                sb.setLength(0);
                sb.append(id).append(',').append(fmt(x)).append(',').append(fmt(y)).append(',').append(fmt(z)).append(',')
                        .append(fmt(length)).append('\n');
                c.write(sb.toString());
                double az = rnd.nextDouble() * 360;
                double dip = -90 + rnd.nextDouble() * 30;
                for (int k = 0; k < stationsPerHole; k++) {
                    double depth = stationsPerHole == 1 ? 0 : length * k / (stationsPerHole - 1);
                    sb.setLength(0);
                    sb.append(id).append(',').append(fmt(depth)).append(',').append(fmt((az + k * 0.7) % 360)).append(',')
                            .append(fmt(Math.min(-1, dip + k * 0.3))).append('\n');
                    s.write(sb.toString());
                }
                for (int k = 0; k < intervalsPerHole; k++) {
                    sb.setLength(0);
                    sb.append(id).append(',').append(fmt(k * intervalLength)).append(',')
                            .append(fmt((k + 1) * intervalLength)).append(',')
                            .append(fmt(Math.round(rnd.nextDouble() * 3000) / 1000.0)).append(',')
                            .append(liths[rnd.nextInt(liths.length)]).append('\n');
                    a.write(sb.toString());
                }
            }
        }
        return new Files3(collar, survey, assays, holes, (long) holes * stationsPerHole, (long) holes * intervalsPerHole,
                length);
    }

    /** Fixed-point text with 3 decimals, without the cost of String.format. */
    static String fmt(double v) {
        long m = Math.round(Math.abs(v) * 1000);
        long frac = m % 1000;
        String f = frac < 10 ? "00" + frac : frac < 100 ? "0" + frac : Long.toString(frac);
        return (v < 0 && m != 0 ? "-" : "") + (m / 1000) + "." + f;
    }
}
