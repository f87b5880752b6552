package org.geoassure.server.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.model.LogData;
import org.geoassure.server.cli.RowWriter.Col;

/**
 * Well logs as rows for {@code geoassure export WS logs}: hole_id, log, depth (m), then one column per curve mnemonic
 * over all logs written (in order of first appearance, matched ignoring case); a null, or a curve the log lacks, is an
 * empty CSV field and a JSON null.
 */
final class LogRows {
    private LogRows() {
    }

    /** Writes every sample of {@code logs}; returns the rows written. */
    static long write(List<LogData> logs, String format, RowWriter.Output out) {
        Map<String, Integer> columnOf = new LinkedHashMap<>();
        List<Col> cols = new ArrayList<>(List.of(Col.text("hole_id"), Col.text("log"), Col.number("depth")));
        for (LogData l : logs) {
            for (var c : l.curves()) {
                String key = c.mnemonic().toUpperCase(Locale.ROOT);
                if (!columnOf.containsKey(key)) {
                    columnOf.put(key, cols.size());
                    cols.add(Col.number(c.mnemonic()));
                }
            }
        }
        long n = 0;
        try (RowWriter w = RowWriter.create(format, out, cols)) {
            for (LogData l : logs) {
                int[] at = new int[l.curves().size()];
                for (int k = 0; k < at.length; k++) {
                    at[k] = columnOf.get(l.curves().get(k).mnemonic().toUpperCase(Locale.ROOT));
                }
                for (int i = 0; i < l.samples(); i++) {
                    Object[] row = new Object[cols.size()];
                    row[0] = l.holeId();
                    row[1] = l.name();
                    row[2] = l.depth(i);
                    for (int k = 0; k < at.length; k++) {
                        double v = l.value(k, i);
                        row[at[k]] = Double.isNaN(v) ? null : v;
                    }
                    w.row(java.util.Arrays.asList(row));
                    n++;
                }
            }
        }
        return n;
    }
}
