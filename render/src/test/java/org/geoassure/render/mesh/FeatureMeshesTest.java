package org.geoassure.render.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.render.RenderOrigin;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Features as one mesh: a surface's triangle twice with opposite normals, a point skipped, a line as a tube. */
class FeatureMeshesTest {
    @Test
    void surfacesAreDoubleSidedAndLinesAreTubes() {
        Mesh tri = new Mesh(new double[] {100, 200, 10, 110, 200, 10, 100, 210, 10}, new int[] {0, 1, 2});
        GeometryFactory gf = new GeometryFactory();
        List<Feature> fs = List.of(
                Feature.ofMesh("S", "s", FeatureKind.SURFACE, "horizon", tri, Map.of()),
                Feature.of("P", "p", "", gf.createPoint(new Coordinate(0, 0, 0)), Map.of()),
                Feature.of("L", "l", "roadway", gf.createLineString(new Coordinate[] {new Coordinate(100, 200, 0),
                    new Coordinate(150, 200, 0)}), Map.of()));
        TriangleMesh m = FeatureMeshes.build(fs, new RenderOrigin(100, 200, 0), 0.5);
        Tubes only = new Tubes(new RenderOrigin(100, 200, 0), 0.5, 6);
        only.add(new double[] {100, 200, 0, 150, 200, 0}, 2, 2, 0);
        int tubeTriangles = only.mesh().triangleCount();
        assertEquals(tubeTriangles + 2, m.triangleCount(), "the surface's triangle twice, plus the tube");
        int n = m.vertexCount();
        // the last six vertices are the surface's two triangles: counter-clockwise seen from above has normal +z
        assertEquals(1f, m.normals()[3 * (n - 6) + 2], 1e-6f);
        assertEquals(-1f, m.normals()[3 * (n - 3) + 2], 1e-6f);
        assertEquals(0, m.featureIds()[n - 1], "feature 0 is the surface");
        assertEquals(2, m.featureIds()[0], "feature 2 is the line (the point draws nothing)");
        // horizon colour 0x8fbc8f
        assertEquals((byte) 0x8f, m.colors()[4 * (n - 1)]);
        assertEquals(10f, m.positions()[3 * (n - 1) + 2], 0f, "relative to the origin's z = 0");
    }
}
