package org.geoassure.geodb.hazard.warning;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.internal.Checks;

/**
 * A rule over other rules (its parts, which must come earlier in the {@link RuleSet}):
 * <ul>
 *   <li>{@link Mode#ALL_OF}: active only while every part is active, at the <em>lowest</em> of the parts' levels
 *       (the level all parts agree on at least);</li>
 *   <li>{@link Mode#ANY_OF}: active while at least one part is active, at the <em>highest</em> active part's
 *       level.</li>
 * </ul>
 * It is re-evaluated at the time of every level change of a part. Its alerts carry no value (NaN) and the station
 * {@link Rule#NO_STATION}. A combination is a rule of its item like any other: the roll-up counts its alert besides
 * its parts' alerts (put it on its own item when that double count is not wanted).
 *
 * @param id rule id
 * @param item monitored item
 * @param mode all-of or any-of
 * @param parts ids of earlier rules, at least two, no repeats
 */
public record CombinationRule(String id, String item, Mode mode, List<String> parts) implements Rule {
    /** How the parts' levels combine. */
    public enum Mode {
        /** All parts active; level = minimum of their levels. */
        ALL_OF,
        /** Any part active; level = maximum of the active parts' levels. */
        ANY_OF
    }

    public CombinationRule {
        Checks.name("id", id);
        Checks.name("item", item);
        Objects.requireNonNull(mode, "mode");
        if (parts == null || parts.size() < 2) {
            throw new InvalidContentException("parts: at least two rule ids are needed");
        }
        parts = List.copyOf(parts);
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            Checks.name("parts[" + i + "]", parts.get(i));
            if (!seen.add(parts.get(i))) {
                throw new InvalidContentException("parts[" + i + "]: '" + parts.get(i) + "' is listed twice");
            }
            if (parts.get(i).equals(id)) {
                throw new InvalidContentException("parts[" + i + "]: a rule cannot be a part of itself");
            }
        }
    }

    @Override
    public String station() {
        return NO_STATION;
    }

    /** All four levels: a combination takes its parts' levels. */
    @Override
    public List<WarningLevel> levels() {
        return List.of(WarningLevel.values());
    }
}
