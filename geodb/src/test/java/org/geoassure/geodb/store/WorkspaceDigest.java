package org.geoassure.geodb.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.TimeSlice;
import org.locationtech.jts.io.WKTWriter;

/**
 * Counts and a SHA-256 of every readable current row of a workspace, without record times (they differ run to run):
 * the "store unchanged" half of the reliability tests (crash harness, bad-input corpus). Two workspaces with equal
 * digests hold the same ingests count, holes, collars, surveys, stations, interval rows with their positions, logs,
 * current features (attributes in key order: jsonb keeps its own order), monitoring stations and readings, and every
 * block model version with its bricks' values.
 */
public final class WorkspaceDigest {
    private WorkspaceDigest() {
    }

    /** The digest of the workspace file {@code file} (opened and closed here). */
    public static String of(Path file) {
        try (WorkspaceStore ws = Workspaces.open(file)) {
            return of(ws);
        }
    }

    /** The digest of an open store. */
    public static String of(WorkspaceStore ws) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long rows = 0;
        StringBuilder counts = new StringBuilder();
        counts.append("ingests=").append(ws.ingests().size()).append(" holes=").append(ws.holeIds().size());
        try (Stream<?> s = ws.boreholes(Selection.all()).map(v -> v.collar() + " " + v.survey() + " " + v.method())) {
            rows += feed(md, s);
        }
        try (Stream<?> s = ws.stations(Selection.all())) {
            rows += feed(md, s);
        }
        for (String t : ws.intervalTables()) {
            long n;
            try (Stream<?> s = ws.intervals(t, Selection.all()).map(r -> r.holeId() + " " + r.from() + " " + r.to()
                    + " " + r.values() + " " + Arrays.toString(r.positions()))) {
                n = feed(md, s);
            }
            counts.append(' ').append(t).append('=').append(n);
            rows += n;
        }
        try (Stream<?> s = ws.logs(Selection.all()).map(r -> r.log().holeId() + " " + r.log().name() + " "
                + r.log().curves() + " " + Arrays.toString(r.log().depths()) + " "
                + r.log().values().stream().map(Arrays::toString).toList())) {
            long n = feed(md, s);
            if (n > 0) {
                counts.append(" logs=").append(n);
            }
            rows += n;
        }
        if (ws instanceof FeatureStore fs) {
            WKTWriter wkt = new WKTWriter(3);
            try (Stream<?> s = fs.features(Set.of(), Set.of(), null, TimeSlice.current()).map(f -> f.layer() + " "
                    + f.feature().id() + " " + f.feature().name() + " " + f.feature().kind() + " " + f.feature().role()
                    + " " + (f.feature().geometry() == null ? "" : wkt.write(f.feature().geometry())) + " "
                    + (f.feature().mesh() == null ? "" : Arrays.toString(f.feature().mesh().xyz())
                            + Arrays.toString(f.feature().mesh().triangles()))
                    + " " + new java.util.TreeMap<>(f.feature().attributes()) + " " + f.valid().from())) {
                long n = feed(md, s);
                if (n > 0) {
                    counts.append(" features=").append(n);
                }
                rows += n;
            }
        }
        if (ws instanceof SeriesStore ss) {
            for (var st : ss.seriesStations(null)) {
                var r = ss.readings(st.id(), null, null, null);
                md.update((st + " " + Arrays.toString(r.times()) + " " + r.size()).getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < r.size(); i++) {
                    md.update(Double.toString(r.value(i)).getBytes(StandardCharsets.UTF_8));
                }
                rows += 1 + r.size();
            }
            var c = ss.seriesCounts();
            if (c.stations() > 0) {
                counts.append(" series=").append(c.stations()).append('/').append(c.readings());
            }
        }
        if (ws instanceof BlockModelStore bs) {
            // every version of every model, with every stored brick's statistics and values
            for (var latest : bs.blockModels()) {
                for (var v : bs.blockModelVersions(latest.model().name())) {
                    md.update((v.model() + " " + v.version() + " " + v.cells() + " " + v.bricks())
                            .getBytes(StandardCharsets.UTF_8));
                    rows++;
                    var src = bs.blockModel(v.model().name(), v.version());
                    boolean[] all = new boolean[v.model().attributes().size()];
                    java.util.Arrays.fill(all, true);
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 * org.geoassure.geodb.grid.Brick.CELLS);
                    for (var h : src.headers()) {
                        md.update(h.toString().getBytes(StandardCharsets.UTF_8));
                        var brick = src.brick(h.index(), all);
                        for (int a = 0; a < all.length; a++) {
                            buf.clear();
                            for (int c = 0; c < org.geoassure.geodb.grid.Brick.CELLS; c++) {
                                buf.putDouble(brick.present(c) ? brick.value(a, c) : Double.NaN);
                            }
                            md.update(buf.array(), 0, buf.position());
                        }
                    }
                }
            }
        }
        return counts + " rows=" + rows + " sha256=" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static long feed(MessageDigest md, Stream<?> rows) {
        long[] n = {0};
        rows.forEach(r -> {
            md.update(r.toString().getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
            n[0]++;
        });
        return n[0];
    }
}
