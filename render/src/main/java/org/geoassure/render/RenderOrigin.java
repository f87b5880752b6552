package org.geoassure.render;

/**
 * The local origin that world coordinates (double) are rebased to before they become float vertex data.
 *
 * @param x origin easting
 * @param y origin northing
 * @param z origin elevation
 */
public record RenderOrigin(double x, double y, double z) {

    /** Rebases {@code n} packed x,y,z world points to float offsets from this origin. */
    public float[] rebase(double[] xyz, int n) {
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            out[3 * i] = (float) (xyz[3 * i] - x);
            out[3 * i + 1] = (float) (xyz[3 * i + 1] - y);
            out[3 * i + 2] = (float) (xyz[3 * i + 2] - z);
        }
        return out;
    }
}
