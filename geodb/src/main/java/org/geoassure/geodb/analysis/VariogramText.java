package org.geoassure.geodb.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geoassure.geodb.InvalidContentException;

/**
 * A variogram model as one line of text, the form the model commands print, store in provenance and read from a
 * {@code --variogram} file: {@code nugget=N} followed by structures
 * {@code type(sill=S, range=R[, semi=R2, minor=R3, azimuth=A, dip=D, rake=P])} with type {@code spherical},
 * {@code exponential}, {@code gaussian} or {@code linear} (practical ranges; angles in GSLIB's convention, see
 * {@link Ellipsoid}); e.g. {@code nugget=0.1 spherical(sill=2, range=300) exponential(sill=1, range=900)}. Numbers
 * are written in full precision, so a model survives the round trip exactly.
 */
public final class VariogramText {
    private static final Pattern NUGGET = Pattern.compile("\\s*nugget\\s*=\\s*([^\\s]+)");
    private static final Pattern STRUCTURE = Pattern.compile("\\s*([A-Za-z]+)\\s*\\(([^)]*)\\)");

    private VariogramText() {
    }

    /** The model as text. */
    public static String format(VariogramModel m) {
        StringBuilder sb = new StringBuilder("nugget=" + num(m.nugget()));
        for (VariogramStructure s : m.structures()) {
            Ellipsoid el = s.ellipsoid();
            sb.append(' ').append(s.type().name().toLowerCase(Locale.ROOT)).append("(sill=").append(num(s.sill()))
                    .append(", range=").append(num(el.major()));
            if (!el.isIsotropic()) {
                sb.append(", semi=").append(num(el.semi())).append(", minor=").append(num(el.minor()))
                        .append(", azimuth=").append(num(el.azimuth())).append(", dip=").append(num(el.dip()))
                        .append(", rake=").append(num(el.rake()));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * Parses a model; lines starting with {@code #} and blank lines are ignored, the rest is joined.
     *
     * @throws InvalidContentException naming {@code variogram} and the part it cannot read
     */
    public static VariogramModel parse(String text) {
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                body.append(' ').append(line.strip());
            }
        }
        String s = body.toString();
        Matcher n = NUGGET.matcher(s);
        double nugget = 0;
        int at = 0;
        if (n.lookingAt()) {
            nugget = number(n.group(1), "nugget");
            at = n.end();
        }
        List<VariogramStructure> structures = new ArrayList<>();
        Matcher m = STRUCTURE.matcher(s);
        while (at < s.length() && !s.substring(at).isBlank()) {
            m.region(at, s.length());
            if (!m.lookingAt()) {
                throw new InvalidContentException("variogram: cannot read '" + s.substring(at).strip()
                        + "' (expected nugget=N then type(sill=S, range=R, ...))");
            }
            StructureType type;
            try {
                type = StructureType.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException("variogram: '" + m.group(1) + "' is not a structure type (spherical, "
                        + "exponential, gaussian, linear)");
            }
            Map<String, Double> p = new HashMap<>();
            for (String kv : m.group(2).split(",")) {
                String[] f = kv.split("=");
                if (f.length != 2) {
                    throw new InvalidContentException("variogram: '" + kv.strip() + "' in " + m.group(1)
                            + "(...) is not name=value");
                }
                String key = f[0].strip().toLowerCase(Locale.ROOT);
                if (!List.of("sill", "range", "semi", "minor", "azimuth", "dip", "rake").contains(key)) {
                    throw new InvalidContentException("variogram: unknown parameter '" + key + "' in " + m.group(1)
                            + "(...)");
                }
                p.put(key, number(f[1].strip(), key));
            }
            if (!p.containsKey("sill") || !p.containsKey("range")) {
                throw new InvalidContentException("variogram: " + m.group(1) + "(...) needs sill and range");
            }
            double r = p.get("range");
            Ellipsoid el = new Ellipsoid(p.getOrDefault("azimuth", 0.0), p.getOrDefault("dip", 0.0),
                    p.getOrDefault("rake", 0.0), r, p.getOrDefault("semi", r), p.getOrDefault("minor", r));
            structures.add(new VariogramStructure(type, p.get("sill"), el));
            at = m.end();
        }
        return new VariogramModel(nugget, structures);
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidContentException("variogram: " + what + " '" + text + "' is not a number");
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
