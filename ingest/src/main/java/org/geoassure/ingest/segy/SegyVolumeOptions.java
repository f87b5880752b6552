package org.geoassure.ingest.segy;

import java.util.Objects;

/**
 * How a post-stack 3-D SEG-Y volume becomes a block model ({@link SegyVolumeReader}).
 *
 * @param modelName the block model's name
 * @param attribute the attribute holding the samples (e.g. {@code amplitude})
 * @param vertical what the trace axis is
 * @param velocity for {@link Vertical#TIME_TO_DEPTH}: the constant velocity in m/s (depth = velocity × two-way
 *     time / 2); NaN otherwise
 * @param segy how to open the file (inline/crossline byte positions, byte order)
 */
public record SegyVolumeOptions(String modelName, String attribute, Vertical vertical, double velocity,
        SegyOptions segy) {
    /** The meaning of the sample axis. */
    public enum Vertical {
        /**
         * Two-way time (the SEG-Y sample interval in µs): stored as z = −time in <em>milliseconds</em>, not metres;
         * the provenance and a warning say so. The default: a time volume is not silently a depth volume.
         */
        TIME_MS,
        /** Two-way time converted to depth with one constant velocity ({@link #velocity}). */
        TIME_TO_DEPTH,
        /**
         * A depth-migrated volume: the sample interval field holds the depth step in thousandths of the file's
         * length unit (as time in µs), so 5000 is 5 m; the delay field is the first sample's depth in that unit.
         */
        DEPTH
    }

    public SegyVolumeOptions {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(vertical, "vertical");
        Objects.requireNonNull(segy, "segy");
        if (vertical == Vertical.TIME_TO_DEPTH && !(velocity > 0 && Double.isFinite(velocity))) {
            throw new IllegalArgumentException("a velocity (m/s, > 0) is needed to convert time to depth, got "
                    + velocity);
        }
    }

    /** Samples stored against time (ms) in {@code attribute} of {@code modelName}. */
    public static SegyVolumeOptions time(String modelName, String attribute) {
        return new SegyVolumeOptions(modelName, attribute, Vertical.TIME_MS, Double.NaN, SegyOptions.defaults());
    }

    /** These options with another vertical axis (velocity NaN unless {@link Vertical#TIME_TO_DEPTH}). */
    public SegyVolumeOptions withVertical(Vertical v, double velocityMetresPerSecond) {
        return new SegyVolumeOptions(modelName, attribute, v, velocityMetresPerSecond, segy);
    }
}
