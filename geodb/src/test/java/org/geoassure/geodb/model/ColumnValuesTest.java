package org.geoassure.geodb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnValuesTest {

    @Test
    void behavesAsAnOrderedImmutableMapWithNulls() {
        Object[] raw = {"coal", null, 2.5};
        ColumnValues v = ColumnValues.of(List.of("lith", "cu", "au"), raw);
        raw[0] = "changed";
        assertEquals("coal", v.get("lith"));
        assertNull(v.get("cu"));
        assertTrue(v.containsKey("cu"));
        assertNull(v.get("zn"));
        assertEquals(List.of("lith", "cu", "au"), List.copyOf(v.keySet()));
        assertEquals("{lith=coal, cu=null, au=2.5}", v.toString());
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("lith", "coal");
        same.put("cu", null);
        same.put("au", 2.5);
        assertEquals(same, v);
        assertEquals(v, same);
        assertEquals(same.hashCode(), v.hashCode());
        assertSame(v, ColumnValues.copyOf(v));
        assertEquals(v, ColumnValues.copyOf(same));
        assertThrows(UnsupportedOperationException.class, () -> v.put("x", 1));
        assertThrows(IllegalArgumentException.class, () -> ColumnValues.of(List.of("a"), new Object[2]));
    }
}
