package org.geoassure.geodb.model;

/** What a {@link Feature} is, geometrically. */
public enum FeatureKind {
    /** Points (a JTS Point or MultiPoint with z): a point set, VSet, sample locations. */
    POINTS,
    /** Lines (a JTS LineString or MultiLineString with z): roadways, fault traces, contours, face lines. */
    LINES,
    /** Polygons (a JTS Polygon or MultiPolygon, z where the source has it): goaf outlines, zones on a horizon. */
    POLYGONS,
    /** An open triangle mesh: horizon, fault, seam roof or floor, topography. */
    SURFACE,
    /** A closed triangle mesh: stope, goaf, ore shell, collapse column. */
    SOLID
}
