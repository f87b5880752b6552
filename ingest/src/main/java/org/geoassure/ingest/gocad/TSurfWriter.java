package org.geoassure.ingest.gocad;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;

/**
 * Writes surfaces and solids as GOCAD TSurf objects, one after another in one file (GOCAD reads such a file as
 * several objects): {@code HEADER name}, {@code GEOLOGICAL_TYPE} from the role, {@code ZPOSITIVE Elevation}, one
 * {@code TFACE} with {@code VRTX} (or {@code PVRTX} with {@code PROPERTIES} and {@code NO_DATA_VALUES} -99999 for
 * NaN) and {@code TRGL} lines, vertex ids from 1. Numbers are written in Java's shortest exact decimal form, so a
 * file read back gives the same doubles.
 */
public final class TSurfWriter {
    /** The value written for a NaN vertex property. */
    public static final double NO_DATA = -99999;

    private TSurfWriter() {
    }

    /**
     * Writes one TSurf per feature.
     *
     * @throws InvalidContentException for a feature that is not a surface or a solid, naming it
     */
    public static void write(List<Feature> features, Writer out) throws IOException {
        for (Feature f : features) {
            if (f.kind() != FeatureKind.SURFACE && f.kind() != FeatureKind.SOLID) {
                throw new InvalidContentException("feature '" + f.id() + "' is " + f.kind().name()
                        .toLowerCase(java.util.Locale.ROOT) + ": a GOCAD TSurf holds surfaces and solids only");
            }
        }
        for (Feature f : features) {
            write(f, out);
        }
        out.flush();
    }

    private static void write(Feature f, Writer out) throws IOException {
        Mesh m = f.mesh();
        StringBuilder b = new StringBuilder(256);
        b.append("GOCAD TSurf 1\nHEADER {\nname: ").append(clean(f.name())).append("\n}\n");
        if (!f.role().isEmpty()) {
            b.append("GEOLOGICAL_TYPE ").append(clean(f.role())).append('\n');
        }
        b.append("GOCAD_ORIGINAL_COORDINATE_SYSTEM\nNAME Default\nAXIS_NAME \"X\" \"Y\" \"Z\"\n"
                + "AXIS_UNIT \"m\" \"m\" \"m\"\nZPOSITIVE Elevation\nEND_ORIGINAL_COORDINATE_SYSTEM\n");
        List<String> props = new ArrayList<>(m.vertexProperties().keySet());
        List<double[]> values = new ArrayList<>();
        if (!props.isEmpty()) {
            b.append("PROPERTIES");
            for (String p : props) {
                b.append(' ').append(p.replaceAll("\\s+", "_"));
                values.add(m.vertexProperties().get(p));
            }
            b.append("\nNO_DATA_VALUES");
            for (int i = 0; i < props.size(); i++) {
                b.append(' ').append(number(NO_DATA));
            }
            b.append('\n');
        }
        b.append("TFACE\n");
        out.write(b.toString());
        for (int v = 0; v < m.vertexCount(); v++) {
            b.setLength(0);
            b.append(props.isEmpty() ? "VRTX " : "PVRTX ").append(v + 1).append(' ')
                    .append(number(m.coordinate(v, 0))).append(' ').append(number(m.coordinate(v, 1))).append(' ')
                    .append(number(m.coordinate(v, 2)));
            for (double[] p : values) {
                b.append(' ').append(number(Double.isNaN(p[v]) ? NO_DATA : p[v]));
            }
            out.write(b.append('\n').toString());
        }
        for (int t = 0; t < m.triangleCount(); t++) {
            out.write("TRGL " + (m.corner(t, 0) + 1) + " " + (m.corner(t, 1) + 1) + " " + (m.corner(t, 2) + 1) + "\n");
        }
        out.write("END\n");
    }

    /** A double in its shortest exact decimal form, without an exponent. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).toPlainString();
    }

    private static String clean(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('}', ')');
    }
}
