package org.geoassure.server.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import org.geoassure.geodb.InvalidContentException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code geoassure} command line. Exit codes: 0 success, 2 bad input (with file:line and a one-line reason),
 * 1 internal failure.
 */
@Command(name = "geoassure", mixinStandardHelpOptions = true, version = "geoassure 0.1.0-SNAPSHOT",
        description = "Open 3D geological database and query engine for mine geological assurance.",
        subcommands = {InitCommand.class, IngestCommand.class, ExportCommand.class, QueryCommand.class, InfoCommand.class,
            HistoryCommand.class, CheckCommand.class, CopyCommand.class, BackupCommand.class, RestoreCommand.class,
            RenderCommand.class,
            DemoCommand.class, BenchCommand.class, ServeCommand.class, HazardCommand.class, ModelCommand.class,
            AlertsCommand.class})
public final class GeoAssureCli implements Runnable {
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an internal failure. */
    public static final int INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard output for bytes (--format arrow without --out): picocli's writer carries only text. */
    final OutputStream binaryOut;

    private GeoAssureCli(OutputStream binaryOut) {
        this.binaryOut = binaryOut;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (for tests); binary output goes to {@code System.out}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, System.out, err, args);
    }

    /**
     * Runs the command line and returns the exit code; text goes to {@code out}, binary output (Arrow without
     * {@code --out}) to {@code binaryOut}.
     */
    public static int run(PrintWriter out, OutputStream binaryOut, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new GeoAssureCli(binaryOut));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            Throwable t = ex;
            if (t instanceof InvalidContentException bad) {
                err.println("error: " + bad.getMessage());
                for (String more : Errors.details(bad)) {
                    err.println("  " + more);
                }
                err.flush();
                return BAD_INPUT;
            }
            err.println("internal error: " + t);
            t.printStackTrace(err);
            err.flush();
            return INTERNAL;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap). Results "
                    + "stream, but a SQL ORDER BY, GROUP BY, DISTINCT or join holds its rows in memory: narrow the query "
                    + "or give more heap, e.g. GEOASSURE_JAVA_OPTS=-Xmx8g. Nothing was written.");
            err.flush();
            return INTERNAL;
        }
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(run(out, System.out, err, args));
    }
}
