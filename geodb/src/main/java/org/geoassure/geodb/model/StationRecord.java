package org.geoassure.geodb.model;

/**
 * A survey station with its desurveyed position.
 *
 * @param holeId hole
 * @param depth along-hole depth (m)
 * @param azimuth degrees clockwise from grid north
 * @param dip degrees, negative down
 * @param x easting of the station
 * @param y northing
 * @param z elevation
 */
public record StationRecord(String holeId, double depth, double azimuth, double dip, double x, double y, double z) {
}
