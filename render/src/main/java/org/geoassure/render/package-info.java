/**
 * Render: meshes from stored objects (borehole tubes, TIN surfaces, isosurfaces, sections), glTF/GLB and 3D Tiles
 * writers, and jMonkeyEngine offscreen snapshots. Empty until the render issue; the module exists so the dependency
 * direction (server -> render -> geodb) is fixed from the start.
 *
 * <p>Convention: meshes are built in world doubles and written relative to a local origin in float (float32 alone
 * loses about 0.5 m at 6.5e6 m northings); the origin and CRS travel with the file.
 */
package org.geoassure.render;
