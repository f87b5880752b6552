package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

class IsoWkbTest {

    /** WKT in, ISO WKB out: the type code, and JTS reads back the same WKT, z included. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POINT Z(1 2 3)|1001",
        "POINT (1 2)|1",
        "LINESTRING Z(4.5 0 99.7, 4.6 0 99.2, 4.6 0.1 98.7)|1002",
        "LINESTRING (0 0, 1 1)|2",
        "POLYGON Z((0 0 1, 4 0 1, 4 4 2, 0 0 1), (1 1 1, 2 1 1, 2 2 1, 1 1 1))|1003",
        "MULTIPOINT Z((1 2 3), (4 5 6))|1004",
        "MULTILINESTRING Z((0 0 0, 1 1 1), (2 2 2, 3 3 3))|1005",
        "MULTIPOLYGON Z(((0 0 1, 1 0 1, 1 1 1, 0 0 1)))|1006",
        "GEOMETRYCOLLECTION Z(POINT Z(1 2 3), LINESTRING Z(0 0 0, 1 1 1))|1007",
        "POLYGON EMPTY|3"})
    void roundTrips(String wkt, int typeCode) throws ParseException {
        byte[] wkb = IsoWkb.write(new WKTReader().read(wkt));
        assertEquals(1, wkb[0], "little endian");
        assertEquals(typeCode, ByteBuffer.wrap(wkb, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(wkt, new WKTWriter(3).write(new WKBReader().read(wkb)));
    }
}
