package org.geoassure.ingest.points;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.locationtech.jts.geom.Coordinate;

/**
 * Writes point features as CSV (RFC 4180, comma, LF): {@code id,name,role,x,y,z} then every attribute name in order
 * of first appearance. A single point is one row with the feature id; a MultiPoint is one row per point, id
 * {@code featureId:n}. An empty z is unknown; numbers are in Java's shortest exact decimal form, so
 * {@link PointCsvReader} reads back the same doubles. Only points: lines, polygons and meshes have no row form here
 * (write them as GeoJSON or TSurf).
 */
public final class PointCsvWriter {
    private PointCsvWriter() {
    }

    /**
     * Writes the points.
     *
     * @throws InvalidContentException for a feature that is not points, naming it
     */
    public static void write(List<Feature> features, Writer out) throws IOException {
        Set<String> attrs = new LinkedHashSet<>();
        for (Feature f : features) {
            if (f.kind() != FeatureKind.POINTS) {
                throw new InvalidContentException("feature '" + f.id() + "' is " + f.kind().name()
                        .toLowerCase(java.util.Locale.ROOT) + ": csv holds points only (use geojson, or tsurf for "
                        + "surfaces)");
            }
            attrs.addAll(f.attributes().keySet());
        }
        attrs.removeAll(List.of("id", "name", "role", "x", "y", "z"));
        List<String> names = new ArrayList<>(attrs);
        StringBuilder b = new StringBuilder("id,name,role,x,y,z");
        for (String n : names) {
            b.append(',').append(quote(n));
        }
        out.write(b.append('\n').toString());
        for (Feature f : features) {
            Coordinate[] cs = f.geometry().getCoordinates();
            for (int i = 0; i < cs.length; i++) {
                b.setLength(0);
                b.append(quote(cs.length == 1 ? f.id() : f.id() + ":" + (i + 1))).append(',').append(quote(f.name()))
                        .append(',').append(quote(f.role())).append(',').append(number(cs[i].getX())).append(',')
                        .append(number(cs[i].getY())).append(',');
                if (!Double.isNaN(cs[i].getZ())) {
                    b.append(number(cs[i].getZ()));
                }
                for (String n : names) {
                    b.append(',');
                    Object v = f.attributes().get(n);
                    if (v instanceof Double d) {
                        b.append(Double.isFinite(d) ? number(d) : "");
                    } else if (v != null) {
                        b.append(quote(v.toString()));
                    }
                }
                out.write(b.append('\n').toString());
            }
        }
        out.flush();
    }

    /** The shortest exact decimal form; a whole Double keeps ".0" so that it reads back as a Double. */
    static String number(double v) {
        String s = java.math.BigDecimal.valueOf(v).toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0
                && s.strip().equals(s)) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
