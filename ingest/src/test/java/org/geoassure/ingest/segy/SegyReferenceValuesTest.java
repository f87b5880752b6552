package org.geoassure.ingest.segy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SEG-Y expectations of shared/data/reference-results.md section D, asserted by segyio's own tests
 * (github.com/equinor/segyio python/test/segy.py, LGPL-3.0), on segyio's test files.
 */
class SegyReferenceValuesTest {

    /** segyio test_read_sample / test_traces: small.sgy and small-lsb.sgy hold il + xl / 100 + sample * 1e-5. */
    @ParameterizedTest
    @CsvSource({"segyio_small.sgy, BIG_ENDIAN", "segyio_small-lsb.sgy, LITTLE_ENDIAN"})
    void smallEveryTraceFollowsTheFormula(String name, String order) throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file(name))) {
            assertEquals(order, f.byteOrder().toString());
            assertEquals(SampleFormat.IBM_FLOAT, f.sampleFormat());
            assertEquals(50, f.samplesPerTrace());
            assertEquals(4000.0, f.sampleInterval());
            assertEquals(25, f.traceCount());
            assertEquals(TextualHeader.Encoding.EBCDIC, f.textualHeader().encoding());
            float[] s = new float[50];
            for (int t = 0; t < 25; t++) {
                TraceHeader h = f.traceHeader(t);
                f.readSamples(t, s, 0);
                for (int i = 0; i < 50; i++) {
                    assertEquals(h.inline() + h.crossline() / 100.0 + i * 1e-5, s[i], 1e-6,
                            name + " trace " + t + " sample " + i);
                }
            }
            SurveyGeometry g = f.geometry();
            assertEquals(SurveyGeometry.Kind.POST_STACK_3D, g.kind());
            assertEquals(SurveyGeometry.Sorting.INLINE, g.sorting());
            assertEquals(java.util.List.of(1, 5, 1, 20, 24, 1), java.util.List.of(g.inlineMin(), g.inlineMax(),
                    g.inlineStep(), g.crosslineMin(), g.crosslineMax(), g.crosslineStep()));
            int t = g.traceIndex(4, 20, 0).orElseThrow();
            f.readSamples(t, s, 0);
            assertEquals(4.20, s[0], 1e-6);
            assertEquals(4.20024, s[24], 1e-6);
            assertEquals(4.20049, s[49], 1e-6);
        }
    }

    /** segyio test_read_f3 / test_multiformats: trace 10 of F3, samples 20..40 step 5 and 53, 52, 51. */
    @ParameterizedTest
    @CsvSource({"segyio_f3.sgy, INT16", "segyio_f3-lsb.sgy, INT16", "segyio_multiformats_Format1msb.sgy, IBM_FLOAT",
        "segyio_multiformats_Format2msb.sgy, INT32", "segyio_multiformats_Format3msb.sgy, INT16",
        "segyio_multiformats_Format5msb.sgy, IEEE_FLOAT", "segyio_multiformats_Format5lsb.sgy, IEEE_FLOAT"})
    void f3Trace10(String name, SampleFormat format) throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file(name))) {
            assertEquals(format, f.sampleFormat());
            assertEquals(75, f.samplesPerTrace());
            assertEquals(414, f.traceCount());
            float[] s = new float[75];
            f.readSamples(10, s, 0);
            assertArrayEquals(new float[] {0, -1170, 5198, -2213, -888}, new float[] {s[20], s[25], s[30], s[35],
                s[40]});
            assertArrayEquals(new float[] {-2609, -2625, 681}, new float[] {s[53], s[52], s[51]});
            SurveyGeometry g = f.geometry();
            assertEquals(java.util.List.of(111, 133, 875, 892), java.util.List.of(g.inlineMin(), g.inlineMax(),
                    g.crosslineMin(), g.crosslineMax()));
            float[] all = new float[414 * 75];
            f.readTraces(0, 414, all, 0);
            assertArrayEquals(s, java.util.Arrays.copyOfRange(all, 10 * 75, 11 * 75), "readTraces = readSamples");
        }
    }

    /** segyio test_multiformats: Format8msb is int8, re-scaled: trace 10 samples 20..40 step 5. */
    @Test
    void format8IsRescaled() throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_multiformats_Format8msb.sgy"))) {
            assertEquals(SampleFormat.INT8, f.sampleFormat());
            float[] s = new float[75];
            f.readSamples(10, s, 0);
            assertArrayEquals(new float[] {0, 110, 78, 91, -120}, new float[] {s[20], s[25], s[30], s[35], s[40]});
        }
    }

    /** segyio test_attributes / test_scalar: f3-lsb gives f3's dt array, scalco of trace 6, first CDP X/Y. */
    @Test
    void f3LittleEndianHeaders() throws Exception {
        try (SegyFile lsb = SegyReader.open(SegyTestFiles.file("segyio_f3-lsb.sgy"));
                SegyFile msb = SegyReader.open(SegyTestFiles.file("segyio_f3.sgy"))) {
            assertEquals(ByteOrder.LITTLE_ENDIAN, lsb.byteOrder());
            assertEquals(4000.0, lsb.sampleInterval());
            for (int t = 0; t < 414; t++) {
                assertEquals(msb.traceHeader(t).sampleInterval(), lsb.traceHeader(t).sampleInterval(), "dt " + t);
            }
            assertEquals(4000, lsb.traceHeader(0).sampleInterval());
            assertEquals(-10, lsb.traceHeader(6).coordinateScalar());
            assertEquals(msb.traceHeader(6).coordinateScalar(), lsb.traceHeader(6).coordinateScalar());
            TraceHeader first = lsb.traceHeader(0);
            assertEquals(6201972, first.cdpXRaw());
            assertEquals(60742329, first.cdpYRaw());
            assertEquals(620197.2, first.cdpX(), 1e-9);
            assertEquals(6074232.9, first.cdpY(), 1e-9);
        }
    }

    /** segyio test_delay_scalar: delay 10000 with time scalar -10 gives a first sample time of 1000 ms. */
    @Test
    void delayScalar() throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_delay-scalar.sgy"))) {
            TraceHeader h = f.traceHeader(0);
            assertEquals(10000, h.delayRecordingTimeRaw());
            assertEquals(-10, h.timeScalar());
            assertEquals(1000.0, h.delayRecordingTime());
            assertEquals(251, f.samplesPerTrace());
            assertEquals(1, f.traceCount());
            assertEquals(TextualHeader.Encoding.ASCII, f.textualHeader().encoding());
        }
    }

    /** segyio test_multi_text: 4 extended textual headers, EBCDIC, first character "C". */
    @Test
    void multiText() throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_multi-text.sgy"))) {
            assertEquals(4, f.extendedTextualHeaders().size());
            for (TextualHeader t : f.extendedTextualHeaders()) {
                assertEquals(TextualHeader.Encoding.EBCDIC, t.encoding());
                assertEquals("C", t.text().substring(0, 1));
            }
            assertEquals(3600 + 4 * 3200, f.extendedTextualHeaders().get(3).byteOffset() + 3200);
            assertEquals(1, f.traceCount());
            assertEquals(1, f.samplesPerTrace());
        }
    }

    /** segyio test_create_from_text / text.sgy: textual and binary header only, zero traces. */
    @Test
    void textOnlyFileHasZeroTraces() throws Exception {
        try (SegyFile f = SegyReader.open(SegyTestFiles.file("segyio_text.sgy"))) {
            assertEquals(0, f.traceCount());
            assertEquals(SurveyGeometry.Kind.UNSTRUCTURED, f.geometry().kind());
            assertEquals("C", f.textualHeader().text().substring(0, 1));
        }
    }
}
