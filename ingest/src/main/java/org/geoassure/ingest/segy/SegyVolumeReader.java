package org.geoassure.ingest.segy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.ingest.feature.internal.SourceFiles;
import org.geoassure.ingest.blockmodel.VolumeRead;

/**
 * A post-stack 3-D SEG-Y volume as a block model: one cell per sample of each trace, one float32 attribute.
 *
 * <ul>
 *   <li>Horizontal grid: the inline/crossline grid fitted to the CDP X/Y ({@link SurveyGeometry.GridCoordinates}).
 *       Each trace is the centre of a cell of inline spacing × crossline spacing. The block model's i axis is the
 *       one of the two grid directions from which the other is 90° counter-clockwise (so i is the crossline
 *       direction, along an inline, when crossline numbers increase to the right of increasing inlines); its
 *       rotation is that direction's angle from +x. The two directions must be at a right angle (±0.1°).</li>
 *   <li>Vertical: sample s of a trace is the centre of a cell one sample interval high, k = 0 at the deepest sample;
 *       see {@link SegyVolumeOptions.Vertical} for time and depth. Every trace must have the first trace's delay
 *       (the time of sample 0).</li>
 *   <li>Feet (binary header measurement system 2) are converted to metres; arc-second coordinates are refused.</li>
 * </ul>
 * Pre-stack gathers, unstructured files and grids without coordinates are refused
 * ({@link UnsupportedFormatException}). Nothing is returned on error.
 */
public final class SegyVolumeReader {
    static final double RIGHT_ANGLE_TOLERANCE_DEGREES = 0.1;
    private static final double FOOT = 0.3048;

    private SegyVolumeReader() {
    }

    /**
     * Reads a volume.
     *
     * @throws InvalidContentException for bad content ({@code file: byte offset N: reason}) or a layout that cannot
     *     be a block model ({@link UnsupportedFormatException})
     * @throws StorageException if the file cannot be read
     */
    public static VolumeRead read(Path file, SegyVolumeOptions o) {
        String where = file.toString();
        List<String> warnings = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        BlockData data;
        try (SegyFile f = SegyReader.open(file, o.segy())) {
            SurveyGeometry g = f.geometry();
            if (g.kind() == SurveyGeometry.Kind.PRE_STACK_3D) {
                throw new UnsupportedFormatException(where, "pre-stack data (" + g.offsets().size() + " offsets per "
                        + "inline/crossline node): only post-stack volumes (one trace per node) become block models");
            }
            if (g.kind() == SurveyGeometry.Kind.UNSTRUCTURED) {
                throw new UnsupportedFormatException(where, "no regular inline/crossline grid (irregular, incomplete or "
                        + "2-D file; inline numbers read at trace-header byte " + o.segy().inlineByte()
                        + ", crosslines at " + o.segy().crosslineByte() + "): not a 3-D volume");
            }
            SurveyGeometry.GridCoordinates c = g.coordinates().orElseThrow(() -> new UnsupportedFormatException(where,
                    "the grid has no CDP X/Y coordinates (needs at least 2 inlines and 2 crosslines with non-zero CDP "
                    + "X/Y, bytes 181-188): it cannot be placed"));
            TraceHeader first = f.traceHeader(0);
            if (first.coordinateUnits() == 2) {
                throw new UnsupportedFormatException(where, "byte offset " + (first.byteOffset() + 88)
                        + ": coordinate units 2 (arc seconds): only projected coordinates (metres or feet) are "
                        + "supported");
            }
            double unit = f.binaryHeader().measurementSystem() == 2 ? FOOT : 1;
            if (unit != 1) {
                warnings.add("measurement system 2 (feet): coordinates and depths converted to metres");
                params.put("segy.length_unit", "ft (converted to m)");
            }
            double angle = c.crosslineAzimuth() - c.inlineAzimuth();
            double off = Math.abs(Math.IEEEremainder(angle, 180)) - 90;
            if (Math.abs(off) > RIGHT_ANGLE_TOLERANCE_DEGREES) {
                throw new UnsupportedFormatException(where, "the inline and crossline directions (azimuths "
                        + c.inlineAzimuth() + " and " + c.crosslineAzimuth() + " degrees) are not at a right angle: a "
                        + "block model's cells are rectangular");
            }
            if (c.maxResidual() > 0.01 * Math.min(c.inlineSpacing(), c.crosslineSpacing())) {
                warnings.add("CDP X/Y of some traces are up to " + c.maxResidual() + " from the fitted grid (more "
                        + "than 1% of a bin)");
            }
            // a: across inlines (inline index increases), along azimuth crosslineAzimuth; b: across crosslines
            double aAz = Math.toRadians(c.crosslineAzimuth());
            double bAz = Math.toRadians(c.inlineAzimuth());
            double[] ea = {Math.sin(aAz), Math.cos(aAz)};
            double[] eb = {Math.sin(bAz), Math.cos(bAz)};
            boolean inlineIsI = ea[0] * eb[1] - ea[1] * eb[0] > 0; // b is counter-clockwise from a
            int nil = g.inlineCount();
            int nxl = g.crosslineCount();
            int ns = f.samplesPerTrace();
            if (ns < 1) {
                throw new InvalidContentException(where, -1, "byte offset 3220: no samples per trace");
            }
            if ((double) nil * nxl * ns > Integer.MAX_VALUE) {
                throw new UnsupportedFormatException(where, nil + " x " + nxl + " x " + ns + " samples: more than "
                        + Integer.MAX_VALUE + " cells");
            }
            double[] ei = inlineIsI ? ea : eb;
            double di = (inlineIsI ? c.inlineSpacing() : c.crosslineSpacing()) * unit;
            double dj = (inlineIsI ? c.crosslineSpacing() : c.inlineSpacing()) * unit;
            int nx = inlineIsI ? nil : nxl;
            int ny = inlineIsI ? nxl : nil;
            double rotation = Math.toDegrees(Math.atan2(ei[1], ei[0]));
            double r = Math.toRadians(rotation);
            double cos = Math.cos(r);
            double sin = Math.sin(r);
            // vertical
            double interval = f.sampleInterval();
            double t0 = first.delayRecordingTime();
            double dz;
            double top;
            switch (o.vertical()) {
                case TIME_MS -> {
                    dz = interval / 1000;
                    top = t0;
                    params.put("segy.vertical", "two-way time: z = -time in ms (NOT metres); first sample " + t0
                            + " ms, interval " + dz + " ms");
                    warnings.add("time-domain volume: z is minus two-way time in milliseconds, not an elevation in "
                            + "metres (use --velocity or --depth-domain for depth)");
                }
                case TIME_TO_DEPTH -> {
                    dz = o.velocity() * interval / 1e6 / 2;
                    top = o.velocity() * t0 / 1000 / 2;
                    params.put("segy.vertical", "depth = " + o.velocity() + " m/s x two-way time / 2 (constant "
                            + "velocity); z = -depth in m");
                    warnings.add("time converted to depth with one constant velocity of " + o.velocity() + " m/s");
                }
                default -> {
                    dz = interval / 1000 * unit;
                    top = t0 * unit;
                    params.put("segy.vertical", "depth domain: sample interval field / 1000 = " + dz
                            + " m; z = -depth in m");
                }
            }
            if (!(dz > 0) || !Double.isFinite(dz) || !Double.isFinite(top)) {
                throw new InvalidContentException(where, -1, "byte offset 3216: sample interval " + interval
                        + " gives no cell height");
            }
            // node (0, 0) is the trace at (inlineMin, crosslineMin); the model corner is half a bin before it
            double ox = c.originX() * unit - 0.5 * di * cos + 0.5 * dj * sin;
            double oy = c.originY() * unit - 0.5 * di * sin - 0.5 * dj * cos;
            double oz = -(top + (ns - 1) * dz) - dz / 2;
            BlockModel model;
            try {
                model = new BlockModel(o.modelName(), ox, oy, oz, rotation == 0 ? 0 : rotation, di, dj, dz, nx, ny, ns,
                        List.of(BlockAttribute.of(o.attribute(), AttributeType.FLOAT32)));
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException(e.getMessage());
            }
            params.put("segy.grid", "inlines " + g.inlineMin() + ".." + g.inlineMax() + " step " + g.inlineStep()
                    + ", crosslines " + g.crosslineMin() + ".." + g.crosslineMax() + " step " + g.crosslineStep()
                    + "; i = " + (inlineIsI ? "inline" : "crossline") + " index, j = "
                    + (inlineIsI ? "crossline" : "inline") + " index, k = 0 at the deepest sample");
            params.put("segy.traces", "cell centres (corner = trace (" + g.inlineMin() + ", " + g.crosslineMin()
                    + ") - half a bin)");
            BlockData.Builder b = BlockData.builder(model);
            float[] samples = new float[ns];
            double[] one = new double[1];
            for (int t = 0; t < f.traceCount(); t++) {
                TraceHeader h = f.traceHeader(t);
                if (h.delayRecordingTimeRaw() != first.delayRecordingTimeRaw() || h.timeScalar() != first.timeScalar()) {
                    throw new InvalidContentException(where, -1, "byte offset " + (h.byteOffset() + 108) + ": trace "
                            + t + " starts at " + h.delayRecordingTime() + ", trace 0 at " + t0 + ": the samples are "
                            + "not on one vertical grid");
                }
                int a = (h.inline() - g.inlineMin()) / g.inlineStep();
                int bb = (h.crossline() - g.crosslineMin()) / g.crosslineStep();
                int i = inlineIsI ? a : bb;
                int j = inlineIsI ? bb : a;
                f.readSamples(t, samples, 0);
                for (int s = 0; s < ns; s++) {
                    float v = samples[s];
                    if (Float.isInfinite(v)) {
                        throw new InvalidContentException(where, -1, "byte offset " + (f.traceByteOffset(t) + 240L
                                * (1 + f.binaryHeader().additionalTraceHeaders()) + (long) s * (f.traceLength()
                                - 240L * (1 + f.binaryHeader().additionalTraceHeaders())) / ns) + ": trace " + t
                                + " sample " + s + " is infinite");
                    }
                    one[0] = v;
                    try {
                        b.put(i, j, ns - 1 - s, one);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidContentException(where, -1, "byte offset " + h.byteOffset() + ": trace " + t
                                + " (inline " + h.inline() + ", crossline " + h.crossline() + "): " + e.getMessage());
                    }
                }
            }
            data = b.build();
        }
        return new VolumeRead(data, List.of(new SourceFile("segy", file.getFileName().toString(), SourceFiles.sha256(file),
                data.model().nx() * (long) data.model().ny())), params, warnings);
    }
}
