package org.geoassure.postgis.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.store.internal.Bitemporal;

/**
 * The yearly partitions of {@code series_readings} ({@code V4__series.sql}). Before a readings ingest writes, every UTC
 * year its readings fall in gets its partition: created as a plain table and attached ({@code ATTACH PARTITION} takes
 * a lock that lets readers of the other partitions go on), inside the ingest's transaction and under its lock, so a
 * failed ingest leaves no partition behind and two writers never create the same one. Internal.
 */
final class PgPartitions {
    private PgPartitions() {
    }

    /** Creates the missing partitions for the years of {@code batches}. */
    static void ensure(Connection c, List<Readings> batches) throws SQLException {
        Set<Integer> years = new TreeSet<>();
        for (Readings r : batches) {
            if (r.size() == 0) {
                continue;
            }
            int first = year(r.time(0));
            int last = year(r.time(r.size() - 1));
            if (last - first > 10_000) {
                continue; // absurd spans go to the default partition rather than 10,000 tables
            }
            for (int y = first; y <= last; y++) {
                years.add(y);
            }
        }
        ensure(c, years);
    }

    /** Creates the missing partitions for the years from that of {@code minT} to that of {@code maxT}. */
    static void ensure(Connection c, long minT, long maxT) throws SQLException {
        int first = year(minT);
        int last = year(maxT);
        Set<Integer> years = new TreeSet<>();
        if (last - first <= 10_000) {
            for (int y = first; y <= last; y++) {
                years.add(y);
            }
        }
        ensure(c, years);
    }

    private static void ensure(Connection c, Set<Integer> years) throws SQLException {
        if (years.isEmpty()) {
            return;
        }
        Set<String> existing = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_inherits i "
                + "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'series_readings'::regclass")) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        for (int y : years) {
            String name = name(y);
            long from;
            long to;
            try {
                from = Bitemporal.micros(start(y));
                to = Bitemporal.micros(start(y + 1));
            } catch (ArithmeticException e) {
                continue; // beyond the microsecond range of a year bound: the default partition takes it
            }
            if (existing.contains(name)) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + name + " (LIKE series_readings INCLUDING DEFAULTS)");
                s.execute("ALTER TABLE series_readings ATTACH PARTITION " + name + " FOR VALUES FROM (" + from
                        + ") TO (" + to + ")");
            }
        }
    }

    /** The partition of UTC year {@code y}: series_readings_y2024, series_readings_ym0044 for 45 BC. */
    static String name(int y) {
        return "series_readings_y" + (y < 0 ? "m" + String.format("%04d", -y) : String.format("%04d", y));
    }

    private static Instant start(int y) {
        return LocalDate.of(y, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static int year(long micros) {
        return Bitemporal.instant(micros).atZone(ZoneOffset.UTC).getYear();
    }
}
