/**
 * Coordinate reference systems as objects. A workspace has one horizontal CRS given as an EPSG code
 * (e.g. EPSG:4529, CGCS2000 3-degree Gauss-Kruger zone 41) and a named vertical datum. Axis order is
 * always x = easting/longitude, y = northing/latitude. Transformations use proj4j without datum grids.
 */
package org.geoassure.geodb.crs;
