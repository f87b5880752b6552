package org.geoassure.server.cli;

import org.geoassure.geodb.InvalidContentException;

/** Output format checks. */
final class Formats {
    private Formats() {
    }

    static void check(String format) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new InvalidContentException("--format: '" + format + "' is not one of csv, json");
        }
    }
}
