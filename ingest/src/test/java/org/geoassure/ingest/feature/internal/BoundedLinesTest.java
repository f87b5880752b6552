package org.geoassure.ingest.feature.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;

/** Line splitting agrees with {@link BufferedReader#readLine()}, also across the 64 Ki-char buffer boundary. */
class BoundedLinesTest {
    private static List<String> ours(String text) throws IOException {
        BoundedLines l = new BoundedLines(new StringReader(text), "t");
        List<String> out = new ArrayList<>();
        for (String s; (s = l.readLine()) != null;) {
            out.add(s);
        }
        return out;
    }

    private static List<String> jdk(String text) throws IOException {
        return new BufferedReader(new StringReader(text)).lines().toList();
    }

    @Test
    void endingsLikeBufferedReader() throws IOException {
        for (String t : new String[] {"", "a", "a\n", "a\r\nb", "a\rb\r", "\n\n", "a\r\r\nb\n\r", "x\r\n\r\ny"}) {
            assertEquals(jdk(t), ours(t), t);
        }
    }

    @Test
    void acrossBufferBoundary() throws IOException {
        for (int pad = (1 << 16) - 3; pad <= (1 << 16) + 1; pad++) {
            String t = "x".repeat(pad) + "\r\n" + "y".repeat(70_000) + "\rz\n";
            assertEquals(jdk(t), ours(t), "pad " + pad);
        }
    }

    @Test
    void tooLongLine() {
        String t = "ok\n" + "x".repeat(BoundedLines.MAX_LINE + 1);
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> ours(t));
        assertEquals("t:2: line longer than 1048576 characters", e.getMessage());
    }
}
