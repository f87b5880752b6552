package org.geoassure.geodb.hazard.warning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the warning tests: times, CSV series from test resources, event summaries. */
final class WarningFixtures {
    static final long HOUR = 3_600_000_000L;
    static final long DAY = 24 * HOUR;

    private WarningFixtures() {
    }

    /** Midnight UTC of an ISO date, in microseconds. */
    static long day(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
    }

    /** ISO text of microseconds, whole seconds. */
    static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).toString();
    }

    /** One line per event: {@code KIND level time} (plus the rule id when asked). */
    static List<String> brief(List<AlertEvent> events) {
        List<String> out = new ArrayList<>();
        for (AlertEvent e : events) {
            out.add(e.kind() + " " + e.level().key() + " " + iso(e.timeMicros()));
        }
        return out;
    }

    /** As {@link #brief} with the rule id first. */
    static List<String> briefWithRule(List<AlertEvent> events) {
        List<String> out = new ArrayList<>();
        for (AlertEvent e : events) {
            out.add(e.ruleId() + " " + e.kind() + " " + e.level().key() + " " + iso(e.timeMicros()));
        }
        return out;
    }

    /** Limits for a ladder written as level, raise, clear triples. */
    static Map<WarningLevel, Limit> limits(Object... levelRaiseClear) {
        Map<WarningLevel, Limit> m = new EnumMap<>(WarningLevel.class);
        for (int i = 0; i < levelRaiseClear.length; i += 3) {
            m.put((WarningLevel) levelRaiseClear[i], new Limit(((Number) levelRaiseClear[i + 1]).doubleValue(),
                    ((Number) levelRaiseClear[i + 2]).doubleValue()));
        }
        return m;
    }

    /** Readings at hour offsets from 0. */
    static StationReadings hourly(String station, double[] hours, double[] values) {
        long[] t = new long[hours.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.round(hours[i] * HOUR);
        }
        return new StationReadings(station, t, values);
    }

    /** All events of one evaluation of the whole series, now = the last reading. */
    static List<AlertEvent> whole(Evaluator ev, StationReadings r) {
        return ev.evaluate(WarningState.initial(), r, r.timesMicros()[r.size() - 1]).events();
    }

    /** All events of evaluating the series in chunks of {@code chunk} readings, now = each chunk's last reading. */
    static List<AlertEvent> chunked(Evaluator ev, StationReadings r, int chunk) {
        WarningState s = WarningState.initial();
        List<AlertEvent> log = new ArrayList<>();
        for (int from = 0; from < r.size(); from += chunk) {
            StationReadings part = r.slice(from, Math.min(r.size(), from + chunk));
            Evaluation e = ev.evaluate(s, part, part.timesMicros()[part.size() - 1]);
            log.addAll(e.events());
            s = e.state();
        }
        return log;
    }

    /** A {@code date,value} CSV of the test resources; {@code line[i]} is the 1-based file line of reading i. */
    record Series(long[] times, double[] values, int[] lines) {
        /** The time of the reading on a file line. */
        long timeOfLine(int line) {
            return times[line - 2];
        }

        double valueOfLine(int line) {
            return values[line - 2];
        }

        StationReadings readings(String station) {
            return new StationReadings(station, times, values);
        }
    }

    static Series csv(String name) {
        List<long[]> tl = new ArrayList<>();
        List<Double> vs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                WarningFixtures.class.getResourceAsStream("/timeseries/" + name), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (!header.startsWith("date,")) {
                throw new IllegalStateException(name + ": unexpected header " + header);
            }
            String s;
            int line = 1;
            while ((s = in.readLine()) != null) {
                line++;
                String[] f = s.split(",", -1);
                tl.add(new long[] {day(f[0]), line});
                vs.add(f[1].isEmpty() ? Double.NaN : Double.parseDouble(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] t = new long[tl.size()];
        int[] l = new int[tl.size()];
        double[] v = new double[tl.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = tl.get(i)[0];
            l[i] = (int) tl.get(i)[1];
            v[i] = vs.get(i);
        }
        return new Series(t, v, l);
    }
}
