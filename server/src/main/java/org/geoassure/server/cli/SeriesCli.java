package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.series.Bin;
import org.geoassure.geodb.series.Gap;
import org.geoassure.geodb.series.LastValue;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.store.SeriesStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.series.Series;
import org.geoassure.ingest.series.SeriesFormat;
import org.geoassure.ingest.series.SeriesOptions;
import org.geoassure.ingest.series.SeriesReadResult;
import org.geoassure.ingest.series.SeriesReader;
import org.geoassure.ingest.series.StationCsvReader;
import org.geoassure.server.cli.RowWriter.Col;
import org.geoassure.server.cli.RowWriter.Kind;
import picocli.CommandLine.Option;

/**
 * The monitoring part of the command line: {@code ingest WS stations FILE}, {@code ingest WS readings FILE ...} and
 * {@code query WS readings ...}. The options are mixed into {@link IngestCommand} and {@link QueryCommand}.
 */
final class SeriesCli {
    private SeriesCli() {
    }

    /** Options of {@code ingest WS readings}. */
    static final class IngestOptions {
        @Option(names = "--station", paramLabel = "ID", description = "readings: the station of a file holding one "
                + "series (default: the site code in RDB, WaterML and JSON files)")
        String station;

        @Option(names = "--station-map", paramLabel = "KEY=ID", split = ",", description = "readings: station of each "
                + "series of a multi-series file, by SITE:PARAMETER or SITE, e.g. 01491000:00060=CHOP_Q")
        Map<String, String> stationMap = new LinkedHashMap<>();

        @Option(names = "--format", paramLabel = "FMT", defaultValue = "auto", description = "readings: csv, rdb, "
                + "waterml, json or auto (default ${DEFAULT-VALUE}: from the first bytes)")
        String format;

        @Option(names = "--time-column", paramLabel = "NAME", description = "readings, csv: time column (default the "
                + "first)")
        String timeColumn;

        @Option(names = "--value-column", paramLabel = "NAME", description = "readings, csv: value column (default the "
                + "second); rdb: one value column (default all)")
        String valueColumn;

        @Option(names = "--time-format", paramLabel = "PATTERN", description = "readings, csv: java.time pattern, e.g. "
                + "dd.MM.yyyy HH:mm (default ISO dates and times or M/D/YYYY)")
        String timeFormat;

        @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC", description = "readings: zone of "
                + "times without an offset, e.g. Asia/Shanghai or +08:00 (default ${DEFAULT-VALUE})")
        String timeZone;

        @Option(names = "--unit", paramLabel = "UNIT", description = "readings: unit of the values when the file does "
                + "not say (ft3/s and ft are converted to m3/s and m); default the station's")
        String unit;

        @Option(names = "--delimiter", paramLabel = "C", description = "readings, csv: ',', ';', 'tab' (default: "
                + "detected from the header)")
        String delimiter;
    }

    /** Options of {@code query WS readings}. */
    static final class QueryOptions {
        @Option(names = "--station", paramLabel = "ID[,ID...]", split = ",", description = "readings: the stations")
        List<String> stations = new ArrayList<>();

        @Option(names = "--from", paramLabel = "T", description = "readings: first time (inclusive)")
        String from;

        @Option(names = "--to", paramLabel = "T", description = "readings: end time (exclusive)")
        String to;

        @Option(names = "--resample", paramLabel = "STEP", description = "readings: UTC-aligned intervals, e.g. 1h, "
                + "1d, 7d, 15min")
        String resample;

        @Option(names = "--agg", paramLabel = "LIST", defaultValue = "mean", description = "readings, --resample: "
                + "mean, min, max, sum, first, last, count (comma-separated; default ${DEFAULT-VALUE})")
        String agg;

        @Option(names = "--last-at", paramLabel = "T", description = "readings: each station's latest reading at or "
                + "before T")
        String lastAt;

        @Option(names = "--gaps", paramLabel = "DURATION", description = "readings: stretches without readings longer "
                + "than DURATION, e.g. 30d")
        String gaps;
    }

    // ------------------------------------------------------------------------------------------------ ingest

    static SeriesStore series(WorkspaceStore store) {
        if (store instanceof SeriesStore s) {
            return s;
        }
        throw new InvalidContentException("this workspace's engine does not store monitoring series yet (the embedded "
                + "GeoPackage engine does)");
    }

    /** {@code ingest WS stations FILE}. */
    static int stations(WorkspaceStore store, List<Path> files, String user, PrintWriter out) {
        if (files.size() != 1) {
            throw new InvalidContentException("FILE: stations takes one CSV file (id,name,kind,x,y,z,unit,watches), got "
                    + files.size());
        }
        SeriesStore s = series(store);
        StationCsvReader.Result r = StationCsvReader.read(files.get(0));
        IngestRecord rec = s.ingestStations(r.stations(), new Provenance(List.of(r.source()), user(user), Map.of(),
                List.of()));
        out.printf("ingest #%d recorded at %s: %d new, %d changed, %d unchanged stations%n", rec.id(), rec.recordedAt(),
                rec.holesNew(), rec.holesChanged(), rec.holesUnchanged());
        return 0;
    }

    /** {@code ingest WS readings FILE}: the file is read whole, checked against the stations, then written at once. */
    static int readings(WorkspaceStore store, List<Path> files, IngestOptions o, String user, PrintWriter out,
            java.util.function.Consumer<List<String>> warn) {
        if (files.size() != 1) {
            throw new InvalidContentException("FILE: readings takes one file, got " + files.size());
        }
        SeriesStore s = series(store);
        SeriesOptions opts = options(o);
        SeriesFormat format = SeriesFormat.parse(o.format);
        Path file = files.get(0);
        SeriesReadResult r = SeriesReader.read(file, format, opts);
        List<Readings> batches = new ArrayList<>();
        for (Series x : r.series()) {
            String id = x.readings().stationId();
            Station st = s.seriesStation(id, null).orElseThrow(() -> new InvalidContentException(file.getFileName()
                    + ": station '" + id + "' (series " + x.key() + ") is not in the workspace; ingest it first "
                    + "(geoassure ingest WS stations FILE.csv), or name another with --station / --station-map"));
            if (!x.unit().isEmpty() && !x.unit().equals(st.unit())) {
                throw new InvalidContentException(file.getFileName() + ": series " + x.key() + " is in " + x.unit()
                        + (x.sourceUnit().equals(x.unit()) ? "" : " (converted from " + x.sourceUnit() + ")")
                        + " but station '" + id + "' records " + st.unit());
            }
            batches.add(x.readings());
        }
        warn.accept(r.warnings());
        Map<String, String> params = new TreeMap<>();
        params.put("format", format == null ? SeriesFormat.detect(file).label() : format.label());
        params.put("time_zone", opts.zone().getId());
        if (o.unit != null) {
            params.put("unit", o.unit);
        }
        if (o.timeFormat != null) {
            params.put("time_format", o.timeFormat);
        }
        for (Series x : r.series()) {
            params.put("series " + x.key(), "station " + x.readings().stationId() + ", " + x.readings().size()
                    + " readings" + (x.sourceUnit().equals(x.unit()) ? "" : ", " + x.sourceUnit() + " -> " + x.unit()));
        }
        IngestRecord rec = s.ingestReadings(batches, new Provenance(List.of(r.source()), user(user), params,
                r.warnings()));
        out.printf("ingest #%d recorded at %s: %d new, %d corrected, %d unchanged readings of %d series; %d warnings%n",
                rec.id(), rec.recordedAt(), rec.holesNew(), rec.holesChanged(), rec.holesUnchanged(), batches.size(),
                r.warnings().size());
        AlertsCommand.afterIngest(store, rec, batches, out);
        return 0;
    }

    private static String user(String user) {
        return user != null ? user : System.getProperty("user.name");
    }

    private static SeriesOptions options(IngestOptions o) {
        SeriesOptions s = SeriesOptions.defaults();
        try {
            s = s.withZone(ZoneId.of(o.timeZone));
        } catch (java.time.DateTimeException e) {
            throw new InvalidContentException("--time-zone: '" + o.timeZone + "' is not a time zone (e.g. UTC, "
                    + "Asia/Shanghai, +08:00)");
        }
        if (o.delimiter != null) {
            String d = o.delimiter.equalsIgnoreCase("tab") || o.delimiter.equals("\\t") ? "\t" : o.delimiter;
            if (d.length() != 1) {
                throw new InvalidContentException("--delimiter: '" + o.delimiter + "' is not one character or 'tab'");
            }
            s = s.withDelimiter(d.charAt(0));
        }
        return s.withTimeColumn(o.timeColumn).withValueColumn(o.valueColumn).withTimeFormat(o.timeFormat)
                .withUnit(o.unit).withStation(o.station).withStationMap(o.stationMap);
    }

    // ------------------------------------------------------------------------------------------------ query

    /** {@code query WS readings}: a range, a resample, the last values at T, or the gaps. */
    static void query(WorkspaceStore store, QueryOptions q, Instant recordedAsOf, String format, RowWriter.Output w) {
        SeriesStore s = series(store);
        if (q.stations.isEmpty()) {
            throw new InvalidContentException("--station: give one or more stations (A,B); stations: "
                    + s.seriesStations(null).stream().map(Station::id).limit(10).toList());
        }
        int modes = (q.resample != null ? 1 : 0) + (q.lastAt != null ? 1 : 0) + (q.gaps != null ? 1 : 0);
        if (modes > 1) {
            throw new InvalidContentException("--resample, --last-at, --gaps: give at most one");
        }
        Instant from = Times.parse("--from", q.from);
        Instant to = Times.parse("--to", q.to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidContentException("--from, --to: " + from + " is not before " + to);
        }
        if (q.lastAt != null) {
            if (from != null || to != null) {
                throw new InvalidContentException("--last-at: not with --from or --to");
            }
            List<LastValue> last = s.lastValues(q.stations, Times.parse("--last-at", q.lastAt), recordedAsOf);
            try (RowWriter out = RowWriter.create(format, w, List.of(Col.text("station_id"),
                    new Col("time", Kind.TIMESTAMP), Col.number("value"), Col.text("quality")))) {
                last.forEach(v -> out.row(java.util.Arrays.asList(v.stationId(), v.time(), v.value(), v.quality())));
            }
            return;
        }
        if (q.gaps != null) {
            Duration d = duration("--gaps", q.gaps);
            try (RowWriter out = RowWriter.create(format, w, List.of(Col.text("station_id"),
                    new Col("from", Kind.TIMESTAMP), new Col("to", Kind.TIMESTAMP), Col.number("days")))) {
                for (String id : q.stations) {
                    for (Gap g : s.gaps(id, from, to, d, recordedAsOf)) {
                        out.row(List.of(id, g.from(), g.to(), g.length().toMillis() / 86_400_000.0));
                    }
                }
            }
            return;
        }
        if (q.resample != null) {
            Duration step = duration("--resample", q.resample);
            List<String> aggs = new ArrayList<>();
            for (String a : q.agg.split(",")) {
                String k = a.trim().toLowerCase(Locale.ROOT);
                if (!List.of("mean", "min", "max", "sum", "first", "last", "count").contains(k)) {
                    throw new InvalidContentException("--agg: '" + a + "' is not one of mean, min, max, sum, first, "
                            + "last, count");
                }
                aggs.add(k);
            }
            List<Col> cols = new ArrayList<>(List.of(Col.text("station_id"), new Col("start", Kind.TIMESTAMP),
                    new Col("end", Kind.TIMESTAMP)));
            aggs.forEach(a -> cols.add(a.equals("count") ? new Col(a, Kind.LONG) : Col.number(a)));
            List<List<Bin>> bins = new ArrayList<>();
            for (String id : q.stations) {
                bins.add(s.resample(id, from, to, step, recordedAsOf));
            }
            try (RowWriter out = RowWriter.create(format, w, cols)) {
                for (int i = 0; i < bins.size(); i++) {
                    for (Bin b : bins.get(i)) {
                        List<Object> row = new ArrayList<>(List.of(q.stations.get(i), b.start(), b.end()));
                        for (String a : aggs) {
                            row.add(switch (a) {
                                case "mean" -> b.mean();
                                case "min" -> b.min();
                                case "max" -> b.max();
                                case "sum" -> b.sum();
                                case "first" -> b.first();
                                case "last" -> b.last();
                                default -> b.count();
                            });
                        }
                        out.row(row);
                    }
                }
            }
            return;
        }
        List<Readings> all = new ArrayList<>();
        for (String id : q.stations) {
            all.add(s.readings(id, from, to, recordedAsOf));
        }
        try (RowWriter out = RowWriter.create(format, w, List.of(Col.text("station_id"), new Col("time", Kind.TIMESTAMP),
                Col.number("value"), Col.text("quality")))) {
            for (Readings r : all) {
                for (int i = 0; i < r.size(); i++) {
                    out.row(java.util.Arrays.asList(r.stationId(), r.instant(i), r.value(i), r.quality(i)));
                }
            }
        }
    }

    /** A duration: a number and s, min, h, d or w ({@code 15min}, {@code 1d}), or ISO-8601 ({@code PT1H}). */
    static Duration duration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
                if (d.isNegative() || d.isZero()) {
                    throw new InvalidContentException(option + ": '" + text + "' must be positive");
                }
                return d;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|min|h|d|w)").matcher(t);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                Duration d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "min" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(7 * n);
                };
                if (!d.isZero()) {
                    return d;
                }
            }
        } catch (java.time.format.DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw new InvalidContentException(option + ": '" + text + "' is not a positive duration (15min, 1h, 1d, 7d, 2w "
                + "or ISO PT1H)");
    }
}
