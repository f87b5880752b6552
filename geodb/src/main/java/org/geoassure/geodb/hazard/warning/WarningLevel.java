package org.geoassure.geodb.hazard.warning;

import java.util.Locale;
import java.util.Optional;

/**
 * The four warning levels of tailings-dam and mine monitoring, lowest first: blue (蓝) &lt; yellow (黄) &lt; orange
 * (橙) &lt; red (红). The natural order of the enum ({@link #compareTo}) is the severity order.
 */
public enum WarningLevel {
    /** 蓝色预警, the lowest level. */
    BLUE("蓝"),
    /** 黄色预警. */
    YELLOW("黄"),
    /** 橙色预警. */
    ORANGE("橙"),
    /** 红色预警, the highest level. */
    RED("红");

    private static final WarningLevel[] VALUES = values();

    private final String chinese;

    WarningLevel(String chinese) {
        this.chinese = chinese;
    }

    /** The Chinese colour name (蓝, 黄, 橙, 红). */
    public String chineseName() {
        return chinese;
    }

    /** The lower-case English name used in rules files ({@code blue}, {@code yellow}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The next higher level, or empty for {@link #RED}. */
    public Optional<WarningLevel> higher() {
        return ordinal() + 1 < VALUES.length ? Optional.of(VALUES[ordinal() + 1]) : Optional.empty();
    }

    /** The level of a rules-file key ({@code blue}, {@code yellow}, {@code orange}, {@code red}), if it is one. */
    public static Optional<WarningLevel> ofKey(String key) {
        for (WarningLevel l : VALUES) {
            if (l.key().equals(key)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
