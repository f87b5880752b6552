package org.geoassure.geodb.hazard.warning.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.Bound;
import org.geoassure.geodb.hazard.warning.Limit;
import org.geoassure.geodb.hazard.warning.WarningLevel;

/** Validation shared by the rule records. Messages start with the field name relative to the rule. */
public final class Checks {
    private Checks() {
    }

    /** A non-blank name without leading or trailing spaces (ids are compared exactly). */
    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidContentException(field + ": missing or blank");
        }
        if (!value.strip().equals(value)) {
            throw new InvalidContentException(field + ": '" + value + "' has leading or trailing spaces");
        }
        return value;
    }

    /**
     * The per-level limits of a threshold or rate rule: at least one level; for {@link Bound#ABOVE} the raise limits
     * strictly increase with the level and each clear limit is at most its raise limit (mirrored for BELOW).
     */
    public static Map<WarningLevel, Limit> ladder(Bound bound, Map<WarningLevel, Limit> levels) {
        if (levels == null || levels.isEmpty()) {
            throw new InvalidContentException("levels: at least one level is needed");
        }
        EnumMap<WarningLevel, Limit> copy = new EnumMap<>(WarningLevel.class);
        copy.putAll(levels);
        int s = bound.sign();
        WarningLevel previous = null;
        for (Map.Entry<WarningLevel, Limit> e : copy.entrySet()) {
            Limit l = e.getValue();
            String at = "levels." + e.getKey().key();
            if (l == null) {
                throw new InvalidContentException(at + ": missing");
            }
            if (s * l.clear() > s * l.raise()) {
                throw new InvalidContentException(at + ".clear: " + l.clear() + " is " + bound.key()
                        + " the raise limit " + l.raise() + "; it must be at or on the safe side of it");
            }
            if (previous != null && !(s * l.raise() > s * copy.get(previous).raise())) {
                throw new InvalidContentException(at + "." + bound.key() + ": " + l.raise() + " must be "
                        + (s > 0 ? "greater" : "less") + " than the " + previous.key() + " limit "
                        + copy.get(previous).raise());
            }
            previous = e.getKey();
        }
        return Collections.unmodifiableMap(copy);
    }
}
