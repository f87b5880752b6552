package org.geoassure.geodb.internal;

import java.util.Map;

/** JSON text without a JSON library (geodb has none): string quoting and flat objects. Internal. */
public final class JsonText {
    private JsonText() {
    }

    /** Appends {@code s} as a JSON string: quotes, backslash, and control characters escaped. */
    public static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /**
     * A flat JSON object of String, Long, Double, Boolean or null values, in map order; NaN and infinite doubles are
     * written as null (JSON has no such numbers).
     */
    public static String flatObject(Map<String, Object> values) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, e.getKey()).append(':');
            Object v = e.getValue();
            if (v == null || v instanceof Double d && !Double.isFinite(d)) {
                sb.append("null");
            } else if (v instanceof String s) {
                quote(sb, s);
            } else {
                sb.append(v); // Long, Boolean, finite Double (Double.toString always has '.' or 'E')
            }
        }
        return sb.append('}').toString();
    }
}
