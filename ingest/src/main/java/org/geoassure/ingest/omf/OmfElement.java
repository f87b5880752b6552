package org.geoassure.ingest.omf;

import java.util.Objects;

/**
 * One element of an OMF file and what became of it.
 *
 * @param name the element's name as in the file; a Composite's children are {@code parent/child}
 * @param type its type as the file names it: the OMF 2 geometry type ({@code PointSet}, {@code LineSet},
 *     {@code Surface}, {@code GridSurface}, {@code BlockModel}, {@code Composite}) or the OMF 1 class
 *     ({@code PointSetElement}, {@code LineSetElement}, {@code SurfaceElement}, {@code VolumeElement})
 * @param result what was made of it, e.g. {@code "1 SURFACE feature"}, {@code "block model Octree_Block_Model"} or
 *     {@code "skipped: ..."}
 */
public record OmfElement(String name, String type, String result) {
    public OmfElement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(result, "result");
    }
}
