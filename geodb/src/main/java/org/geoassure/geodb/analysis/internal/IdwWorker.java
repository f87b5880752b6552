package org.geoassure.geodb.analysis.internal;

/** Inverse distance weighting with reduced (anisotropic) distances. */
public final class IdwWorker implements Worker {
    private static final double ZERO = 1e-12;

    private final double[] sx;
    private final double[] sy;
    private final double[] sz;
    private final double[] sv;
    private final double[] m;
    private final double power;

    /**
     * @param scaledRotation the anisotropy ellipsoid's rotation with rows divided by the axis lengths
     */
    public IdwWorker(double[] x, double[] y, double[] z, double[] v, double[] scaledRotation, double power) {
        sx = x;
        sy = y;
        sz = z;
        sv = v;
        m = scaledRotation.clone();
        this.power = power;
    }

    @Override
    public void estimate(int[] idx, int n, double x, double y, double z, double[] out) {
        double sw = 0;
        double swv = 0;
        double zeroSum = 0;
        int zeros = 0;
        double half = power / 2;
        for (int i = 0; i < n; i++) {
            int a = idx[i];
            double dx = sx[a] - x;
            double dy = sy[a] - y;
            double dz = sz[a] - z;
            double u = m[0] * dx + m[1] * dy + m[2] * dz;
            double v = m[3] * dx + m[4] * dy + m[5] * dz;
            double w = m[6] * dx + m[7] * dy + m[8] * dz;
            double d2 = u * u + v * v + w * w;
            if (d2 <= ZERO * ZERO) {
                zeros++;
                zeroSum += sv[a];
                continue;
            }
            double wt = power == 2 ? 1 / d2 : power == 1 ? 1 / Math.sqrt(d2) : Math.pow(d2, -half);
            sw += wt;
            swv += wt * sv[a];
        }
        out[0] = zeros > 0 ? zeroSum / zeros : n == 0 ? Double.NaN : swv / sw;
        out[1] = Double.NaN;
    }
}
