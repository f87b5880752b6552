package org.geoassure.geodb.hazard.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.hazard.AnalysisGrid;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Zones as the union of marked cells, built by tracing the cells' boundary in grid index space, where every vertex is
 * an integer lattice point and the result is exact, then placed in the world by the grid's affine transformation.
 *
 * <p>Method: every edge between a marked cell and an unmarked cell (or the grid border) is a directed edge with the
 * marked cell on its left. Edges are linked into rings; at a lattice point where two marked cells touch only at a
 * corner (a saddle) the ring turns left, so the marked region is taken as 4-connected (cells touching at a corner are
 * separate polygons, which may touch at that point). A ring that passes a saddle twice is split there into two rings.
 * Counter-clockwise rings are shells, clockwise rings holes; each hole goes to the smallest shell containing the
 * centre of a marked cell on its boundary. Only direction changes are kept as vertices. Cost: O(cells) to find the
 * edges plus O(boundary) to link them; the area is exactly (marked cells) × (cell area) up to rounding.
 */
public final class CellZones {
    private static final int[] DI = {1, 0, -1, 0}; // E, N, W, S
    private static final int[] DJ = {0, 1, 0, -1};

    private CellZones() {
    }

    /** The union of cells with {@code mask[c] != 0}, in world coordinates; an empty MultiPolygon when none is set. */
    public static Geometry union(AnalysisGrid grid, byte[] mask, GeometryFactory world) {
        int nx = grid.nx();
        int ny = grid.ny();
        int vx = nx + 1;
        // out[v]: bit d set when an edge leaves lattice point v in direction d
        byte[] out = new byte[vx * (ny + 1)];
        int edges = 0;
        for (int j = 0; j < ny; j++) {
            int row = j * nx;
            for (int i = 0; i < nx; i++) {
                if (mask[row + i] == 0) {
                    continue;
                }
                int c = row + i;
                if (j == 0 || mask[c - nx] == 0) {
                    out[j * vx + i] |= 1; // bottom edge, east from (i, j)
                    edges++;
                }
                if (i == nx - 1 || mask[c + 1] == 0) {
                    out[j * vx + i + 1] |= 2; // right edge, north from (i + 1, j)
                    edges++;
                }
                if (j == ny - 1 || mask[c + nx] == 0) {
                    out[(j + 1) * vx + i + 1] |= 4; // top edge, west from (i + 1, j + 1)
                    edges++;
                }
                if (i == 0 || mask[c - 1] == 0) {
                    out[(j + 1) * vx + i] |= 8; // left edge, south from (i, j + 1)
                    edges++;
                }
            }
        }
        if (edges == 0) {
            return world.createMultiPolygon();
        }
        byte[] orig = out.clone();
        GeometryFactory index = new GeometryFactory();
        List<int[]> shells = new ArrayList<>();
        List<int[]> holes = new ArrayList<>();
        int[] path = new int[16];
        for (int v0 = 0; v0 < out.length; v0++) {
            while (out[v0] != 0) {
                int startDir = Integer.numberOfTrailingZeros(out[v0]);
                int n = 0;
                int v = v0;
                int d = startDir;
                while (true) {
                    out[v] &= (byte) ~(1 << d);
                    if (n == path.length) {
                        path = java.util.Arrays.copyOf(path, 2 * n);
                    }
                    path[n++] = v; // the point the edge leaves from
                    v += DI[d] + DJ[d] * vx;
                    int next = choose(orig[v], d);
                    if (v == v0 && next == startDir) {
                        break;
                    }
                    d = next;
                }
                split(path, n, vx, shells, holes);
            }
        }
        // shells, with envelopes, in index coordinates
        List<LinearRing> shellRings = new ArrayList<>();
        List<List<LinearRing>> shellHoles = new ArrayList<>();
        List<Coordinate[]> shellCoords = new ArrayList<>();
        List<Envelope> envs = new ArrayList<>();
        List<Double> areas = new ArrayList<>();
        for (int[] s : shells) {
            Coordinate[] cs = coords(s, vx);
            shellCoords.add(cs);
            shellRings.add(index.createLinearRing(cs));
            shellHoles.add(new ArrayList<>());
            envs.add(new Envelope(shellRings.get(shellRings.size() - 1).getEnvelopeInternal()));
            areas.add(Math.abs(org.locationtech.jts.algorithm.Area.ofRingSigned(cs)));
        }
        for (int[] h : holes) {
            Coordinate[] cs = coords(h, vx);
            // the marked cell on the left of the hole's first edge
            int v = h[0];
            int w = h[1];
            int i = v % vx;
            int j = v / vx;
            int d = dirOf(v, w, vx);
            double px = i + (d == 0 || d == 3 ? 0.5 : -0.5);
            double py = j + (d == 0 || d == 1 ? 0.5 : -0.5);
            Coordinate p = new Coordinate(px, py);
            int best = -1;
            for (int s = 0; s < shellCoords.size(); s++) {
                if (envs.get(s).contains(p)
                        && RayCrossingCounter.locatePointInRing(p, shellCoords.get(s)) == Location.INTERIOR
                        && (best < 0 || areas.get(s) < areas.get(best))) {
                    best = s;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("hole without shell at " + p);
            }
            shellHoles.get(best).add(index.createLinearRing(cs));
        }
        Polygon[] polys = new Polygon[shellRings.size()];
        for (int s = 0; s < polys.length; s++) {
            polys[s] = index.createPolygon(shellRings.get(s), shellHoles.get(s).toArray(new LinearRing[0]));
        }
        Geometry g = polys.length == 1 ? polys[0] : index.createMultiPolygon(polys);
        return world.createGeometry(grid.indexToWorld().transform(g));
    }

    /** Next direction at a lattice point with outgoing edges {@code bits}, arriving in direction d: left turn first. */
    private static int choose(int bits, int d) {
        int left = (d + 1) & 3;
        if ((bits & (1 << left)) != 0) {
            return left;
        }
        if ((bits & (1 << d)) != 0) {
            return d;
        }
        int right = (d + 3) & 3;
        if ((bits & (1 << right)) != 0) {
            return right;
        }
        throw new IllegalStateException("dead end in the cell boundary");
    }

    private static int dirOf(int v, int w, int vx) {
        int di = w % vx - v % vx;
        int dj = w / vx - v / vx;
        return di > 0 ? 0 : dj > 0 ? 1 : di < 0 ? 2 : 3;
    }

    /**
     * Splits a closed path of lattice points at repeated points into simple rings, keeps only the corners, and sorts
     * them by orientation (counter-clockwise: shell).
     */
    private static void split(int[] path, int n, int vx, List<int[]> shells, List<int[]> holes) {
        int[] stack = new int[n];
        int top = 0;
        Map<Integer, Integer> at = new HashMap<>();
        for (int k = 0; k < n; k++) {
            int v = path[k];
            Integer pos = at.get(v);
            if (pos != null) {
                int[] loop = java.util.Arrays.copyOfRange(stack, pos, top);
                for (int q = pos + 1; q < top; q++) {
                    at.remove(stack[q]);
                }
                top = pos + 1;
                emit(loop, vx, shells, holes);
            } else {
                at.put(v, top);
                stack[top++] = v;
            }
        }
        emit(java.util.Arrays.copyOf(stack, top), vx, shells, holes);
    }

    private static void emit(int[] loop, int vx, List<int[]> shells, List<int[]> holes) {
        int n = loop.length;
        int[] corners = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int prev = loop[(k + n - 1) % n];
            int next = loop[(k + 1) % n];
            if (dirOf(prev, loop[k], vx) != dirOf(loop[k], next, vx)) {
                corners[m++] = loop[k];
            }
        }
        int[] ring = java.util.Arrays.copyOf(corners, m);
        long twice = 0;
        for (int k = 0; k < m; k++) {
            int a = ring[k];
            int b = ring[(k + 1) % m];
            twice += (long) (a % vx) * (b / vx) - (long) (b % vx) * (a / vx);
        }
        (twice > 0 ? shells : holes).add(ring);
    }

    private static Coordinate[] coords(int[] ring, int vx) {
        Coordinate[] cs = new Coordinate[ring.length + 1];
        for (int k = 0; k < ring.length; k++) {
            cs[k] = new Coordinate(ring[k] % vx, ring[k] / vx);
        }
        cs[ring.length] = cs[0].copy();
        return cs;
    }
}
