package org.geoassure.ingest.drillhole.internal;

import java.util.List;

/** A column's meaning in a drillhole file, with the header names that are recognised for it (normalised). */
public enum Role {
    /** Hole identifier. */
    HOLE_ID("hole_id", "hole-id", List.of("HOLEID", "HOLE", "BHID", "DHID", "HOLENAME", "BOREHOLE", "BOREHOLEID",
            "WELL", "WELLID")),
    /** Collar easting or longitude. */
    X("x", "x", List.of("X", "EAST", "EASTING", "XCOLLAR", "COLLARX", "EASTINGS")),
    /** Collar northing or latitude. */
    Y("y", "y", List.of("Y", "NORTH", "NORTHING", "YCOLLAR", "COLLARY")),
    /** Collar elevation. */
    Z("z", "z", List.of("Z", "RL", "ELEV", "ELEVATION", "ZCOLLAR", "COLLARZ", "COLLARRL")),
    /** Total depth of the hole (collar file). */
    TOTAL_DEPTH("total_depth", "total-depth", List.of("LENGTH", "TD", "TOTALDEPTH", "MAXDEPTH", "EOH", "DEPTH")),
    /** Azimuth (collar or survey). */
    AZIMUTH("azimuth", "azimuth", List.of("AZIMUTH", "AZI", "AZ", "BRG", "BEARING")),
    /** Dip (collar or survey). */
    DIP("dip", "dip", List.of("DIP", "INCL", "INCLINATION", "INC")),
    /** Drilling date, the hole's valid-from (collar file). */
    DATE("date", "date", List.of("DATE", "DRILLDATE", "ENDDATE", "COMPLETIONDATE", "DATECOMPLETED", "STARTDATE")),
    /** Survey station depth. */
    DEPTH("depth", "depth", List.of("DEPTH", "AT", "MD", "DISTANCE", "SURVEYDEPTH")),
    /** Interval top. */
    FROM("from", "from", List.of("FROM", "DEPTHFROM", "FROMM", "MFROM", "FROMDEPTH", "SAMPFROM")),
    /** Interval bottom. */
    TO("to", "to", List.of("TO", "DEPTHTO", "TOM", "MTO", "TODEPTH", "SAMPTO"));

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
     * Normalises a header for matching: upper case; a trailing unit suffix in parentheses or brackets removed
     * (e.g. {@code "From (m)"}); spaces, underscores and hyphens removed.
     */
    public static String normalise(String header) {
        String h = header.strip();
        int n = h.length();
        if (n > 0 && (h.charAt(n - 1) == ')' || h.charAt(n - 1) == ']')) {
            int open = h.lastIndexOf(h.charAt(n - 1) == ')' ? '(' : '[');
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
