package org.geoassure.render.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.render.RenderOrigin;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * One renderable mesh of features: surfaces and solids as their triangles (flat-shaded, both faces, so a horizon
 * seen from below is not culled), lines and polygon outlines as tubes of a given radius, points skipped. Feature
 * {@code i} of the list is feature id {@code i} of the mesh, coloured by its role.
 */
public final class FeatureMeshes {
    /** Colours by role (RGBA), as the web viewer draws them; others grey-brown. */
    public static final Map<String, Integer> ROLE_COLOURS = Map.ofEntries(
            Map.entry("face", 0xd62728ff), Map.entry("roadway", 0x666666ff), Map.entry("goaf", 0x1f77b4ff),
            Map.entry("old_workings", 0x17375eff), Map.entry("fault", 0x111111ff),
            Map.entry("collapse_column", 0x9467bdff), Map.entry("topography", 0xa08c64ff),
            Map.entry("horizon", 0x8fbc8fff), Map.entry("tailings_dam", 0x2ca02cff), Map.entry("dam_crest", 0x2ca02cff));
    private static final int OTHER = 0x8c564bff;

    private FeatureMeshes() {
    }

    /** The colour of a role. */
    public static int colour(String role) {
        return ROLE_COLOURS.getOrDefault(role, OTHER);
    }

    /**
     * Builds the mesh.
     *
     * @param lineRadius tube radius for lines and outlines (m)
     * @return the mesh; it has no triangles when no feature is drawable
     */
    public static TriangleMesh build(List<Feature> features, RenderOrigin origin, double lineRadius) {
        Tubes tubes = new Tubes(origin, lineRadius, 6);
        List<float[]> pos = new ArrayList<>();
        List<float[]> nor = new ArrayList<>();
        List<int[]> meta = new ArrayList<>(); // feature, colour
        for (int f = 0; f < features.size(); f++) {
            Feature feature = features.get(f);
            int rgba = colour(feature.role());
            if (feature.mesh() != null) {
                triangles(feature.mesh(), origin, f, rgba, pos, nor, meta);
                continue;
            }
            Geometry g = feature.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof LineString l) {
                    tubes.add(packed(l.getCoordinates()), l.getNumPoints(), f, rgba);
                } else if (part instanceof Polygon p) {
                    tubes.add(packed(p.getExteriorRing().getCoordinates()), p.getExteriorRing().getNumPoints(), f,
                            rgba);
                    for (int r = 0; r < p.getNumInteriorRing(); r++) {
                        LineString ring = p.getInteriorRingN(r);
                        tubes.add(packed(ring.getCoordinates()), ring.getNumPoints(), f, rgba);
                    }
                } else if (!(part instanceof Point)) {
                    throw new IllegalArgumentException("feature " + feature.id() + ": cannot draw a "
                            + part.getGeometryType());
                }
            }
        }
        TriangleMesh t = tubes.mesh();
        int nt = t.vertexCount();
        int nm = pos.size() * 3;
        float[] positions = new float[3 * (nt + nm)];
        float[] normals = new float[3 * (nt + nm)];
        byte[] colors = new byte[4 * (nt + nm)];
        int[] ids = new int[nt + nm];
        System.arraycopy(t.positions(), 0, positions, 0, 3 * nt);
        System.arraycopy(t.normals(), 0, normals, 0, 3 * nt);
        System.arraycopy(t.colors(), 0, colors, 0, 4 * nt);
        System.arraycopy(t.featureIds(), 0, ids, 0, nt);
        int[] indices = new int[t.indices().length + nm];
        System.arraycopy(t.indices(), 0, indices, 0, t.indices().length);
        for (int k = 0; k < pos.size(); k++) {
            int v0 = nt + 3 * k;
            for (int c = 0; c < 3; c++) {
                int v = v0 + c;
                positions[3 * v] = pos.get(k)[3 * c];
                positions[3 * v + 1] = pos.get(k)[3 * c + 1];
                positions[3 * v + 2] = pos.get(k)[3 * c + 2];
                normals[3 * v] = nor.get(k)[0];
                normals[3 * v + 1] = nor.get(k)[1];
                normals[3 * v + 2] = nor.get(k)[2];
                int rgba = meta.get(k)[1];
                colors[4 * v] = (byte) (rgba >>> 24);
                colors[4 * v + 1] = (byte) (rgba >>> 16);
                colors[4 * v + 2] = (byte) (rgba >>> 8);
                colors[4 * v + 3] = (byte) rgba;
                ids[v] = meta.get(k)[0];
                indices[t.indices().length + 3 * k + c] = v;
            }
        }
        return new TriangleMesh(origin, positions, normals, colors, ids, indices);
    }

    /** Each triangle twice (both windings) with its face normal, relative to the origin. */
    private static void triangles(Mesh m, RenderOrigin origin, int feature, int rgba, List<float[]> pos,
            List<float[]> nor, List<int[]> meta) {
        for (int t = 0; t < m.triangleCount(); t++) {
            double[] xyz = new double[9];
            for (int c = 0; c < 3; c++) {
                int v = m.corner(t, c);
                xyz[3 * c] = m.coordinate(v, 0);
                xyz[3 * c + 1] = m.coordinate(v, 1);
                xyz[3 * c + 2] = m.coordinate(v, 2);
            }
            double ux = xyz[3] - xyz[0], uy = xyz[4] - xyz[1], uz = xyz[5] - xyz[2];
            double vx = xyz[6] - xyz[0], vy = xyz[7] - xyz[1], vz = xyz[8] - xyz[2];
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len == 0) {
                continue; // a degenerate triangle draws nothing
            }
            float[] n = {(float) (nx / len), (float) (ny / len), (float) (nz / len)};
            float[] front = origin.rebase(xyz, 3);
            float[] back = {front[0], front[1], front[2], front[6], front[7], front[8], front[3], front[4], front[5]};
            pos.add(front);
            nor.add(n);
            meta.add(new int[] {feature, rgba});
            pos.add(back);
            nor.add(new float[] {-n[0], -n[1], -n[2]});
            meta.add(new int[] {feature, rgba});
        }
    }

    private static double[] packed(Coordinate[] cs) {
        double[] out = new double[3 * cs.length];
        for (int i = 0; i < cs.length; i++) {
            out[3 * i] = cs[i].getX();
            out[3 * i + 1] = cs[i].getY();
            out[3 * i + 2] = Double.isNaN(cs[i].getZ()) ? 0 : cs[i].getZ();
        }
        return out;
    }
}
