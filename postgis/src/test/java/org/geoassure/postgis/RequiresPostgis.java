package org.geoassure.postgis;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks for the cluster before any {@code @BeforeEach} method (the conformance suite's included, which would open a
 * store): without {@code GEODB_PG_URL} a test fails when {@code CI=true} and is skipped otherwise, with a message
 * saying what is missing, and no per-test hook runs.
 */
public final class RequiresPostgis implements BeforeEachCallback {
    static final String MISSING = "GEODB_PG_URL is not set: the PostGIS tests need a PostgreSQL 15 + PostGIS cluster "
            + "(start one with 'bash scripts/pg-throwaway.sh start' and export the URL it prints)";

    @Override
    public void beforeEach(ExtensionContext context) {
        url();
    }

    /** The cluster URL, or a failure (CI=true) or skip. */
    static String url() {
        String url = System.getenv("GEODB_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(MISSING);
            }
            Assumptions.abort(MISSING);
        }
        return url;
    }
}
