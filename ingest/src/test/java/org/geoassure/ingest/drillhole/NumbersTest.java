package org.geoassure.ingest.drillhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.geoassure.ingest.drillhole.internal.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast number parser agrees with the JDK and is strict. */
class NumbersTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+2", "1.5", ".5", "5.", "0.0299999993", "2296021.09", "1e3", "-1.5E-3",
        "2517.4", "123456789012345", "1234567890123456789", "0.000000000000000000000001", "9007199254740993",
        "3.141592653589793238462643383279", "1E+2", "00012.50"})
    void numbers(String s) {
        assertEquals(Double.parseDouble(s), Numbers.parse(s), 0.0, s);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(Numbers.parse(s)), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN", "Infinity", "-Infinity", "1d", "1f", "0x10", "1e", "1e+", "+", "-", ".", "-.",
        "1.2.3", "1,5", "abc", "1 2", "1e400", "--1", "e5"})
    void notNumbers(String s) {
        assertTrue(Double.isNaN(Numbers.parse(s)), s);
    }

    @Test
    void randomDecimalsMatchTheJdkBitForBit() {
        Random rnd = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextBoolean()) {
                sb.append('-');
            }
            int intDigits = rnd.nextInt(9);
            for (int k = 0; k < intDigits; k++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            int frac = rnd.nextInt(12);
            if (frac > 0 || intDigits == 0) {
                sb.append('.');
                for (int k = 0; k < Math.max(frac, 1); k++) {
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
            }
            String s = sb.toString();
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(Numbers.parse(s)),
                    s);
        }
    }

    @Test
    void nullTokens() {
        for (String s : new String[] {"", "NA", "na", "N/A", "n/a", "NULL", "null", "Null"}) {
            assertTrue(Numbers.isNull(s), s);
        }
        for (String s : new String[] {"0", "N", "NAN", "NONE", "-"}) {
            assertTrue(!Numbers.isNull(s), s);
        }
    }

    @Test
    void format() {
        assertEquals("90000", Numbers.format(90000));
        assertEquals("2517.4", Numbers.format(2517.4));
        assertEquals("-5", Numbers.format(-5));
    }
}
