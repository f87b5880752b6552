package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.Progress;

/** A one-line progress bar on stderr, drawn only when stderr is a terminal; silent otherwise. */
final class ProgressBar implements Progress, WorkspaceStore.WriteProgress, AutoCloseable {
    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private int lastPercent = -1;

    ProgressBar(PrintStream err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    /** A bar on System.err when stderr is a terminal, else a silent one. */
    static ProgressBar forTerminal(String label) {
        return new ProgressBar(System.err, label, stderrIsTerminal());
    }

    /** Linux: where file descriptor 2 points; elsewhere, whether the JVM has a console. */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall back below
        }
        return System.console() != null;
    }

    @Override
    public void written(long done, long total) {
        update(done, total);
    }

    @Override
    public void update(long done, long total) {
        if (!enabled || total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int width = 30;
        int filled = percent * width / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + percent + "%");
        err.flush();
    }

    @Override
    public void close() {
        if (enabled && lastPercent >= 0) {
            err.print("\r" + " ".repeat(label.length() + 40) + "\r");
            err.flush();
        }
    }
}
