package org.geoassure.geodb.hazard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geoassure.geodb.InvalidContentException;

/**
 * Height of the water-conducting fracture zone (导水裂隙带) over a fully caved longwall, from the empirical formulas
 * of the 2017 coal-pillar and pressed-coal mining standard ({@link FractureCoefficients}), compared with the distance
 * from the seam roof to the aquifer above: margin = distance − H − protective layer; safe when the margin is positive.
 *
 * <p>Seam class by dip: gently inclined &lt; 25°, inclined 25–45° (both use formulas 1 and 2 with ΣM), steep &gt; 45°
 * (the steep formula with M and the stage height h). The formulas are empirical: they were fitted on seams mined in
 * single layers of about 1–3 m with ΣM up to about 15 m; outside that range a warning is given (fully mechanised
 * top-coal caving of thick seams is known to exceed them).
 */
public final class FractureZone {
    /** Single-layer thickness (m) above which the formulas are outside their fitted range. */
    public static final double SINGLE_LAYER_MAX = 3.0;
    /** Cumulative thickness (m) above which the formulas are outside their fitted range. */
    public static final double CUMULATIVE_MAX = 15.0;

    private FractureZone() {
    }

    /** Computes the heights, the design height, the margin and the verdict. */
    public static FractureZoneResult compute(FractureZoneInput in) {
        FractureCoefficients k = in.coefficients();
        double m = in.minedThickness();
        List<Parameter> params = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String src = k.source();
        String conf = k.confidence();
        params.add(new Parameter("mined_thickness", m, "m", "caller", "caller"));
        params.add(new Parameter("dip", in.dip(), "deg", "caller", "caller"));
        String seamClass;
        double f1;
        double band;
        double f2;
        String formula;
        if (in.dip() > 45) {
            seamClass = "steep";
            if (Double.isNaN(k.steepA())) {
                throw new InvalidContentException("overburden: the table has no steep-seam formula for "
                        + in.overburden().label() + " overburden");
            }
            double h = in.stageHeight();
            f1 = k.steep(m, h);
            band = k.steepBand();
            f2 = Double.NaN;
            formula = "H = 100*M*h / (A*h + B) +/- band (steep seam, dip > 45 deg)";
            params.add(new Parameter("stage_height", h, "m", "caller", "caller"));
            params.add(new Parameter("A", k.steepA(), "", src, conf));
            params.add(new Parameter("B", k.steepB(), "m", src, conf));
            params.add(new Parameter("band", band, "m", src, conf));
            if (in.design() == DesignHeight.FORMULA2) {
                throw new InvalidContentException("design: formula 2 does not apply to steep seams");
            }
        } else {
            seamClass = in.dip() < 25 ? "gently_inclined" : "inclined";
            f1 = k.formula1(m);
            band = k.band();
            f2 = k.formula2(m);
            formula = "formula 1: H = 100*SM / (a*SM + b) +/- band; formula 2: H = k*sqrt(SM) + c "
                    + "(SM = cumulative mined thickness, m)";
            params.add(new Parameter("a", k.a(), "", src, conf));
            params.add(new Parameter("b", k.b(), "m", src, conf));
            params.add(new Parameter("band", band, "m", src, conf));
            if (!Double.isNaN(k.k())) {
                params.add(new Parameter("k", k.k(), "m^0.5", src, conf));
                params.add(new Parameter("c", k.c(), "m", src, conf));
            } else if (in.design() == DesignHeight.FORMULA2) {
                throw new InvalidContentException("design: the table has no formula 2 for "
                        + in.overburden().label() + " overburden");
            }
            if (m > CUMULATIVE_MAX) {
                warnings.add(String.format(Locale.ROOT, "cumulative mined thickness %.3g m is above %.0f m, outside "
                        + "the range the formulas were fitted on", m, CUMULATIVE_MAX));
            } else if (m > SINGLE_LAYER_MAX) {
                warnings.add(String.format(Locale.ROOT, "the formulas were fitted on single layers of about 1-%.0f m; "
                        + "if %.3g m is mined in one pass (e.g. top-coal caving) they may underestimate H", 
                        SINGLE_LAYER_MAX, m));
            }
        }
        double upper = f1 + band;
        double design = switch (in.design()) {
            case FORMULA1_UPPER -> upper;
            case FORMULA1_CENTRAL -> f1;
            case FORMULA2 -> f2;
            case LARGER_OF_BOTH -> Double.isNaN(f2) ? upper : Math.max(upper, f2);
        };
        methods.add("overburden class " + in.overburden().label() + ", seam class " + seamClass
                + " (gently inclined < 25 deg, inclined 25-45 deg, steep > 45 deg)");
        methods.add("design height = " + in.design().name().toLowerCase(Locale.ROOT));
        double d = in.aquiferDistance();
        double margin = Double.NaN;
        String verdict = "not_assessed";
        if (!Double.isNaN(d)) {
            margin = d - design - in.protectiveLayer();
            verdict = margin > 0 ? "safe" : "unsafe";
            params.add(new Parameter("aquifer_distance", d, "m", "caller", "caller"));
            params.add(new Parameter("protective_layer", in.protectiveLayer(), "m",
                    in.protectiveLayer() > 0 ? "caller" : "not applied (the standard's protective-layer table is not "
                            + "built in)", "caller"));
            methods.add("margin = aquifer_distance - design_height - protective_layer; safe when margin > 0");
        }
        Explanation e = new Explanation("fracture_zone_height", formula, in.inputs(), params, methods, warnings);
        return new FractureZoneResult(seamClass, f1, f1 - band, upper, f2, design, d, in.protectiveLayer(), margin,
                verdict, e);
    }
}
