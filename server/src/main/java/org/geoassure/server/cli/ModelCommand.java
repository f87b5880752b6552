package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.ExperimentalVariogram;
import org.geoassure.geodb.analysis.LagClasses;
import org.geoassure.geodb.analysis.Samples;
import org.geoassure.geodb.analysis.VariogramDirection;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "model", mixinStandardHelpOptions = true, subcommands = {ModelCommand.Variogram.class, ModelBuildCommands.Surfaces.class,
        ModelBuildCommands.Lithology.class, ModelBuildCommands.Krige.class, ModelBuildCommands.Update.class},
        description = "Geostatistical modelling on a workspace (see docs/modelling.md).")
final class ModelCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Override
    public void run() {
        throw new InvalidContentException("model: name a subcommand (variogram, surfaces, lithology, krige, update)");
    }

    @Command(name = "variogram", mixinStandardHelpOptions = true,
            description = {"Experimental variogram of an interval table's numeric column at the interval mid-points "
                + "(current rows, one value per interval as stored, e.g. composites).",
                "Prints lag, np, dist, gamma per class; empty classes have np 0 and no dist/gamma."},
            footer = {"", "Example: geoassure model mine.gpkg variogram --table assays --column Au --lag 10 --lags 20"})
    static final class Variogram implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--table", required = true, description = "interval table")
        String table;

        @Option(names = "--column", required = true, description = "numeric column")
        String column;

        @Option(names = "--lag", description = "lag width (m); default: gstat's (bounding-box diagonal / 3 / 15)")
        Double lag;

        @Option(names = "--lags", defaultValue = "15", description = "number of lag classes (default ${DEFAULT-VALUE})")
        int lags;

        @Option(names = "--lag-tolerance", description = "half-width of each class (m); default lag/2 (adjacent "
                + "classes)")
        Double tolerance;

        @Option(names = "--azimuth", description = "direction azimuth (degrees clockwise from north); omit for an "
                + "omnidirectional variogram")
        Double azimuth;

        @Option(names = "--dip", defaultValue = "0", description = "direction dip (degrees, negative down; default 0)")
        double dip;

        @Option(names = "--angle-tolerance", defaultValue = "22.5", description = "half-angle of the direction cone "
                + "(degrees; default ${DEFAULT-VALUE})")
        double angleTolerance;

        @Option(names = "--band", defaultValue = "Infinity", description = "largest distance from the direction line "
                + "(m; default unlimited)")
        double band;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE})")
        String format;

        @Override
        public Integer call() {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new InvalidContentException("--format: '" + format + "' is not one of csv, json");
            }
            Samples s;
            try (WorkspaceStore store = parent.ws.open()) {
                if (!store.intervalTables().contains(table)) {
                    throw new InvalidContentException("--table: no interval table '" + table + "' (tables: "
                            + store.intervalTables() + ")");
                }
                s = read(store);
            }
            if (s.size() < 2) {
                throw new InvalidContentException("--column: " + column + " has " + s.size()
                        + " numeric values in " + table + "; a variogram needs at least 2");
            }
            LagClasses classes;
            if (lag == null) {
                LagClasses d = LagClasses.gstatDefault(s);
                classes = LagClasses.of(d.width() * 15 / lags, lags);
            } else {
                classes = new LagClasses(lag, lags, tolerance == null ? lag / 2 : tolerance);
            }
            VariogramDirection dir = azimuth == null ? VariogramDirection.omnidirectional()
                    : new VariogramDirection(azimuth, dip, angleTolerance, band);
            ExperimentalVariogram ev = ExperimentalVariogram.compute(s, classes, dir);
            print(spec.commandLine().getOut(), ev);
            return 0;
        }

        private Samples read(WorkspaceStore store) {
            DoubleList x = new DoubleList();
            DoubleList y = new DoubleList();
            DoubleList z = new DoubleList();
            DoubleList v = new DoubleList();
            boolean[] seen = {false};
            try (Stream<IntervalRecord> rows = store.intervals(table, Selection.all())) {
                rows.forEach(r -> {
                    if (!r.values().containsKey(column)) {
                        throw new InvalidContentException("--column: no column '" + column + "' in " + table
                                + " (columns: " + r.values().keySet() + ")");
                    }
                    seen[0] = true;
                    Object o = r.values().get(column);
                    if (o == null) {
                        return;
                    }
                    if (!(o instanceof Number n)) {
                        throw new InvalidContentException("--column: " + column + " is not numeric (hole "
                                + r.holeId() + " from " + r.from() + ": '" + o + "')");
                    }
                    double val = n.doubleValue();
                    if (!Double.isFinite(val) || !Double.isFinite(r.position(8))) {
                        return;
                    }
                    x.add(r.position(6));
                    y.add(r.position(7));
                    z.add(r.position(8));
                    v.add(val);
                });
            }
            return new Samples(x.toArray(), y.toArray(), z.toArray(), v.toArray());
        }

        private void print(PrintWriter out, ExperimentalVariogram ev) {
            long[] np = ev.pairs();
            double[] d = ev.distance();
            double[] g = ev.gamma();
            if (format.equals("csv")) {
                out.println("lag,np,dist,gamma");
                for (int k = 0; k < np.length; k++) {
                    out.println((k + 1) + "," + np[k] + "," + num(d[k]) + "," + num(g[k]));
                }
            } else {
                out.print("[");
                for (int k = 0; k < np.length; k++) {
                    out.printf(Locale.ROOT, "%s{\"lag\":%d,\"np\":%d,\"dist\":%s,\"gamma\":%s}", k == 0 ? "" : ",",
                            k + 1, np[k], np[k] == 0 ? "null" : num(d[k]), np[k] == 0 ? "null" : num(g[k]));
                }
                out.println("]");
            }
            out.flush();
        }

        private static String num(double v) {
            return Double.isNaN(v) ? "" : Double.toString(v);
        }
    }

    /** A growable double array. */
    private static final class DoubleList {
        private double[] a = new double[64];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
