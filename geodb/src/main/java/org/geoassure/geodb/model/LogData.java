package org.geoassure.geodb.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A well log of one borehole: numeric curves sampled by measured depth along the hole (a LAS file's {@code ~A}
 * section). Depths are in metres whatever the source used ({@link #sourceDepthUnit} says what it was); curve values
 * are stored as read, in their own units, with NaN for a null. Text curves (LAS 3 {@code {S}} channels) are not
 * part of a log: a reader leaves them out and says so in a warning.
 *
 * <p>Arrays are copied in and out; {@link #depth(int)} and {@link #value(int, int)} read without copying.
 *
 * @param holeId the borehole the log belongs to (it must exist when the log is ingested)
 * @param name log name, unique per hole (e.g. the file's base name)
 * @param sourceDepthUnit depth unit of the source as written (M, FT, ...), kept for provenance
 * @param curves curve definitions, the depth index excluded, in source order
 * @param depths measured depths (m), one per sample, finite
 * @param values one array per curve, each as long as {@code depths}
 * @param source the file the log was read from, with its SHA-256
 */
public record LogData(String holeId, String name, String sourceDepthUnit, List<LogCurve> curves, double[] depths,
        List<double[]> values, SourceFile source) {
    public LogData {
        Objects.requireNonNull(holeId, "holeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceDepthUnit, "sourceDepthUnit");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a log name must not be blank");
        }
        curves = List.copyOf(curves);
        if (curves.size() != values.size()) {
            throw new IllegalArgumentException("log " + name + ": " + curves.size() + " curves but " + values.size()
                    + " value arrays");
        }
        Set<String> seen = new HashSet<>();
        for (LogCurve c : curves) {
            if (!seen.add(c.mnemonic().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("log " + name + ": curve " + c.mnemonic() + " appears twice");
            }
        }
        depths = depths.clone();
        for (double d : depths) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("log " + name + ": depth " + d + " is not a finite number");
            }
        }
        List<double[]> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).length != depths.length) {
                throw new IllegalArgumentException("log " + name + ": curve " + curves.get(i).mnemonic() + " has "
                        + values.get(i).length + " values for " + depths.length + " depths");
            }
            copy.add(values.get(i).clone());
        }
        values = List.copyOf(copy);
    }

    /** Number of depth samples. */
    public int samples() {
        return depths.length;
    }

    /** Depth {@code i} (m), without copying. */
    public double depth(int i) {
        return depths[i];
    }

    /** Value {@code i} of curve {@code curve}, NaN for a null, without copying. */
    public double value(int curve, int i) {
        return values.get(curve)[i];
    }

    @Override
    public double[] depths() {
        return depths.clone();
    }

    @Override
    public List<double[]> values() {
        return values.stream().map(double[]::clone).toList();
    }

    /**
     * Hex SHA-256 of what a log says (curve definitions, depths and values bit for bit, NaN payloads folded to one
     * NaN); a re-ingest with the same hash writes nothing. The source file and the hole are not part of it.
     */
    public String contentHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            StringBuilder head = new StringBuilder(sourceDepthUnit).append('\n');
            for (LogCurve c : curves) {
                head.append(c.mnemonic()).append('\t').append(c.unit()).append('\t').append(c.description()).append('\n');
            }
            md.update(head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(pack(depths));
            for (double[] v : values) {
                md.update(pack(v));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Little-endian IEEE 754 doubles, the stored layout of depths and curves. */
    public static byte[] pack(double[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            b.putLong(Double.doubleToLongBits(d));
        }
        return b.array();
    }

    /** The inverse of {@link #pack}. */
    public static double[] unpack(byte[] bytes) {
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException("packed doubles: " + bytes.length + " bytes is not a multiple of 8");
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[bytes.length / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getDouble();
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LogData l) || !holeId.equals(l.holeId) || !name.equals(l.name)
                || !sourceDepthUnit.equals(l.sourceDepthUnit) || !curves.equals(l.curves)
                || !java.util.Arrays.equals(depths, l.depths) || !source.equals(l.source)) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!java.util.Arrays.equals(values.get(i), l.values.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(holeId, name, curves, java.util.Arrays.hashCode(depths));
    }

    @Override
    public String toString() {
        return "LogData[" + holeId + "/" + name + ", " + curves.size() + " curves, " + depths.length + " samples]";
    }
}
