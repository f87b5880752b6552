package org.geoassure.postgis.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Little-endian ISO WKB for POINT Z and LINESTRING Z (holes), and POLYHEDRALSURFACE Z (the triangles of a feature
 * mesh). Internal.
 */
final class Wkb {
    private static final int POINT_Z = 1001;
    private static final int LINESTRING_Z = 1002;
    private static final int POLYGON_Z = 1003;
    private static final int POLYHEDRALSURFACE_Z = 1015;
    private static final int EWKB_Z = 0x80000000;
    private static final int EWKB_SRID = 0x20000000;

    private Wkb() {
    }

    static byte[] pointZ(double x, double y, double z) {
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(POINT_Z).putDouble(x).putDouble(y).putDouble(z);
        return b.array();
    }

    /** A LINESTRING Z of x,y,z triples; a single point is written twice (PostGIS needs two points). */
    static byte[] lineStringZ(double[] xyz) {
        double[] p = xyz.length == 3 ? new double[] {xyz[0], xyz[1], xyz[2], xyz[0], xyz[1], xyz[2]} : xyz;
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 4 + 8 * p.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(LINESTRING_Z).putInt(p.length / 3);
        for (double d : p) {
            b.putDouble(d);
        }
        return b.array();
    }

    /** A POLYHEDRALSURFACE Z with one triangular POLYGON Z (a closed ring of four points) per mesh triangle. */
    static byte[] polyhedralSurface(org.geoassure.geodb.model.Mesh m) {
        int n = m.triangleCount();
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 4 + n * (1 + 4 + 4 + 4 + 4 * 24)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(POLYHEDRALSURFACE_Z).putInt(n);
        for (int t = 0; t < n; t++) {
            b.put((byte) 1).putInt(POLYGON_Z).putInt(1).putInt(4);
            for (int c = 0; c < 4; c++) {
                int v = m.corner(t, c % 3);
                b.putDouble(m.coordinate(v, 0)).putDouble(m.coordinate(v, 1)).putDouble(m.coordinate(v, 2));
            }
        }
        return b.array();
    }

    /** The x,y,z triples of a LINESTRING Z in ISO WKB or EWKB, either byte order; at most {@code points} points. */
    static double[] lineStringCoords(byte[] wkb, int points) {
        ByteBuffer b = ByteBuffer.wrap(wkb);
        b.order(b.get() == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int type = b.getInt();
        if ((type & EWKB_SRID) != 0) {
            b.getInt();
        }
        boolean ewkb = (type & 0xe0000000) != 0;
        int base = ewkb ? type & 0xff : type % 1000;
        boolean z = ewkb ? (type & EWKB_Z) != 0 : type / 1000 == 1 || type / 1000 == 3;
        if (base != 2 || !z) {
            throw new IllegalStateException("expected a LINESTRING Z, got WKB type " + Integer.toHexString(type));
        }
        int n = Math.min(b.getInt(), points);
        double[] out = new double[3 * n];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getDouble();
        }
        return out;
    }
}
