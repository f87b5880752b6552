/**
 * Kernels of the hazard analyses: interpolation over primitive arrays, scan-line rasterisation of polygons onto an
 * analysis grid, cell-union zone extraction, 3D segment distances and a minimal JSON writer. Implementation detail of
 * {@link org.geoassure.geodb.hazard}: do not use from other packages or modules; it may change without notice.
 */
package org.geoassure.geodb.hazard.internal;
