package org.geoassure.geodb.model;

import java.util.List;
import java.util.Map;

/**
 * Where an ingest came from: files with checksums, who ran it, with which parameters, and the warnings it gave.
 *
 * @param sources files read
 * @param user user name (the OS user unless given)
 * @param parameters options of the ingest (units, dip convention, desurvey method, mapping, CRS...), as text
 * @param warnings warnings printed during the ingest, each {@code file:line: reason}
 */
public record Provenance(List<SourceFile> sources, String user, Map<String, String> parameters, List<String> warnings) {
    public Provenance {
        sources = List.copyOf(sources);
        parameters = Map.copyOf(parameters);
        warnings = List.copyOf(warnings);
    }
}
