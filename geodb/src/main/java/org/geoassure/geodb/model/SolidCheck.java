package org.geoassure.geodb.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntFunction;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;

/**
 * Whether a {@link Mesh} bounds a solid: a closed, consistently oriented 2-manifold whose triangles meet only at their
 * shared edges and vertices. In order, and the first problem found is the one reported:
 *
 * <ol>
 *   <li>no triangle of zero area (three collinear corners);</li>
 *   <li>closed and edge-manifold: every edge in exactly two triangles, which run along it in opposite directions
 *       (so the faces are oriented consistently);</li>
 *   <li>vertex-manifold: the triangles around each vertex form one fan (not two cones touching at a point);</li>
 *   <li>no self-intersection: two triangles that share no vertex have no point in common (touching counts), two that
 *       share one vertex meet only there, two that share an edge are not coplanar and folded onto each other.</li>
 * </ol>
 *
 * <p>The intersection test is exact: every decision is the sign of a 3 x 3 determinant ({@code orient3d}),
 * computed in double when its error bound (Shewchuk's) decides it and with {@link BigDecimal} otherwise, and of a
 * 2 x 2 one in the plane of coplanar triangles (JTS {@link CGAlgorithmsDD}). Two triangles intersect exactly when an
 * edge of one meets the other (closed sets), so a pair costs at most six segment-triangle tests. Candidate pairs come
 * from a uniform grid of cubic cells about twice the mean triangle size: each triangle is listed in the cells its
 * bounding box touches, the (cell, triangle) list is sorted, and a pair is tested only in the cell holding the low
 * corner of its two boxes' intersection, so once. Time O(n log n) for n triangles of similar size (plus the pairs in
 * crowded cells, such as the fan around a pole); memory O(n).
 */
public final class SolidCheck {
    /** Shewchuk's orient3d error bound factor o3derrboundA = (7 + 56 eps) eps, eps = 2^-53. */
    private static final double O3D_BOUND = (7.0 + 56.0 * 0x1p-53) * 0x1p-53;

    private SolidCheck() {
    }

    /**
     * A problem with a solid.
     *
     * @param reason what is wrong, in words, naming triangles (or tetrahedra) by their index (0-based) and vertices
     *     by their index or by the name the caller gives them
     * @param triangle the first triangle (or tetrahedron, from {@link #tetrahedra}) concerned
     * @param other the second one, or -1
     */
    public record Problem(String reason, int triangle, int other) {
    }

    /** The first problem of {@code mesh} as a solid, or empty when it bounds one; vertices named by their index. */
    public static Optional<Problem> check(Mesh mesh) {
        return check(mesh, Integer::toString);
    }

    /**
     * As {@link #check(Mesh)}, vertices named in the reason by {@code nm} (a reader gives the ids of its file).
     */
    public static Optional<Problem> check(Mesh mesh, IntFunction<String> nm) {
        double[] p = mesh.xyz();
        int[] t = mesh.triangles();
        int n = t.length / 3;
        if (n < 4) {
            return Optional.of(new Problem("a solid needs at least 4 triangles, this mesh has " + n, 0, -1));
        }
        for (int i = 0; i < n; i++) {
            if (degenerate(p, t[3 * i], t[3 * i + 1], t[3 * i + 2])) {
                return Optional.of(new Problem("triangle " + i + " (vertices " + corners(t, i, nm)
                        + ") has no area: its corners are collinear or repeated", i, -1));
            }
        }
        Problem edges = edges(t, n, p.length / 3, nm);
        if (edges != null) {
            return Optional.of(edges);
        }
        Problem fans = fans(t, n, p.length / 3, nm);
        if (fans != null) {
            return Optional.of(fans);
        }
        return Optional.ofNullable(intersections(p, t, n, nm));
    }

    // ------------------------------------------------------------------------------------------------ tetrahedra

    /**
     * The outer surface of a tetrahedral mesh (a GOCAD TSolid): the faces that belong to one tetrahedron, each turned
     * to face away from it; vertices that are on no such face are dropped.
     *
     * @param xyz the vertices of the tetrahedra
     * @param vertex for each vertex of {@code mesh}, its index in {@code xyz}
     * @param tetrahedron for each triangle of {@code mesh}, the tetrahedron it is a face of
     */
    public record Boundary(Mesh mesh, int[] vertex, int[] tetrahedron) {
    }

    /**
     * The first problem of tetrahedra {@code tets} (four vertex indices each, into {@code xyz}): a repeated vertex,
     * four coplanar corners, or a face shared by more than two tetrahedra (which then overlap); {@link Problem}
     * names tetrahedra by index.
     */
    public static Optional<Problem> tetrahedra(double[] xyz, int[] tets, IntFunction<String> vertexName) {
        int m = tets.length / 4;
        for (int i = 0; i < m; i++) {
            int a = tets[4 * i];
            int b = tets[4 * i + 1];
            int c = tets[4 * i + 2];
            int d = tets[4 * i + 3];
            String corners = vertexName.apply(a) + ", " + vertexName.apply(b) + ", " + vertexName.apply(c) + ", "
                    + vertexName.apply(d);
            if (a == b || a == c || a == d || b == c || b == d || c == d) {
                return Optional.of(new Problem("tetrahedron " + i + " (vertices " + corners + ") uses one vertex "
                        + "twice", i, -1));
            }
            if (orient3d(xyz, a, b, c, d) == 0) {
                return Optional.of(new Problem("tetrahedron " + i + " (vertices " + corners + ") is flat: its four "
                        + "corners are coplanar", i, -1));
            }
        }
        int[] count = faceCounts(tets, xyz.length / 3);
        for (int f = 0; f < count.length; f++) {
            if (count[f] > 2) {
                int[] face = face(tets, f, 1);
                return Optional.of(new Problem("the face " + vertexName.apply(face[0]) + ", "
                        + vertexName.apply(face[1]) + ", " + vertexName.apply(face[2]) + " of tetrahedron " + f / 4
                        + " belongs to " + count[f] + " tetrahedra: they overlap", f / 4, -1));
            }
        }
        return Optional.empty();
    }

    /** The outer surface of tetrahedra that {@link #tetrahedra} finds no problem with. */
    public static Boundary boundary(double[] xyz, int[] tets) {
        int[] count = faceCounts(tets, xyz.length / 3);
        int nb = 0;
        for (int k : count) {
            nb += k == 1 ? 1 : 0;
        }
        int[] tri = new int[3 * nb];
        int[] from = new int[nb];
        int[] newIndex = new int[xyz.length / 3];
        Arrays.fill(newIndex, -1);
        int[] old = new int[xyz.length / 3];
        int nv = 0;
        int k = 0;
        for (int f = 0; f < count.length; f++) {
            if (count[f] != 1) {
                continue;
            }
            int i = f / 4;
            int sign = orient3d(xyz, tets[4 * i], tets[4 * i + 1], tets[4 * i + 2], tets[4 * i + 3]);
            int[] fc = face(tets, f, sign);
            for (int x = 0; x < 3; x++) {
                int v = fc[x];
                if (newIndex[v] < 0) {
                    newIndex[v] = nv;
                    old[nv++] = v;
                }
                tri[3 * k + x] = newIndex[v];
            }
            from[k++] = i;
        }
        double[] p = new double[3 * nv];
        for (int v = 0; v < nv; v++) {
            System.arraycopy(xyz, 3 * old[v], p, 3 * v, 3);
        }
        return new Boundary(new Mesh(p, tri), Arrays.copyOf(old, nv), from);
    }

    /**
     * Face {@code f % 4} of tetrahedron {@code f / 4} (a, b, c, d): the one without d, c, b, a in turn, its corners
     * ordered so that its normal points away from the fourth corner when {@code sign} is the sign of orient3d(a, b, c,
     * d).
     */
    private static int[] face(int[] tets, int f, int sign) {
        int i = f / 4;
        int a = tets[4 * i];
        int b = tets[4 * i + 1];
        int c = tets[4 * i + 2];
        int d = tets[4 * i + 3];
        int[] out = switch (f % 4) {
            case 0 -> new int[] {a, c, b};
            case 1 -> new int[] {a, b, d};
            case 2 -> new int[] {a, d, c};
            default -> new int[] {b, c, d};
        };
        if (sign < 0) {
            int tmp = out[1];
            out[1] = out[2];
            out[2] = tmp;
        }
        return out;
    }

    /** For each face (4 per tetrahedron), how many tetrahedra have it. */
    private static int[] faceCounts(int[] tets, int nv) {
        int nf = tets.length;
        // group the faces by their lowest vertex, then count equal (middle, highest) pairs in each group
        int[] start = new int[nv + 1];
        int[][] sorted = new int[nf][];
        for (int f = 0; f < nf; f++) {
            int[] fc = face(tets, f, 1);
            Arrays.sort(fc);
            sorted[f] = fc;
            start[fc[0] + 1]++;
        }
        for (int v = 0; v < nv; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = Arrays.copyOf(start, nv);
        int[] order = new int[nf];
        for (int f = 0; f < nf; f++) {
            order[fill[sorted[f][0]]++] = f;
        }
        int[] count = new int[nf];
        for (int v = 0; v < nv; v++) {
            int d = start[v + 1] - start[v];
            long[] keys = new long[d];
            for (int x = 0; x < d; x++) {
                int[] fc = sorted[order[start[v] + x]];
                keys[x] = (long) fc[1] * nv + fc[2];
            }
            long[] byKey = keys.clone();
            Arrays.sort(byKey);
            for (int x = 0; x < d; x++) {
                int lo = lowerBound(byKey, keys[x]);
                int hi = lowerBound(byKey, keys[x] + 1);
                count[order[start[v] + x]] = hi - lo;
            }
        }
        return count;
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ------------------------------------------------------------------------------------------------ topology

    private static Problem edges(int[] t, int n, int nv, IntFunction<String> nm) {
        // the 3n half-edges grouped by their lower vertex; within a group, those with the same upper vertex are the
        // uses of one edge: how many (cnt), how many run low to high (up), and the first three triangles
        int h = 3 * n;
        int[] start = new int[nv + 1];
        for (int c = 0; c < h; c++) {
            start[Math.min(t[c], t[next(c)]) + 1]++;
        }
        for (int v = 0; v < nv; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = Arrays.copyOf(start, nv);
        int[] half = new int[h];
        for (int c = 0; c < h; c++) {
            half[fill[Math.min(t[c], t[next(c)])]++] = c;
        }
        int[] cnt = new int[h];
        int[] up = new int[h];
        int[][] first = new int[h][];
        for (int v = 0; v < nv; v++) {
            int d = start[v + 1] - start[v];
            long[] g = new long[d]; // (upper vertex << 32 | half-edge), sorted: the uses of one edge are a run
            for (int x = 0; x < d; x++) {
                int c = half[start[v] + x];
                g[x] = (long) Math.max(t[c], t[next(c)]) << 32 | c;
            }
            Arrays.sort(g);
            for (int r = 0; r < d;) {
                int e = r;
                int[] tris = new int[3];
                int ups = 0;
                while (e < d && g[e] >>> 32 == g[r] >>> 32) {
                    int c = (int) g[e];
                    if (e - r < 3) {
                        tris[e - r] = c / 3;
                    }
                    ups += t[c] < t[next(c)] ? 1 : 0;
                    e++;
                }
                for (int x = r; x < e; x++) {
                    int c = (int) g[x];
                    cnt[c] = e - r;
                    up[c] = ups;
                    first[c] = tris;
                }
                r = e;
            }
        }
        // reported in triangle order, the worst kind first
        for (int kind = 0; kind < 3; kind++) {
            for (int c = 0; c < h; c++) {
                int a = t[c];
                int b = t[next(c)];
                int lo = Math.min(a, b);
                int hi = Math.max(a, b);
                int[] u = first[c];
                if (kind == 0 && cnt[c] > 2) {
                    return new Problem("the edge between vertices " + nm.apply(lo) + " and " + nm.apply(hi)
                            + " belongs to " + cnt[c] + " triangles (" + u[0] + ", " + u[1] + ", " + u[2]
                            + (cnt[c] > 3 ? ", ..." : "") + "): the surface is not a 2-manifold", u[0], u[1]);
                }
                if (kind == 1 && cnt[c] == 2 && up[c] != 1) {
                    return new Problem("triangles " + u[0] + " and " + u[1] + " both run from vertex "
                            + nm.apply(a) + " to " + nm.apply(b) + ": their faces are oriented inconsistently (or "
                            + "one is a copy of the other)", u[0], u[1]);
                }
                if (kind == 2 && cnt[c] == 1) {
                    return new Problem("the mesh is not closed: the edge between vertices " + nm.apply(lo) + " and "
                            + nm.apply(hi) + " belongs to triangle " + c / 3 + " only (a solid has two triangles at "
                            + "every edge)", c / 3, -1);
                }
            }
        }
        return null;
    }

    /** The corner after corner {@code c} in its triangle. */
    private static int next(int c) {
        return c % 3 == 2 ? c - 2 : c + 1;
    }

    /**
     * Around each vertex, "the corner after v in triangle t" maps each neighbour to the next one; on a manifold
     * that is one cycle per vertex. Two or more cycles: cones touching at the vertex.
     */
    private static Problem fans(int[] t, int n, int nv, IntFunction<String> nm) {
        int[] start = new int[nv + 1];
        for (int c = 0; c < 3 * n; c++) {
            start[t[c] + 1]++;
        }
        for (int v = 0; v < nv; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = Arrays.copyOf(start, nv);
        int[] corner = new int[3 * n];
        for (int c = 0; c < 3 * n; c++) {
            corner[fill[t[c]]++] = c;
        }
        for (int v = 0; v < nv; v++) {
            int deg = start[v + 1] - start[v];
            if (deg == 0) {
                continue;
            }
            // (neighbour << 32 | the neighbour after it), sorted so that the walk finds each step by binary search
            long[] step = new long[deg];
            for (int k = 0; k < deg; k++) {
                int c = corner[start[v] + k];
                step[k] = (long) t[next(c)] << 32 | t[next(next(c))];
            }
            Arrays.sort(step);
            int firstNeighbour = (int) (step[0] >>> 32);
            int w = firstNeighbour;
            int steps = 0;
            do {
                int k = Arrays.binarySearch(step, (long) w << 32);
                k = k < 0 ? -k - 1 : k;
                if (k >= deg || step[k] >>> 32 != w) {
                    steps = -1; // not reached on an edge-manifold, oriented mesh: every neighbour starts one step
                    break;
                }
                w = (int) step[k];
                steps++;
            } while (w != firstNeighbour && steps <= deg);
            if (steps != deg) {
                int tri = corner[start[v]] / 3;
                return new Problem("vertex " + nm.apply(v) + " joins " + deg + " triangles that form more than one "
                        + "fan around it (two parts of the surface touch at this vertex, e.g. triangle " + tri
                        + "): the surface is not a 2-manifold", tri, -1);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ geometry

    private static Problem intersections(double[] p, int[] t, int n, IntFunction<String> nm) {
        double[] box = new double[6 * n];
        double[] all = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double size = 0;
        for (int i = 0; i < n; i++) {
            double ext = 0;
            for (int a = 0; a < 3; a++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 3; k++) {
                    double v = p[3 * t[3 * i + k] + a];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                box[6 * i + a] = lo;
                box[6 * i + 3 + a] = hi;
                all[a] = Math.min(all[a], lo);
                all[3 + a] = Math.max(all[3 + a], hi);
                ext = Math.max(ext, hi - lo);
            }
            size += ext;
        }
        double cell = Math.max(2 * size / n, Double.MIN_NORMAL);
        long budget = Math.max(64, 4L * n);
        int[] dim = new int[3];
        while (true) {
            long cells = 1;
            for (int a = 0; a < 3; a++) {
                dim[a] = (int) Math.min(Integer.MAX_VALUE, (long) Math.floor((all[3 + a] - all[a]) / cell) + 1);
                cells *= dim[a];
                if (cells > budget) {
                    break;
                }
            }
            if (cells <= budget) {
                break;
            }
            cell *= 1.5;
        }
        // (cell << 32 | triangle) for every cell a triangle's box touches
        long[] entries = new long[Math.max(16, 2 * n)];
        int ne = 0;
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                lo[a] = index(box[6 * i + a], all[a], cell, dim[a]);
                hi[a] = index(box[6 * i + 3 + a], all[a], cell, dim[a]);
            }
            for (int x = lo[0]; x <= hi[0]; x++) {
                for (int y = lo[1]; y <= hi[1]; y++) {
                    for (int z = lo[2]; z <= hi[2]; z++) {
                        if (ne == entries.length) {
                            entries = Arrays.copyOf(entries, entries.length * 2);
                        }
                        long c = ((long) x * dim[1] + y) * dim[2] + z;
                        entries[ne++] = c << 32 | i;
                    }
                }
            }
        }
        Arrays.sort(entries, 0, ne);
        Problem found = null;
        for (int s = 0; s < ne;) {
            long c = entries[s] >>> 32;
            int e = s;
            while (e < ne && entries[e] >>> 32 == c) {
                e++;
            }
            for (int x = s; x < e; x++) {
                int i = (int) entries[x];
                for (int y = x + 1; y < e; y++) {
                    int j = (int) entries[y];
                    if (!overlap(box, i, j) || lowCornerCell(box, i, j, all, cell, dim) != c) {
                        continue;
                    }
                    if (intersect(p, t, i, j)) {
                        Problem pr = new Problem("triangles " + Math.min(i, j) + " (vertices " + corners(t, Math.min(i,
                                j), nm) + ") and " + Math.max(i, j) + " (vertices " + corners(t, Math.max(i, j), nm)
                                + ") intersect: the surface crosses or touches itself", Math.min(i, j), Math.max(i, j));
                        if (found == null || pr.triangle() < found.triangle()
                                || pr.triangle() == found.triangle() && pr.other() < found.other()) {
                            found = pr; // the lowest pair, whatever the cell order
                        }
                    }
                }
            }
            s = e;
        }
        return found;
    }

    private static String corners(int[] t, int i, IntFunction<String> nm) {
        return nm.apply(t[3 * i]) + ", " + nm.apply(t[3 * i + 1]) + ", " + nm.apply(t[3 * i + 2]);
    }

    private static int index(double v, double origin, double cell, int dim) {
        return (int) Math.max(0, Math.min(dim - 1, Math.floor((v - origin) / cell)));
    }

    private static boolean overlap(double[] b, int i, int j) {
        for (int a = 0; a < 3; a++) {
            if (b[6 * i + a] > b[6 * j + 3 + a] || b[6 * j + a] > b[6 * i + 3 + a]) {
                return false;
            }
        }
        return true;
    }

    private static long lowCornerCell(double[] b, int i, int j, double[] all, double cell, int[] dim) {
        int x = index(Math.max(b[6 * i], b[6 * j]), all[0], cell, dim[0]);
        int y = index(Math.max(b[6 * i + 1], b[6 * j + 1]), all[1], cell, dim[1]);
        int z = index(Math.max(b[6 * i + 2], b[6 * j + 2]), all[2], cell, dim[2]);
        return ((long) x * dim[1] + y) * dim[2] + z;
    }

    /** Whether triangles i and j, sharing what they share, meet anywhere else. */
    static boolean intersect(double[] p, int[] t, int i, int j) {
        int[] a = {t[3 * i], t[3 * i + 1], t[3 * i + 2]};
        int[] b = {t[3 * j], t[3 * j + 1], t[3 * j + 2]};
        int shared = 0;
        int sa = -1;
        int sb = -1;
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 3; y++) {
                if (a[x] == b[y]) {
                    shared++;
                    sa = x;
                    sb = y;
                }
            }
        }
        if (shared == 0) {
            for (int k = 0; k < 3; k++) {
                if (segmentTriangle(p, a[k], a[(k + 1) % 3], b[0], b[1], b[2])
                        || segmentTriangle(p, b[k], b[(k + 1) % 3], a[0], a[1], a[2])) {
                    return true;
                }
            }
            return false;
        }
        if (shared == 1) { // the edges opposite the shared vertex
            return segmentTriangle(p, a[(sa + 1) % 3], a[(sa + 2) % 3], b[0], b[1], b[2])
                    || segmentTriangle(p, b[(sb + 1) % 3], b[(sb + 2) % 3], a[0], a[1], a[2]);
        }
        if (shared == 2) { // folded onto each other: coplanar, both on one side of the shared edge
            int oa = -1;
            int ob = -1;
            for (int x = 0; x < 3; x++) {
                if (a[x] != b[0] && a[x] != b[1] && a[x] != b[2]) {
                    oa = a[x];
                }
                if (b[x] != a[0] && b[x] != a[1] && b[x] != a[2]) {
                    ob = b[x];
                }
            }
            int u = -1;
            int w = -1;
            for (int x = 0; x < 3; x++) {
                if (a[x] != oa) {
                    if (u < 0) {
                        u = a[x];
                    } else {
                        w = a[x];
                    }
                }
            }
            if (orient3d(p, u, w, oa, ob) != 0) {
                return false;
            }
            int drop = dominantAxis(p, u, w, oa);
            return orient2d(p, drop, u, w, oa) == orient2d(p, drop, u, w, ob);
        }
        return true; // the same three vertices twice
    }

    /** Whether the closed segment qr meets the closed triangle abc (vertex indices). */
    static boolean segmentTriangle(double[] p, int q, int r, int a, int b, int c) {
        int oq = orient3d(p, a, b, c, q);
        int or = orient3d(p, a, b, c, r);
        if (oq != 0 && oq == or) {
            return false;
        }
        if (oq == 0 && or == 0) {
            return coplanarSegmentTriangle(p, q, r, a, b, c);
        }
        int s1 = orient3d(p, q, r, a, b);
        int s2 = orient3d(p, q, r, b, c);
        int s3 = orient3d(p, q, r, c, a);
        return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    }

    private static boolean coplanarSegmentTriangle(double[] p, int q, int r, int a, int b, int c) {
        int drop = dominantAxis(p, a, b, c);
        if (inside2d(p, drop, q, a, b, c) || inside2d(p, drop, r, a, b, c)) {
            return true;
        }
        return segments2d(p, drop, q, r, a, b) || segments2d(p, drop, q, r, b, c) || segments2d(p, drop, q, r, c, a);
    }

    private static boolean inside2d(double[] p, int drop, int q, int a, int b, int c) {
        int s1 = orient2d(p, drop, a, b, q);
        int s2 = orient2d(p, drop, b, c, q);
        int s3 = orient2d(p, drop, c, a, q);
        return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    }

    /** Whether closed segments qr and ab meet, in the plane without axis {@code drop}. */
    private static boolean segments2d(double[] p, int drop, int q, int r, int a, int b) {
        int d1 = orient2d(p, drop, q, r, a);
        int d2 = orient2d(p, drop, q, r, b);
        int d3 = orient2d(p, drop, a, b, q);
        int d4 = orient2d(p, drop, a, b, r);
        if (d1 * d2 < 0 && d3 * d4 < 0) {
            return true;
        }
        return d1 == 0 && onSegment(p, drop, q, r, a) || d2 == 0 && onSegment(p, drop, q, r, b)
                || d3 == 0 && onSegment(p, drop, a, b, q) || d4 == 0 && onSegment(p, drop, a, b, r);
    }

    /** For x collinear with qr: whether it lies between them. */
    private static boolean onSegment(double[] p, int drop, int q, int r, int x) {
        for (int ax = 0; ax < 3; ax++) {
            if (ax == drop) {
                continue;
            }
            double lo = Math.min(p[3 * q + ax], p[3 * r + ax]);
            double hi = Math.max(p[3 * q + ax], p[3 * r + ax]);
            if (p[3 * x + ax] < lo || p[3 * x + ax] > hi) {
                return false;
            }
        }
        return true;
    }

    private static boolean degenerate(double[] p, int a, int b, int c) {
        if (a == b || b == c || a == c) {
            return true;
        }
        for (int drop = 0; drop < 3; drop++) {
            if (orient2d(p, drop, a, b, c) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The axis along which the plane of abc is steepest (its normal's largest component), to project along. */
    private static int dominantAxis(double[] p, int a, int b, int c) {
        double ux = p[3 * b] - p[3 * a];
        double uy = p[3 * b + 1] - p[3 * a + 1];
        double uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * c] - p[3 * a];
        double vy = p[3 * c + 1] - p[3 * a + 1];
        double vz = p[3 * c + 2] - p[3 * a + 2];
        double nx = Math.abs(uy * vz - uz * vy);
        double ny = Math.abs(uz * vx - ux * vz);
        double nz = Math.abs(ux * vy - uy * vx);
        int drop = nx >= ny && nx >= nz ? 0 : ny >= nz ? 1 : 2;
        if (orient2d(p, drop, a, b, c) == 0) { // rounding picked a wrong axis: take one where abc has area
            for (int d = 0; d < 3; d++) {
                if (orient2d(p, d, a, b, c) != 0) {
                    return d;
                }
            }
        }
        return drop;
    }

    /** The exact sign of the orientation of c relative to ab, in the plane without axis {@code drop}. */
    static int orient2d(double[] p, int drop, int a, int b, int c) {
        int u = drop == 0 ? 1 : 0;
        int v = drop == 2 ? 1 : 2;
        return CGAlgorithmsDD.orientationIndex(new Coordinate(p[3 * a + u], p[3 * a + v]),
                new Coordinate(p[3 * b + u], p[3 * b + v]), new Coordinate(p[3 * c + u], p[3 * c + v]));
    }

    /** The exact sign of det[b - a, c - a, d - a]: positive when d is on the side of abc its normal points to. */
    static int orient3d(double[] p, int a, int b, int c, int d) {
        double ax = p[3 * a];
        double ay = p[3 * a + 1];
        double az = p[3 * a + 2];
        double bx = p[3 * b] - ax;
        double by = p[3 * b + 1] - ay;
        double bz = p[3 * b + 2] - az;
        double cx = p[3 * c] - ax;
        double cy = p[3 * c + 1] - ay;
        double cz = p[3 * c + 2] - az;
        double dx = p[3 * d] - ax;
        double dy = p[3 * d + 1] - ay;
        double dz = p[3 * d + 2] - az;
        double m1 = cy * dz - cz * dy;
        double m2 = cz * dx - cx * dz;
        double m3 = cx * dy - cy * dx;
        double det = bx * m1 + by * m2 + bz * m3;
        double perm = Math.abs(bx) * (Math.abs(cy * dz) + Math.abs(cz * dy))
                + Math.abs(by) * (Math.abs(cz * dx) + Math.abs(cx * dz))
                + Math.abs(bz) * (Math.abs(cx * dy) + Math.abs(cy * dx));
        // the differences above are rounded too: widen the bound by their relative error (a few eps)
        double bound = O3D_BOUND * perm * 1.5;
        if (det > bound) {
            return 1;
        }
        if (-det > bound) {
            return -1;
        }
        return exactOrient3d(p, a, b, c, d);
    }

    private static int exactOrient3d(double[] p, int a, int b, int c, int d) {
        BigDecimal[] u = new BigDecimal[9];
        int[] o = {b, c, d};
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                u[3 * r + k] = new BigDecimal(p[3 * o[r] + k]).subtract(new BigDecimal(p[3 * a + k]));
            }
        }
        BigDecimal det = u[0].multiply(u[4].multiply(u[8]).subtract(u[5].multiply(u[7])))
                .add(u[1].multiply(u[5].multiply(u[6]).subtract(u[3].multiply(u[8]))))
                .add(u[2].multiply(u[3].multiply(u[7]).subtract(u[4].multiply(u[6]))));
        return det.signum();
    }
}
