package org.geoassure.geodb.grid;

import java.util.List;
import java.util.Objects;

/**
 * One attribute of a block model.
 *
 * @param name attribute name (a column name: letters, digits, underscore, not starting with a digit)
 * @param type storage type
 * @param categories the code table of a {@link AttributeType#CATEGORY} attribute: code {@code c} is
 *     {@code categories.get(c)}; empty for the other types
 */
public record BlockAttribute(String name, AttributeType type, List<String> categories) {
    public BlockAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        categories = List.copyOf(categories);
        if (!name.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
            throw new IllegalArgumentException("attribute name '" + name + "': use letters, digits and '_', not "
                    + "starting with a digit");
        }
        if (type != AttributeType.CATEGORY && !categories.isEmpty()) {
            throw new IllegalArgumentException("attribute " + name + ": only a category attribute has a code table");
        }
        if (categories.size() != categories.stream().distinct().count()) {
            throw new IllegalArgumentException("attribute " + name + ": code table has a label twice: " + categories);
        }
    }

    /** A numeric attribute. */
    public static BlockAttribute of(String name, AttributeType type) {
        return new BlockAttribute(name, type, List.of());
    }

    /** A category attribute with its code table. */
    public static BlockAttribute category(String name, List<String> labels) {
        return new BlockAttribute(name, AttributeType.CATEGORY, labels);
    }

    /** The code of a category label, or -1 if the table has no such label. */
    public int code(String label) {
        return categories.indexOf(label);
    }
}
