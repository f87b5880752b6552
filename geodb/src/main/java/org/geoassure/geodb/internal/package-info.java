/** Small helpers shared by geodb's packages. Internal: not for use outside geodb. */
package org.geoassure.geodb.internal;
