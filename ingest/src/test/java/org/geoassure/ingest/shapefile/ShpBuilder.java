package org.geoassure.ingest.shapefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small Shapefiles for tests, byte by byte after the ESRI Shapefile Technical Description (1998): .shp, .shx
 * and a .dbf of character fields. Multi-part shapes are given as parts of {x, y, z, m} points.
 */
final class ShpBuilder {
    private final int type;
    private final List<byte[]> records = new ArrayList<>();
    private final List<String> fieldNames = new ArrayList<>();
    private final List<Character> fieldTypes = new ArrayList<>();
    private final List<Integer> fieldLengths = new ArrayList<>();
    private final List<Integer> fieldDecimals = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private int languageId;

    ShpBuilder(int type) {
        this.type = type;
    }

    ShpBuilder field(String name, char t, int length, int decimals) {
        fieldNames.add(name);
        fieldTypes.add(t);
        fieldLengths.add(length);
        fieldDecimals.add(decimals);
        return this;
    }

    ShpBuilder languageId(int id) {
        this.languageId = id;
        return this;
    }

    private boolean hasZ() {
        return type >= 11 && type <= 18;
    }

    private boolean hasM() {
        return hasZ() || type >= 21;
    }

    /** Adds a record; {@code parts} null for a null shape. Values are the DBF texts. */
    ShpBuilder shape(double[][][] parts, String... values) {
        rows.add(values);
        if (parts == null) {
            records.add(le(4).putInt(0).array());
            return this;
        }
        int base = type % 10;
        List<double[]> pts = new ArrayList<>();
        for (double[][] p : parts) {
            pts.addAll(List.of(p));
        }
        int n = pts.size();
        ByteBuffer b;
        if (base == 1) {
            double[] p = pts.get(0);
            b = le(4 + 16 + (hasZ() ? 8 : 0) + (hasM() ? 8 : 0)).putInt(type).putDouble(p[0]).putDouble(p[1]);
            if (hasZ()) {
                b.putDouble(p[2]);
            }
            if (hasM()) {
                b.putDouble(p[3]);
            }
        } else {
            boolean multi = base == 8;
            int len = 4 + 32 + (multi ? 4 : 8 + 4 * parts.length) + 16 * n + (hasZ() ? 16 + 8 * n : 0)
                    + (hasM() ? 16 + 8 * n : 0);
            b = le(len).putInt(type);
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (double[] p : pts) {
                box[0] = Math.min(box[0], p[0]);
                box[1] = Math.min(box[1], p[1]);
                box[2] = Math.max(box[2], p[0]);
                box[3] = Math.max(box[3], p[1]);
            }
            b.putDouble(box[0]).putDouble(box[1]).putDouble(box[2]).putDouble(box[3]);
            if (!multi) {
                b.putInt(parts.length);
            }
            b.putInt(n);
            if (!multi) {
                int s = 0;
                for (double[][] p : parts) {
                    b.putInt(s);
                    s += p.length;
                }
            }
            for (double[] p : pts) {
                b.putDouble(p[0]).putDouble(p[1]);
            }
            for (int k = 2; k <= 3; k++) {
                if (k == 2 ? hasZ() : hasM()) {
                    double lo = Double.MAX_VALUE;
                    double hi = -Double.MAX_VALUE;
                    for (double[] p : pts) {
                        lo = Math.min(lo, p[k]);
                        hi = Math.max(hi, p[k]);
                    }
                    b.putDouble(lo).putDouble(hi);
                    for (double[] p : pts) {
                        b.putDouble(p[k]);
                    }
                }
            }
        }
        records.add(b.array());
        return this;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    byte[] shp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int total = 100;
        for (byte[] r : records) {
            total += 8 + r.length;
        }
        out.writeBytes(header(total));
        int i = 1;
        for (byte[] r : records) {
            out.writeBytes(ByteBuffer.allocate(8).putInt(i++).putInt(r.length / 2).array());
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    byte[] shx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(100 + 8 * records.size()));
        int off = 100;
        for (byte[] r : records) {
            out.writeBytes(ByteBuffer.allocate(8).putInt(off / 2).putInt(r.length / 2).array());
            off += 8 + r.length;
        }
        return out.toByteArray();
    }

    private byte[] header(int length) {
        ByteBuffer h = ByteBuffer.allocate(100);
        h.putInt(0, 9994).putInt(24, length / 2);
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type);
        return h.array();
    }

    byte[] dbf(Charset cs) {
        int nf = fieldNames.size();
        int recLen = 1;
        for (int l : fieldLengths) {
            recLen += l;
        }
        int headLen = 32 + 32 * nf + 1;
        ByteBuffer b = le(headLen + recLen * rows.size() + 1);
        b.put((byte) 3).put((byte) 126).put((byte) 11).put((byte) 29).putInt(rows.size()).putShort((short) headLen)
                .putShort((short) recLen);
        b.put(29, (byte) languageId);
        b.position(32);
        for (int f = 0; f < nf; f++) {
            byte[] name = fieldNames.get(f).getBytes(cs);
            byte[] d = new byte[32];
            System.arraycopy(name, 0, d, 0, Math.min(10, name.length));
            d[11] = (byte) (char) fieldTypes.get(f);
            d[16] = (byte) (int) fieldLengths.get(f);
            d[17] = (byte) (int) fieldDecimals.get(f);
            b.put(d);
        }
        b.put((byte) 0x0D);
        for (String[] row : rows) {
            b.put((byte) ' ');
            for (int f = 0; f < nf; f++) {
                byte[] v = new byte[fieldLengths.get(f)];
                java.util.Arrays.fill(v, (byte) ' ');
                byte[] t = (f < row.length ? row[f] : "").getBytes(cs);
                System.arraycopy(t, 0, v, 0, Math.min(t.length, v.length));
                b.put(v);
            }
        }
        b.put((byte) 0x1A);
        return b.array();
    }

    /** Writes base.shp, .shx and .dbf into dir and returns the .shp. */
    Path write(Path dir, String base, Charset cs) throws IOException {
        Files.write(dir.resolve(base + ".shx"), shx());
        Files.write(dir.resolve(base + ".dbf"), dbf(cs));
        return Files.write(dir.resolve(base + ".shp"), shp());
    }
}
