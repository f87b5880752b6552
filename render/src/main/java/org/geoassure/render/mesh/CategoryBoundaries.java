package org.geoassure.render.mesh;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geoassure.geodb.model.Mesh;

/**
 * The boundary surfaces between the categories of a categorical block model (lithology, domain, weathering): for each
 * category, the cell faces between its cells and cells of another category, absent cells or the outside of the grid,
 * each face as two triangles. Each category's shell is closed and wound counter-clockwise seen from outside the
 * category, so a face between two categories appears in both shells, once each way. Vertices are shared within a
 * category's shell (one per cell corner it uses), not between shells.
 *
 * <p>Coordinates are grid indices, cell (i, j, k) being the box [i - ½, i + ½] x [j - ½, j + ½] x [k - ½, k + ½]
 * around its centroid (i, j, k), so that {@link Isosurface#toWorld} places the shells as it places isosurfaces.
 *
 * <p>Where two cells of one category touch only along an edge or at a corner, their shell is pinched there: such an
 * edge belongs to four triangles of the shell, two each way (still closed and consistently wound, not a manifold).
 */
public final class CategoryBoundaries {
    private CategoryBoundaries() {
    }

    /**
     * The boundary shell of every category present.
     *
     * @param codes category code per cell, i fastest then j then k ({@code codes[i + nx * (j + ny * k)]})
     * @param absent the code of cells in no category (no shell; a category's neighbour there gets a face)
     * @return one closed mesh per category code present, in ascending code order (empty when every cell is absent)
     */
    public static Map<Integer, Mesh> extract(int[] codes, int nx, int ny, int nz, int absent) {
        if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz != codes.length) {
            throw new IllegalArgumentException(codes.length + " codes for a " + nx + " x " + ny + " x " + nz + " grid");
        }
        if ((long) (nx + 1) * (ny + 1) * (nz + 1) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid too large: " + nx + " x " + ny + " x " + nz);
        }
        int[] present = Arrays.stream(codes).filter(c -> c != absent).distinct().sorted().toArray();
        // faces per category: count, then fill (cell index * 8 + direction), in cell order
        int[] count = new int[present.length];
        int[] category = new int[codes.length];
        for (int p = 0; p < codes.length; p++) {
            category[p] = codes[p] == absent ? -1 : Arrays.binarySearch(present, codes[p]);
        }
        forEachFace(codes, nx, ny, nz, absent, (cell, direction) -> count[category[cell]]++);
        long[][] faces = new long[present.length][];
        for (int c = 0; c < present.length; c++) {
            faces[c] = new long[count[c]];
        }
        int[] filled = new int[present.length];
        forEachFace(codes, nx, ny, nz, absent, (cell, direction) -> {
            int c = category[cell];
            faces[c][filled[c]++] = (long) cell << 3 | direction;
        });
        Map<Integer, Mesh> shells = new LinkedHashMap<>();
        for (int c = 0; c < present.length; c++) {
            shells.put(present[c], shell(faces[c], nx, ny));
        }
        return Collections.unmodifiableMap(shells);
    }

    private interface FaceVisitor {
        void face(int cell, int direction);
    }

    /**
     * Every boundary face of a non-absent cell: direction 2a for the face towards -axis a, 2a + 1 towards +a (a = 0 i,
     * 1 j, 2 k), where the neighbour is outside the grid or has another code.
     */
    private static void forEachFace(int[] codes, int nx, int ny, int nz, int absent, FaceVisitor visitor) {
        int[] size = {nx, ny, nz};
        int[] stride = {1, nx, nx * ny};
        int[] at = new int[3];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = i + nx * (j + ny * k);
                    int code = codes[p];
                    if (code == absent) {
                        continue;
                    }
                    at[0] = i;
                    at[1] = j;
                    at[2] = k;
                    for (int d = 0; d < 6; d++) {
                        int a = d >> 1;
                        int step = (d & 1) == 0 ? -1 : 1;
                        int n = at[a] + step;
                        if (n < 0 || n >= size[a] || codes[p + step * stride[a]] != code) {
                            visitor.face(p, d);
                        }
                    }
                }
            }
        }
    }

    /**
     * The shell of one category from its faces (cell index * 8 + direction): four cell corners per face, counter-
     * clockwise seen from outside, shared by lattice position; two triangles per face.
     */
    private static Mesh shell(long[] faces, int nx, int ny) {
        long lx = nx + 1L;
        long lxy = lx * (ny + 1L);
        int[] corner = new int[4 * faces.length];
        int[] at = new int[3];
        int[] lattice = new int[3];
        int[][] square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (int f = 0; f < faces.length; f++) {
            int cell = (int) (faces[f] >>> 3);
            int d = (int) (faces[f] & 7);
            at[0] = cell % nx;
            at[1] = cell / nx % ny;
            at[2] = cell / nx / ny;
            int a = d >> 1;
            int side = d & 1;
            int u = (a + 1) % 3;
            int v = (a + 2) % 3;
            for (int m = 0; m < 4; m++) {
                int[] uv = square[side == 1 ? m : 3 - m]; // counter-clockwise about +a; reversed for the -a face
                lattice[a] = at[a] + side;
                lattice[u] = at[u] + uv[0];
                lattice[v] = at[v] + uv[1];
                corner[4 * f + m] = (int) (lattice[0] + lx * lattice[1] + lxy * lattice[2]);
            }
        }
        int[] unique = Arrays.stream(corner).sorted().distinct().toArray();
        double[] xyz = new double[3 * unique.length];
        for (int n = 0; n < unique.length; n++) {
            long l = unique[n];
            xyz[3 * n] = l % lx - 0.5;
            xyz[3 * n + 1] = l / lx % (ny + 1) - 0.5;
            xyz[3 * n + 2] = l / lxy - 0.5;
        }
        int[] tri = new int[6 * faces.length];
        for (int f = 0; f < faces.length; f++) {
            int c0 = Arrays.binarySearch(unique, corner[4 * f]);
            int c1 = Arrays.binarySearch(unique, corner[4 * f + 1]);
            int c2 = Arrays.binarySearch(unique, corner[4 * f + 2]);
            int c3 = Arrays.binarySearch(unique, corner[4 * f + 3]);
            tri[6 * f] = c0;
            tri[6 * f + 1] = c1;
            tri[6 * f + 2] = c2;
            tri[6 * f + 3] = c0;
            tri[6 * f + 4] = c2;
            tri[6 * f + 5] = c3;
        }
        return new Mesh(xyz, tri);
    }
}
