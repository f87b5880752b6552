package org.geoassure.server.cli;

import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.ingest.drillhole.DrillholeValidationException;

/** Extra lines to print for an error that carries several findings. */
final class Errors {
    private Errors() {
    }

    static List<String> details(InvalidContentException e) {
        if (e instanceof DrillholeValidationException v && v.errors().size() > 1) {
            return v.errors();
        }
        return List.of();
    }
}
