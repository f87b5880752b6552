package org.geoassure.ingest.series.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.ingest.series.SeriesOptions;

/**
 * USGS NWIS WaterML-JSON with Jackson's streaming parser: {@code /value/timeSeries/*} each give a series keyed
 * {@code SITE:PARAMETER} ({@code sourceInfo/siteCode/0/value}, {@code variable/variableCode/0/value}), unit
 * {@code variable/unit/unitCode}, readings {@code values/N/value/M} with {@code value}, {@code dateTime} (with its
 * offset) and {@code qualifiers} (joined by ' '). Values equal to {@code variable/noDataValue} are skipped with a
 * warning. Errors name the file and the JSON pointer. Internal.
 */
public final class JsonSeries {
    private JsonSeries() {
    }

    /** One raw reading; kept until noDataValue (which may come later in an object) is known. */
    private record Raw(long t, double v, String q, String where) {
    }

    public static List<SeriesBuilder> read(InputStream in, String file, SeriesOptions o, List<String> warnings,
            long[] rows) throws IOException {
        List<SeriesBuilder> out = new ArrayList<>();
        TimeParser times = new TimeParser(o.zone(), null);
        try (JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(p, file, "expected a JSON object (a USGS waterservices response)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("value") && p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String g = p.currentName();
                        p.nextToken();
                        if (g.equals("timeSeries")) {
                            expect(p, JsonToken.START_ARRAY, file, "timeSeries must be an array");
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                out.add(series(p, file, times, warnings, rows));
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            throw new InvalidContentException(file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (out.isEmpty()) {
            throw new InvalidContentException(file + ": no /value/timeSeries in this JSON file (expected a USGS "
                    + "waterservices response, format=json)");
        }
        return out;
    }

    private static SeriesBuilder series(JsonParser p, String file, TimeParser times, List<String> warnings, long[] rows)
            throws IOException {
        String site = "";
        String siteName = "";
        String param = "";
        String unit = "";
        double noData = Double.NaN;
        List<Raw> raw = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "sourceInfo" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String g = p.currentName();
                        p.nextToken();
                        if (g.equals("siteName")) {
                            siteName = p.getValueAsString("");
                        } else if (g.equals("siteCode")) {
                            site = firstValue(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "variable" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String g = p.currentName();
                        p.nextToken();
                        if (g.equals("variableCode")) {
                            param = firstValue(p);
                        } else if (g.equals("noDataValue") && p.currentToken().isNumeric()) {
                            noData = p.getDoubleValue();
                        } else if (g.equals("unit") && p.currentToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String h = p.currentName();
                                p.nextToken();
                                if (h.equals("unitCode")) {
                                    unit = p.getValueAsString("");
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "values" -> {
                    expect(p, JsonToken.START_ARRAY, file, "values must be an array");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String g = p.currentName();
                            p.nextToken();
                            if (g.equals("value")) {
                                expect(p, JsonToken.START_ARRAY, file, "value must be an array of readings");
                                while (p.nextToken() == JsonToken.START_OBJECT) {
                                    raw.add(reading(p, file, times));
                                    rows[0]++;
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        SeriesBuilder b = new SeriesBuilder(site + ":" + param, site, siteName, unit);
        int skipped = 0;
        for (Raw r : raw) {
            if (r.v == noData) {
                if (skipped++ < 20) {
                    warnings.add(r.where + ": the no-data value " + noData + "; skipped");
                }
                continue;
            }
            b.add(r.t, r.v, r.q, r.where);
        }
        return b;
    }

    private static Raw reading(JsonParser p, String file, TimeParser times) throws IOException {
        String where = file + "#" + p.getParsingContext().pathAsPointer();
        String value = null;
        String dateTime = null;
        StringBuilder q = new StringBuilder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String g = p.currentName();
            p.nextToken();
            if (g.equals("value")) {
                value = p.getValueAsString();
            } else if (g.equals("dateTime")) {
                dateTime = p.getValueAsString();
            } else if (g.equals("qualifiers") && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (q.length() > 0) {
                        q.append(' ');
                    }
                    q.append(p.getValueAsString(""));
                }
            } else {
                p.skipChildren();
            }
        }
        if (value == null || dateTime == null) {
            throw new InvalidContentException(where + ": a reading needs value and dateTime");
        }
        return new Raw(times.parse(dateTime, where + "/dateTime"), DelimitedSeries.number(value, where + "/value",
                "value"), q.length() == 0 ? null : q.toString(), where);
    }

    /** The {@code value} of the first object of an array ({@code siteCode}, {@code variableCode}). */
    private static String firstValue(JsonParser p) throws IOException {
        String v = "";
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return v;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String g = p.currentName();
                p.nextToken();
                if (g.equals("value") && v.isEmpty()) {
                    v = p.getValueAsString("");
                } else {
                    p.skipChildren();
                }
            }
        }
        return v;
    }

    private static void expect(JsonParser p, JsonToken t, String file, String what) {
        if (p.currentToken() != t) {
            throw bad(p, file, what);
        }
    }

    private static InvalidContentException bad(JsonParser p, String file, String what) {
        return new InvalidContentException(file + "#" + p.getParsingContext().pathAsPointer() + ": " + what);
    }
}
