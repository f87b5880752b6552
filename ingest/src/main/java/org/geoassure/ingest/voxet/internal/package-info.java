/** Internals of the GOCAD Voxet reader: the header keywords. Not API. */
package org.geoassure.ingest.voxet.internal;
