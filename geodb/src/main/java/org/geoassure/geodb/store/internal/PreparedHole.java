package org.geoassure.geodb.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.Desurvey;
import org.geoassure.geodb.analysis.DesurveyException;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.analysis.HoleTrace;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.SurveyStation;

/**
 * Engine-independent derivation of what a hole version stores: the desurveyed trace, station positions, the
 * densified query polyline, interval positions and content hashes. Every engine stores these same numbers.
 * Internal: not for use outside geodb.
 */
public final class PreparedHole {
    /** Maximum distance between the stored query polyline and the minimum-curvature arc (m). */
    static final double CHORD_TOLERANCE = 0.01;

    private final Collar collar;
    private final List<SurveyStation> survey;
    private final DesurveyMethod method;
    private final HoleTrace trace;
    private final double[] stationDepth;
    private final double[] stationAzimuth;
    private final double[] stationDip;

    private PreparedHole(Collar collar, List<SurveyStation> survey, DesurveyMethod method, HoleTrace trace,
            double[] depth, double[] azimuth, double[] dip) {
        this.collar = collar;
        this.survey = survey;
        this.method = method;
        this.trace = trace;
        this.stationDepth = depth;
        this.stationAzimuth = azimuth;
        this.stationDip = dip;
    }

    /**
     * Desurveys a hole. A hole without survey stations uses its collar orientation, or runs vertically down when
     * the collar has none.
     *
     * @throws InvalidContentException naming the hole and station when the survey cannot be desurveyed
     */
    public static PreparedHole of(Collar collar, List<SurveyStation> survey, DesurveyMethod method) {
        int n = survey.size();
        double[] depth;
        double[] az;
        double[] dip;
        if (n == 0) {
            depth = new double[] {0};
            az = new double[] {collar.hasOrientation() ? collar.azimuth() : 0};
            dip = new double[] {collar.hasOrientation() ? collar.dip() : -90};
        } else {
            depth = new double[n];
            az = new double[n];
            dip = new double[n];
            for (int i = 0; i < n; i++) {
                SurveyStation s = survey.get(i);
                depth[i] = s.depth();
                az[i] = s.azimuth();
                dip[i] = s.dip();
            }
        }
        try {
            HoleTrace trace = Desurvey.compute(collar.x(), collar.y(), collar.z(), depth, az, dip, method);
            return new PreparedHole(collar, survey, method, trace, depth, az, dip);
        } catch (DesurveyException e) {
            throw new InvalidContentException("hole " + collar.holeId() + ": " + e.getMessage());
        }
    }

    public HoleTrace trace() {
        return trace;
    }

    public Collar collar() {
        return collar;
    }

    public List<SurveyStation> survey() {
        return survey;
    }

    public DesurveyMethod method() {
        return method;
    }

    /** Hash of collar, survey set and method: equal hashes mean an unchanged hole version. */
    public String contentHash() {
        StringBuilder sb = new StringBuilder(64 + 48 * survey.size());
        sb.append(collar.holeId()).append('|').append(collar.x()).append('|').append(collar.y()).append('|')
                .append(collar.z()).append('|').append(collar.totalDepth()).append('|').append(collar.azimuth())
                .append('|').append(collar.dip()).append('|').append(method.name());
        for (SurveyStation s : survey) {
            sb.append(';').append(s.depth()).append(',').append(s.azimuth()).append(',').append(s.dip());
        }
        return sha256(sb.toString());
    }

    /** Positions of the survey stations (x,y,z triples), in survey order. */
    public double[] stationPositions() {
        double[] out = new double[3 * survey.size()];
        for (int i = 0; i < survey.size(); i++) {
            out[3 * i] = trace.stationX(i);
            out[3 * i + 1] = trace.stationY(i);
            out[3 * i + 2] = trace.stationZ(i);
        }
        return out;
    }

    /**
     * The hole's query polyline from the collar to {@code endDepth}: the trace nodes, with each course subdivided
     * so that the chords stay within {@link #CHORD_TOLERANCE} of the arc. A zero end depth gives the collar point.
     */
    public double[] polyline(double endDepth) {
        if (!(endDepth > 0)) {
            return new double[] {collar.x(), collar.y(), collar.z()};
        }
        // break depths: 0, station depths below 0 and above endDepth, endDepth; subdivide by curvature
        java.util.ArrayList<Double> depths = new java.util.ArrayList<>();
        depths.add(0.0);
        double prev = 0;
        for (int i = 0; i <= stationDepth.length; i++) {
            double next = i < stationDepth.length ? Math.min(stationDepth[i], endDepth) : endDepth;
            if (next > prev) {
                int pieces = 1;
                if (i > 0 && i < stationDepth.length && method == DesurveyMethod.MINIMUM_CURVATURE) {
                    double beta = Desurvey.dogleg(stationAzimuth[i - 1], stationDip[i - 1], stationAzimuth[i],
                            stationDip[i]);
                    double len = next - prev;
                    // sagitta of a piece of length len/k with turn beta/k is about len*beta/(8k^2)
                    pieces = (int) Math.max(1, Math.ceil(Math.sqrt(len * beta / (8 * CHORD_TOLERANCE))));
                    pieces = Math.min(pieces, 256);
                }
                for (int k = 1; k <= pieces; k++) {
                    depths.add(k == pieces ? next : prev + (next - prev) * k / pieces);
                }
                prev = next;
            }
            if (prev >= endDepth) {
                break;
            }
        }
        double[] d = new double[depths.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = depths.get(i);
        }
        double[] xyz = new double[3 * d.length];
        trace.positionsAt(d, 0, xyz, 0, d.length);
        return xyz;
    }

    /** Positions of from, to and mid for each row: 9 doubles per row. */
    public double[] intervalPositions(List<IntervalRow> rows) {
        int n = rows.size();
        double[] depths = new double[3 * n];
        for (int i = 0; i < n; i++) {
            IntervalRow r = rows.get(i);
            depths[3 * i] = r.from();
            depths[3 * i + 1] = r.to();
            depths[3 * i + 2] = r.mid();
        }
        double[] xyz = new double[9 * n];
        trace.positionsAt(depths, 0, xyz, 0, 3 * n);
        return xyz;
    }

    /**
     * The query polyline of interval {@code i} (from -> mid -> to) from {@link #intervalPositions} (from, to, mid)
     * into {@code line}.
     */
    public static void intervalLine(double[] positions, int i, double[] line) {
        int o = 9 * i;
        System.arraycopy(positions, o, line, 0, 3);
        System.arraycopy(positions, o + 6, line, 3, 3);
        System.arraycopy(positions, o + 3, line, 6, 3);
    }

    /** Hash of an interval set (rows and their positions). */
    public static String intervalSetHash(List<IntervalRow> rows, double[] positions) {
        StringBuilder sb = new StringBuilder(rows.size() * 64);
        for (int i = 0; i < rows.size(); i++) {
            IntervalRow r = rows.get(i);
            sb.append(r.from()).append(',').append(r.to());
            for (Object v : r.values()) {
                sb.append(',').append(v == null ? "\u0000" : v.getClass().getSimpleName() + ":" + v);
            }
            for (int k = 0; k < 9; k++) {
                sb.append(',').append(positions[9 * i + k]);
            }
            sb.append('\n');
        }
        return sha256(sb.toString());
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
