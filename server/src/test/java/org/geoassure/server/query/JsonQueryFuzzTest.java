package org.geoassure.server.query;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.geoassure.geodb.InvalidContentException;

/**
 * Fuzz target for the JSON query reader (issue 12), the body of {@code POST /api/v1/query}: whatever the text,
 * {@link JsonQuery#parse} returns a query or throws {@link InvalidContentException}; anything else is a finding. A
 * parsed query's canonical form parses again to the same form. Regression mode over
 * {@code src/test/resources/org/geoassure/server/query/JsonQueryFuzzTestInputs/query/} in the normal build;
 * {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md).
 */
class JsonQueryFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void query(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8); // as the server decodes a body
        JsonQuery q;
        try {
            q = JsonQuery.parse(text, "fuzz");
        } catch (InvalidContentException expected) {
            return;
        }
        String canonical = q.toJson();
        String again = JsonQuery.parse(canonical, "canonical").toJson();
        if (!again.equals(canonical)) {
            throw new IllegalStateException("the canonical form does not round-trip: " + canonical + " -> " + again);
        }
    }
}
