package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.store.WorkspaceStats;
import org.geoassure.geodb.store.WorkspaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true, description = "Show the workspace: CRS, datasets, counts, ingests.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Override
    public Integer call() {
        try (WorkspaceStore store = ws.open()) {
            print(store, spec.commandLine().getOut());
        }
        return 0;
    }

    static void print(WorkspaceStore store, PrintWriter out) {
        var info = store.info();
        WorkspaceStats st = store.stats();
        out.printf("workspace      %s%n", info.name());
        out.printf("crs            %s%n", info.crs());
        out.printf("vertical datum %s%n", info.verticalDatum());
        out.printf("units          %s (depths along hole, z = elevation up)%n", info.lengthUnit());
        out.printf("created        %s%n", info.createdAt());
        out.printf("boreholes      %d current, %d versions%n", st.holes(), st.holeVersions());
        out.printf("survey stations %d current%n", st.stations());
        st.intervalRows().forEach((t, n) -> out.printf("intervals      %-12s %d current rows%n", t, n));
        if (store instanceof org.geoassure.geodb.store.BlockModelStore blocks) {
            for (var v : blocks.blockModels()) {
                var m = v.model();
                out.printf("block model    %-12s v%d: %d x %d x %d cells of %s x %s x %s m, %d stored, %d attributes%n",
                        m.name(), v.version(), m.nx(), m.ny(), m.nz(), RowWriter.number(m.dx()), RowWriter.number(m.dy()),
                        RowWriter.number(m.dz()), v.cells(), m.attributes().size());
            }
        }
        if (store instanceof org.geoassure.geodb.store.SeriesStore series) {
            var c = series.seriesCounts();
            out.printf("monitoring     %d stations, %d readings (%d versions)%n", c.stations(), c.readings(),
                    c.readingVersions());
        }
        out.printf("ingests        %d%n", st.ingests());
        for (IngestRecord r : store.ingests()) {
            out.printf("  #%d %s %s by %s: %d new, %d changed, %d unchanged holes, %d interval rows, %d warnings%n",
                    r.id(), r.recordedAt(), r.kind(), r.provenance().user(), r.holesNew(), r.holesChanged(),
                    r.holesUnchanged(), r.intervalRows(), r.provenance().warnings().size());
            r.provenance().sources().forEach(f -> out.printf("     %-20s %s (%d rows, sha256 %s)%n", f.role(), f.name(),
                    f.rows(), f.sha256().substring(0, 16)));
        }
    }
}
