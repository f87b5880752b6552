package org.geoassure.geodb.hazard;

import java.util.List;
import org.geoassure.geodb.hazard.internal.Json;

/**
 * Proximity of faces to features.
 *
 * @param rules the rule set used
 * @param hits one per face and feature with a rule for its role, by face then feature in input order
 * @param explanation inputs, rule distances with sources, methods, warnings
 */
public record ProximityResult(ProximityRules rules, List<ProximityHit> hits, Explanation explanation) {
    public ProximityResult {
        hits = List.copyOf(hits);
    }

    /** The hit for a face and a feature, or null. */
    public ProximityHit hit(String faceId, String featureId) {
        for (ProximityHit h : hits) {
            if (h.faceId().equals(faceId) && h.featureId().equals(featureId)) {
                return h;
            }
        }
        return null;
    }

    /** The result as one JSON object. */
    public String toJson() {
        Json j = new Json().beginObject().key("analysis").value("proximity").key("ruleSet").value(rules.name())
                .key("measure").value(rules.measure().name().toLowerCase(java.util.Locale.ROOT)).key("hits")
                .beginArray();
        for (ProximityHit h : hits) {
            j.beginObject().key("face").value(h.faceId()).key("feature").value(h.featureId()).key("role")
                    .value(h.role()).key("distance3d").value(h.distance3d()).key("distancePlan")
                    .value(h.distancePlan()).key("faceNearest").beginArray();
            for (double v : h.faceNearest()) {
                j.value(v);
            }
            j.endArray().key("featureNearest").beginArray();
            for (double v : h.featureNearest()) {
                j.value(v);
            }
            j.endArray().key("inferred").value(h.inferred()).key("level").value(h.level()).key("levelDistance")
                    .value(h.levelDistance()).key("nextLevelMargin").value(h.nextLevelMargin()).endObject();
        }
        return j.endArray().key("explanation").raw(explanation.toJson()).endObject().toString();
    }
}
