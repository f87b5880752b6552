package org.geoassure.geodb.hazard;

import java.util.Locale;
import org.geoassure.geodb.InvalidContentException;

/**
 * Overburden strength class of the roof strata, as in the fracture-zone table of the 2017 coal-pillar and
 * pressed-coal mining standard (坚硬 / 中硬 / 软弱 / 极软弱). The class is chosen by the geologist from the roof
 * lithology and strength; the standard's class limits are not built in (unverified).
 */
public enum Overburden {
    /** 坚硬 (hard). */
    HARD("hard"),
    /** 中硬 (medium hard). */
    MEDIUM_HARD("medium-hard"),
    /** 软弱 (soft). */
    SOFT("soft"),
    /** 极软弱 (very soft). */
    VERY_SOFT("very-soft");

    private final String label;

    Overburden(String label) {
        this.label = label;
    }

    /** The command-line and JSON name: {@code hard}, {@code medium-hard}, {@code soft}, {@code very-soft}. */
    public String label() {
        return label;
    }

    /**
     * The class of a name: its label or enum name, case-insensitive, '-' and '_' alike.
     *
     * @throws InvalidContentException naming the field and the accepted names
     */
    public static Overburden parse(String name, String field) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Overburden o : values()) {
            if (o.label.equals(n)) {
                return o;
            }
        }
        throw new InvalidContentException(field + ": '" + name + "' is not one of hard, medium-hard, soft, very-soft");
    }
}
