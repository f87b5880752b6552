package org.geoassure.ingest.geopackage.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.CoordinateArraySequenceFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A GeoPackage geometry blob (OGC 12-128r19 §2.1.3): the {@code GP} header (version, flags, srs_id, optional envelope)
 * followed by ISO WKB with 2D, Z, M or ZM coordinates. M values are dropped (the data model keeps x, y, z); a
 * geometry without z gets NaN z.
 */
public final class GpkgBlob {
    /** A blob that is not a valid GeoPackage geometry; the message is the reason without the location. */
    public static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message);
        }
    }

    /** What was decoded: the geometry (null for an empty one), its srs_id, whether it had M values. */
    public record Decoded(Geometry geometry, int srsId, boolean hadM) {
    }

    private final WKBReader wkb;

    public GpkgBlob(GeometryFactory factory) {
        this.wkb = new WKBReader(new GeometryFactory(factory.getPrecisionModel(), factory.getSRID(),
                CoordinateArraySequenceFactory.instance()));
    }

    /** Decodes one blob. */
    public Decoded decode(byte[] b) throws Bad {
        if (b.length < 8) {
            throw new Bad("geometry blob of " + b.length + " bytes is shorter than the 8-byte GeoPackage header");
        }
        if (b[0] != 'G' || b[1] != 'P') {
            throw new Bad("geometry blob does not start with the GeoPackage magic 'GP'");
        }
        if (b[2] != 0) {
            throw new Bad("geometry blob version " + (b[2] & 0xFF) + " (0 expected, GeoPackage 1.x)");
        }
        int flags = b[3] & 0xFF;
        if ((flags & 0x20) != 0) {
            throw new Bad("geometry blob of an extended (non-standard) geometry type is not read");
        }
        int envelope = (flags >> 1) & 0x07;
        int envBytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new Bad("geometry blob envelope indicator " + envelope + " (0 to 4 expected)");
        };
        ByteBuffer h = ByteBuffer.wrap(b).order((flags & 1) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int srsId = h.getInt(4);
        int start = 8 + envBytes;
        if (b.length <= start) {
            if ((flags & 0x10) != 0 && b.length == start) {
                return new Decoded(null, srsId, false);
            }
            throw new Bad("geometry blob of " + b.length + " bytes ends in its " + start + "-byte header");
        }
        byte[] body = new byte[b.length - start];
        System.arraycopy(b, start, body, 0, body.length);
        Geometry g;
        try {
            g = wkb.read(body);
        } catch (ParseException | RuntimeException e) {
            throw new Bad("WKB after the header: " + e.getMessage());
        }
        if (g.isEmpty()) {
            return new Decoded(null, srsId, false);
        }
        boolean hadM = hasM(g);
        if (hadM || !hasZ(g)) {
            g = xyz(g, g.getFactory());
        }
        return new Decoded(g, srsId, hadM);
    }

    private static boolean hasM(Geometry g) {
        boolean[] m = {false};
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                m[0] |= seq.hasM();
            }

            @Override
            public boolean isDone() {
                return true;
            }

            @Override
            public boolean isGeometryChanged() {
                return false;
            }
        });
        return m[0];
    }

    private static boolean hasZ(Geometry g) {
        Coordinate c = g.getCoordinate();
        return c != null && !Double.isNaN(c.getZ());
    }

    /** A copy with plain x, y, z coordinates (M dropped; z NaN where there is none). */
    private static Geometry xyz(Geometry g, GeometryFactory f) {
        return new org.locationtech.jts.geom.util.GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                Coordinate[] out = new Coordinate[coords.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = new Coordinate(coords.getX(i), coords.getY(i),
                            coords.hasZ() ? coords.getZ(i) : Double.NaN);
                }
                return f.getCoordinateSequenceFactory().create(out);
            }
        }.transform(g);
    }
}
