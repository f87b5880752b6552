package org.geoassure.geodb.hazard.warning;

import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.internal.Checks;

/**
 * Who acknowledged an alert, why, and when.
 *
 * @param who the person (a user name), not blank
 * @param why the reason or action taken, not blank
 * @param timeMicros when, UTC microseconds
 */
public record Acknowledgement(String who, String why, long timeMicros) {
    public Acknowledgement {
        Checks.name("who", who);
        if (why == null || why.isBlank()) {
            throw new InvalidContentException("why: missing or blank");
        }
    }
}
