package org.geoassure.geodb.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an ingest says about one hole: its collar, its survey set and its interval rows per table.
 *
 * @param collar the collar
 * @param survey survey stations sorted by depth (may be empty: the collar orientation, or vertical, is used)
 * @param intervals interval rows per table name, each list sorted by {@code from}
 * @param validFrom when this hole's state became true in the ground (e.g. the drilling date), or null to use
 *     the batch's valid time
 */
public record HoleData(Collar collar, List<SurveyStation> survey, Map<String, List<IntervalRow>> intervals,
        java.time.Instant validFrom) {
    public HoleData {
        Objects.requireNonNull(collar, "collar");
        survey = List.copyOf(survey);
        intervals = Map.copyOf(intervals);
    }

    public String holeId() {
        return collar.holeId();
    }
}
