package org.geoassure.geodb.hazard.warning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.geoassure.geodb.InvalidContentException;

/**
 * The roll-up of GB 39496 (tailings-dam online monitoring, as summarised in public sources; confidence medium): at one
 * monitored item, {@code blueToYellow} (default 4) active blue alerts make the item yellow, {@code yellowToOrange}
 * (3) active yellow alerts make it orange, {@code orangeToRed} (2) active orange alerts make it red; the same counts
 * roll the items' levels up to the facility.
 *
 * <p>Exactly: for a collection of levels (the active alerts of an item, one per rule, or the levels of the items of a
 * facility), with {@code n(L)} the number of entries at level L, the rolled-up level is the highest of
 * <ul>
 *   <li>the highest level present;</li>
 *   <li>YELLOW if {@code n(BLUE) ≥ blueToYellow}; ORANGE if {@code n(YELLOW) ≥ yellowToOrange}; RED if
 *       {@code n(ORANGE) ≥ orangeToRed}.</li>
 * </ul>
 * It is empty when the collection is. Counting "at level L" or "at level L or higher" gives the same result (an entry
 * above L already makes the result above L). The roll-up does not cascade within one stage: 4 blue and 2 yellow
 * alerts make the item yellow, not orange (the yellow obtained from the blues is not counted as a third yellow);
 * it is counted at the next stage, where the item is one yellow item of the facility.
 *
 * <p>What is counted at an item are <em>active alerts</em>, one per rule (a rule has at most one active alert): two
 * rules on the same station count twice; acknowledged alerts count (acknowledging does not clear).
 *
 * @param blueToYellow number of blue entries that make yellow, ≥ 2
 * @param yellowToOrange number of yellow entries that make orange, ≥ 2
 * @param orangeToRed number of orange entries that make red, ≥ 2
 */
public record RollUp(int blueToYellow, int yellowToOrange, int orangeToRed) {
    /** The counts of GB 39496 as summarised: 4, 3, 2. */
    public static final RollUp GB39496 = new RollUp(4, 3, 2);

    public RollUp {
        check("blueToYellow", blueToYellow);
        check("yellowToOrange", yellowToOrange);
        check("orangeToRed", orangeToRed);
    }

    private static void check(String field, int n) {
        if (n < 2) {
            throw new InvalidContentException("rollUp." + field + ": " + n + " is less than 2");
        }
    }

    /** The rolled-up level of a collection of levels (see the class comment), empty for an empty collection. */
    public Optional<WarningLevel> level(Collection<WarningLevel> levels) {
        int[] n = new int[WarningLevel.values().length];
        int max = -1;
        for (WarningLevel l : levels) {
            n[l.ordinal()]++;
            max = Math.max(max, l.ordinal());
        }
        if (max < 0) {
            return Optional.empty();
        }
        if (n[WarningLevel.BLUE.ordinal()] >= blueToYellow) {
            max = Math.max(max, WarningLevel.YELLOW.ordinal());
        }
        if (n[WarningLevel.YELLOW.ordinal()] >= yellowToOrange) {
            max = Math.max(max, WarningLevel.ORANGE.ordinal());
        }
        if (n[WarningLevel.ORANGE.ordinal()] >= orangeToRed) {
            max = Math.max(max, WarningLevel.RED.ordinal());
        }
        return Optional.of(WarningLevel.values()[max]);
    }

    /** The level of every item that has at least one active alert, by item id (sorted). */
    public Map<String, WarningLevel> items(Collection<Alert> active) {
        Map<String, List<WarningLevel>> byItem = new TreeMap<>();
        for (Alert a : active) {
            byItem.computeIfAbsent(a.item(), k -> new ArrayList<>()).add(a.level());
        }
        Map<String, WarningLevel> out = new TreeMap<>();
        byItem.forEach((item, levels) -> out.put(item, level(levels).orElseThrow()));
        return Collections.unmodifiableMap(out);
    }

    /** The facility's level: the roll-up of the items' levels ({@link #items}); empty when no alert is active. */
    public Optional<WarningLevel> facility(Collection<Alert> active) {
        return level(items(active).values());
    }
}
