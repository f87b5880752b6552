package org.geoassure.ingest.drillhole.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the line of the first byte sequence that is not valid UTF-8 (used only to report a decoding error). */
public final class Utf8Check {
    private Utf8Check() {
    }

    /**
     * The 1-based physical line (LF, CRLF or CR endings) of the first invalid UTF-8 sequence, or -1 when the file
     * is valid UTF-8.
     */
    public static long firstInvalidLine(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            boolean cr = false;
            int b;
            while ((b = in.read()) >= 0) {
                if (b < 0x80) {
                    if (b == '\n') {
                        if (!cr) {
                            line++;
                        }
                    } else if (b == '\r') {
                        line++;
                    }
                    cr = b == '\r';
                    continue;
                }
                cr = false;
                int more;
                int lo = 0x80;
                int hi = 0xBF;
                if (b >= 0xC2 && b <= 0xDF) {
                    more = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    more = 2;
                    if (b == 0xE0) {
                        lo = 0xA0;
                    } else if (b == 0xED) {
                        hi = 0x9F;
                    }
                } else if (b >= 0xF0 && b <= 0xF4) {
                    more = 3;
                    if (b == 0xF0) {
                        lo = 0x90;
                    } else if (b == 0xF4) {
                        hi = 0x8F;
                    }
                } else {
                    return line;
                }
                for (int k = 0; k < more; k++) {
                    int c = in.read();
                    if (c < lo || c > hi) {
                        return line;
                    }
                    lo = 0x80;
                    hi = 0xBF;
                }
            }
            return -1;
        }
    }
}
