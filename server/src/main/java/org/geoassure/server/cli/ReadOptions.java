package org.geoassure.server.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.query.Selection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Time slice and output options shared by export and query. */
final class ReadOptions {
    @Option(names = "--as-of", paramLabel = "T",
            description = "valid time: the state of the ground at T (2025-06-01 or 2025-06-01T08:00:00Z); default now")
    String asOf;

    @Option(names = "--recorded-as-of", paramLabel = "T",
            description = "record time: what the workspace knew at T; default now")
    String recordedAsOf;

    @Option(names = "--format", defaultValue = "csv",
            description = "csv, json or arrow (Arrow IPC stream; default ${DEFAULT-VALUE}); export blocks: also "
                    + "voxet (with --out F.vo)")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    /** The command this is mixed into: its root {@link GeoAssureCli} holds the binary standard output. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    Selection apply(Selection s) {
        Formats.check(format);
        return time(s);
    }

    /** The time options alone, for an export whose --format is not a row format (the command checks it). */
    Selection time(Selection s) {
        Selection r = s;
        if (asOf != null) {
            r = r.asOf(Times.parse("--as-of", asOf));
        }
        if (recordedAsOf != null) {
            r = r.recordedAsOf(Times.parse("--recorded-as-of", recordedAsOf));
        }
        return r;
    }

    private Path partial;

    /**
     * Where to write: standard output, or for {@code --out} a temporary file beside it that {@link #finish} moves into
     * place only when everything was written, so a failed export never leaves a partial file. Text goes to
     * {@code stdout}, bytes (Arrow) to the command line's binary standard output.
     */
    RowWriter.Output open(PrintWriter stdout) {
        if (out == null) {
            return new RowWriter.Output(stdout, ((GeoAssureCli) command.root().userObject()).binaryOut);
        }
        try {
            Path dir = out.toAbsolutePath().getParent();
            // not Files.createTempFile: its owner-only permissions would stay on the finished file
            partial = dir.resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime()
                    + ".partial");
            OutputStream bytes = new BufferedOutputStream(Files.newOutputStream(partial,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE));
            return new RowWriter.Output(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), bytes);
        } catch (IOException e) {
            throw new StorageException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** Opens the output, lets {@code body} write to it, and completes it (see {@link #finish}). */
    void output(PrintWriter stdout, java.util.function.Consumer<RowWriter.Output> body) {
        RowWriter.Output w = open(stdout);
        boolean ok = false;
        try {
            body.accept(w);
            ok = true;
        } finally {
            finish(w, ok);
        }
    }

    /** Completes {@code --out}: moves the finished file into place when {@code ok}, else deletes it. */
    void finish(RowWriter.Output w, boolean ok) {
        if (out == null) {
            return;
        }
        try {
            w.text().close(); // closes the bytes under it too
            if (ok) {
                Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new StorageException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
