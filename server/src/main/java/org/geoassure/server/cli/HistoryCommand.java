package org.geoassure.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.server.cli.RowWriter.Col;
import org.geoassure.server.cli.RowWriter.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Every version of a hole on both time axes: valid period, record period, collar, survey size.",
            "With --table: every version of the hole's rows in that interval table (what changed, and when we knew it)."})
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Parameters(index = "1", paramLabel = "HOLE_ID", description = "the hole id as in the collar file")
    String holeId;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE}); no arrow")
    String format;

    @Option(names = "--table", paramLabel = "NAME", description = "show the versions of the hole's interval rows in NAME")
    String table;

    @Override
    public Integer call() {
        Formats.checkText("history", format);
        try (WorkspaceStore store = ws.open()) {
            List<HoleVersion> versions = store.history(holeId);
            if (versions.isEmpty()) {
                throw new InvalidContentException("HOLE_ID: no hole '" + holeId + "' in " + ws.path);
            }
            if (table != null) {
                intervals(store);
                return 0;
            }
            try (RowWriter out = RowWriter.create(format, spec.commandLine().getOut(), List.of(Col.text("hole_id"),
                    new Col("version", Kind.LONG), Col.text("valid_from"), Col.text("valid_to"), Col.text("recorded_at"),
                    Col.text("superseded_at"), Col.number("x"), Col.number("y"), Col.number("z"),
                    Col.number("total_depth"), new Col("stations", Kind.LONG), Col.text("desurvey_method"),
                    new Col("ingest", Kind.LONG)))) {
                for (HoleVersion v : versions) {
                    List<Object> row = new ArrayList<>();
                    row.add(v.holeId());
                    row.add(v.versionId());
                    row.add(v.valid().from().toString());
                    row.add(v.valid().end().map(Object::toString).orElse(null));
                    row.add(v.recorded().from().toString());
                    row.add(v.recorded().end().map(Object::toString).orElse(null));
                    row.add(v.collar().x());
                    row.add(v.collar().y());
                    row.add(v.collar().z());
                    row.add(v.collar().totalDepth());
                    row.add(v.survey().size());
                    row.add(v.method().label());
                    row.add(v.ingestId());
                    out.row(row);
                }
            }
        }
        return 0;
    }

    private void intervals(WorkspaceStore store) {
        List<Col> cols = Rows.attributeColumns(store.intervalColumns(table));
        cols.addAll(List.of(Col.text("valid_from"), Col.text("valid_to"), Col.text("recorded_at"),
                Col.text("superseded_at")));
        try (RowWriter out = RowWriter.create(format, spec.commandLine().getOut(), cols)) {
            for (IntervalRecord r : store.intervalHistory(table, holeId)) {
                List<Object> row = new ArrayList<>();
                row.add(r.holeId());
                row.add(r.from());
                row.add(r.to());
                row.addAll(r.values().values());
                row.add(r.valid().from().toString());
                row.add(r.valid().end().map(Object::toString).orElse(null));
                row.add(r.recorded().from().toString());
                row.add(r.recorded().end().map(Object::toString).orElse(null));
                out.row(row);
            }
        }
    }
}
