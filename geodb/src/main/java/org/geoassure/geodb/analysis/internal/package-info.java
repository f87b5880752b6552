/**
 * Implementation of the geostatistics in {@code org.geoassure.geodb.analysis}: the compiled variogram kernel, the
 * k-d tree, dense LU and Cholesky solvers and the per-thread estimator workers. Not API: do not use from other
 * packages or modules; these types change without notice.
 */
package org.geoassure.geodb.analysis.internal;
