package org.geoassure.ingest.las;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.model.LogCurve;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.model.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LAS 2.0 written by {@link LasWriter} and read back by {@link LasReader}: the same depths, curves, units and values
 * (exactly, nulls through the NULL item), for the lasio 2.0 sample and a wrapped 1.2 file. lasio (the usual
 * independent reader) is not installed here, and GDAL does not read LAS.
 */
class LasWriterTest {
    @TempDir
    Path dir;

    static LogData log(LasFile las, String hole) {
        LasTable t = las.log().orElseThrow();
        List<LogCurve> curves = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Curve c : t.curves().subList(1, t.curves().size())) {
            curves.add(new LogCurve(c.mnemonic(), c.unit(), c.definition().description()));
            values.add(c.toArray());
        }
        return new LogData(hole, "log", "M", curves, t.curves().get(0).toArray(), values,
                new SourceFile("las", "x", "0", t.rows()));
    }

    private void roundTrip(String sample) throws IOException {
        LogData in = log(LasReader.read(LasSamples.path(sample), LasOptions.defaults()), "DH-1");
        Path f = dir.resolve("out.las");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.US_ASCII)) {
            LasWriter.write(in, w);
        }
        LasFile back = LasReader.read(f, LasOptions.defaults());
        assertEquals(LasVersion.V2_0, back.version());
        assertEquals("DH-1", back.item(SectionKind.WELL, "UWI").orElseThrow().value());
        LogData out = log(back, "DH-1");
        assertArrayEquals(in.depths(), out.depths());
        assertEquals(in.curves().size(), out.curves().size());
        for (int k = 0; k < in.curves().size(); k++) {
            assertEquals(in.curves().get(k).mnemonic(), out.curves().get(k).mnemonic());
            assertEquals(in.curves().get(k).unit(), out.curves().get(k).unit());
            assertArrayEquals(in.values().get(k), out.values().get(k), in.curves().get(k).mnemonic());
        }
    }

    @Test
    void lasio20Sample() throws IOException {
        roundTrip("lasio_2.0_sample_2.0.las");
    }

    @Test
    void wrappedLas12WithNulls() throws IOException {
        roundTrip("lasio_1.2_sample_wrapped.las");
    }
}
