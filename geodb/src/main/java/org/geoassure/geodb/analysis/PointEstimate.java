package org.geoassure.geodb.analysis;

/**
 * One estimate.
 *
 * @param value estimated value, NaN when undefined (too few samples, singular system)
 * @param variance kriging (estimation) variance, NaN for inverse distance or when undefined
 * @param samples number of samples used
 */
public record PointEstimate(double value, double variance, int samples) {
}
