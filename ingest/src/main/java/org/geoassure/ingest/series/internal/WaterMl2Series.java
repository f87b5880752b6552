package org.geoassure.ingest.series.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.ingest.series.SeriesOptions;

/**
 * OGC WaterML 2.0 with the JDK's StAX parser: one series per {@code wml2:MeasurementTimeseries}; its unit from
 * {@code wml2:uom/@xlink:title}, its default quality from the default point metadata's qualifier
 * ({@code swe:value}), the site from the collection's {@code gml:identifier} ({@code USGS.01646500} gives
 * {@code 01646500}), the parameter from {@code om:observedProperty} ({@code parmCd=00060}). A point without a time or
 * value is skipped with a warning. Errors name {@code file:line}. Internal.
 */
public final class WaterMl2Series {
    private static final String WML2 = "http://www.opengis.net/waterml/2.0";
    private static final String GML = "http://www.opengis.net/gml/3.2";
    private static final String SWE = "http://www.opengis.net/swe/2.0";
    private static final String XLINK = "http://www.w3.org/1999/xlink";

    private WaterMl2Series() {
    }

    public static List<SeriesBuilder> read(InputStream in, String file, SeriesOptions o, List<String> warnings,
            long[] rows) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<SeriesBuilder> out = new ArrayList<>();
        TimeParser times = new TimeParser(o.zone(), null);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(in);
            String site = "";
            String siteName = "";
            String parameter = "";
            SeriesBuilder cur = null;
            String unit = "";
            String defaultQuality = null;
            boolean inDefaultMeta = false;
            String time = null;
            String value = null;
            int pointLine = 0;
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String ns = r.getNamespaceURI();
                    String name = r.getLocalName();
                    if (depth == 1 && !(WML2.equals(ns) && name.equals("Collection"))) {
                        throw new InvalidContentException(file + ":" + line(r) + ": the root element is " + name
                                + ", not a WaterML 2.0 wml2:Collection");
                    }
                    if (GML.equals(ns) && name.equals("identifier") && depth == 2) {
                        String id = r.getElementText().trim();
                        depth--;
                        site = id.substring(id.lastIndexOf('.') + 1);
                    } else if (GML.equals(ns) && name.equals("name") && depth == 2) {
                        siteName = r.getElementText().trim();
                        depth--;
                    } else if (name.equals("observedProperty")) {
                        String href = attr(r, XLINK, "href");
                        int at = href.indexOf("parmCd=");
                        parameter = at >= 0 ? href.substring(at + 7) : attr(r, XLINK, "title");
                    } else if (WML2.equals(ns) && name.equals("MeasurementTimeseries")) {
                        String key = site + ":" + parameter;
                        cur = new SeriesBuilder(key, site, siteName, "");
                        out.add(cur);
                        unit = "";
                        defaultQuality = null;
                    } else if (WML2.equals(ns) && name.equals("DefaultTVPMeasurementMetadata")) {
                        inDefaultMeta = true;
                    } else if (WML2.equals(ns) && name.equals("uom") && inDefaultMeta) {
                        unit = attr(r, XLINK, "title");
                    } else if (SWE.equals(ns) && name.equals("value") && inDefaultMeta) {
                        defaultQuality = r.getElementText().trim();
                        depth--;
                    } else if (WML2.equals(ns) && name.equals("MeasurementTVP")) {
                        time = null;
                        value = null;
                        pointLine = line(r);
                    } else if (WML2.equals(ns) && name.equals("time") && cur != null) {
                        time = r.getElementText().trim();
                        depth--;
                    } else if (WML2.equals(ns) && name.equals("value") && cur != null) {
                        value = r.getElementText().trim();
                        depth--;
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    String name = r.getLocalName();
                    if (name.equals("DefaultTVPMeasurementMetadata")) {
                        inDefaultMeta = false;
                        if (cur != null) {
                            cur.sourceUnit = unit;
                        }
                    } else if (name.equals("MeasurementTVP") && cur != null) {
                        rows[0]++;
                        String where = file + ":" + pointLine;
                        if (time == null || time.isEmpty() || value == null || value.isEmpty()) {
                            warnings.add(where + ": point without " + (time == null || time.isEmpty() ? "a time"
                                    : "a value") + "; skipped");
                        } else {
                            cur.add(times.parse(time, where), DelimitedSeries.number(value, where, "wml2:value"),
                                    defaultQuality, where);
                        }
                    } else if (name.equals("MeasurementTimeseries")) {
                        cur = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            int l = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            throw new InvalidContentException(file + ":" + l + ": not well-formed XML: " + e.getMessage()
                    .replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the error being reported matters more
                }
            }
        }
        if (out.isEmpty()) {
            throw new InvalidContentException(file + ": no wml2:MeasurementTimeseries in this WaterML 2.0 file");
        }
        return out;
    }

    private static int line(XMLStreamReader r) {
        return r.getLocation().getLineNumber();
    }

    private static String attr(XMLStreamReader r, String ns, String name) {
        String v = r.getAttributeValue(ns, name);
        return v == null ? "" : v.trim();
    }
}
