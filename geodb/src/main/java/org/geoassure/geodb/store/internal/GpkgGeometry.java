package org.geoassure.geodb.store.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * GeoPackage binary geometry (GP header, no envelope, little endian) around ISO WKB for POINT Z and LINESTRING Z.
 * Internal: not for use outside geodb.
 */
final class GpkgGeometry {
    private static final int WKB_POINT_Z = 1001;
    private static final int WKB_LINESTRING_Z = 1002;

    private GpkgGeometry() {
    }

    static byte[] pointZ(int srsId, double x, double y, double z) {
        ByteBuffer b = header(srsId, 5 + 24);
        b.put((byte) 1).putInt(WKB_POINT_Z).putDouble(x).putDouble(y).putDouble(z);
        return b.array();
    }

    /** A LINESTRING Z from packed x,y,z; a single point is repeated so the line is valid. */
    static byte[] lineStringZ(int srsId, double[] xyz) {
        int n = xyz.length / 3;
        int pts = Math.max(n, 2);
        ByteBuffer b = header(srsId, 9 + 24 * pts);
        b.put((byte) 1).putInt(WKB_LINESTRING_Z).putInt(pts);
        for (int i = 0; i < pts; i++) {
            int k = Math.min(i, n - 1);
            b.putDouble(xyz[3 * k]).putDouble(xyz[3 * k + 1]).putDouble(xyz[3 * k + 2]);
        }
        return b.array();
    }

    private static ByteBuffer header(int srsId, int wkbLength) {
        ByteBuffer b = ByteBuffer.allocate(8 + wkbLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0x01).putInt(srsId);
        return b;
    }
}
