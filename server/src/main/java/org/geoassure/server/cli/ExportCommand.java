package org.geoassure.server.cli;

import java.util.concurrent.Callable;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a dataset as CSV, JSON or Arrow (IPC stream).",
            "  traces     hole_id, depth, x, y, z of every survey station",
            "  intervals  hole_id, from, to, the attribute columns, x/y/z of from, to and mid (needs --table)"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Parameters(index = "1", paramLabel = "DATASET", description = "traces or intervals")
    String dataset;

    @Option(names = "--table", paramLabel = "NAME", description = "interval table to export (for intervals)")
    String table;

    @Mixin
    ReadOptions read;

    @Override
    public Integer call() {
        Selection s = read.apply(Selection.all());
        try (WorkspaceStore store = ws.open()) {
            Rows.Dataset what = switch (dataset) {
                case "traces" -> Rows.Dataset.STATIONS;
                case "intervals" -> Rows.Dataset.INTERVALS;
                default -> throw new InvalidContentException("DATASET: '" + dataset + "' is not one of traces, intervals");
            };
            read.output(spec.commandLine().getOut(), w -> Rows.write(store, what, table, s, read.format, w));
        }
        return 0;
    }
}
