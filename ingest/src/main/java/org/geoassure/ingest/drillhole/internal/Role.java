package org.geoassure.ingest.drillhole.internal;

import java.util.List;

/** A column's meaning in a drillhole file, with the header names that are recognised for it (normalised). */
public enum Role {
    /** Hole identifier. */
    HOLE_ID("hole_id", "hole-id", List.of("HOLEID", "HOLE", "BHID", "DHID", "HOLENAME", "BOREHOLE", "BOREHOLEID",
            "WELL", "WELLID", "孔号", "钻孔编号", "钻孔号", "孔名", "钻孔名称", "工程编号")),
    /** Collar easting or longitude. */
    X("x", "x", List.of("X", "EAST", "EASTING", "XCOLLAR", "COLLARX", "EASTINGS", "X坐标", "东坐标")),
    /** Collar northing or latitude. */
    Y("y", "y", List.of("Y", "NORTH", "NORTHING", "YCOLLAR", "COLLARY", "Y坐标", "北坐标")),
    /** Collar elevation. */
    Z("z", "z", List.of("Z", "RL", "ELEV", "ELEVATION", "ZCOLLAR", "COLLARZ", "COLLARRL", "Z坐标", "孔口高程",
            "孔口标高", "高程", "标高")),
    /** Total depth of the hole (collar file). */
    TOTAL_DEPTH("total_depth", "total-depth", List.of("LENGTH", "TD", "TOTALDEPTH", "MAXDEPTH", "EOH", "DEPTH", "孔深", "终孔深度",
            "终孔孔深")),
    /** Azimuth (collar or survey). */
    AZIMUTH("azimuth", "azimuth", List.of("AZIMUTH", "AZI", "AZ", "BRG", "BEARING", "方位角", "方位")),
    /** Dip (collar or survey). */
    DIP("dip", "dip", List.of("DIP", "INCL", "INCLINATION", "INC", "倾角", "顶角", "天顶角")),
    /** Drilling date, the hole's valid-from (collar file). */
    DATE("date", "date", List.of("DATE", "DRILLDATE", "ENDDATE", "COMPLETIONDATE", "DATECOMPLETED", "STARTDATE",
            "终孔日期", "完孔日期", "开孔日期", "日期")),
    /** Survey station depth. */
    DEPTH("depth", "depth", List.of("DEPTH", "AT", "MD", "DISTANCE", "SURVEYDEPTH", "测点深度", "测斜深度", "深度")),
    /** Interval top. */
    FROM("from", "from", List.of("FROM", "DEPTHFROM", "FROMM", "MFROM", "FROMDEPTH", "SAMPFROM", "自", "从", "起始深度",
            "起深", "顶深")),
    /** Interval bottom. */
    TO("to", "to", List.of("TO", "DEPTHTO", "TOM", "MTO", "TODEPTH", "SAMPTO", "至", "到", "终止深度", "止深",
            "底深"));

    /** Roles of a collar file, in detection order. */
    public static final List<Role> COLLAR = List.of(HOLE_ID, X, Y, Z, TOTAL_DEPTH, AZIMUTH, DIP, DATE);
    /** Roles of a survey file. */
    public static final List<Role> SURVEY = List.of(HOLE_ID, DEPTH, AZIMUTH, DIP);
    /** Roles of an interval file. */
    public static final List<Role> INTERVALS = List.of(HOLE_ID, FROM, TO);

    private final String key;
    private final String display;
    private final List<String> candidates;

    Role(String key, String display, List<String> candidates) {
        this.key = key;
        this.display = display;
        this.candidates = candidates;
    }

    /** Mapping-file key, e.g. {@code hole_id}. */
    public String key() {
        return key;
    }

    /** Name in messages, e.g. {@code hole-id}. */
    public String display() {
        return display;
    }

    /** Recognised normalised header names, preferred first. */
    public List<String> candidates() {
        return candidates;
    }

    /** Whether a file of this kind must have the role. */
    public boolean required(String fileKind) {
        return switch (this) {
            case HOLE_ID -> true;
            case X, Y, Z -> "collar".equals(fileKind);
            case DEPTH, AZIMUTH, DIP -> "survey".equals(fileKind);
            case FROM, TO -> "intervals".equals(fileKind);
            default -> false;
        };
    }

    /**
     * Normalises a header for matching: upper case; a trailing unit suffix in parentheses (also full-width) or
     * brackets removed (e.g. {@code "From (m)"}, {@code "自（m）"}); spaces, underscores and hyphens removed.
     */
    public static String normalise(String header) {
        String h = header.strip();
        int n = h.length();
        if (n > 0 && (h.charAt(n - 1) == ')' || h.charAt(n - 1) == ']' || h.charAt(n - 1) == '\uFF09')) {
            char close = h.charAt(n - 1);
            int open = h.lastIndexOf(close == ')' ? '(' : close == ']' ? '[' : '\uFF08');
            if (open > 0) {
                h = h.substring(0, open);
            }
        }
        StringBuilder sb = new StringBuilder(h.length());
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c != ' ' && c != '_' && c != '-' && c != '\t') {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }
}
