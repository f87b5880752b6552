package org.geoassure.ingest.las;

import java.io.IOException;
import java.io.Writer;
import org.geoassure.geodb.model.LogCurve;
import org.geoassure.geodb.model.LogData;

/**
 * Writes one log as LAS 2.0 (CWLS), unwrapped: {@code ~Version}, {@code ~Well} (STRT, STOP, STEP in metres, NULL
 * -999.25, WELL and UWI the hole id), {@code ~Curve} (DEPT.M then each curve with its unit and description) and
 * {@code ~ASCII}, one line per depth. Depths are metres (as stored); a NaN value is written as the NULL value. Numbers
 * are Java's shortest exact decimal form without an exponent, so {@link LasReader} reads back the same doubles.
 */
public final class LasWriter {
    /** The NULL value written for missing samples. */
    public static final double NULL = -999.25;

    private LasWriter() {
    }

    public static void write(LogData log, Writer out) throws IOException {
        int n = log.samples();
        double strt = n == 0 ? 0 : log.depth(0);
        double stop = n == 0 ? 0 : log.depth(n - 1);
        double step = n < 2 ? 0 : log.depth(1) - log.depth(0);
        for (int i = 2; i < n && step != 0; i++) {
            if (Math.abs(log.depth(i) - log.depth(i - 1) - step) > 1e-9 * Math.max(1, Math.abs(step))) {
                step = 0;
            }
        }
        StringBuilder b = new StringBuilder(1024);
        b.append("~VERSION INFORMATION\n");
        b.append(" VERS.                 2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0\n");
        b.append(" WRAP.                  NO : ONE LINE PER DEPTH STEP\n");
        b.append("~WELL INFORMATION\n");
        b.append(" STRT.M ").append(number(strt)).append(" : START DEPTH\n");
        b.append(" STOP.M ").append(number(stop)).append(" : STOP DEPTH\n");
        b.append(" STEP.M ").append(number(step)).append(" : STEP\n");
        b.append(" NULL. ").append(number(NULL)).append(" : NULL VALUE\n");
        b.append(" WELL. ").append(clean(log.holeId())).append(" : WELL\n");
        b.append(" UWI. ").append(clean(log.holeId())).append(" : UNIQUE WELL ID\n");
        b.append("~CURVE INFORMATION\n");
        b.append(" DEPT.M : DEPTH\n");
        for (LogCurve c : log.curves()) {
            b.append(' ').append(c.mnemonic().replaceAll("[\\s.:]", "_")).append('.').append(c.unit()
                    .replaceAll("\\s", "")).append(" : ").append(clean(c.description())).append('\n');
        }
        b.append("~ASCII\n");
        out.write(b.toString());
        for (int i = 0; i < n; i++) {
            b.setLength(0);
            b.append(number(log.depth(i)));
            for (int k = 0; k < log.curves().size(); k++) {
                double v = log.value(k, i);
                b.append(' ').append(number(Double.isNaN(v) ? NULL : v));
            }
            out.write(b.append('\n').toString());
        }
        out.flush();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).toPlainString();
    }

    private static String clean(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace(':', ';');
    }
}
