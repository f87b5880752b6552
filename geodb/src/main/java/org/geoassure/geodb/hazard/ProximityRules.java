package org.geoassure.geodb.hazard;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * A named set of proximity rules, one per feature role.
 *
 * @param name rule-set name, e.g. {@code exploration_and_warning}
 * @param measure the distance compared with the lines
 * @param rules one rule per role, roles distinct
 */
public record ProximityRules(String name, DistanceMeasure measure, List<ProximityRule> rules) {
    /** Source of the default exploration-line distances. */
    public static final String EXPLORATION_SOURCE = "water-exploration practice (探放水, 有掘必探 先探后掘) as quoted "
            + "in secondary sources: exploration line >= 20 m from old workings with reliable drawings, more where the "
            + "boundary is inferred; for faults and collapse columns the waterproof pillar line pushed out >= 20 m "
            + "(seen in a public exam-question copy of the older Coal Mine Water Prevention Provisions); clause "
            + "numbers unverified";
    /** Source of the default warning-line offset. */
    public static final String WARNING_SOURCE = "warning line about 60 m outside the exploration line (older rules, "
            + "as quoted in secondary sources); unverified";

    public ProximityRules {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(measure, "measure");
        rules = List.copyOf(rules);
        if (rules.stream().map(ProximityRule::role).distinct().count() != rules.size()) {
            throw new InvalidContentException("rules " + name + ": a role is given twice");
        }
    }

    /**
     * The default rule set {@code exploration_and_warning} (low confidence, every number a parameter): goaf,
     * old workings and water-bearing boreholes: exploration line at 20 m, warning line 60 m further out, plus
     * {@code inferredExtra} for an inferred boundary; faults and collapse columns: exploration line at the waterproof
     * pillar width + 20 m, warning line 60 m further out. 3D distance.
     *
     * @param pillarWidth waterproof pillar width beside faults and collapse columns (m), e.g. from
     *     {@link FaultPillar}
     * @param inferredExtra extra distance (m) where a boundary is inferred
     */
    public static ProximityRules explorationAndWarning(double pillarWidth, double inferredExtra) {
        if (!(pillarWidth >= 0) || !Double.isFinite(pillarWidth)) {
            throw new InvalidContentException("pillarWidth: must be >= 0 (m), got " + pillarWidth);
        }
        String inferred = "caller; the rules ask for more than the reliable-boundary distance without a figure we "
                + "could verify";
        List<ProximityRule> r = new java.util.ArrayList<>();
        for (String role : List.of("goaf", "old_workings", "water_borehole")) {
            r.add(new ProximityRule(role, List.of(
                    new ProximityLevel("exploration_line", 20, EXPLORATION_SOURCE, "low"),
                    new ProximityLevel("warning_line", 80, WARNING_SOURCE, "low")), inferredExtra, inferred));
        }
        for (String role : List.of("fault", "collapse_column")) {
            r.add(new ProximityRule(role, List.of(
                    new ProximityLevel("exploration_line", pillarWidth + 20, EXPLORATION_SOURCE
                            + "; pillar width " + pillarWidth + " m from the caller", "low"),
                    new ProximityLevel("warning_line", pillarWidth + 80, WARNING_SOURCE, "low")), inferredExtra,
                    inferred));
        }
        return new ProximityRules("exploration_and_warning", DistanceMeasure.SPACE, r);
    }

    /** The rule for a role, or null. */
    public ProximityRule rule(String role) {
        for (ProximityRule r : rules) {
            if (r.role().equals(role)) {
                return r;
            }
        }
        return null;
    }
}
