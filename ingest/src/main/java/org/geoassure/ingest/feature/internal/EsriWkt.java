package org.geoassure.ingest.feature.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EPSG codes of ESRI-style WKT (.prj files beside a Shapefile or an ESRI ASCII grid). */
public final class EsriWkt {
    private static final Pattern EPSG = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"(\\d+)\"\\]\\]\\s*$");
    private static final Pattern GK = Pattern.compile("^PROJCS\\[\"CGCS2000_3_Degree_GK_(Zone_|CM_)(\\d+)E?\"");
    private static final Pattern UTM = Pattern.compile("^PROJCS\\[\"WGS_1984_UTM_Zone_(\\d+)([NS])\"");

    private EsriWkt() {
    }

    /**
     * The EPSG code of a .prj WKT when obvious: a top-level EPSG authority; the ESRI names of WGS 84 (4326) and
     * CGCS2000 (4490) geographic CRSs; CGCS2000 3-degree Gauss-Kruger zones 25-45 (4513-4533) and CM 75E-135E
     * (4534-4554), and WGS 84 UTM zones (326nn, 327nn), when the central meridian and false easting agree with the
     * name. Otherwise 0.
     */
    public static int epsg(String wkt) {
        Matcher m = EPSG.matcher(wkt);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        String w = wkt.replaceAll("\\s", "");
        boolean degree = w.contains("UNIT[\"Degree\"");
        if (w.startsWith("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\"") && degree) {
            return 4326;
        }
        if (w.startsWith("GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\"") && degree) {
            return 4490;
        }
        Matcher gk = GK.matcher(w);
        if (gk.find() && w.contains("DATUM[\"D_China_2000\"")) {
            int n = Integer.parseInt(gk.group(2));
            if (gk.group(1).equals("Zone_") && n >= 25 && n <= 45
                    && params(w, 3.0 * n, n * 1_000_000.0 + 500_000.0)) {
                return 4513 + n - 25;
            }
            if (gk.group(1).equals("CM_") && n >= 75 && n <= 135 && n % 3 == 0 && params(w, n, 500_000.0)) {
                return 4534 + (n - 75) / 3;
            }
        }
        Matcher utm = UTM.matcher(w);
        if (utm.find() && w.contains("DATUM[\"D_WGS_1984\"")) {
            int z = Integer.parseInt(utm.group(1));
            if (z >= 1 && z <= 60 && params(w, -183.0 + 6 * z, 500_000.0)) {
                return (utm.group(2).equals("N") ? 32600 : 32700) + z;
            }
        }
        return 0;
    }

    /** True if the ESRI WKT's Central_Meridian and False_Easting parameters have these values. */
    private static boolean params(String w, double centralMeridian, double falseEasting) {
        return param(w, "Central_Meridian") == centralMeridian && param(w, "False_Easting") == falseEasting;
    }

    private static double param(String w, String name) {
        Matcher m = Pattern.compile("PARAMETER\\[\"" + name + "\",([-+0-9.eE]+)\\]").matcher(w);
        if (!m.find()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
