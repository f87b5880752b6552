/**
 * AutoCAD DXF (ASCII, R12 to R2018) read into {@link org.geoassure.geodb.model.Feature}s:
 * {@link org.geoassure.ingest.dxf.DxfReader#read(java.nio.file.Path, org.geoassure.ingest.feature.FeatureOptions)}.
 *
 * <p>Only the ENTITIES section is read (model and paper space; paper-space entities carry
 * {@code paper_space = true}); blocks and their INSERTs are not expanded. Each feature has the attributes
 * {@code layer}, {@code entity} (the DXF type) and {@code handle} (group 5) when present; its id is the handle (else
 * {@code TYPE@line}), its name the layer.
 * <ul>
 *   <li>{@code LINE}: a 2-point LineString (z 0 when absent). {@code POINT}: a Point.</li>
 *   <li>{@code LWPOLYLINE}: a LineString at its elevation (38), closed (flag 1) by repeating the first vertex; OCS
 *       points turned to world coordinates by the arbitrary-axis algorithm when the extrusion (210/220/230) is not
 *       +z. Bulges (arcs) are read as straight chords, with a warning.</li>
 *   <li>{@code POLYLINE} + {@code VERTEX} ... {@code SEQEND}: 2D (OCS, elevation from the POLYLINE's 30) and 3D
 *       (flag 8) polylines as LineStrings; polyface meshes (flag 64) as a {@code SURFACE} mesh (quads split into two
 *       triangles, invisible-edge signs ignored); 3D polygon meshes (flag 16, M x N, closed in M / N by flags 1 /
 *       32) as a {@code SURFACE} mesh.</li>
 *   <li>{@code 3DFACE}: the faces of one layer are collected into one {@code SURFACE} mesh (id
 *       {@code 3DFACE:<layer>}), vertices with equal coordinates merged; a quad gives two triangles, a face whose
 *       fourth corner equals the third one triangle.</li>
 *   <li>Other entities (TEXT, CIRCLE, ARC, INSERT, SPLINE, HATCH, ...) are counted in a warning.</li>
 * </ul>
 *
 * <p>Binary DXF is refused with {@link org.geoassure.geodb.UnsupportedFormatException}. Text encoding: UTF-8 for
 * $ACADVER AC1021 (R2007) and later, else $DWGCODEPAGE, else windows-1252; {@code \U+XXXX} escapes in layer names
 * are decoded. DXF states no CRS: {@link org.geoassure.ingest.feature.FeatureFile#crs()} is null. Errors give the
 * line: {@code file:line: reason}.
 */
package org.geoassure.ingest.dxf;
