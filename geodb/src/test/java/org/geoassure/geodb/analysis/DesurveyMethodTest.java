package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DesurveyMethodTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "minimum-curvature   | MINIMUM_CURVATURE",
        "MINIMUM_CURVATURE   | MINIMUM_CURVATURE",
        "Minimum-Curvature   | MINIMUM_CURVATURE",
        "tangent             | TANGENT",
        "TANGENT             | TANGENT",
        "balanced-tangent    | BALANCED_TANGENT",
        "Balanced_Tangent    | BALANCED_TANGENT",
        "BALANCED_TANGENT    | BALANCED_TANGENT",
    })
    void parsesLabelsCaseInsensitivelyWithUnderscores(String text, DesurveyMethod expected) {
        assertEquals(expected, DesurveyMethod.parse(text));
    }

    @Test
    void parseIgnoresSurroundingBlanks() {
        assertEquals(DesurveyMethod.TANGENT, DesurveyMethod.parse("  tangent\t"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"min curv", "minimum curvature", "radius-of-curvature", "balanced"})
    void parseRejectsUnknownNames(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DesurveyMethod.parse(text));
        assertEquals(true, e.getMessage().contains("minimum-curvature"));
    }

    @ParameterizedTest
    @EnumSource(DesurveyMethod.class)
    void labelRoundTrips(DesurveyMethod m) {
        assertEquals(m, DesurveyMethod.parse(m.label()));
        assertEquals(m, DesurveyMethod.parse(m.name()));
        assertEquals(m.label(), m.toString());
    }

    @Test
    void labels() {
        assertEquals("minimum-curvature", DesurveyMethod.MINIMUM_CURVATURE.label());
        assertEquals("tangent", DesurveyMethod.TANGENT.label());
        assertEquals("balanced-tangent", DesurveyMethod.BALANCED_TANGENT.label());
    }
}
