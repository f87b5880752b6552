package org.geoassure.server.cli;

import static org.geoassure.server.cli.CliTest.ingestDemo1;
import static org.geoassure.server.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code geoassure copy} between GeoPackage files (PostgisCliTest takes the demo mine through PostGIS): the copy
 * answers as the original, times included, and a damaged source is refused with exit 2 and no target left behind.
 */
class CopyCliTest {
    @TempDir
    Path dir;

    @Test
    void aCopyAnswersAsTheOriginal() {
        Path src = dir.resolve("mine.gpkg");
        Path dst = dir.resolve("copy.gpkg");
        assertEquals(0, run("init", src.toString(), "--crs", "EPSG:4527").code());
        assertEquals(0, ingestDemo1(src).code());
        CliTest.Result copy = run("copy", src.toString(), dst.toString());
        assertEquals(0, copy.code(), copy.err());
        assertTrue(copy.out().contains("both read back alike"), copy.out());
        for (String[] c : new String[][] {{"info"}, {"history", "0", "--table", "assays"},
            {"query", "intervals", "--table", "assays", "--where", "Au > 2", "--format", "csv"}}) {
            String[] a = new String[c.length + 1];
            String[] b = new String[c.length + 1];
            a[0] = c[0];
            b[0] = c[0];
            a[1] = src.toString();
            b[1] = dst.toString();
            System.arraycopy(c, 1, a, 2, c.length - 1);
            System.arraycopy(c, 1, b, 2, c.length - 1);
            assertEquals(run(a).out().replace(src.toString(), "WS"), run(b).out().replace(dst.toString(), "WS"),
                    String.join(" ", c));
        }
        assertEquals(0, run("check", dst.toString()).code());
    }

    @Test
    void aDamagedSourceIsRefusedAndNothingIsMade() throws Exception {
        Path src = dir.resolve("mine.gpkg");
        Path dst = dir.resolve("copy.gpkg");
        assertEquals(0, run("init", src.toString(), "--crs", "EPSG:4527").code());
        assertEquals(0, ingestDemo1(src).code());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + src); Statement s = c.createStatement()) {
            s.execute("UPDATE boreholes SET superseded_at = recorded_at - 1 WHERE hole_id = '0'");
        }
        CliTest.Result r = run("copy", src.toString(), dst.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(src + ": fails its integrity check, so it is not copied"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dst));
        CliTest.Result missing = run("copy", dir.resolve("none.gpkg").toString(), dst.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none.gpkg"), missing.err());
        assertFalse(Files.exists(dst));
    }
}
