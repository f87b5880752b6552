package org.geoassure.ingest.series;

import java.util.List;
import org.geoassure.geodb.model.SourceFile;

/**
 * What {@link SeriesReader} read from one file.
 *
 * @param series the series, in file order
 * @param source the file with its checksum and data rows
 * @param warnings {@code file:line: reason} (skipped rows, unit conversions)
 */
public record SeriesReadResult(List<Series> series, SourceFile source, List<String> warnings) {
    public SeriesReadResult {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }
}
