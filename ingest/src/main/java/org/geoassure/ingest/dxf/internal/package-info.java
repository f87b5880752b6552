/**
 * Internals of the DXF reader: the group-pair reader and the ENTITIES parser. Not API: use
 * {@link org.geoassure.ingest.dxf.DxfReader}.
 */
package org.geoassure.ingest.dxf.internal;
