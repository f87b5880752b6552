package org.geoassure.geodb.hazard;

/**
 * The distance from one face to one feature and the line reached.
 *
 * @param faceId face id
 * @param featureId feature id
 * @param role feature role
 * @param distance3d least 3D distance (m); NaN when a z is missing
 * @param distancePlan least horizontal distance (m); 0 when the face crosses or lies over a polygon in plan
 * @param faceNearest nearest point on the face (x, y, z) for the distance used
 * @param featureNearest nearest point on the feature (x, y, z) for the distance used
 * @param inferred whether the feature's boundary is inferred (the rule's extra distance was added)
 * @param level the innermost line reached (distance used ≤ the line's distance), empty when none
 * @param levelDistance that line's distance from the feature (m), NaN when none
 * @param nextLevelMargin how far (m) the face is from the next line it would reach when approaching: the distance used
 *     minus the largest line distance not yet reached; NaN when the innermost line is reached
 */
public record ProximityHit(String faceId, String featureId, String role, double distance3d, double distancePlan,
        double[] faceNearest, double[] featureNearest, boolean inferred, String level, double levelDistance,
        double nextLevelMargin) {
    public ProximityHit {
        faceNearest = faceNearest.clone();
        featureNearest = featureNearest.clone();
    }

    @Override
    public double[] faceNearest() {
        return faceNearest.clone();
    }

    @Override
    public double[] featureNearest() {
        return featureNearest.clone();
    }
}
