package org.geoassure.ingest.feature;

/** The vector and surface formats {@link FeatureReaders} reads. */
public enum FeatureFormat {
    /** GOCAD ASCII objects: TSurf, TSolid, PLine, VSet, Well and groups of them. */
    GOCAD,
    /** ESRI Shapefile (.shp with .shx, .dbf, .prj, .cpg). */
    SHAPEFILE,
    /** GeoJSON (RFC 7946, and the 2008 form with a {@code crs} member). */
    GEOJSON,
    /** AutoCAD DXF, ASCII (R12 to R2018). */
    DXF,
    /** GeoPackage feature tables (.gpkg), one layer per table. */
    GEOPACKAGE,
    /** ESRI ASCII grid (.asc) as a triangulated surface. */
    ASCII_GRID,
    /** Delimited text with x, y (z) and attribute columns, one point feature per row. */
    CSV_POINTS
}
