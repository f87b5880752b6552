package org.geoassure.geodb.hazard.warning;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.internal.Checks;

/**
 * No data for too long: level L is raised when the age of the last non-missing reading, {@code age = now − t_last},
 * is strictly greater than {@code maxAge[L]}. The alert is stamped at the moment the age passed the limit,
 * {@code t_last + maxAge[L]}, whether that is found by the clock ({@code now}) or afterwards, by a reading that
 * arrives after the gap; the next non-missing reading clears it (at that reading's time, or at the alert's own time
 * if the reading is stamped earlier: data that arrive late, after the clock raised the alert). Missing readings (NaN)
 * are not data. Nothing is checked before the first reading of the station.
 *
 * @param id rule id
 * @param item monitored item
 * @param station station id
 * @param maxAgeMicros the age limit per level (rules-file field {@code levels}), UTC microseconds &gt; 0, strictly
 *     increasing with the level
 */
public record NoDataRule(String id, String item, String station, Map<WarningLevel, Long> maxAgeMicros)
        implements Rule {
    public NoDataRule {
        Checks.name("id", id);
        Checks.name("item", item);
        Checks.name("station", station);
        if (maxAgeMicros == null || maxAgeMicros.isEmpty()) {
            throw new InvalidContentException("levels: at least one level is needed");
        }
        EnumMap<WarningLevel, Long> copy = new EnumMap<>(WarningLevel.class);
        copy.putAll(maxAgeMicros);
        long previous = 0;
        WarningLevel previousLevel = null;
        for (Map.Entry<WarningLevel, Long> e : copy.entrySet()) {
            String at = "levels." + e.getKey().key();
            if (e.getValue() == null || e.getValue() <= 0) {
                throw new InvalidContentException(at + ": " + e.getValue() + " µs is not a positive duration");
            }
            if (previousLevel != null && e.getValue() <= previous) {
                throw new InvalidContentException(at + ": must be longer than the " + previousLevel.key() + " age");
            }
            previous = e.getValue();
            previousLevel = e.getKey();
        }
        maxAgeMicros = Collections.unmodifiableMap(copy);
    }

    @Override
    public List<WarningLevel> levels() {
        return List.copyOf(maxAgeMicros.keySet());
    }
}
