package org.geoassure.geodb.analysis;

/**
 * A linear estimator of a value at a point or block from nearby samples: {@link Kriging} (simple, ordinary,
 * universal; point or block) or {@link InverseDistance}. Run it with {@link Estimation}.
 */
public sealed interface Estimator permits Kriging, InverseDistance {
}
