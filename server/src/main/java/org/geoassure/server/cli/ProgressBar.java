package org.geoassure.server.cli;

import java.io.PrintStream;
import org.geoassure.ingest.Progress;

/** A one-line progress bar on stderr, drawn only when stderr is a terminal; silent otherwise. */
final class ProgressBar implements Progress, AutoCloseable {
    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private int lastPercent = -1;

    private ProgressBar(PrintStream err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    /** A bar on System.err when the process has a terminal (System.console() != null), else a silent one. */
    static ProgressBar forTerminal(String label) {
        return new ProgressBar(System.err, label, System.console() != null);
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
