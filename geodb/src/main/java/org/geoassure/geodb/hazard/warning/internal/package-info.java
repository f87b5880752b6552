/**
 * Implementation of the monitoring warnings (validation helpers, the raise/clear ladder on primitive values). Not
 * for use outside {@code org.geoassure.geodb.hazard.warning}.
 */
package org.geoassure.geodb.hazard.warning.internal;
