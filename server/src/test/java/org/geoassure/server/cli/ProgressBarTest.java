package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsOnePercentStepAtATimeAndClearsItself() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "reading", true)) {
            bar.update(50, 100);
            bar.update(50, 100);
            bar.written(3, 3);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\rreading [###############               ] 50%"
                + "\rreading [##############################] 100%"
                + "\r" + " ".repeat("reading".length() + 40) + "\r", text);
    }

    @Test
    void silentWhenStderrIsNotATerminal() {
        // under Surefire stderr is a pipe to the forked JVM's parent
        assertFalse(ProgressBar.stderrIsTerminal());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", false)) {
            bar.update(1, 2);
        }
        assertEquals(0, bytes.size());
    }
}
