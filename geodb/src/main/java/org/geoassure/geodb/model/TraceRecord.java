package org.geoassure.geodb.model;

/**
 * A hole version's desurveyed trace: the polyline from the collar to the end of the hole, as stored (the desurvey
 * method's stations, densified where the hole bends).
 *
 * @param holeId hole
 * @param xyz x, y, z of each point, collar first (copied on the way in and out)
 * @param valid valid-time period of the hole version
 * @param recorded record-time period of the hole version
 */
public record TraceRecord(String holeId, double[] xyz, Period valid, Period recorded) {
    public TraceRecord {
        if (xyz.length < 3 || xyz.length % 3 != 0) {
            throw new IllegalArgumentException("a trace needs x,y,z triples, got " + xyz.length + " numbers");
        }
        xyz = xyz.clone();
    }

    @Override
    public double[] xyz() {
        return xyz.clone();
    }

    /** Number of points. */
    public int points() {
        return xyz.length / 3;
    }
}
