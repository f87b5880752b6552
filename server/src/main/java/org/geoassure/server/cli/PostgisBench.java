package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.ingest.Progress;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.postgis.PostgisWorkspaces;
import org.geoassure.samples.SyntheticDrillholes;

/**
 * {@code geoassure bench --only postgis}: the embedded and the PostGIS engines side by side in one run on the same
 * synthetic drillholes (needs {@code GEODB_PG_URL}): the ingest of one batch, then the same 3D distance queries (about
 * 1% of the intervals) through the typed API on both engines and, as the PostGIS baseline, one plain SQL statement
 * {@code ST_3DDWithin} on the interval table with its nd GiST index. All three must count the same rows.
 */
final class PostgisBench {
    private static final double RADIUS = 564;

    private PostgisBench() {
    }

    static void run(PrintWriter out, Path dir, int holes, int queries) throws IOException {
        String url = System.getenv("GEODB_PG_URL");
        if (url == null || url.isBlank()) {
            throw new InvalidContentException("--only postgis: set GEODB_PG_URL to a PostgreSQL + PostGIS database "
                    + "(e.g. the one bash scripts/pg-throwaway.sh start prints)");
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("geoassure-pgbench");
        String schema = "bench_" + ProcessHandle.current().pid();
        Properties credentials = new Properties();
        try {
            SyntheticDrillholes.Files3 f = SyntheticDrillholes.write(work.resolve("csv"), holes, 10, 10, 10.0, 7);
            DrillholeBatch batch = DrillholeReader.read(f.collar(), f.survey(), Map.of("assays", f.assays()),
                    DrillholeOptions.defaults(Crs.forCode("EPSG:4527")), Progress.NONE).batch();
            long rows = f.holes() + f.stations() + f.intervals();
            out.printf("postgis   %,d holes, %,d stations, %,d intervals; %d distance queries within %.0f m%n", f.holes(),
                    f.stations(), f.intervals(), queries, RADIUS);
            Path file = work.resolve("bench.gpkg");
            Files.deleteIfExists(file);
            WorkspaceInfo info = WorkspaceInfo.of("bench", "EPSG:4527", "unspecified");
            try (WorkspaceStore embedded = Workspaces.create(file, info);
                    WorkspaceStore pg = PostgisWorkspaces.create(url, credentials, schema, info);
                    Connection raw = DriverManager.getConnection(url, credentials)) {
                long t0 = System.nanoTime();
                embedded.ingest(batch);
                double e = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                pg.ingest(batch);
                double p = (System.nanoTime() - t0) / 1e9;
                out.printf("ingest    one batch of %,d rows: embedded %.1f s (%,.0f rows/s), PostGIS %.1f s (%,.0f rows/s); "
                        + "PostGIS/embedded time %.2f%n", rows, e, rows / e, p, rows / p, p / e);
                try (Statement analyze = raw.createStatement()) {
                    analyze.execute("ANALYZE " + schema + ".intervals_assays");
                }
                distance(out, embedded, pg, raw, schema, queries);
            } catch (SQLException ex) {
                throw new IllegalStateException("PostGIS benchmark failed: " + ex.getMessage(), ex);
            } finally {
                PostgisWorkspaces.drop(url, credentials, schema);
            }
        } finally {
            if (dir == null) {
                try (Stream<Path> s = Files.walk(work)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
                }
            }
        }
    }

    private static void distance(PrintWriter out, WorkspaceStore embedded, WorkspaceStore pg, Connection raw, String schema,
            int queries) throws SQLException {
        SplittableRandom rnd = new SplittableRandom(13);
        int warm = Math.min(20, queries);
        double[] te = new double[queries];
        double[] tp = new double[queries];
        double[] ts = new double[queries];
        long rowsE = 0;
        long rowsP = 0;
        long rowsS = 0;
        String sql = "SELECT count(*) FROM " + schema + ".intervals_assays WHERE superseded_at = " + Long.MAX_VALUE
                + " AND valid_to = " + Long.MAX_VALUE + " AND ST_3DDWithin(geom, ST_SetSRID(ST_MakePoint(?, ?, ?), 4527), ?)";
        try (PreparedStatement ps = raw.prepareStatement(sql)) {
            for (int q = -warm; q < queries; q++) {
                double x = SyntheticDrillholes.X0 + RADIUS + rnd.nextDouble() * (SyntheticDrillholes.AREA - 2 * RADIUS);
                double y = SyntheticDrillholes.Y0 + RADIUS + rnd.nextDouble() * (SyntheticDrillholes.AREA - 2 * RADIUS);
                double z = SyntheticDrillholes.Z0 - 25;
                Selection s = Selection.all().within(new SpatialFilter.NearPoint(x, y, z, RADIUS));
                long t0 = System.nanoTime();
                long ne;
                try (Stream<IntervalRecord> r = embedded.intervals("assays", s)) {
                    ne = r.count();
                }
                long t1 = System.nanoTime();
                long np;
                try (Stream<IntervalRecord> r = pg.intervals("assays", s)) {
                    np = r.count();
                }
                long t2 = System.nanoTime();
                ps.setDouble(1, x);
                ps.setDouble(2, y);
                ps.setDouble(3, z);
                ps.setDouble(4, RADIUS);
                long ns;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ns = rs.getLong(1);
                }
                long t3 = System.nanoTime();
                if (q >= 0) {
                    te[q] = (t1 - t0) / 1e6;
                    tp[q] = (t2 - t1) / 1e6;
                    ts[q] = (t3 - t2) / 1e6;
                    rowsE += ne;
                    rowsP += np;
                    rowsS += ns;
                }
            }
        }
        if (rowsE != rowsP || rowsE != rowsS) {
            throw new IllegalStateException("the engines disagree: embedded " + rowsE + " rows, PostGIS API " + rowsP
                    + ", PostGIS SQL " + rowsS);
        }
        Arrays.sort(te);
        Arrays.sort(tp);
        Arrays.sort(ts);
        int p99 = (int) Math.ceil(queries * 0.99) - 1;
        out.printf("distance  mean %,d rows: embedded typed API p50 %.1f ms, p99 %.1f ms; PostGIS typed API p50 %.1f ms, "
                + "p99 %.1f ms; PostGIS SQL ST_3DDWithin count(*) (nd GiST) p50 %.1f ms, p99 %.1f ms%n", rowsE / queries,
                te[queries / 2], te[p99], tp[queries / 2], tp[p99], ts[queries / 2], ts[p99]);
    }
}
