/** Do not use outside geodb: the Calcite schema over a workspace and the spatial SQL functions. */
package org.geoassure.geodb.query.sql.internal;
