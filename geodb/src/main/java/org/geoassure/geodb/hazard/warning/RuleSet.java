package org.geoassure.geodb.hazard.warning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;

/**
 * The rules of a workspace and its roll-up counts. Rule ids are unique; the parts of a {@link CombinationRule} are
 * ids of rules listed before it (so there are no cycles). Errors name the field as {@code rules[i].field}.
 *
 * @param rules the rules, in evaluation order
 * @param rollUp the roll-up counts
 */
public record RuleSet(List<Rule> rules, RollUp rollUp) {
    public RuleSet {
        rules = List.copyOf(rules);
        Objects.requireNonNull(rollUp, "rollUp");
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (index.containsKey(r.id())) {
                throw new InvalidContentException("rules[" + i + "].id: '" + r.id() + "' is already the id of rules["
                        + index.get(r.id()) + "]");
            }
            if (r instanceof CombinationRule c) {
                for (int p = 0; p < c.parts().size(); p++) {
                    if (!index.containsKey(c.parts().get(p))) {
                        throw new InvalidContentException("rules[" + i + "].parts[" + p + "]: '" + c.parts().get(p)
                                + "' is not the id of an earlier rule");
                    }
                }
            }
            index.put(r.id(), i);
        }
    }

    /** Rules with the default roll-up ({@link RollUp#GB39496}). */
    public static RuleSet of(List<Rule> rules) {
        return new RuleSet(rules, RollUp.GB39496);
    }

    /** The rule with this id, if any. */
    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
