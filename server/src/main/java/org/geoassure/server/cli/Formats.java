package org.geoassure.server.cli;

import org.geoassure.geodb.InvalidContentException;

/** Output format checks (exit 2 on a bad --format). */
final class Formats {
    private Formats() {
    }

    /** Accepts the row formats: csv, json, arrow. */
    static void check(String format) {
        if (!format.equals("csv") && !format.equals("json") && !format.equals("arrow")) {
            throw new InvalidContentException("--format: '" + format + "' is not one of csv, json, arrow");
        }
    }

    /** Accepts the text formats only, for {@code command}'s short listings. */
    static void checkText(String command, String format) {
        if (format.equals("arrow")) {
            throw new InvalidContentException("--format: arrow is not offered by " + command + "; use csv or json");
        }
        check(format);
    }
}
