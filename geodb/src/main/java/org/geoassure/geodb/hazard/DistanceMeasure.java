package org.geoassure.geodb.hazard;

/** Which distance a proximity rule set compares with its lines. */
public enum DistanceMeasure {
    /** The 3D (slope) distance between the face and the feature. */
    SPACE,
    /** The horizontal distance in plan (x, y). */
    PLAN
}
