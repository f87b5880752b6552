package org.geoassure.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.hazard.warning.Alert;
import org.geoassure.geodb.hazard.warning.AlertEvent;
import org.geoassure.geodb.hazard.warning.RuleSet;
import org.geoassure.geodb.hazard.warning.WarningLevel;
import org.geoassure.geodb.hazard.warning.WorkspaceAlerts;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.store.SeriesStore;
import org.geoassure.geodb.store.WarningStore;
import org.geoassure.geodb.store.WarningStore.RulesVersion;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.rules.RulesJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code geoassure alerts}: the workspace's monitoring rules, its alerts (recomputed from the stored readings by
 * {@link WorkspaceAlerts}) and their acknowledgements. Also prints, after {@code ingest WS readings}, the alert events
 * the new readings caused ({@link #afterIngest}).
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Monitoring alerts of a workspace (rules file format and evaluation: docs/warnings.md).",
            "  geoassure alerts WS rules rules.json --comment 'ladder of PZ-3'   set the rules (a new version)",
            "  geoassure alerts WS [--at T] [--log] [--format text|json|csv]       current alerts, or the alert log",
            "  geoassure alerts WS ack ALERT_ID --who NAME --why TEXT [--at T]  acknowledge an active alert"})
final class AlertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ACTION", description = "rules (set the rules from FILE) or "
            + "ack (acknowledge ALERT_ID); none: list the alerts")
    String action;

    @Parameters(index = "2", arity = "0..1", paramLabel = "ARG", description = "rules: FILE.json; ack: ALERT_ID")
    String arg;

    @Option(names = "--at", paramLabel = "T", description = "the clock: alerts as of T, or the time of an "
            + "acknowledgement (a date or UTC instant; default now)")
    String at;

    @Option(names = "--recorded-as-of", paramLabel = "T", description = "record time: what the workspace knew at T "
            + "(default now)")
    String recordedAsOf;

    @Option(names = "--log", description = "the whole alert log instead of the current alerts")
    boolean log;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json or csv")
    String format;

    @Option(names = "--comment", paramLabel = "TEXT", defaultValue = "", description = "rules: why this version")
    String comment;

    @Option(names = "--who", paramLabel = "NAME", description = "ack: who acknowledges")
    String who;

    @Option(names = "--why", paramLabel = "TEXT", description = "ack: why, or the action taken")
    String why;

    @Option(names = "--user", description = "who runs the command, for the ingest log (default: the OS user)")
    String user;

    @Override
    public Integer call() {
        if (!List.of("text", "json", "csv").contains(format)) {
            throw new InvalidContentException("--format: '" + format + "' is not text, json or csv");
        }
        if (action != null && !action.equals("rules") && !action.equals("ack")) {
            throw new InvalidContentException("ACTION: '" + action + "' is not rules or ack (none lists the alerts)");
        }
        if (action != null && arg == null) {
            throw new InvalidContentException("ARG: " + (action.equals("rules") ? "rules takes the rules FILE.json"
                    : "ack takes the ALERT_ID"));
        }
        Instant clock = at == null ? Instant.now() : Times.parse("--at", at);
        Instant recorded = Times.parse("--recorded-as-of", recordedAsOf);
        PrintWriter out = spec.commandLine().getOut();
        // the rules file is read and checked before the workspace is opened: a bad file touches nothing
        RuleSet parsed = null;
        String text = null;
        if ("rules".equals(action)) {
            Path file = Path.of(arg);
            try {
                parsed = RulesJson.read(file);
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidContentException(arg + ": cannot read: " + e.getMessage());
            }
        }
        try (WorkspaceStore store = ws.open()) {
            SeriesStore series = SeriesCli.series(store);
            WarningStore warnings = warnings(store);
            if (parsed != null) {
                return setRules(series, warnings, parsed, text, out);
            }
            RulesVersion v = warnings.rules(recorded).orElseThrow(() -> new InvalidContentException("WS: no rules in "
                    + "this workspace" + (recorded == null ? "" : " as recorded at " + recorded)
                    + "; set them with: geoassure alerts WS rules FILE.json"));
            WorkspaceAlerts alerts = new WorkspaceAlerts(series, warnings, parse(v));
            if ("ack".equals(action)) {
                if (recorded != null || log) {
                    throw new InvalidContentException("ack: --recorded-as-of and --log do not apply");
                }
                AlertEvent e = alerts.acknowledge(arg, who == null ? "" : who, why == null ? "" : why, clock,
                        new Provenance(List.of(), user(user), Map.of("alert", arg), List.of()));
                out.println("acknowledged " + e.alertId() + " (" + e.level() + ") by " + e.who() + " at "
                        + Readings.toInstant(e.timeMicros()) + ": " + e.message());
                return 0;
            }
            if (log) {
                printLog(out, alerts.log(clock, recorded), clock, v);
            } else {
                printCurrent(out, alerts.current(clock, recorded), alerts.rules(), clock, v);
            }
            return 0;
        }
    }

    private int setRules(SeriesStore series, WarningStore warnings, RuleSet parsed, String text, PrintWriter out) {
        Set<String> missing = new TreeSet<>();
        Set<String> known = new TreeSet<>();
        series.seriesStations(null).stream().map(Station::id).forEach(known::add);
        RuleSet rs = parsed;
        rs.rules().stream().map(r -> r.station()).filter(s -> !s.isEmpty() && !known.contains(s))
                .forEach(missing::add);
        SourceFile src = new SourceFile("rules", arg, Sha256.hex(text), rs.rules().size());
        RulesVersion v = warnings.writeRules(text, comment, new Provenance(List.of(src), user(user), Map.of(),
                List.of()));
        out.println("rules version " + v.version() + " recorded at " + v.recordedAt() + ": " + rs.rules().size()
                + " rules");
        for (String s : missing) {
            out.println("warning: station '" + s + "' is not in the workspace (yet): its rules see no readings");
        }
        return 0;
    }

    static WarningStore warnings(WorkspaceStore store) {
        if (store instanceof WarningStore w) {
            return w;
        }
        throw new InvalidContentException("this workspace's engine does not store monitoring rules yet (the embedded "
                + "GeoPackage engine does)");
    }

    /** Parses a stored rules version (checked when it was set). */
    static RuleSet parse(RulesVersion v) {
        try {
            return RulesJson.read(new StringReader(v.json()), "rules version " + v.version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After {@code ingest WS readings}: when the workspace has rules, prints one line per alert event the ingest
     * caused (the log just after it minus the log just before it, both at the same clock: now, or the latest reading
     * ingested if that is later).
     */
    static void afterIngest(WorkspaceStore store, IngestRecord rec, List<Readings> batches, PrintWriter out) {
        if (!(store instanceof WarningStore warnings) || !(store instanceof SeriesStore series)) {
            return;
        }
        Optional<RulesVersion> v = warnings.rules(rec.recordedAt());
        if (v.isEmpty()) {
            return;
        }
        long clock = Readings.micros(Instant.now());
        for (Readings r : batches) {
            if (r.size() > 0) {
                clock = Math.max(clock, r.time(r.size() - 1));
            }
        }
        WorkspaceAlerts alerts = new WorkspaceAlerts(series, warnings, parse(v.get()));
        Instant t = Readings.toInstant(clock);
        List<AlertEvent> before = alerts.log(t, rec.recordedAt().minusNanos(1000));
        List<AlertEvent> after = alerts.log(t, rec.recordedAt());
        List<AlertEvent> caused = WorkspaceAlerts.newEvents(before, after);
        for (AlertEvent e : caused) {
            out.println(line(e));
        }
        if (caused.isEmpty()) {
            out.println("alerts: no new alert events (rules version " + v.get().version() + ")");
        }
    }

    /** One event as a line: {@code alert RAISED id STATION LEVEL at T value V}. */
    static String line(AlertEvent e) {
        StringBuilder sb = new StringBuilder("alert ").append(e.kind()).append(' ').append(e.alertId()).append(' ')
                .append(e.station().isEmpty() ? "-" : e.station()).append(' ').append(e.level()).append(" at ")
                .append(Readings.toInstant(e.timeMicros()));
        if (!Double.isNaN(e.value())) {
            sb.append(" value ").append(e.value());
        }
        if (e.kind() == AlertEvent.Kind.ACKNOWLEDGED) {
            sb.append(" by ").append(e.who()).append(": ").append(e.message());
        } else {
            sb.append(" (").append(e.message()).append(')');
        }
        return sb.toString();
    }

    private void printCurrent(PrintWriter out, List<Alert> active, RuleSet rules, Instant clock, RulesVersion v) {
        Map<String, WarningLevel> items = rules.rollUp().items(active);
        Optional<WarningLevel> facility = rules.rollUp().facility(active);
        switch (format) {
            case "json" -> {
                ObjectNode root = JSON.createObjectNode();
                root.put("at", clock.toString());
                root.put("rulesVersion", v.version());
                root.put("facility", facility.map(Enum::name).orElse(null));
                ObjectNode it = root.putObject("items");
                items.forEach((k, l) -> it.put(k, l.name()));
                ArrayNode arr = root.putArray("alerts");
                for (Alert a : active) {
                    ObjectNode o = arr.addObject();
                    o.put("id", a.id());
                    o.put("rule", a.ruleId());
                    o.put("station", a.station());
                    o.put("item", a.item());
                    o.put("level", a.level().name());
                    o.put("raised", Readings.toInstant(a.raisedMicros()).toString());
                    o.put("changed", Readings.toInstant(a.changedMicros()).toString());
                    if (!Double.isNaN(a.value())) {
                        o.put("value", a.value());
                    }
                    a.acknowledgement().ifPresent(k -> {
                        ObjectNode ack = o.putObject("acknowledgement");
                        ack.put("who", k.who());
                        ack.put("why", k.why());
                        ack.put("at", Readings.toInstant(k.timeMicros()).toString());
                    });
                }
                out.println(json(root));
            }
            case "csv" -> {
                out.println("id,rule,station,item,level,raised,changed,value,acknowledged_by,acknowledged_at,why");
                for (Alert a : active) {
                    out.println(csv(a.id(), a.ruleId(), a.station(), a.item(), a.level().name(),
                            Readings.toInstant(a.raisedMicros()).toString(),
                            Readings.toInstant(a.changedMicros()).toString(),
                            Double.isNaN(a.value()) ? "" : Double.toString(a.value()),
                            a.acknowledgement().map(k -> k.who()).orElse(""),
                            a.acknowledgement().map(k -> Readings.toInstant(k.timeMicros()).toString()).orElse(""),
                            a.acknowledgement().map(k -> k.why()).orElse("")));
                }
            }
            default -> {
                out.println("alerts at " + clock + " (rules version " + v.version() + "): " + active.size()
                        + " active; facility " + facility.map(Enum::name).orElse("none"));
                items.forEach((k, l) -> out.println("  item " + k + ": " + l.name()));
                for (Alert a : active) {
                    out.println(a.id() + "  " + a.level() + "  " + (a.station().isEmpty() ? "-" : a.station()) + "  "
                            + a.item() + "  raised " + Readings.toInstant(a.raisedMicros()) + ", changed "
                            + Readings.toInstant(a.changedMicros())
                            + (Double.isNaN(a.value()) ? "" : ", value " + a.value())
                            + a.acknowledgement().map(k -> ", acknowledged by " + k.who() + " at "
                                    + Readings.toInstant(k.timeMicros()) + ": " + k.why())
                                    .orElse(", not acknowledged"));
                }
            }
        }
    }

    private void printLog(PrintWriter out, List<AlertEvent> events, Instant clock, RulesVersion v) {
        switch (format) {
            case "json" -> {
                ObjectNode root = JSON.createObjectNode();
                root.put("at", clock.toString());
                root.put("rulesVersion", v.version());
                ArrayNode arr = root.putArray("events");
                for (AlertEvent e : events) {
                    ObjectNode o = arr.addObject();
                    o.put("time", Readings.toInstant(e.timeMicros()).toString());
                    o.put("kind", e.kind().name());
                    o.put("alert", e.alertId());
                    o.put("rule", e.ruleId());
                    o.put("station", e.station());
                    o.put("item", e.item());
                    o.put("level", e.level().name());
                    if (!Double.isNaN(e.value())) {
                        o.put("value", e.value());
                    }
                    o.put("who", e.who());
                    o.put("message", e.message());
                }
                out.println(json(root));
            }
            case "csv" -> {
                out.println("time,kind,alert,rule,station,item,level,value,who,message");
                for (AlertEvent e : events) {
                    out.println(csv(Readings.toInstant(e.timeMicros()).toString(), e.kind().name(), e.alertId(),
                            e.ruleId(), e.station(), e.item(), e.level().name(),
                            Double.isNaN(e.value()) ? "" : Double.toString(e.value()), e.who(), e.message()));
                }
            }
            default -> {
                out.println(events.size() + " alert events up to " + clock + " (rules version " + v.version() + ")");
                events.forEach(e -> out.println(line(e)));
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static String json(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (i > 0) {
                sb.append(',');
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    private static String user(String user) {
        return user != null ? user : System.getProperty("user.name");
    }
}
