/** The GeoPackage geometry blob decoder. Not API. */
package org.geoassure.ingest.geopackage.internal;
