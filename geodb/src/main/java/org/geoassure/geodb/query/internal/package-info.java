/** Do not use outside geodb: exact 3D geometry tests for the refine step. */
package org.geoassure.geodb.query.internal;
