package org.geoassure.geodb.model;

/**
 * A raw survey station, in the store's convention.
 *
 * @param depth along-hole depth in metres (never "z")
 * @param azimuth degrees clockwise from grid north, in [0, 360)
 * @param dip degrees, negative downwards, in [-90, 90]
 */
public record SurveyStation(double depth, double azimuth, double dip) {
}
