package org.geoassure.geodb.hazard.warning;

import java.util.List;

/**
 * A monitoring rule: it watches one station (or, for a {@link CombinationRule}, other rules) and is at most at one
 * {@link WarningLevel} at a time. While a rule is at a level it has exactly one active alert; the alert's level
 * follows the rule's level (see {@link Evaluator}).
 *
 * <p>Every rule belongs to one monitored item ({@link #item()}, e.g. {@code dam-1/phreatic-line}); the
 * {@link RollUp} counts the active alerts of the rules of an item.
 */
public sealed interface Rule permits ThresholdRule, RateRule, NoDataRule, CombinationRule {
    /** The station of a combination, which has none of its own. */
    String NO_STATION = "";

    /** Unique id within a {@link RuleSet}. */
    String id();

    /** The monitored item the rule belongs to, for the roll-up. */
    String item();

    /** The station whose readings the rule watches, or {@link #NO_STATION} for a combination. */
    String station();

    /** The levels the rule can raise, lowest first. */
    List<WarningLevel> levels();
}
