package org.geoassure.geodb.grid;

import java.util.HashMap;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;

/**
 * Slices of one attribute of a block model as 2D grids with world coordinates: a horizontal slice at a height (the
 * layer of cells that contains it) and a vertical section along a polyline (sampled every {@code step} metres along
 * it, at every layer's centroid height). A sample takes the value of the cell that contains it: NaN for an absent
 * cell, a null value, or a sample outside the grid. Category attributes give their codes.
 */
public final class BlockSlices {
    private BlockSlices() {
    }

    /**
     * A 2D grid of samples, row-major ({@code values[row * columns + column]}). For a horizontal slice the columns run
     * along the model's i axis and the rows along j; for a section the columns run along the polyline and the rows
     * upwards, one per layer.
     *
     * @param x world x of each sample (row-major, like the values)
     * @param y world y of each sample
     * @param z world z of each sample
     * @param along distance along the polyline of each column (sections), or NaN (horizontal slices)
     */
    public record Slice(String attribute, int columns, int rows, double[] x, double[] y, double[] z, double[] along,
            double[] values) {
    }

    /**
     * The layer of cells containing height {@code z}, every column of the grid.
     *
     * @throws InvalidContentException if the attribute is unknown or z is outside the model
     */
    public static Slice horizontal(BrickSource source, String attribute, double z) {
        BlockModel m = source.model();
        int a = attributeIndex(m, attribute);
        int k = (int) Math.floor((z - m.originZ()) / m.dz());
        if (!(z >= m.originZ()) || k >= m.nz()) {
            throw new InvalidContentException("z: " + z + " is outside block model " + m.name() + " (z from "
                    + m.originZ() + " to " + (m.originZ() + m.nz() * m.dz()) + ")");
        }
        int n = m.nx() * m.ny();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] zz = new double[n];
        double[] along = new double[m.nx()];
        double[] values = new double[n];
        java.util.Arrays.fill(along, Double.NaN);
        java.util.Arrays.fill(values, Double.NaN);
        double[] c = new double[3];
        for (int j = 0; j < m.ny(); j++) {
            for (int i = 0; i < m.nx(); i++) {
                m.centroid(i, j, k, c);
                int p = j * m.nx() + i;
                x[p] = c[0];
                y[p] = c[1];
                zz[p] = c[2];
            }
        }
        boolean[] load = new boolean[m.attributes().size()];
        load[a] = true;
        int bk = k >> Brick.SHIFT;
        for (BrickSource.Header h : source.headers()) {
            if (Morton.decode(h.index(), 2) != bk) {
                continue;
            }
            Brick b = source.brick(h.index(), load);
            int i0 = Morton.decode(h.index(), 0) << Brick.SHIFT;
            int j0 = Morton.decode(h.index(), 1) << Brick.SHIFT;
            for (int j = j0; j < Math.min(m.ny(), j0 + Brick.SIZE); j++) {
                for (int i = i0; i < Math.min(m.nx(), i0 + Brick.SIZE); i++) {
                    int local = Brick.local(i, j, k);
                    if (b.present(local)) {
                        values[j * m.nx() + i] = b.value(a, local);
                    }
                }
            }
        }
        return new Slice(attribute, m.nx(), m.ny(), x, y, zz, along, values);
    }

    /**
     * A vertical section along a polyline (world x, y pairs), sampled at 0, step, 2 step, ... and at its end.
     *
     * @throws InvalidContentException if the attribute is unknown, the polyline has fewer than two distinct points,
     *     the step is not positive, or the section would have more than 10^7 samples
     */
    public static Slice section(BrickSource source, String attribute, double[] xy, double step) {
        BlockModel m = source.model();
        int a = attributeIndex(m, attribute);
        if (xy.length < 4 || xy.length % 2 != 0) {
            throw new InvalidContentException("section: needs at least two x,y points, got " + xy.length + " numbers");
        }
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new InvalidContentException("step: " + step + " is not a positive distance");
        }
        double length = 0;
        for (int p = 2; p < xy.length; p += 2) {
            length += Math.hypot(xy[p] - xy[p - 2], xy[p + 1] - xy[p - 1]);
        }
        if (length == 0) {
            throw new InvalidContentException("section: the polyline has no length");
        }
        double whole = Math.floor(length / step);
        // the end gets its own sample unless the last step lands on it (to round-off)
        long cols = (long) whole + 1 + (length - whole * step > 1e-9 * Math.max(1, length) ? 1 : 0);
        if (cols * m.nz() > 10_000_000L) {
            throw new InvalidContentException("section: " + cols + " x " + m.nz() + " samples is more than 10^7; "
                    + "use a larger step");
        }
        int nc = (int) cols;
        int n = nc * m.nz();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] along = new double[nc];
        double[] values = new double[n];
        java.util.Arrays.fill(values, Double.NaN);
        boolean[] load = new boolean[m.attributes().size()];
        load[a] = true;
        Map<Long, Brick> bricks = new HashMap<>();
        java.util.Set<Long> stored = new java.util.HashSet<>();
        for (BrickSource.Header h : source.headers()) {
            stored.add(h.index());
        }
        double[] local = new double[3];
        int seg = 0;
        double segStart = 0;
        for (int col = 0; col < nc; col++) {
            double s = Math.min(col * step, length);
            double segLen = Math.hypot(xy[2 * seg + 2] - xy[2 * seg], xy[2 * seg + 3] - xy[2 * seg + 1]);
            while (s > segStart + segLen && 2 * seg + 4 < xy.length) {
                segStart += segLen;
                seg++;
                segLen = Math.hypot(xy[2 * seg + 2] - xy[2 * seg], xy[2 * seg + 3] - xy[2 * seg + 1]);
            }
            double t = segLen == 0 ? 0 : Math.min(1, (s - segStart) / segLen);
            double px = xy[2 * seg] + t * (xy[2 * seg + 2] - xy[2 * seg]);
            double py = xy[2 * seg + 1] + t * (xy[2 * seg + 3] - xy[2 * seg + 1]);
            along[col] = s;
            m.toLocal(px, py, m.originZ(), local);
            int i = (int) Math.floor(local[0] / m.dx());
            int j = (int) Math.floor(local[1] / m.dy());
            boolean inside = local[0] >= 0 && local[1] >= 0 && i < m.nx() && j < m.ny();
            for (int k = 0; k < m.nz(); k++) {
                int p = k * nc + col;
                x[p] = px;
                y[p] = py;
                z[p] = m.originZ() + (k + 0.5) * m.dz();
                if (!inside) {
                    continue;
                }
                long code = Morton.encode(i >> Brick.SHIFT, j >> Brick.SHIFT, k >> Brick.SHIFT);
                if (!stored.contains(code)) {
                    continue;
                }
                Brick b = bricks.computeIfAbsent(code, c -> source.brick(c, load));
                int l = Brick.local(i, j, k);
                if (b.present(l)) {
                    values[p] = b.value(a, l);
                }
            }
        }
        return new Slice(attribute, nc, m.nz(), x, y, z, along, values);
    }

    private static int attributeIndex(BlockModel m, String attribute) {
        int a = m.attributeIndex(attribute);
        if (a < 0) {
            throw new InvalidContentException("attribute: '" + attribute + "' is not an attribute of block model "
                    + m.name() + " (" + m.attributes().stream().map(BlockAttribute::name).toList() + ")");
        }
        return a;
    }
}
